import { describe, expect, it } from 'vitest';
import { villageInfoCompleteRule } from './village-info-complete.rule.ts';
import { database, FULL_INFO } from './test-support.ts';
import { NO_VILLAGE_INFO } from '../../profiles/zhejiang-2026/village-database.ts';

describe('village-info-complete', () => {
  it('passes a complete information sheet', () => {
    expect(villageInfoCompleteRule.check(database({}, { info: FULL_INFO }))).toEqual([]);
  });

  it('warns of each empty entry and of a village name without its county', () => {
    const issues = villageInfoCompleteRule.check(database({}, { info: { ...FULL_INFO, villageName: '示例村', targetPopulation: null, planPeriod: ' ' } }));
    expect(issues.map((i) => [i.severity, i.message.key.split('.').at(-1), i.message.params['fieldKey'] ?? i.message.params['name']])).toEqual([
      ['warning', 'missing', 'rules.db.info.planPeriod'],
      ['warning', 'missing', 'rules.db.info.targetPopulation'],
      ['warning', 'nameWithoutCounty', '示例村'],
    ]);
  });

  it('is not checked without the workbook', () => {
    expect(villageInfoCompleteRule.check(database({}, { info: NO_VILLAGE_INFO }))).toMatchObject([{ severity: 'notChecked' }]);
  });
});
