import { describe, expect, it } from 'vitest';
import { ydyhCodeValidRule } from './ydyh-code-valid.rule.ts';
import { cell, database, feature } from './test-support.ts';

const coded = (layer: 'JQDLTB' | 'GHDLTB', rows: readonly (readonly [string | null, string | null])[]) => {
  const [bm, mc] = layer === 'JQDLTB' ? ['JQDLBM', 'JQDLMC'] : ['GHDLBM', 'GHDLMC'];
  return rows.map(([code, name], i) => feature(`${layer}#${i + 1}`, cell(i), { [bm]: code, [mc]: name }));
};

describe('ydyh-code-valid', () => {
  it('passes 2023 codes with their names, an alias, a Zhejiang sub-class under its parent and no name at all', () => {
    const db = database({
      JQDLTB: coded('JQDLTB', [['0101', '水田'], ['0504', '其他沼泽草地'], ['070301', null]]),
      GHDLTB: coded('GHDLTB', [['1207', '村庄道路用地'], ['070302', '低层集中宅基地'], ['0703', '农村宅基地']]),
    });
    expect(ydyhCodeValidRule.check(db)).toEqual([]);
  });

  // A code field written as a number (GDAL from Excel, a DBF N field): 0201 果园 arrived as 201, which was called a sea code.
  it('says a code lost its leading zero, with the code it should be, and calls no such code a sea code', () => {
    const db = database({ GHDLTB: coded('GHDLTB', [['70301', '一类农村宅基地'], ['201', '果园'], ['101', null], ['2001', null], ['7030', null]]) });
    const issues = ydyhCodeValidRule.check(db);
    expect(issues.map((i) => [i.message.key.split('.').at(-1), i.message.params?.code, i.message.params?.expected])).toEqual([
      ['codeLostZero', '70301', '070301'],
      ['codeLostZero', '201', '0201'],
      ['codeLostZero', '101', '0101'],
      ['seaCode', '2001', ''],
      ['codeInvalid', '7030', ''],
    ]);
  });

  it('tells BM错误, MC错误 and BM和MC不匹配 apart, and refuses sea codes on land', () => {
    const db = database({
      JQDLTB: coded('JQDLTB', [['0199', '水田'], ['0101', '稻田'], ['0101', '旱地'], ['0101', '旱地'], ['18', '渔业用海'], [null, '水田']]),
      GHDLTB: coded('GHDLTB', [['0703', '村庄道路用地']]),
    });
    const issues = ydyhCodeValidRule.check(db);
    expect(issues.map((i) => [i.layer, i.message.key.split('.').at(-1), i.features.length])).toEqual([
      ['JQDLTB', 'codeInvalid', 1],
      ['JQDLTB', 'nameInvalid', 1],
      ['JQDLTB', 'mismatch', 2],
      ['JQDLTB', 'seaCode', 1],
      ['JQDLTB', 'codeMissing', 1],
      ['GHDLTB', 'mismatch', 1],
    ]);
    expect(issues.every((i) => i.severity === 'error')).toBe(true);
    expect(issues[2]?.message.params).toMatchObject({ code: '0101', name: '旱地', expected: '水田', count: 2, refs: 'JQDLTB#3、JQDLTB#4' });
  });

  it('checks a 2020 database after converting its codes, accepting the 2020 name', () => {
    const clean = database({ JQDLTB: coded('JQDLTB', [['0603', '畜禽养殖设施建设用地'], ['1311', '干渠']]), GHDLTB: coded('GHDLTB', [['1313', '其他公用设施用地']]) }, { edition: 'ydyh-2020' });
    expect(ydyhCodeValidRule.check(clean)).toEqual([]);
    const wrong = database({ JQDLTB: coded('JQDLTB', [['1311', '河流水面']]), GHDLTB: [] }, { edition: 'ydyh-2020' });
    expect(ydyhCodeValidRule.check(wrong).map((i) => i.message.key)).toEqual(['rules.db.ydyh-code-valid.mismatch']);
  });

  it('leaves a code of the other edition to ydyh-edition-declared', () => {
    const db = database({ JQDLTB: coded('JQDLTB', [['0603', null]]), GHDLTB: [] });
    expect(ydyhCodeValidRule.check(db)).toEqual([]);
  });
});
