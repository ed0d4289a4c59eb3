/**
 * Shape commands among zones digitised one by one (vertices every ~10 m, each copy ±0.3 mm off its
 * neighbour's, village-database/test-support.ts `jittered`). The commands put the neighbours' vertices back
 * into the edges an overlay made (shared-boundaries.ts); the jittered copies of a corner, inserted
 * together, zigzagged the ring across itself and the edit was refused as self-intersecting, though nothing
 * the planner drew crossed anything.
 */
import { describe, expect, it } from 'vitest';
import type { AreaGeometry, PlanFeature } from '../domain/features.ts';
import { applyPatch } from '../domain/patch.ts';
import { layerFeatures } from '../domain/plan.ts';
import { feature, planWith, rect } from '../domain/test-support.ts';
import { isValidAreaGeometry } from '../geo/validity.ts';
import { issuesOf } from '../rules/test-support.ts';
import { cell } from '../rules/ydyh/test-support.ts';
import { addFeature } from './add-feature.command.ts';
import { cutHole } from './cut-hole.command.ts';
import { mergeFeatures } from './merge.command.ts';
import { contextOf } from './test-context.ts';
import { jittered } from './village-database/test-support.ts';

const [x0, y0] = cell(0, 0).coordinates[0]?.[0] as [number, number];
const village = feature('boundary', 'village', rect(x0, y0, x0 + 0.003, y0 + 0.003));
/** A 3 × 3 grid of jittered zones z0 … z8, row by row, without those in `without`. */
const zoneGrid = (seed: number, without: readonly number[] = []) =>
  planWith([village, ...[0, 1, 2, 3, 4, 5, 6, 7, 8].filter((k) => !without.includes(k)).map((k) => feature('functionalZone', `z${k}`, jittered(k % 3, Math.floor(k / 3), seed * 9 + k), { zoneType: 'agriculture' }))]);
const zoneId = (k: number) => `z${k}` as PlanFeature['id'];
const allValid = (plan: ReturnType<typeof planWith>) => (layerFeatures(plan, 'functionalZone') as PlanFeature[]).every((zone) => isValidAreaGeometry(zone.geometry as AreaGeometry));
const coverageErrors = (plan: ReturnType<typeof planWith>) => ['no-gap', 'no-overlap'].flatMap((rule) => issuesOf(plan, rule)).filter((i) => i.severity === 'error' && i.layer === 'functionalZone');

describe('a zone drawn over the gap among jittered neighbours, clipped to them', () => {
  // Seeds where the neighbours' copies of the gap's corners, put into the clipped zone's edges together,
  // zigzagged its ring across itself: the drawing was refused as 'invalid after clipping'.
  it.each([2, 43, 146])('fills the gap exactly, valid and leaving the neighbours valid (seed %i)', (seed) => {
    const plan = zoneGrid(seed, [4]);
    expect(coverageErrors(plan)).toHaveLength(1);
    const drawn = rect(x0 + 0.0009, y0 + 0.0009, x0 + 0.0021, y0 + 0.0021);
    const result = addFeature(contextOf(plan), { layer: 'functionalZone', geometry: drawn, properties: { zoneType: 'ecology' }, clipToNeighbours: true });
    if (!result.ok) throw new Error(result.error.key);
    const after = applyPatch(plan, result.patch).plan;
    expect(allValid(after)).toBe(true);
    expect(coverageErrors(after)).toEqual([]);
  });
});

describe('a pond cut out of the middle of a jittered zone', () => {
  it.each([8, 37, 57])('is cut, 10 m from any edge, the zone valid (seed %i)', (seed) => {
    const plan = zoneGrid(seed);
    const result = cutHole(contextOf(plan), zoneId(4), rect(x0 + 0.0011, y0 + 0.0011, x0 + 0.0019, y0 + 0.0019) as never);
    if (!result.ok) throw new Error(result.error.key);
    expect(allValid(applyPatch(plan, result.patch).plan)).toBe(true);
  });
});

describe('two jittered zones merged', () => {
  it('become one valid zone, the coverage still clean (seed 37)', () => {
    const plan = zoneGrid(37);
    expect(coverageErrors(plan)).toEqual([]);
    const result = mergeFeatures(contextOf(plan), [zoneId(4), zoneId(7)]);
    if (!result.ok) throw new Error(result.error.key);
    const after = applyPatch(plan, result.patch).plan;
    expect(layerFeatures(after, 'functionalZone')).toHaveLength(8);
    expect(allValid(after)).toBe(true);
    expect(coverageErrors(after)).toEqual([]);
  });
});
