import { describe, expect, it } from 'vitest';
import type { LayerId } from '../profiles/zhejiang-2017/layers.ts';
import { asFeatureId } from '../domain/ids.ts';
import { putFeature, type FeatureChange } from '../domain/patch.ts';
import { feature, planWith, rect } from '../domain/test-support.ts';
import { layerCollection, patchToDiffs, toMapFeature } from './map-features.ts';

const parcel = (id: string, classCode = '0101', x = 0) => feature('base', id, rect(120 + x, 30, 120.001 + x, 30.001), { classCode, parcelNo: `No.${id}`, ownerName: '某村' });
const zone = (id: string, zoneCode = '010') => feature('controlZone', id, rect(120, 30, 120.002, 30.002), { zoneCode });
const remove = (layer: LayerId, id: string): FeatureChange => ({ layer, id: asFeatureId(id), after: null });

/** What the map sources hold now, as patchToDiffs keeps it. */
const presentOf = (entries: Record<string, string[]>) => new Map(Object.entries(entries).map(([layer, ids]) => [layer as LayerId, new Set(ids)]));
const snapshot = (present: Map<LayerId, Set<string>>) => Object.fromEntries([...present].map(([layer, ids]) => [layer, [...ids].sort()]));

describe('plan features on the map', () => {
  it('carry the id and only the properties the style reads', () => {
    expect(toMapFeature(parcel('p1', '0102'))).toEqual({
      type: 'Feature',
      id: 'p1',
      geometry: parcel('p1').geometry,
      properties: { id: 'p1', classCode: '0102', parcelNo: 'No.p1' },
    });
    expect(toMapFeature(feature('boundary', 'b', rect(0, 0, 1, 1))).properties).toEqual({ id: 'b' });
  });

  it('one collection per layer, in the plan order', () => {
    const plan = planWith([parcel('p2'), parcel('p1'), zone('z')]);
    expect(layerCollection(plan, 'base').features.map((f) => f.id)).toEqual(['p2', 'p1']);
    expect(layerCollection(plan, 'pbf').features).toEqual([]);
  });
});

describe('patchToDiffs', () => {
  it('adds a new feature and remembers that its source has it', () => {
    const present = presentOf({ base: ['p1'] });
    const diffs = patchToDiffs(present, { features: [putFeature(parcel('p2'))] });
    expect([...diffs]).toEqual([['base', { add: [toMapFeature(parcel('p2'))] }]]);
    expect(snapshot(present)).toEqual({ base: ['p1', 'p2'] });
  });

  it('replaces a changed feature by removing and adding it in one diff', () => {
    const present = presentOf({ base: ['p1'] });
    const diffs = patchToDiffs(present, { features: [putFeature(parcel('p1', '0201'))] });
    expect(diffs.get('base')).toEqual({ remove: ['p1'], add: [toMapFeature(parcel('p1', '0201'))] });
    expect(snapshot(present)).toEqual({ base: ['p1'] });
  });

  it('removes a deleted feature and forgets it', () => {
    const present = presentOf({ base: ['p1', 'p2'] });
    const diffs = patchToDiffs(present, { features: [remove('base', 'p1')] });
    expect(diffs.get('base')).toEqual({ remove: ['p1'] });
    expect(snapshot(present)).toEqual({ base: ['p2'] });
  });

  it('gives one diff per touched layer and none for the others', () => {
    const present = presentOf({ base: ['p1'], controlZone: [] });
    const diffs = patchToDiffs(present, { features: [putFeature(zone('z1')), remove('base', 'p1'), putFeature(zone('z2', '020'))] });
    expect([...diffs.keys()].sort()).toEqual(['base', 'controlZone']);
    expect(diffs.get('controlZone')).toEqual({ add: [toMapFeature(zone('z1')), toMapFeature(zone('z2', '020'))] });
    expect(diffs.get('base')).toEqual({ remove: ['p1'] });
  });

  it('lets the last change to an id win when a patch touches it twice (a coalesced drag, a squashed step)', () => {
    const present = presentOf({ base: ['p1'] });
    const diffs = patchToDiffs(present, { features: [putFeature(parcel('p1', '0201')), putFeature(parcel('p1', '0301')), putFeature(parcel('p9')), remove('base', 'p9')] });
    // p1 once, with its last value; p9 added and deleted again: the map never hears of it.
    expect(diffs.get('base')).toEqual({ remove: ['p1'], add: [toMapFeature(parcel('p1', '0301'))] });
    expect(snapshot(present)).toEqual({ base: ['p1'] });
  });

  it('deletes then re-creates an id as a replacement', () => {
    const present = presentOf({ base: ['p1'] });
    const diffs = patchToDiffs(present, { features: [remove('base', 'p1'), putFeature(parcel('p1', '0201'))] });
    expect(diffs.get('base')).toEqual({ remove: ['p1'], add: [toMapFeature(parcel('p1', '0201'))] });
  });

  it('gives no diff for a layer whose changes cancel out, nor for an empty patch', () => {
    const present = presentOf({ base: ['p1'], controlZone: [] });
    // z9 put and deleted within one patch (a patch joined from several steps can hold both).
    const diffs = patchToDiffs(present, { features: [putFeature(zone('z9')), remove('controlZone', 'z9'), putFeature(parcel('p1', '0201'))] });
    expect([...diffs.keys()]).toEqual(['base']);
    expect(patchToDiffs(present, { features: [] }).size).toBe(0);
    expect(snapshot(present)).toEqual({ base: ['p1'], controlZone: [] });
  });

  it('removes a feature the source has even when the patch first changed it, in another layer too', () => {
    const present = presentOf({ base: ['p1'], controlZone: ['z1'] });
    const diffs = patchToDiffs(present, { features: [putFeature(zone('z1', '020')), remove('controlZone', 'z1'), remove('base', 'p1')] });
    expect(diffs.get('controlZone')).toEqual({ remove: ['z1'] });
    expect(diffs.get('base')).toEqual({ remove: ['p1'] });
    expect(snapshot(present)).toEqual({ base: [], controlZone: [] });
  });

  it('the same id in two layers is two features', () => {
    const present = presentOf({ base: ['x'] });
    const diffs = patchToDiffs(present, { features: [putFeature(zone('x')), remove('base', 'x')] });
    expect(diffs.get('controlZone')).toEqual({ add: [toMapFeature(zone('x'))] });
    expect(diffs.get('base')).toEqual({ remove: ['x'] });
    expect(snapshot(present)).toEqual({ base: [], controlZone: ['x'] });
  });

  it('starts the id set of a layer it has not seen', () => {
    const present = presentOf({});
    patchToDiffs(present, { features: [putFeature(zone('z1'))] });
    expect(snapshot(present)).toEqual({ controlZone: ['z1'] });
  });

  it('keeps the sources right over a sequence of patches (each id added once, removed only when present)', () => {
    const present = presentOf({ base: [] });
    const shown = new Map<string, unknown>();
    const apply = (changes: FeatureChange[]) => {
      for (const [, diff] of patchToDiffs(present, { features: changes })) {
        for (const id of diff.remove ?? []) {
          expect(shown.has(String(id))).toBe(true);
          shown.delete(String(id));
        }
        for (const f of diff.add ?? []) {
          expect(shown.has(String(f.id))).toBe(false);
          shown.set(String(f.id), f);
        }
      }
    };
    apply([putFeature(parcel('a')), putFeature(parcel('b'))]);
    apply([putFeature(parcel('a', '0201')), remove('base', 'b')]);
    apply([putFeature(parcel('b')), putFeature(parcel('c')), remove('base', 'c')]);
    apply([remove('base', 'a'), putFeature(parcel('a', '0301'))]);
    expect([...shown.keys()].sort()).toEqual(['a', 'b']);
    expect(shown.get('a')).toEqual(toMapFeature(parcel('a', '0301')));
    expect(snapshot(present)).toEqual({ base: ['a', 'b'] });
  });
});
