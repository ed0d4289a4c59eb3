import { describe, expect, it } from 'vitest';
import { strings } from '../../i18n/texts.ts';
import { NO_VILLAGE_INFO } from '../../profiles/zhejiang-2026/village-database.ts';
import { bindingIndicatorsRule } from '../../rules/ydyh/binding-indicators.rule.ts';
import { cell, database, feature, FULL_INFO, parcels } from '../../rules/ydyh/test-support.ts';
import { applyEdit, isEmptyEdit } from './database-edit.ts';
import { setVillageInfo, villageInfoProblems } from './set-village-info.command.ts';

const blank = database({ GHDLTB: parcels('GHDLTB', 'GHDLBM', ['0703', '0101']), CJDCQ: [feature('CJDCQ#1', cell(0))] }, { info: NO_VILLAGE_INFO, allocations: { 3: 1 } });

const edited = (...args: Parameters<typeof setVillageInfo> extends [unknown, ...infer R] ? R : never) => {
  const made = setVillageInfo(blank, ...args);
  if (!made.ok) throw new Error(made.error.key);
  return made.value;
};
const refused = (...args: Parameters<typeof setVillageInfo> extends [unknown, ...infer R] ? R : never) => {
  const made = setVillageInfo(blank, ...args);
  return made.ok ? null : made.error;
};

describe('setVillageInfo', () => {
  it('sets the entries given, keeping only what changes, as one step', () => {
    const edit = edited({ villageName: ' 示例村 ', targetPopulation: 1300, basePopulation: null }, { 1: 2.5 });
    expect(edit.village).toEqual({
      before: { info: { villageName: null, targetPopulation: null }, allocations: { 1: null } },
      after: { info: { villageName: '示例村', targetPopulation: 1300 }, allocations: { 1: 2.5 } },
    });
    expect(edit.params).toEqual({ count: 3 });
    const db = applyEdit(blank, edit, 'forward');
    expect(db.info).toEqual({ ...NO_VILLAGE_INFO, villageName: '示例村', targetPopulation: 1300 });
    expect(db.allocations).toEqual({ 1: 2.5, 3: 1 });
    expect(db.layers).toBe(blank.layers);
  });

  it('stores the national village type, accepting CCTool’s wording', () => {
    expect(edited({ villageType: '转型融合城郊' }).village?.after.info).toEqual({ villageType: '城郊融合类' });
    expect(edited({ villageType: '特色保护类' }).village?.after.info).toEqual({ villageType: '特色保护类' });
    expect(refused({ villageType: '中心村' })).toMatchObject({ key: 'database.info.error.villageType', params: { given: '中心村', types: '集聚提升类、城郊融合类、特色保护类、搬迁撤并类' } });
  });

  it('takes a plan period of two years, the target later, written as 2021-2035', () => {
    for (const written of ['2021-2035', '2021年-2035年', '2021—2035', '2021 至 2035']) expect(edited({ planPeriod: written }).village?.after.info).toEqual({ planPeriod: '2021-2035' });
    for (const wrong of ['2035', '2035-2021', '近期', '21-35']) expect(refused({ planPeriod: wrong })?.key).toBe('database.info.error.planPeriod');
  });

  it('wants population and heritage as whole numbers, 0 or more', () => {
    for (const value of [-1, 12.5, Number.NaN]) {
      expect(refused({ basePopulation: value })).toEqual({ key: 'database.info.error.count', params: { fieldKey: 'rules.db.info.basePopulation' } });
      expect(refused({ targetHeritage: value })?.params).toEqual({ fieldKey: 'rules.db.info.targetHeritage' });
    }
    expect(edited({ baseHeritage: 0 }).village?.after.info).toEqual({ baseHeritage: 0 });
  });

  it('takes an allocation only for a binding indicator, in hectares 0 or more; blank removes it', () => {
    expect(refused({}, { 1: -0.1 })).toEqual({ key: 'database.info.error.allocation', params: { indicatorKey: 'rules.db.indicator.1', number: 1 } });
    expect(refused({}, { 1: Number.POSITIVE_INFINITY })?.key).toBe('database.info.error.allocation');
    expect(refused({}, { 6: 1 })).toEqual({ key: 'database.info.error.notAllocated', params: { number: 6, numbers: '1、2、7、8、9、10、11' } });
    expect(refused({}, { 3: null })?.key).toBe('database.info.error.notAllocated');
    const given = applyEdit(blank, edited({}, { 9: 4 }), 'forward');
    const removed = setVillageInfo(given, {}, { 9: null });
    if (!removed.ok) throw new Error(removed.error.key);
    expect(applyEdit(given, removed.value, 'forward').allocations).toEqual({ 3: 1 });
  });

  it('lists every problem at once, by entry, for the form', () => {
    const problems = villageInfoProblems({ basePopulation: -1, planPeriod: 'x', villageName: '村' }, { 7: -1, 12: 1 });
    expect(problems.map((p) => p.entry)).toEqual(['basePopulation', 'planPeriod', 'allocation.7', 'allocation.12']);
  });

  it('is an empty edit when nothing changes, with a note', () => {
    const made = setVillageInfo(blank, { villageName: '  ', basePopulation: null }, { 1: null });
    expect(made.ok && isEmptyEdit(made.value)).toBe(true);
    expect(made.ok && made.notes).toEqual([{ key: 'database.info.unchanged' }]);
  });

  it('makes binding-indicators check what it could not: an allocation under the plan is an error naming the indicator', () => {
    const first = (db: typeof blank) => bindingIndicatorsRule.check(db).find((i) => i.message.params?.['number'] === 1);
    expect(first(blank)?.severity).toBe('notChecked');
    const db = applyEdit(blank, edited({}, { 1: 0.5 }), 'forward');
    expect(first(db)).toMatchObject({ severity: 'error', message: { key: 'rules.db.binding-indicators.atMost', params: { indicatorKey: 'rules.db.indicator.1' } } });
  });

  it('has every message in both languages', () => {
    const [zh, en] = [strings('zh'), strings('en')];
    for (const key of ['label', 'unchanged', 'error.count', 'error.villageType', 'error.planPeriod', 'error.allocation', 'error.notAllocated']) {
      expect(zh[`database.info.${key}`]).toBeTruthy();
      expect(en[`database.info.${key}`]).toBeTruthy();
    }
  });
});

describe('the info in a database with FULL_INFO', () => {
  it('changes nothing when the entries are given again', () => {
    const full = database({}, { info: FULL_INFO });
    const made = setVillageInfo(full, FULL_INFO);
    expect(made.ok && isEmptyEdit(made.value)).toBe(true);
  });
});
