import { describe, expect, it } from 'vitest';
import { totalsEqualRule } from './totals-equal.rule.ts';
import { cell, database, feature, parcels } from './test-support.ts';

const village = { type: 'Polygon' as const, coordinates: [[[120.1, 30.2], [120.102, 30.2], [120.102, 30.201], [120.1, 30.201], [120.1, 30.2]]] };

describe('totals-equal', () => {
  it('passes when the plan, the base and the village cover the same land', () => {
    const db = database({ JQDLTB: parcels('JQDLTB', 'JQDLBM', ['0101', '0301']), GHDLTB: parcels('GHDLTB', 'GHDLBM', ['0101', '070301']), CJDCQ: [feature('CJDCQ#1', village)] });
    expect(totalsEqualRule.check(db)).toEqual([]);
  });

  it('is an error when the plan covers one parcel less than the base, with both totals and the difference', () => {
    const db = database({ JQDLTB: parcels('JQDLTB', 'JQDLBM', ['0101', '0301']), GHDLTB: parcels('GHDLTB', 'GHDLBM', ['0101']) });
    const [issue] = totalsEqualRule.check(db);
    expect(issue).toMatchObject({ severity: 'error', message: { key: 'rules.db.totals-equal.message' } });
    const { targetHa, baseHa, differenceHa } = issue?.message.params as { targetHa: number; baseHa: number; differenceHa: number };
    expect(baseHa / targetHa).toBeCloseTo(2, 6);
    expect(differenceHa).toBeCloseTo(-targetHa, 9);
  });

  it('is an error when the village survey area differs from both years, naming the three figures', () => {
    const small = { type: 'Polygon' as const, coordinates: cell(0).coordinates };
    const db = database({ JQDLTB: parcels('JQDLTB', 'JQDLBM', ['0101', '0301']), GHDLTB: parcels('GHDLTB', 'GHDLBM', ['0101', '0301']), CJDCQ: [feature('CJDCQ#1', small)] });
    expect(totalsEqualRule.check(db).map((i) => i.message.key)).toEqual(['rules.db.totals-equal.withVillage']);
  });

  // An empty CJDCQ template read as a village of 0.00 公顷: an error about an area nobody drew.
  it('compares the two years only when the CJDCQ layer has no polygon', () => {
    const db = database({ JQDLTB: parcels('JQDLTB', 'JQDLBM', ['0101', '0301']), GHDLTB: parcels('GHDLTB', 'GHDLBM', ['0101', '070301']), CJDCQ: [] });
    expect(totalsEqualRule.check(db)).toEqual([]);
  });

  it('is not checked without a parcel layer', () => {
    expect(totalsEqualRule.check(database({ JQDLTB: parcels('JQDLTB', 'JQDLBM', ['0101']) }))[0]?.severity).toBe('notChecked');
  });
});
