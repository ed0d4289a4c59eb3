/**
 * A database whose coordinates were kept to 7 decimals of a degree (GDAL's RFC 7946 GeoJSON, most web tools):
 * a vertex on a neighbour's edge (a T-junction) rounds off that edge by up to ~8 mm, wider than the survey's
 * 1 mm. The coverage checks widen their tolerance to what the rounding can move two copies of a vertex apart,
 * and say so; a real gap is still found with its area.
 */
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../../geo/area.ts';
import { noGapRule } from './no-gap.rule.ts';
import { noOverlapRule } from './no-overlap.rule.ts';
import { CELL, database, feature } from './test-support.ts';

const X0 = 120.1;
const Y0 = 30.2;
const SEVEN_DECIMALS = 1e7;
const round7 = (v: number) => Math.round(v * SEVEN_DECIMALS) / SEVEN_DECIMALS;
/** The shared edge leans east by this much over the cell's height, so rounding a point on it moves it off it. */
const LEAN = 0.0002345;
const edgeAt = (t: number): Position => [X0 + CELL + LEAN * t, Y0 + CELL * t];
/** Points where the east parcel's edge has vertices the west parcel's lacks: T-junctions. */
const JUNCTIONS = [1 / 3, 0.41, 0.59, 2 / 3, 0.77, 0.9];

const ring = (points: readonly Position[]): Polygon => ({ type: 'Polygon', coordinates: [[...points, points[0] as Position]] });
const west = ring([[X0, Y0], edgeAt(0), edgeAt(1), [X0, Y0 + CELL]]);
function east(round: (v: number) => number): Polygon {
  const junctions = [...JUNCTIONS].reverse().map(edgeAt).map(([x, y]) => [round(x as number), round(y as number)]);
  return ring([edgeAt(0), [X0 + 2 * CELL, Y0], [X0 + 2 * CELL, Y0 + CELL], edgeAt(1), ...junctions]);
}
const village = ring([[X0, Y0], [X0 + 2 * CELL, Y0], [X0 + 2 * CELL, Y0 + CELL], [X0, Y0 + CELL]]);
const planned = (n: number, geometry: Polygon) => feature(`GHDLTB#${n}`, geometry, { GHDLBM: '0101' });
const check = (parcels: readonly Polygon[]) => {
  const db = database({ CJDCQ: [feature('CJDCQ#1', village)], GHDLTB: parcels.map((p, i) => planned(i + 1, p)) });
  return [...noGapRule.check(db), ...noOverlapRule.check(db)];
};

describe('coverage checks on coordinates kept to 7 decimals', () => {
  it('full precision: the T-junctions lie on the edge and nothing is found', () => {
    expect(check([west, east((v) => v)])).toEqual([]);
  });

  it('rounded: no gap or overlap from the rounding, and a warning that says the tolerance was widened and why', () => {
    const issues = check([west, east(round7)]);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    const widened = issues.filter((i) => i.severity === 'warning');
    expect(widened).toHaveLength(1);
    expect(widened[0]?.message).toMatchObject({ key: 'rules.db.no-gap.widenedTolerance', params: { layerKey: 'rules.db.layer.GHDLTB', decimals: 7 } });
    // Two copies of a vertex, each rounded by up to half a 1e-7° cell's diagonal (≈ 7.8 mm): ≈ 15.6 mm apart at most.
    expect(widened[0]?.message.params['toleranceM'] as number).toBeCloseTo((1e-7 * 110_574 * Math.SQRT2), 4);
  });

  it('rounded: a gap wider than the rounding is still found, with its area', () => {
    const metre = 1 / 96_290;
    // The west parcel 1 m narrower on its west side: a 1 m strip along the village's edge, on the 7-decimal grid.
    const narrower = ring([[round7(X0 + metre), Y0], edgeAt(0), edgeAt(1), [round7(X0 + metre), Y0 + CELL]]);
    const gaps = check([narrower, east(round7)]).filter((i) => i.severity === 'error');
    expect(gaps).toHaveLength(1);
    const strip = ring([[X0, Y0], [round7(X0 + metre), Y0], [round7(X0 + metre), Y0 + CELL], [X0, Y0 + CELL]]);
    expect(gaps[0]?.message.params['areaM2'] as number).toBeCloseTo(ellipsoidalArea(strip), 0);
  });
});
