/**
 * `cultivated-land-kept` (seed §六): 耕地保有量 at the target year is at least the township's task. Both are
 * net of 田坎, as the survey and the township plan state 耕地 (farmland-area.ts); the message gives the
 * gross polygon area beside it.
 */
import { farmlandAt } from './farmland-area.ts';
import { m2, makeIssue, notChecked } from './issue.ts';
import type { PlanRule } from './rule.ts';

export const cultivatedLandKeptRule: PlanRule = {
  id: 'cultivated-land-kept',
  kind: 'plan',
  severity: 'error',
  reads: ['base', 'demolition', 'newBuild', 'useChange', 'meta'],
  profileKeys: ['overlapReportM2', 'newFarmlandRidgeCoefficient'],
  source: 'seed §六',
  seedDifference: 'As for pbf-kept: seed §十二 lets the township balance a shortfall, which changes the task entered, not the rule.',
  check(state) {
    const task = state.plan.meta.quotas.cultivatedLand;
    if (task === null) return [notChecked(this.id, 'rules.missing.quota.cultivatedLand')];
    const kept = farmlandAt(state.derived, state.profile, 'target');
    if (task - kept.netM2 < state.profile.overlapReportM2) return [];
    return [makeIssue(this.id, this.severity, { key: 'rules.cultivated-land-kept.message', params: { keptM2: m2(kept.netM2), grossM2: m2(kept.grossM2), taskM2: m2(task), shortM2: m2(task - kept.netM2) } })];
  },
};
