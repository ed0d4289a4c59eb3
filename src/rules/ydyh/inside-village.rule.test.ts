import { describe, expect, it } from 'vitest';
import type { MultiLineString, Polygon } from 'geojson';
import { ellipsoidalArea } from '../../geo/area.ts';
import { insideVillageRule } from './inside-village.rule.ts';
import { cell, CELL, database, feature } from './test-support.ts';

const X0 = 120.1;
const Y0 = 30.2;
const METRE = 1 / 96_290;
const box = (x0: number, y0: number, x1: number, y1: number): Polygon => ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
/** The village: two cells side by side. */
const village = box(X0, Y0, X0 + 2 * CELL, Y0 + CELL);
const planned = (n: number, geometry: Polygon, code = '0101') => feature(`GHDLTB#${n}`, geometry, { GHDLBM: code });

describe('inside-village (2026)', () => {
  it('passes parcels that cover the village exactly', () => {
    expect(insideVillageRule.check(database({ CJDCQ: [feature('CJDCQ#1', village)], GHDLTB: [planned(1, cell(0)), planned(2, cell(1))] }))).toEqual([]);
  });

  // A planned parcel drawn 1 m past the village edge: no gap, no overlap, totals within 0.01 公顷, and no finding at all.
  it('reports the part of a parcel outside the village with its area and width, naming the parcel', () => {
    const outside = box(X0 + 2 * CELL, Y0, X0 + 2 * CELL + METRE, Y0 + CELL);
    const db = database({ CJDCQ: [feature('CJDCQ#1', village)], GHDLTB: [planned(1, cell(0)), planned(2, box(X0 + CELL, Y0, X0 + 2 * CELL + METRE, Y0 + CELL))] });
    const [issue, ...rest] = insideVillageRule.check(db);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ rule: 'inside-village', severity: 'error', layer: 'GHDLTB', features: ['GHDLTB#2'], message: { key: 'rules.db.inside-village.message' } });
    expect(issue?.message.params['areaM2'] as number).toBeCloseTo(ellipsoidalArea(outside), 0);
    expect(issue?.message.params['widthM'] as number).toBeCloseTo(1, 1);
  });

  it('does not report a parcel edge less than 1 mm past the village edge (misalignment)', () => {
    const db = database({ CJDCQ: [feature('CJDCQ#1', village)], GHDLTB: [planned(1, cell(0)), planned(2, box(X0 + CELL, Y0, X0 + 2 * CELL + 0.0004 * METRE, Y0 + CELL))] });
    expect(insideVillageRule.check(db)).toEqual([]);
  });

  // A village boundary from another survey, 0.5 m north of the parcels: the strip of them south of it is outside.
  // Two neighbours 0.3 mm apart (misalignment) cut the strip in two, and every such slit along a real
  // boundary made another finding (85 for one strip of a 4,735-parcel village); it is one strip, named by both.
  it('reports a strip outside the village once, though neighbours less than 1 mm apart cut it', () => {
    const slit = 0.0003 * METRE;
    const north = 0.5 / 111_000;
    const moved = box(X0, Y0 + north, X0 + 2 * CELL + slit, Y0 + CELL + north);
    const db = database({ CJDCQ: [feature('CJDCQ#1', moved)], GHDLTB: [planned(1, cell(0)), planned(2, box(X0 + CELL + slit, Y0, X0 + 2 * CELL + slit, Y0 + CELL))] });
    const [issue, ...rest] = insideVillageRule.check(db);
    expect(rest).toEqual([]);
    expect([...(issue?.features ?? [])].sort()).toEqual(['GHDLTB#1', 'GHDLTB#2']);
    expect(issue?.message.params['areaM2'] as number).toBeCloseTo(ellipsoidalArea(box(X0, Y0, X0 + 2 * CELL + slit, Y0 + north)), 1);
  });

  it('says the base parcels are not checked without a CJDCQ', () => {
    const issues = insideVillageRule.check(database({ JQDLTB: [feature('JQDLTB#1', cell(0))] }));
    expect(issues).toMatchObject([{ severity: 'notChecked', message: { params: { missingKey: 'rules.db.missing.regionOutside' } } }]);
  });

  describe('one warning that the CJDCQ, not each parcel, is off', () => {
    // A 4 × 4 grid of planned parcels (≈ 385 m × 444 m) and a CJDCQ over it, moved `east`/`north` metres.
    const grid = (pushed: Record<number, Polygon> = {}) => Array.from({ length: 16 }, (_, k) => planned(k + 1, pushed[k + 1] ?? cell(k % 4, Math.floor(k / 4))));
    const region = (east: number, north: number) => box(X0 + east * METRE, Y0 + north / 111_000, X0 + 4 * CELL + east * METRE, Y0 + 4 * CELL + north / 111_000);
    const summaries = (db: ReturnType<typeof database>) => insideVillageRule.check(db).filter((i) => i.message.key === 'rules.db.inside-village.misaligned');

    it('appears once for the layer when the parcels of two sides reach out in a strip along it', () => {
      // 0.5 m north-east: the west column and south row, 7 parcels, in one L-shaped strip 0.5 m wide.
      const issues = summaries(database({ CJDCQ: [feature('CJDCQ#1', region(0.5, 0.5))], GHDLTB: grid() }));
      expect(issues.map((i) => [i.severity, i.layer, i.message.params['count'], i.message.params['regionKey']])).toEqual([['warning', 'GHDLTB', 7, 'rules.db.layer.CJDCQ']]);
      // (385 m + 444 m) × 0.5 m.
      expect(issues[0]?.message.params['areaM2'] as number).toBeCloseTo(414, -1);
      expect(issues[0]?.message.params['minWidthM'] as number).toBeCloseTo(0.5, 1);
    });

    it('lies on the map along the stretches of the CJDCQ the parcels reach out of, which it measures', () => {
      // 0.5 m north-east: its west side (≈ 443 m) and south side (≈ 385 m) less the 0.5 m each where the parcels
      // stop short of its corners, in one line round its south-west corner, where its ring starts.
      const [issue] = summaries(database({ CJDCQ: [feature('CJDCQ#1', region(0.5, 0.5))], GHDLTB: grid() }));
      expect(issue?.message.params['alongM'] as number).toBeCloseTo(827, -1);
      expect(issue?.geometry?.type).toBe('MultiLineString');
      const [line, ...more] = (issue?.geometry as MultiLineString).coordinates;
      expect(more).toEqual([]);
      // From the north-west (the parcels' top) down to the south-west corner and east to the parcels' east side.
      const xs = line!.map((p) => p[0] as number);
      const ys = line!.map((p) => p[1] as number);
      expect(Math.min(...xs)).toBeCloseTo(X0 + 0.5 * METRE, 9);
      expect(Math.max(...xs)).toBeCloseTo(X0 + 4 * CELL, 9);
      expect(Math.min(...ys)).toBeCloseTo(Y0 + 0.5 / 111_000, 9);
      expect(Math.max(...ys)).toBeCloseTo(Y0 + 4 * CELL, 9);
    });

    it('is not given for a few parcels drawn past a CJDCQ that agrees with the rest', () => {
      // Parcels 1, 2 and 3 of the south row pushed 2 m south: three findings, no summary.
      const south = (k: number) => box(X0 + (k - 1) * CELL, Y0 - 2 / 111_000, X0 + k * CELL, Y0 + CELL);
      const pushed = { 1: south(1), 2: south(2), 3: south(3) };
      const aligned = database({ CJDCQ: [feature('CJDCQ#1', region(0, 0))], GHDLTB: grid(pushed) });
      expect(insideVillageRule.check(aligned).filter((i) => i.severity === 'error').length).toBeGreaterThan(0);
      expect(summaries(aligned)).toEqual([]);
      // The same with the CJDCQ 0.5 m off as well: now it is the CJDCQ.
      expect(summaries(database({ CJDCQ: [feature('CJDCQ#1', region(0.5, 0.5))], GHDLTB: grid(pushed) })).map((i) => i.message.params['count'])).toEqual([7]);
    });
  });
});
