/**
 * A database whose coordinates were kept to 7 decimals of a degree (GDAL's RFC 7946 GeoJSON, most web tools):
 * a vertex on a neighbour's edge (a T-junction) rounds off that edge by up to ~8 mm, wider than the survey's
 * 1 mm. The coverage checks widen their tolerance to what the rounding can move two copies of a vertex apart,
 * and say so; a real gap is still found with its area.
 */
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../../geo/area.ts';
import { mapPositions } from '../../geo/rings.ts';
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

  describe('only the village survey area rounded (a CJDCQ exported at 7 decimals beside parcels at full precision)', () => {
    // Off the 7-decimal grid by 3–5 mm, so that rounding the outline moves every vertex of it.
    const moved = (g: Polygon): Polygon => mapPositions(g, ([x, y]) => [(x as number) + 3.3e-8, (y as number) + 4.4e-8]);
    const onEdges: Position[] = [[X0, Y0], [X0 + 0.5 * CELL, Y0], edgeAt(0), [X0 + 1.5 * CELL, Y0], [X0 + 2 * CELL, Y0], [X0 + 2 * CELL, Y0 + 0.5 * CELL], [X0 + 2 * CELL, Y0 + CELL], [X0 + 1.5 * CELL, Y0 + CELL], edgeAt(1), [X0 + 0.5 * CELL, Y0 + CELL], [X0, Y0 + CELL], [X0, Y0 + 0.5 * CELL]];
    const roundedVillage = mapPositions(moved(ring(onEdges)), ([x, y]) => [round7(x as number), round7(y as number)]);
    const checkIn = (parcels: readonly Polygon[]) => {
      const db = database({ CJDCQ: [feature('CJDCQ#1', roundedVillage)], GHDLTB: parcels.map((p, i) => planned(i + 1, moved(p))) });
      return [...noGapRule.check(db), ...noOverlapRule.check(db)];
    };

    it('finds nothing from the rounding, and no warning blaming the parcels', () => {
      expect(checkIn([west, east((v) => v)])).toEqual([]);
    });

    it('still finds a 10 mm gap between two parcels inside the village, which a tolerance widened to 16 mm let pass', () => {
      const apart = 0.01 / 96_290;
      const shifted = (p: Position): Position => [(p[0] as number) + apart, p[1] as number];
      const shrunk = ring([shifted(edgeAt(0)), [X0 + 2 * CELL, Y0], [X0 + 2 * CELL, Y0 + CELL], shifted(edgeAt(1))]);
      const gaps = checkIn([west, shrunk]).filter((i) => i.severity === 'error');
      expect(gaps.map((i) => i.rule)).toEqual(['no-gap']);
      expect(gaps[0]?.message.params['widthM'] as number).toBeCloseTo(0.01, 3);
    });
  });
});
