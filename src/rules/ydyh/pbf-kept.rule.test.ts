import { describe, expect, it, vi } from 'vitest';
import type { Polygon } from 'geojson';
import { ellipsoidalArea } from '../../geo/area.ts';
import { tolerantRelate } from '../../geo/tolerant-relate.ts';
import { pbfKeptRule } from './pbf-kept.rule.ts';
import { cell, CELL, database, feature } from './test-support.ts';

vi.mock('../../geo/tolerant-relate.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../geo/tolerant-relate.ts')>();
  return { ...actual, tolerantRelate: vi.fn(actual.tolerantRelate) };
});

const X0 = 120.1;
const Y0 = 30.2;
const M_LON = 1 / 96_290;
const box = (x0: number, y0: number, x1: number, y1: number): Polygon => ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
const planned = (n: number, code: string, geometry: Polygon) => feature(`GHDLTB#${n}`, geometry, { GHDLBM: code });
const pbf = (geometry: Polygon) => feature('YJJBNT#1', geometry);

describe('pbf-kept', () => {
  it('passes farmland on the PBF and housing beside it, its edge on the PBF edge', () => {
    const db = database({ GHDLTB: [planned(1, '0101', cell(0)), planned(2, '070301', cell(1))], YJJBNT: [pbf(cell(0))] });
    expect(pbfKeptRule.check(db)).toEqual([]);
  });

  it('is an error for housing planned on the PBF, with the part on it outlined', () => {
    // The housing parcel reaches 10 m into the PBF cell.
    const reaching = box(X0 + CELL - 10 * M_LON, Y0, X0 + 2 * CELL, Y0 + CELL);
    const db = database({ GHDLTB: [planned(1, '0101', box(X0, Y0, X0 + CELL - 10 * M_LON, Y0 + CELL)), planned(2, '070301', reaching)], YJJBNT: [pbf(cell(0))] });
    const [issue, ...rest] = pbfKeptRule.check(db);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ rule: 'pbf-kept', severity: 'error', features: ['GHDLTB#2'], geometry: { type: 'Polygon' } });
    expect(issue?.message.params['areaM2'] as number).toBeCloseTo(ellipsoidalArea(box(X0 + CELL - 10 * M_LON, Y0, X0 + CELL, Y0 + CELL)), 0);
  });

  it('does not call a parcel digitised 2 cm over the PBF edge construction on farmland', () => {
    const db = database({ GHDLTB: [planned(1, '1207', box(X0 + CELL - 0.02 * M_LON, Y0, X0 + 2 * CELL, Y0 + CELL))], YJJBNT: [pbf(cell(0))] });
    expect(pbfKeptRule.check(db)).toEqual([]);
  });

  it('is not checked without the PBF layer', () => {
    expect(pbfKeptRule.check(database({ GHDLTB: [planned(1, '070301', cell(0))] }))).toMatchObject([{ severity: 'notChecked', message: { params: { missingKey: 'rules.db.missing.pbfLayer' } } }]);
  });

  it('cuts again, after an edit, only the parcels it changed', () => {
    const farmland = [pbf(box(X0, Y0, X0 + 3 * CELL, Y0 + CELL))];
    const before = [planned(1, '070301', cell(0)), planned(2, '070301', cell(1)), planned(3, '0101', cell(2))];
    expect(pbfKeptRule.check(database({ GHDLTB: before, YJJBNT: farmland }))).toHaveLength(2);
    const edited = planned(2, '070301', box(X0 + CELL, Y0, X0 + 1.5 * CELL, Y0 + CELL));
    vi.mocked(tolerantRelate).mockClear();
    const issues = pbfKeptRule.check(database({ GHDLTB: [before[0]!, edited, before[2]!], YJJBNT: farmland }));
    expect(issues.map((i) => i.features)).toEqual([['GHDLTB#1'], ['GHDLTB#2']]);
    expect(vi.mocked(tolerantRelate).mock.calls.map(([geometry]) => geometry)).toEqual([edited.geometry]);
  });
});
