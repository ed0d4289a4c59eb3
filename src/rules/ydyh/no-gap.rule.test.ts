import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { ellipsoidalArea } from '../../geo/area.ts';
import { noGapRule } from './no-gap.rule.ts';
import { cell, CELL, database, feature } from './test-support.ts';

const X0 = 120.1;
const Y0 = 30.2;
const box = (x0: number, y0: number, x1: number, y1: number): Polygon => ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
/** The village: two cells side by side. */
const village = box(X0, Y0, X0 + 2 * CELL, Y0 + CELL);
const planned = (n: number, geometry: Polygon, code = '0101') => feature(`GHDLTB#${n}`, geometry, { GHDLBM: code });

describe('no-gap (2026)', () => {
  it('passes parcels that cover the village, and parcels that cover it only through a T-junction on its edge', () => {
    const clean = database({ CJDCQ: [feature('CJDCQ#1', village)], GHDLTB: [planned(1, cell(0)), planned(2, cell(1))] });
    expect(noGapRule.check(clean)).toEqual([]);
    // The village drawn with a vertex in the middle of its south edge that no parcel has (a T-junction).
    const tJunction: Polygon = { type: 'Polygon', coordinates: [[[X0, Y0], [X0 + 0.5 * CELL, Y0], [X0 + 2 * CELL, Y0], [X0 + 2 * CELL, Y0 + CELL], [X0, Y0 + CELL], [X0, Y0]]] };
    expect(noGapRule.check(database({ CJDCQ: [feature('CJDCQ#1', tJunction)], GHDLTB: [planned(1, cell(0)), planned(2, cell(1))] }))).toEqual([]);
  });

  it('reports a gap between two parcels with its area and width, naming the parcels beside it', () => {
    // Parcel 2 starts 1 m east of parcel 1's edge: a 1 m × 111 m strip no parcel covers.
    const metre = 1 / 96_290;
    const gap = box(X0 + CELL, Y0, X0 + CELL + metre, Y0 + CELL);
    const db = database({ CJDCQ: [feature('CJDCQ#1', village)], GHDLTB: [planned(1, cell(0)), planned(2, box(X0 + CELL + metre, Y0, X0 + 2 * CELL, Y0 + CELL))] });
    const [issue, ...rest] = noGapRule.check(db);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ rule: 'no-gap', severity: 'error', layer: 'GHDLTB', message: { key: 'rules.db.no-gap.message' } });
    expect([...(issue?.features ?? [])].sort()).toEqual(['GHDLTB#1', 'GHDLTB#2']);
    expect(issue?.message.params['areaM2'] as number).toBeCloseTo(ellipsoidalArea(gap), 0);
    expect(issue?.message.params['widthM'] as number).toBeCloseTo(1, 1);
  });

  // A village boundary from another survey, 0.3 m off all round: the gap runs along a diagonal edge, and its box
  // holds every parcel of the village. It named them all (thousands in a real village); it names the parcels along it.
  it('names the parcels along a diagonal gap, not every parcel whose box meets the gap box', () => {
    const [n, s] = [4, 0.0002];
    const [east, north] = [0.3 * Math.SQRT1_2 / 96_290, 0.3 * Math.SQRT1_2 / 111_000];
    const shiftedVillage: Polygon = { type: 'Polygon', coordinates: [[[X0 + east, Y0 + north], [X0 + n * s + east, Y0 + north], [X0 + east, Y0 + n * s + north], [X0 + east, Y0 + north]]] };
    const parcels = [];
    for (let i = 0; i < n; i++) {
      for (let j = 0; i + j < n; j++) {
        const [x, y] = [X0 + i * s, Y0 + j * s];
        // Cells under the diagonal whole; those on it cut to their lower-left half.
        const geometry: Polygon = i + j < n - 1 ? box(x, y, x + s, y + s) : { type: 'Polygon', coordinates: [[[x, y], [x + s, y], [x, y + s], [x, y]]] };
        parcels.push(planned(parcels.length + 1, geometry));
      }
    }
    const diagonal = parcels.filter((p) => (p.geometry as Polygon).coordinates[0]!.length === 4).map((p) => p.ref);
    const issues = noGapRule.check(database({ CJDCQ: [feature('CJDCQ#1', shiftedVillage)], GHDLTB: parcels }));
    const along = issues.find((i) => (i.message.params['areaM2'] as number) > 10);
    expect(along?.message.params['widthM'] as number).toBeCloseTo(0.3, 2);
    expect([...(along?.features ?? [])].sort()).toEqual(diagonal.sort());
  });

  it('counts a parcel whose ring touches itself (ESRI’s inverted ring, its loop a hole) as repaired: the loop is the gap, not its box', () => {
    const [ym, d] = [Y0 + CELL / 2, CELL / 5];
    const loop = [[X0 + d, ym + d], [X0 + 2 * d, ym], [X0 + d, ym - d]];
    const inverted: Polygon = { type: 'Polygon', coordinates: [[[X0, Y0], [X0 + CELL, Y0], [X0 + CELL, Y0 + CELL], [X0, Y0 + CELL], [X0, ym], ...loop, [X0, ym], [X0, Y0]]] };
    const diamond = ellipsoidalArea({ type: 'Polygon', coordinates: [[[X0, ym], [X0 + d, ym - d], [X0 + 2 * d, ym], [X0 + d, ym + d], [X0, ym]]] });
    const issues = noGapRule.check(database({ CJDCQ: [feature('CJDCQ#1', village)], GHDLTB: [planned(1, inverted), planned(2, cell(1))] }));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message.params['areaM2'] as number).toBeCloseTo(diamond, 0);
  });

  it('does not report a gap thinner than 1 mm (misalignment), however long', () => {
    const half = 0.0004 / 96_290;
    const db = database({ CJDCQ: [feature('CJDCQ#1', village)], GHDLTB: [planned(1, cell(0)), planned(2, box(X0 + CELL + half, Y0, X0 + 2 * CELL, Y0 + CELL))] });
    expect(noGapRule.check(db)).toEqual([]);
  });

  it('takes the base parcels as the region when there is no CJDCQ, and says JQDLTB itself is not checked', () => {
    const db = database({ JQDLTB: [feature('JQDLTB#1', cell(0)), feature('JQDLTB#2', cell(1))], GHDLTB: [planned(1, cell(0))] });
    const issues = noGapRule.check(db);
    expect(issues.map((i) => `${i.severity}:${i.layer ?? ''}:${i.message.key}`).sort()).toEqual(['error:GHDLTB:rules.db.no-gap.message', 'notChecked::rules.db.notChecked']);
    expect(issues.find((i) => i.severity === 'error')?.message.params['areaM2'] as number).toBeCloseTo(ellipsoidalArea(cell(1)), 0);
  });

  it('follows an edit: a parcel taken away leaves its gap, put back the gap closes', () => {
    const parcels = [planned(1, cell(0)), planned(2, cell(1))];
    const cjdcq = [feature('CJDCQ#1', village)];
    expect(noGapRule.check(database({ CJDCQ: cjdcq, GHDLTB: parcels }))).toEqual([]);
    const without = noGapRule.check(database({ CJDCQ: cjdcq, GHDLTB: parcels.slice(0, 1) }));
    expect(without).toHaveLength(1);
    expect(without[0]?.message.params['areaM2'] as number).toBeCloseTo(ellipsoidalArea(cell(1)), 0);
    expect(noGapRule.check(database({ CJDCQ: cjdcq, GHDLTB: parcels }))).toEqual([]);
  });
});

describe('no-gap (2026) beside a cluster whose GK box reaches over it', () => {
  it('reports a 1 m² gap 0.2 m east of a missing 500 m block once, whole', () => {
    // As in the 2017 rule's test: the block's GK box, 0.1° east of the central meridian here, reaches ~0.4 m
    // beyond its lon/lat box, over the small gap's cluster; the gap came out whole and again as the piece
    // inside that box.
    const [mx, my] = [1 / 96_290, 1 / 110_900];
    const square = (x0: number, y0: number, x1: number, y1: number): [number, number][] => [[X0 + x0 * mx, Y0 + y0 * my], [X0 + x1 * mx, Y0 + y0 * my], [X0 + x1 * mx, Y0 + y1 * my], [X0 + x0 * mx, Y0 + y1 * my], [X0 + x0 * mx, Y0 + y0 * my]];
    const parcels = [];
    for (let i = 0; i < 20; i++) {
      for (let j = 0; j < 20; j++) {
        const [x0, y0] = [i * 50, j * 50];
        if (x0 >= 100 && x0 < 600 && y0 >= 100 && y0 < 600) continue;
        const rings = [square(x0, y0, x0 + 50, y0 + 50), ...(x0 === 600 && y0 === 550 ? [square(600.2, 590, 601.2, 591).reverse()] : [])];
        parcels.push(planned(parcels.length + 1, { type: 'Polygon', coordinates: rings }));
      }
    }
    const db = database({ CJDCQ: [feature('CJDCQ#1', { type: 'Polygon', coordinates: [square(0, 0, 1000, 1000)] })], GHDLTB: parcels });
    const gaps = noGapRule.check(db).filter((i) => i.severity === 'error');
    const areas = gaps.map((i) => i.message.params['areaM2'] as number).sort((a, b) => a - b);
    expect(areas).toHaveLength(2);
    expect(areas[0]).toBeCloseTo(ellipsoidalArea({ type: 'Polygon', coordinates: [square(600.2, 590, 601.2, 591)] }), 2);
    expect(areas[1]).toBeCloseTo(ellipsoidalArea({ type: 'Polygon', coordinates: [square(100, 100, 600, 600)] }), 0);
  });
});
