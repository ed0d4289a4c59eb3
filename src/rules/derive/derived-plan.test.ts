import { describe, expect, it } from 'vitest';
import type { FeatureId } from '../../domain/ids.ts';
import { putFeature } from '../../domain/patch.ts';
import { CheckState } from '../context.ts';
import { feature, village, withFeatures } from '../test-support.ts';

/** Parcels of the derived plan flagged basic farmland, with their flagged area. */
function pbfArea(state: CheckState, id: string): number {
  return state.derived
    .piecesOf(id as FeatureId)
    .filter((p) => p.pbf !== null)
    .reduce((sum, p) => sum + p.areaM2, 0);
}

describe('the derived plan', () => {
  it('counts basic farmland whose ring touches itself at a vertex, as the valid area it plainly means', () => {
    // A 2 × 2 village; the basic farmland is cells (0, 0) and (1, 1) traced as one ring through their shared
    // corner: OGC-invalid (the ring touches itself), a common shape in data drawn by hand.
    const { plan, g } = village({ w: 2, h: 2 });
    const ring = [g.at(0, 0), g.at(1, 0), g.at(1, 1), g.at(2, 1), g.at(2, 2), g.at(1, 2), g.at(1, 1), g.at(0, 1), g.at(0, 0)];
    const state = CheckState.build(withFeatures(plan, feature('pbf', 'pbf', { type: 'Polygon', coordinates: [ring] }, { pbfType: 'G112' })));
    expect(state.isValid(state.plan.layers.pbf['pbf' as FeatureId]!.geometry as never)).toBe(false);
    const cell = (id: string) => state.area(state.plan.layers.base[id as FeatureId]!);
    expect(pbfArea(state, 'p0-0')).toBeCloseTo(cell('p0-0'), 3);
    expect(pbfArea(state, 'p1-1')).toBeCloseTo(cell('p1-1'), 3);
    expect(pbfArea(state, 'p1-0')).toBe(0);
    expect(pbfArea(state, 'p0-1')).toBe(0);
  });

  it('leaves out an overlay with nothing left to repair', () => {
    const { plan, g } = village({ w: 2, h: 2 });
    const flat = [g.at(0, 0), g.at(2, 0), g.at(1, 0), g.at(0, 0)];
    const state = CheckState.build(withFeatures(plan, feature('pbf', 'pbf', { type: 'Polygon', coordinates: [flat] }, { pbfType: 'G112' })));
    for (const id of ['p0-0', 'p1-0', 'p0-1', 'p1-1']) expect(pbfArea(state, id)).toBe(0);
  });

  it('keeps a parcel that cannot be repaired as it is, so the tables never lose it', () => {
    const { plan, g } = village({ w: 2, h: 2 });
    const parcel = plan.layers.base['p0-0' as FeatureId]!;
    const flat = { type: 'Polygon' as const, coordinates: [[g.at(0, 0), g.at(1, 0), g.at(0.5, 0), g.at(0, 0)]] };
    const state = CheckState.build(withFeatures(plan, { ...parcel, geometry: flat }));
    expect(state.derived.piecesOf('p0-0' as FeatureId)).toHaveLength(1);
  });

  it('derives an invalid parcel as its repair, so basic farmland over part of it splits it rather than failing', () => {
    // Parcel p0-0 drawn as a bow-tie (its ring crosses itself at the cell's centre): two triangles, left and
    // right, half the cell. Basic farmland over the cell's left half holds the left triangle.
    const { plan, g } = village({ w: 2, h: 2 });
    const parcel = plan.layers.base['p0-0' as FeatureId]!;
    const bowTie = { type: 'Polygon' as const, coordinates: [[g.at(0, 0), g.at(1, 1), g.at(1, 0), g.at(0, 1), g.at(0, 0)]] };
    const leftHalf = { type: 'Polygon' as const, coordinates: [[g.at(0, 0), g.at(0.5, 0), g.at(0.5, 1), g.at(0, 1), g.at(0, 0)]] };
    const state = CheckState.build(withFeatures(plan, { ...parcel, geometry: bowTie }, feature('pbf', 'pbf', leftHalf, { pbfType: 'G112' })));
    expect(state.isValid(bowTie)).toBe(false);
    expect(state.derived.problems()).toEqual([]);
    const cell = state.area(parcel);
    const pieces = state.derived.piecesOf('p0-0' as FeatureId);
    expect(pieces.reduce((sum, p) => sum + p.areaM2, 0)).toBeCloseTo(cell / 2, 0);
    expect(pbfArea(state, 'p0-0')).toBeCloseTo(cell / 4, 0);
  });

  it('derives a parcel whose ring is not closed as the ring it plainly means (GEOS refuses an unclosed ring)', () => {
    const { plan, g } = village({ w: 2, h: 2 });
    const parcel = plan.layers.base['p0-0' as FeatureId]!;
    const unclosed = { type: 'Polygon' as const, coordinates: [[g.at(0, 0), g.at(1, 0), g.at(1, 1), g.at(0, 1)]] };
    const leftHalf = { type: 'Polygon' as const, coordinates: [[g.at(0, 0), g.at(0.5, 0), g.at(0.5, 1), g.at(0, 1), g.at(0, 0)]] };
    const state = CheckState.build(withFeatures(plan, { ...parcel, geometry: unclosed }, feature('pbf', 'pbf', leftHalf, { pbfType: 'G112' })));
    expect(state.isValid(unclosed)).toBe(false);
    expect(state.derived.problems()).toEqual([]);
    const cell = state.area(parcel);
    expect(state.derived.piecesOf('p0-0' as FeatureId).reduce((sum, p) => sum + p.areaM2, 0)).toBeCloseTo(cell, 0);
    expect(pbfArea(state, 'p0-0')).toBeCloseTo(cell / 2, 0);
  });

  it('gives a use change’s pieces in the same order after edits as a fresh derivation does', () => {
    // Rules add and overlay these pieces in this order: in any other, an area differs in its last bit and
    // flips at 0.01 m² (a builtOn area of 6,367.48 m² in the editor, 6,367.47 m² in a full check).
    const { plan, g } = village({ w: 3, h: 1 });
    const start = withFeatures(plan, feature('useChange', 'uc', g.block(0, 0, 3, 1), { parcelNo: 'TZ001', targetCode: '2121' }));
    const state = CheckState.build(start);
    const first = start.layers.base['p0-0' as FeatureId]!;
    const reclassified = { ...first, properties: { ...first.properties, classCode: '12' } } as typeof first;
    state.apply({ features: [putFeature(reclassified)] });
    const fresh = CheckState.build(withFeatures(start, reclassified));
    const order = (s: CheckState) => s.derived.piecesOfChange('uc' as FeatureId).map((p) => p.base);
    expect(order(fresh)).toHaveLength(3);
    expect(order(state)).toEqual(order(fresh));
  });
});
