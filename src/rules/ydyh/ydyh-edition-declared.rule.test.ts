import { describe, expect, it } from 'vitest';
import { ydyhEditionDeclaredRule } from './ydyh-edition-declared.rule.ts';
import { database, parcels } from './test-support.ts';

describe('ydyh-edition-declared', () => {
  it('passes codes that are the same in both editions', () => {
    const db = database({ JQDLTB: parcels('JQDLTB', 'JQDLBM', ['0101', '0703', '1001']), GHDLTB: parcels('GHDLTB', 'GHDLBM', ['070301', '1207']) });
    expect(ydyhEditionDeclaredRule.check(db)).toEqual([]);
  });

  it('is an error for 2020-only codes in a database declared 2023, naming them and the other edition', () => {
    const db = database({ JQDLTB: parcels('JQDLTB', 'JQDLBM', ['1313', '0603', '0101', '0604', '090301']), GHDLTB: parcels('GHDLTB', 'GHDLBM', ['0101']) });
    const [issue, ...rest] = ydyhEditionDeclaredRule.check(db);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({
      severity: 'error',
      layer: 'JQDLTB',
      features: ['JQDLTB#2', 'JQDLTB#4', 'JQDLTB#5', 'JQDLTB#1'],
      message: { key: 'rules.db.ydyh-edition-declared.otherEdition', params: { codes: '0603、0604、090301、1313', count: 4, otherKey: 'rules.db.edition.ydyh-2020' } },
    });
  });

  it('is an error for 2023-only codes in a database declared 2020', () => {
    const db = database({ JQDLTB: parcels('JQDLTB', 'JQDLBM', ['0101']), GHDLTB: parcels('GHDLTB', 'GHDLBM', ['1207', '060201']) }, { edition: 'ydyh-2020' });
    expect(ydyhEditionDeclaredRule.check(db).map((i) => [i.severity, i.layer, i.message.params['codes']])).toEqual([['error', 'GHDLTB', '060201、1207']]);
  });

  // A JQDLTB copied from the 三调 DLTB unconverted: 05H1 and 0201K were BM错误 one by one, and the 宅基地 coded 0702 went
  // silently into 城镇建设用地 as 用地用海 0702 城镇社区服务设施用地 (the 0702 trap, domain-2026.md §2.1).
  it('is an error for a layer coded in 三调, naming its 三调-only codes and the 0702 parcels read as another class', () => {
    const db = database({ JQDLTB: parcels('JQDLTB', 'JQDLBM', ['0101', '05H1', '0702', '0201K', '1006', '0702']), GHDLTB: parcels('GHDLTB', 'GHDLBM', ['0702', '0101']) });
    const issues = ydyhEditionDeclaredRule.check(db);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      severity: 'error',
      layer: 'JQDLTB',
      features: ['JQDLTB#2', 'JQDLTB#4', 'JQDLTB#3', 'JQDLTB#6'],
      message: { key: 'rules.db.ydyh-edition-declared.sandiaoCodes', params: { codes: '0201K、05H1', movedCodes: '0702', movedCount: 2, count: 4 } },
    });
  });

  it('warns of codes whose meaning differs between editions, with both meanings', () => {
    const db = database({ JQDLTB: parcels('JQDLTB', 'JQDLBM', ['1311', '1311', '0101']), GHDLTB: parcels('GHDLTB', 'GHDLBM', ['0101']) });
    const issues = ydyhEditionDeclaredRule.check(db);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'warning', message: { params: { code: '1311', count: 2, name2023: '水工设施用地', name2020: '干渠' } } });
  });
});
