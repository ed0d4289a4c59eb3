import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Polygon } from 'geojson';
import { geos } from '../../geo/geos/geos-module.ts';
import { geosArea } from '../../geo/geos/planar-geometry.ts';
import { insideVillageRule } from './inside-village.rule.ts';
import { noGapRule } from './no-gap.rule.ts';
import { noOverlapRule } from './no-overlap.rule.ts';
import { cell, CELL, database, feature } from './test-support.ts';

const X0 = 120.1;
const Y0 = 30.2;
const [COLS, ROWS] = [9, 8];
/** The village as another survey drew it: the parcels' outline moved 0.3 m north-east, so every edge of it is off and the whole layer is one cluster. */
const [EAST, NORTH] = [(0.3 * Math.SQRT1_2) / 96_290, (0.3 * Math.SQRT1_2) / 111_000];
const village: Polygon = {
  type: 'Polygon',
  coordinates: [[[X0 + EAST, Y0 + NORTH], [X0 + COLS * CELL + EAST, Y0 + NORTH], [X0 + COLS * CELL + EAST, Y0 + ROWS * CELL + NORTH], [X0 + EAST, Y0 + ROWS * CELL + NORTH], [X0 + EAST, Y0 + NORTH]]],
};
const parcels = Array.from({ length: COLS * ROWS }, (_, k) => feature(`GHDLTB#${k + 1}`, cell(k % COLS, Math.floor(k / COLS)), { GHDLBM: '0101' }));
/** The parcels along the village's edge: all the cluster holds, clipped as the corridor along the boundary (rules/cluster-corridor.ts). */
const ALONG_THE_EDGE = 2 * (COLS + ROWS) - 4;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the union of a coverage cluster (2026)', () => {
  // Each rule made its own union of every parcel: on a real village with its boundary off all round, three
  // unions of thousands of parcels per layer were most of the check.
  it('is made once for no-gap, inside-village and no-overlap on a boundary misaligned all round', () => {
    const db = database({ CJDCQ: [feature('CJDCQ#1', village)], GHDLTB: parcels });
    const api = geos();
    const union = api.GEOSUnaryUnion.bind(api);
    let ofTheCluster = 0;
    vi.spyOn(api, 'GEOSUnaryUnion').mockImplementation((pointer: number) => {
      // Features are unioned in the GK plane (m²); the corridor's region is made of lon/lat boxes (degrees²).
      if (api.GEOSGetNumGeometries(pointer) >= ALONG_THE_EDGE && geosArea(api, pointer) > 1) ofTheCluster++;
      return union(pointer);
    });
    const gaps = noGapRule.check(db);
    const outside = insideVillageRule.check(db);
    expect(noOverlapRule.check(db)).toEqual([]);
    // The strips the move opens and leaves outside: south and west, north and east.
    expect(gaps.map((i) => i.rule)).toEqual(['no-gap']);
    // (Beside them, the warning that the CJDCQ is off all round: inside-village.rule.test.ts.)
    expect(outside.filter((i) => i.severity === 'error').map((i) => i.rule)).toEqual(['inside-village']);
    expect(ofTheCluster).toBe(1);
  });
});
