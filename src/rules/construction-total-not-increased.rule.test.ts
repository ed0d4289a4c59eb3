import { describe, expect, it } from 'vitest';
import { fullCheck } from './engine.ts';
import { linkageVillage } from './linkage-fixtures.ts';
import { constructionTotalNotIncreasedRule } from './construction-total-not-increased.rule.ts';
import { issuesOf } from './test-support.ts';

const RULE = 'construction-total-not-increased';

describe(RULE, () => {
  it('passes when demolition covers new build', () => {
    expect(issuesOf(linkageVillage({ demolish: 1, build: 1 }), RULE)).toEqual([]);
  });

  it('warns when construction land grows, with the figures', () => {
    const issues = issuesOf(linkageVillage({ demolish: 0, build: 1 }), RULE);
    expect(issues).toMatchObject([{ severity: 'warning' }]);
    expect(issues[0]!.message.params.increaseM2 as number).toBeCloseTo(10_710, -2);
  });

  it('lets a written justification pass the warning', () => {
    const plan = linkageVillage({ demolish: 0, build: 1 });
    const key = issuesOf(plan, RULE)[0]!.key;
    const justified = { ...plan, meta: { ...plan.meta, justifications: { [key]: { text: '现状建设用地过小', at: '2026-01-01T00:00:00Z' } } } };
    const result = fullCheck(justified, [constructionTotalNotIncreasedRule]);
    expect(result.summary).toMatchObject({ warnings: 0, justified: 1 });
  });
});
