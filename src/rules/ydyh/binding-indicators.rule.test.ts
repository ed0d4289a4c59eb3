import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { bindingIndicatorsRule } from './binding-indicators.rule.ts';
import { computeDatabaseTables } from './database-tables.ts';
import { cell, database, feature, parcels } from './test-support.ts';

// Base and plan: two village parcels, a farmland and a forest parcel, ≈ 1.07 公顷 each.
const layers = {
  JQDLTB: parcels('JQDLTB', 'JQDLBM', ['070301', '1207', '0101', '0301']),
  GHDLTB: parcels('GHDLTB', 'GHDLBM', ['070301', '1207', '0101', '0301']),
  // The red line half inside the village (the forest cell 3 and as much again to the east).
  STBHHX: [feature('STBHHX#1', { type: 'Polygon', coordinates: [[[120.103, 30.2], [120.105, 30.2], [120.105, 30.201], [120.103, 30.201], [120.103, 30.2]]] } satisfies Polygon)],
  YJJBNT: [feature('YJJBNT#1', cell(2))],
};
const cellHa = 1.0674; // 0.001° × 0.001° at 30.2°N, to 4 decimals

describe('binding-indicators', () => {
  it('passes when every binding figure keeps to its allocation', () => {
    const db = database(layers, { allocations: { 1: 2.2, 2: 2.2, 7: 1.06, 8: 1.06, 9: 1.06, 10: 1.06, 11: 0 } });
    expect(bindingIndicatorsRule.check(db)).toEqual([]);
  });

  it('is an error when construction land exceeds its allocation or protected land falls short, the red line counted inside the village only', () => {
    const db = database(layers, { allocations: { 1: 2, 7: 1.2, 9: 1.5 } });
    const issues = bindingIndicatorsRule.check(db);
    const broken = issues.filter((i) => i.severity === 'error');
    expect(broken.map((i) => [i.message.params['number'], i.message.key.split('.').at(-1)])).toEqual([
      [1, 'atMost'],
      [7, 'atLeast'],
      [9, 'atLeast'],
    ]);
    expect(broken[1]?.message.params['valueHa']).toBeCloseTo(cellHa, 3);
    expect(issues.filter((i) => i.severity === 'notChecked').map((i) => i.message.params['number'])).toEqual([2, 8, 10, 11]);
  });

  it('is not checked for the red line without its layer, even with an allocation', () => {
    const db = database({ JQDLTB: layers.JQDLTB, GHDLTB: layers.GHDLTB }, { allocations: { 7: 1 } });
    expect(bindingIndicatorsRule.check(db).find((i) => i.message.params['number'] === 7)?.message.params).toMatchObject({ missingKey: 'rules.db.missing.reference.STBHHX' });
  });
});

describe('binding-indicators with the plan’s own directions', () => {
  const allocations = { 1: 2, 9: 1.5, 10: 1.06 };
  const broken = (db: ReturnType<typeof database>) => bindingIndicatorsRule.check(db).filter((i) => i.severity === 'error').map((i) => [i.message.params['number'], i.message.key.split('.').at(-1)]);

  it('checks each indicator in the direction the plan binds it, and not at all where it binds it none', () => {
    const byDefault = database(layers, { allocations });
    expect(broken(byDefault)).toEqual([
      [1, 'atMost'],
      [9, 'atLeast'],
    ]);
    // #1 not bound, #9 at most 1.5 (kept), #10 at most 1.06 (broken: ≈ 1.0674).
    const own = { ...byDefault, bindings: { '1': 'none', '9': 'atMost', '10': 'atMost' } } as const;
    expect(broken(own)).toEqual([[10, 'atMost']]);
  });

  it('gives the 指标表 the same directions', () => {
    const results = computeDatabaseTables({ ...database(layers, { allocations }), bindings: { '1': 'none', '9': 'atMost' } }).indicators.results;
    expect(results.filter((r) => r.indicator.unconfirmed.includes('binding')).map((r) => [r.indicator.number, r.binding])).toEqual([
      [1, null],
      [2, 'atMost'],
      [7, 'atLeast'],
      [8, 'atLeast'],
      [9, 'atMost'],
      [10, 'atLeast'],
      [11, 'atLeast'],
    ]);
  });
});

describe('binding-indicators with the plan’s own subtotals', () => {
  // A 0802 parcel (in no subtotal of the table) beside one village parcel: #1 is ≈ 1.0674 公顷 until the plan
  // counts 0802 as 村庄建设用地, then ≈ 2.1348.
  const withUtility = { ...layers, GHDLTB: parcels('GHDLTB', 'GHDLBM', ['070301', '0802', '0101', '0301']) };
  const allocations = { 1: 1.5 };
  const first = (db: ReturnType<typeof database>) => bindingIndicatorsRule.check(db).find((i) => i.message.params['number'] === 1);

  it('counts a code where the plan puts it, as the 指标表 does', () => {
    expect(first(database(withUtility, { allocations }))).toBeUndefined();
    const grouped = { ...database(withUtility, { allocations }), tableGroups: { '0802': 'village' } } as const;
    expect(first(grouped)?.message.params['valueHa']).toBeCloseTo(2 * cellHa, 3);
    const table = computeDatabaseTables(grouped).indicators.results.find((r) => r.indicator.number === 1);
    expect(table?.target).toEqual({ value: expect.closeTo(2 * cellHa, 3) });
  });
});
