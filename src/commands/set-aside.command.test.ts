import { describe, expect, it } from 'vitest';
import type { PlanFeature } from '../domain/features.ts';
import { applyPatch } from '../domain/patch.ts';
import { getFeature } from '../domain/plan.ts';
import { feature, planWith, rect } from '../domain/test-support.ts';
import { discardSetAside, restoreSetAside, salvageFeature, type SetAsideInput } from './set-aside.command.ts';
import { contextOf } from './test-context.ts';

const neighbour = feature('base', 'p1', rect(120, 30, 120.001, 30.001), { parcelNo: '0001', classCode: '111' });
const lost = feature('newBuild', 'nb1', rect(120.001, 30, 120.002, 30.001), { parcelNo: 'JX001', households: 3 });
const plan = planWith([neighbour]);

const asStored = (value: unknown, key: unknown = ['draft-1', 'newBuild', 'nb1']): SetAsideInput => ({ id: 'q1', store: 'features', key, value });

describe('restoring a set-aside feature record', () => {
  it('brings back a feature whose record wrapper was damaged, exactly as it was, as one undo step', () => {
    const result = restoreSetAside(contextOf(plan), asStored({ feature: lost, order: 'seven' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.notes ?? []).toEqual([]);
    expect(result.patch.quarantine).toEqual([{ id: 'q1', before: 'pending', after: 'restored' }]);
    const { plan: restored, inverse } = applyPatch(plan, result.patch);
    // Exactly as stored, down to the order of its fields.
    expect(JSON.stringify(getFeature(restored, 'newBuild', lost.id))).toBe(JSON.stringify(lost));
    const undone = applyPatch(restored, inverse);
    expect(undone.plan).toEqual(plan);
    expect(inverse.quarantine).toEqual([{ id: 'q1', before: 'restored', after: 'pending' }]);
  });

  it('repairs an open ring and a self-intersection, and says how the area changed', () => {
    const bowtie = { type: 'Polygon', coordinates: [[[120, 30], [120.001, 30.001], [120.001, 30], [120, 30.001]]] };
    const salvaged = salvageFeature(contextOf(plan), asStored({ ...lost, geometry: bowtie }));
    expect(salvaged.ok).toBe(true);
    if (!salvaged.ok) return;
    expect(salvaged.value.repairs.map((r) => r.key)).toEqual(['quarantine.repair.geometry']);
    const params = salvaged.value.repairs[0]?.params ?? {};
    expect(params.afterM2).toBeGreaterThan(0);
  });

  it('sets an unreadable attribute to its default and names the field, the bad value and the default', () => {
    const bad = { ...lost, properties: { ...lost.properties, households: -4, useCode: 'not-a-code' } };
    const salvaged = salvageFeature(contextOf(plan), asStored(bad));
    expect(salvaged.ok).toBe(true);
    if (!salvaged.ok) return;
    const props = salvaged.value.feature.properties as unknown as Record<string, unknown>;
    expect(props.households).toBeNull();
    expect(props.useCode).toBe('2121');
    expect(props.parcelNo).toBe('JX001');
    expect(salvaged.value.repairs).toEqual([
      { key: 'quarantine.repair.field', params: { field: 'field.useCode', value: '"not-a-code"', fallback: '"2121"' } },
      { key: 'quarantine.repair.field', params: { field: 'field.households', value: '-4', fallback: '—' } },
    ]);
  });

  it('reads the layer from the record key when the feature lost it, and gives a new id when its own is taken', () => {
    const taken = { ...lost, id: neighbour.id, layer: 'nonsense' } as unknown as PlanFeature;
    const salvaged = salvageFeature(contextOf(planWith([neighbour, { ...lost, id: neighbour.id } as PlanFeature])), asStored(taken, ['d', 'newBuild', neighbour.id]));
    expect(salvaged.ok).toBe(true);
    if (!salvaged.ok) return;
    expect(salvaged.value.feature.layer).toBe('newBuild');
    expect(salvaged.value.feature.id).not.toBe(neighbour.id);
    expect(salvaged.value.repairs.map((r) => r.key)).toContain('quarantine.repair.idTaken');
  });

  it('gives a new id to a record whose id a feature of another layer has: selection and edits find features by id alone', () => {
    // A copy pasted by hand into another layer, set aside when the draft opened: restored as it is, both would share the id.
    const copy = { ...lost, id: neighbour.id };
    const salvaged = salvageFeature(contextOf(plan), asStored(copy, ['d', 'newBuild', neighbour.id]));
    expect(salvaged.ok).toBe(true);
    if (!salvaged.ok) return;
    expect(salvaged.value.feature.layer).toBe('newBuild');
    expect(salvaged.value.feature.id).not.toBe(neighbour.id);
    expect(salvaged.value.repairs.map((r) => r.key)).toContain('quarantine.repair.idTaken');
  });

  it('refuses, with a reason, what holds nothing usable: no layer, no geometry, not a feature record', () => {
    const ctx = contextOf(plan);
    const errorOf = (input: SetAsideInput) => {
      const result = salvageFeature(ctx, input);
      return result.ok ? 'restored' : result.error.key;
    };
    expect(errorOf(asStored('garbage'))).toBe('quarantine.restore.nothingReadable');
    expect(errorOf(asStored({ ...lost, layer: 'x' }, 'bad key'))).toBe('quarantine.restore.noLayer');
    expect(errorOf(asStored({ ...lost, geometry: { type: 'Polygon', coordinates: [[['a', 'b']]] } }))).toBe('quarantine.restore.noGeometry');
    expect(errorOf(asStored({ ...lost, geometry: { type: 'Polygon', coordinates: [[[120, 30], [120.001, 30]]] } }))).toBe('quarantine.restore.invalidGeometry');
    expect(errorOf({ id: 'q2', store: 'history', key: ['d', 3], value: {} })).toBe('quarantine.restore.notAFeature');
  });
});

describe('discarding a set-aside record', () => {
  it('changes no feature and is undone by putting the record back to pending', () => {
    const result = discardSetAside({ id: 'q9' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { plan: after, inverse } = applyPatch(plan, result.patch);
    expect(after.layers).toBe(plan.layers);
    expect(inverse).toEqual({ features: [], quarantine: [{ id: 'q9', before: 'discarded', after: 'pending' }] });
  });
});
