import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../src/domain/plan-file.ts';
import { layerFeatures } from '../../src/domain/plan.ts';
import { generateVillagePlan } from './generate.ts';
import { freshCommittedSample } from './fresh-sample.ts';
import { COMMITTED_SAMPLE, parseCliOptions } from './options.ts';
import { serialisePlan } from './serialise.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('sample village generator', () => {
  it('writes the same bytes for the same seed and parcel count', () => {
    const { text } = freshCommittedSample();
    const again = serialisePlan(generateVillagePlan(COMMITTED_SAMPLE));
    // Compared as a boolean: a diff of two 1.5 MB strings helps nobody.
    expect(again === text).toBe(true);
  }, 60_000);

  it('the committed sample is a fresh generation with its recorded arguments (npm run sample)', () => {
    const committed = readFileSync(new URL(`../../${COMMITTED_SAMPLE.out}`, import.meta.url), 'utf8');
    expect(committed === freshCommittedSample().text, 'samples/sample-village.plan.json is stale: run `npm run sample`').toBe(true);
  }, 60_000);

  it('is a plan file: format, schema version, every layer present, valid JSON', () => {
    const { plan, text } = freshCommittedSample();
    expect(JSON.parse(text)).toEqual(plan);
    expect(plan.format).toBe('village-plan');
    expect(plan.schemaVersion).toBe(1);
    expect(Object.keys(plan.layers)).toHaveLength(15);
    expect(plan.meta).toMatchObject({ baseYear: 2017, targetYear: 2020, profileId: 'zhejiang-2017' });
    expect(plan.meta.villageCode).toMatch(/^3304\d{8}$/);
  }, 60_000);

  it('opens in the editor: the plan-file reader accepts it whole, with no notes', () => {
    const { plan, text } = freshCommittedSample();
    const parsed = parsePlanText(text);
    expect(parsed.ok && parsed.notes).toEqual([]);
    expect(parsed.ok && parsed.value).toEqual(plan);
  }, 60_000);

  it('has 1,000–3,000 base parcels, within 2 % of the wanted 2,000', () => {
    const count = layerFeatures(freshCommittedSample().plan, 'base').length;
    expect(count).toBeGreaterThanOrEqual(1000);
    expect(count).toBeLessThanOrEqual(3000);
    expect(Math.abs(count - COMMITTED_SAMPLE.parcels)).toBeLessThanOrEqual(0.02 * COMMITTED_SAMPLE.parcels);
  }, 60_000);

  it('gives every feature a distinct v4 UUID, and the plan one too', () => {
    const { plan } = freshCommittedSample();
    const ids = Object.values(plan.layers).flatMap((layer) => Object.keys(layer));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [...ids, plan.id]) expect(id).toMatch(UUID);
  }, 60_000);

  it('stores lon/lat to at most 9 decimals, inside the Hangjiahu plain (zone 40)', () => {
    const { plan } = freshCommittedSample();
    const positions = Object.values(plan.layers).flatMap((layer) =>
      Object.values(layer).flatMap((f) => JSON.stringify(f.geometry.coordinates).match(/-?\d+\.?\d*/g) ?? []),
    );
    for (const number of positions) expect(number.split('.')[1]?.length ?? 0).toBeLessThanOrEqual(9);
    const lons = positions.filter((_, k) => k % 2 === 0).map(Number);
    const lats = positions.filter((_, k) => k % 2 === 1).map(Number);
    expect(Math.min(...lons)).toBeGreaterThan(120.6);
    expect(Math.max(...lons)).toBeLessThan(121.0);
    expect(Math.min(...lats)).toBeGreaterThan(30.4);
    expect(Math.max(...lats)).toBeLessThan(30.8);
  }, 60_000);

  it('scales: another seed and 5,000 parcels give another village of 5,000 ± 10 %', () => {
    const plan = generateVillagePlan({ seed: 7, parcels: 5000 });
    const count = layerFeatures(plan, 'base').length;
    expect(Math.abs(count - 5000)).toBeLessThanOrEqual(500);
    expect(plan.id).not.toBe(freshCommittedSample().plan.id);
  }, 60_000);

  it('reads its command line', () => {
    expect(parseCliOptions([])).toEqual(COMMITTED_SAMPLE);
    expect(parseCliOptions(['--seed', '9', '--parcels=20000', '--out', 'x.json'])).toEqual({ seed: 9, parcels: 20000, out: 'x.json' });
    expect(() => parseCliOptions(['--parcels', 'many'])).toThrow(/--parcels/);
    expect(() => parseCliOptions(['--colour', 'red'])).toThrow(/unknown argument/);
  });
});
