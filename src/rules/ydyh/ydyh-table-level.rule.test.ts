import { describe, expect, it } from 'vitest';
import { ydyhTableLevelRule } from './ydyh-table-level.rule.ts';
import { database, parcels } from './test-support.ts';

describe('ydyh-table-level', () => {
  it('passes codes that each have a row', () => {
    const db = database({ JQDLTB: parcels('JQDLTB', 'JQDLBM', ['0101', '070301', '0301']), GHDLTB: parcels('GHDLTB', 'GHDLBM', ['0101', '070302', '1207']) });
    expect(ydyhTableLevelRule.check(db)).toEqual([]);
  });

  it('warns of a code too coarse for a row and a code in no subtotal, each with its areas, and no more', () => {
    const db = database({ JQDLTB: parcels('JQDLTB', 'JQDLBM', ['0703', '0101']), GHDLTB: parcels('GHDLTB', 'GHDLBM', ['0703', '0802']) });
    const issues = ydyhTableLevelRule.check(db);
    expect(issues.map((i) => [i.severity, i.message.key.split('.').at(-1), i.message.params['code'], i.features])).toEqual([
      ['warning', 'tooCoarse', '0703', ['JQDLTB#1', 'GHDLTB#1']],
      ['warning', 'ungrouped', '0802', ['GHDLTB#2']],
    ]);
    expect(issues[0]?.message.params).toMatchObject({ subtotalKey: 'rules.db.subtotal.village' });
    expect(issues[0]?.message.params['baseHa']).toBeCloseTo(1.07, 2);
  });

  it('leaves unknown codes, sea codes and codes of the other edition to the code checks', () => {
    const db = database({ JQDLTB: parcels('JQDLTB', 'JQDLBM', ['0199', '18', '0603']), GHDLTB: parcels('GHDLTB', 'GHDLBM', ['0101']) });
    expect(ydyhTableLevelRule.check(db)).toEqual([]);
  });
});
