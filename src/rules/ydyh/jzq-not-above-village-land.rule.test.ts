import { describe, expect, it } from 'vitest';
import { jzqNotAboveVillageLandRule } from './jzq-not-above-village-land.rule.ts';
import { cell, database, feature, parcels } from './test-support.ts';

const zone = (code: string, ...cols: number[]) => cols.map((col, i) => feature(`GKBJ#${code}-${i + 1}`, cell(col), { GKBJLXDM: code }));
// Two village parcels (070301, 1207) and one farmland parcel.
const target = parcels('GHDLTB', 'GHDLBM', ['070301', '1207', '0101']);

describe('jzq-not-above-village-land', () => {
  it('passes a 集中建设区 no larger than the village construction land', () => {
    const db = database({ GHDLTB: target, GKBJ: [...zone('0301', 0, 1), ...zone('0201', 2)] });
    expect(jzqNotAboveVillageLandRule.check(db)).toEqual([]);
  });

  it('is an error when the 集中建设区 also covers the farmland parcel, with both areas', () => {
    const db = database({ GHDLTB: target, GKBJ: zone('0301', 0, 1, 2) });
    const [issue, ...rest] = jzqNotAboveVillageLandRule.check(db);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ severity: 'error', layer: 'GKBJ', features: ['GKBJ#0301-1', 'GKBJ#0301-2', 'GKBJ#0301-3'] });
    const { jzqHa, villageHa } = issue?.message.params as { jzqHa: number; villageHa: number };
    expect(jzqHa / villageHa).toBeCloseTo(1.5, 6);
  });

  // A GKBJ typed by GKBJLXMC only: the 管控表 counted its 集中建设区 by name while this rule saw none and passed.
  it('reads a zone typed by its name where GKBJLXDM is empty, as the 管控表 does', () => {
    const named = [0, 1, 2].map((col) => feature(`GKBJ#${col + 1}`, cell(col), { GKBJLXDM: ' ', GKBJLXMC: '村庄集中建设区' }));
    expect(jzqNotAboveVillageLandRule.check(database({ GHDLTB: target, GKBJ: named }))).toMatchObject([{ severity: 'error', features: ['GKBJ#1', 'GKBJ#2', 'GKBJ#3'] }]);
  });

  it('is not checked without GKBJ', () => {
    expect(jzqNotAboveVillageLandRule.check(database({ GHDLTB: target }))).toMatchObject([{ severity: 'notChecked', message: { params: { missingKey: 'rules.db.missing.gkbj' } } }]);
  });

  // An empty template GKBJ has a 集中建设区 of 0 公顷, which passed as if compared.
  it('is not checked when the GKBJ layer has no polygon', () => {
    expect(jzqNotAboveVillageLandRule.check(database({ GHDLTB: target, GKBJ: [] }))).toMatchObject([{ severity: 'notChecked', message: { params: { missingKey: 'rules.db.missing.gkbjPolygons', file: 'GKBJ.shp' } } }]);
  });
});
