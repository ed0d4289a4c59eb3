/**
 * `construction-total-not-increased` (seed §七): 规划期末村域建设用地总规模一般不应超过规划基期规模. The seed
 * says "一般" and allows villages with too little construction land to grow, so this is a warning that a
 * written reason (规划说明) can pass, not an error.
 */
import { isConstructionLand } from '../profiles/zhejiang-2017/land-classes.ts';
import { m2, makeIssue } from './issue.ts';
import type { PlanRule } from './rule.ts';

export const constructionTotalNotIncreasedRule: PlanRule = {
  id: 'construction-total-not-increased',
  kind: 'plan',
  severity: 'warning',
  reads: ['base', 'demolition', 'newBuild', 'useChange'],
  profileKeys: ['overlapReportM2'],
  source: 'seed §七',
  seedDifference: 'domain.md makes it an error (ratio ≤ 1); the seed says 一般不应超过 and allows villages with too little construction land to grow (适当扩大), so it is a warning needing 规划说明.',
  check(state) {
    const base = state.derived.sum((k) => isConstructionLand(k.baseClass));
    const target = state.derived.sum((k) => isConstructionLand(k.targetClass));
    if (target - base < state.profile.overlapReportM2) return [];
    return [makeIssue(this.id, this.severity, { key: 'rules.construction-total-not-increased.message', params: { targetM2: m2(target), baseM2: m2(base), increaseM2: m2(target - base) } })];
  },
};
