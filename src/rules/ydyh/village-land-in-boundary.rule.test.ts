import { describe, expect, it } from 'vitest';
import type { Polygon, Position } from 'geojson';
import { ellipsoidalArea } from '../../geo/area.ts';
import { difference, resultArea } from '../../geo/overlay.ts';
import { villageLandInBoundaryRule } from './village-land-in-boundary.rule.ts';
import { cell, CELL, database, feature } from './test-support.ts';

const gkbj = (code: string, geometry: Polygon, n = 1) => feature(`GKBJ#${n}`, geometry, { GKBJLXDM: code });
const planned = (code: string, geometry: Polygon, n = 1) => feature(`GHDLTB#${n}`, geometry, { GHDLBM: code });

/** A metre in degrees of longitude and latitude near 30.2°N (enough for test shapes). */
const M_LON = 1 / 96_290;
const M_LAT = 1 / 110_860;

/**
 * Cell 0's outline with vertices every ~10 m along each edge, each moved up to ±0.3 mm at random (fixed
 * seed): a parcel digitised against the boundary in another program, its edge not on the boundary's.
 */
function jittered(seed = 7): Polygon {
  let state = seed;
  const random = () => ((state = (state * 48_271) % 2_147_483_647) / 2_147_483_647) * 2 - 1;
  const [[x0, y0], , [x1, y1]] = cell(0).coordinates[0] as [Position, Position, Position];
  const corners: Position[] = [[x0 as number, y0 as number], [x1 as number, y0 as number], [x1 as number, y1 as number], [x0 as number, y1 as number]];
  const ring: Position[] = [];
  const steps = 10;
  corners.forEach((from, i) => {
    const to = corners[(i + 1) % 4] as Position;
    for (let s = 0; s < steps; s++) {
      const t = s / steps;
      ring.push([(from[0] as number) + t * ((to[0] as number) - (from[0] as number)) + random() * 0.0003 * M_LON, (from[1] as number) + t * ((to[1] as number) - (from[1] as number)) + random() * 0.0003 * M_LAT]);
    }
  });
  return { type: 'Polygon', coordinates: [[...ring, ring[0] as Position]] };
}

describe('village-land-in-boundary', () => {
  it('passes village land inside 集中建设区 ∪ 弹性发展区, and farmland outside it', () => {
    const db = database({
      GHDLTB: [planned('070301', cell(0), 1), planned('1207', cell(1), 2), planned('0101', cell(2), 3)],
      GKBJ: [gkbj('0301', cell(0), 1), gkbj('0302', cell(1), 2), gkbj('0201', cell(2), 3)],
    });
    expect(villageLandInBoundaryRule.check(db)).toEqual([]);
  });

  // A GKBJ typed by GKBJLXMC only: every village parcel was reported outside a boundary the 管控表 showed.
  it('reads the boundary from zones typed by their name where GKBJLXDM is empty, as the 管控表 does', () => {
    const named = (name: string, geometry: Polygon, n: number) => feature(`GKBJ#${n}`, geometry, { GKBJLXMC: name });
    const db = database({
      GHDLTB: [planned('070301', cell(0), 1), planned('1207', cell(1), 2)],
      GKBJ: [named('村庄集中建设区', cell(0), 1), named('村庄弹性发展区', cell(1), 2)],
    });
    expect(villageLandInBoundaryRule.check(db)).toEqual([]);
  });

  it('is an error for village land reaching out of the boundary, with the part outside', () => {
    const wide: Polygon = { type: 'Polygon', coordinates: [[[120.1, 30.2], [120.1 + CELL + 10 * M_LON, 30.2], [120.1 + CELL + 10 * M_LON, 30.2 + CELL], [120.1, 30.2 + CELL], [120.1, 30.2]]] };
    const db = database({ GHDLTB: [planned('070301', wide)], GKBJ: [gkbj('0301', cell(0))] });
    const [issue, ...rest] = villageLandInBoundaryRule.check(db);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ severity: 'error', layer: 'GHDLTB', features: ['GHDLTB#1'], geometry: { type: 'Polygon' } });
    // 10 m × 111 m ≈ 1,110 m²
    expect(issue?.message.params['outsideM2']).toBeGreaterThan(1_090);
    expect(issue?.message.params['outsideM2']).toBeLessThan(1_130);
  });

  it('passes a parcel whose edge is jittered ±0.3 mm against the boundary', () => {
    const db = database({ GHDLTB: [planned('070301', jittered())], GKBJ: [gkbj('0301', cell(0))] });
    // The overlay does leave slivers outside: the tolerance, not luck, makes this clean.
    expect(resultArea(difference(jittered(), cell(0)))).toBeGreaterThan(0);
    expect(villageLandInBoundaryRule.check(db)).toEqual([]);
  });

  it('cuts a parcel across two separate pieces of the boundary by both: only the cell between them is outside', () => {
    const across: Polygon = { type: 'Polygon', coordinates: [[[120.1, 30.2], [120.1 + 3 * CELL, 30.2], [120.1 + 3 * CELL, 30.2 + CELL], [120.1, 30.2 + CELL], [120.1, 30.2]]] };
    const db = database({ GHDLTB: [planned('070301', across)], GKBJ: [gkbj('0301', cell(0), 1), gkbj('0302', cell(2), 2), gkbj('0301', cell(5), 3)] });
    const [issue, ...rest] = villageLandInBoundaryRule.check(db);
    expect(rest).toEqual([]);
    const between = ellipsoidalArea(cell(1));
    expect(Math.abs(Number(issue?.message.params['outsideM2']) - between)).toBeLessThan(0.01);
  });

  it('is an error for village land with no boundary at all, and not checked without GKBJ', () => {
    const parcel = [planned('0703', cell(0))];
    expect(villageLandInBoundaryRule.check(database({ GHDLTB: parcel, GKBJ: [gkbj('0201', cell(0))] })).map((i) => i.severity)).toEqual(['error']);
    expect(villageLandInBoundaryRule.check(database({ GHDLTB: parcel })).map((i) => i.severity)).toEqual(['notChecked']);
  });

  // A GKBJ.shp delivered as the empty template: one "outside" error per village parcel (1,005 in the sample) said nothing true.
  it('is not checked, once, when the GKBJ layer has no polygon', () => {
    const parcels = [planned('070301', cell(0)), planned('0704', cell(1), 2)];
    const issues = villageLandInBoundaryRule.check(database({ GHDLTB: parcels, GKBJ: [] }));
    expect(issues).toMatchObject([{ severity: 'notChecked', message: { params: { missingKey: 'rules.db.missing.gkbjPolygons', file: 'GKBJ.shp' } } }]);
  });
});
