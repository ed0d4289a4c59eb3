import { describe, expect, it } from 'vitest';
import { bsmFormatRule } from './bsm-format.rule.ts';
import { cell, database, feature } from './test-support.ts';

const XZQDM = '330106001001';
const withBsm = (layer: string, values: readonly (string | null)[]) => values.map((value, i) => feature(`${layer}#${i + 1}`, cell(i), { BSM: value, ZLDWDM: `${XZQDM}0000000`, JQDLBM: '0101', GHDLBM: '0101' }));

describe('bsm-format', () => {
  it('passes BSMs of the village XZQDM and an 8-digit sequence, unique per layer (the same BSM in two layers is fine)', () => {
    const db = database({ JQDLTB: withBsm('JQDLTB', [`${XZQDM}00000001`, `${XZQDM}00000002`]), GHDLTB: withBsm('GHDLTB', [`${XZQDM}00000001`]) });
    expect(bsmFormatRule.check(db)).toEqual([]);
  });

  it('groups missing, malformed, foreign-prefix and repeated BSMs per layer, with counts and refs', () => {
    const db = database({
      JQDLTB: withBsm('JQDLTB', [`${XZQDM}00000001`, `${XZQDM}00000001`, null, '3301060010010000001', `330106001002${'00000004'}`, `${XZQDM}00000001`]),
      GHDLTB: withBsm('GHDLTB', [`${XZQDM}00000001`]),
    });
    const issues = bsmFormatRule.check(db);
    expect(issues.map((i) => [i.layer, i.message.key.split('.').at(-1), i.features])).toEqual([
      ['JQDLTB', 'missing', ['JQDLTB#3']],
      ['JQDLTB', 'malformed', ['JQDLTB#4']],
      ['JQDLTB', 'wrongPrefix', ['JQDLTB#5']],
      ['JQDLTB', 'duplicate', ['JQDLTB#2', 'JQDLTB#6']],
    ]);
    expect(issues[3]?.message.params).toMatchObject({ count: 2, refs: 'JQDLTB#2、JQDLTB#6', xzqdm: XZQDM });
  });
});
