/** `cultivated-land-kept` (seed §六): 耕地保有量 at the target year is at least the township's task. */
import { isCultivatedLand } from '../domain/land-classes.ts';
import { m2, makeIssue, notChecked } from './issue.ts';
import type { PlanRule } from './rule.ts';

export const cultivatedLandKeptRule: PlanRule = {
  id: 'cultivated-land-kept',
  kind: 'plan',
  severity: 'error',
  reads: ['base', 'demolition', 'newBuild', 'useChange', 'meta'],
  profileKeys: ['overlapReportM2'],
  source: 'seed §六',
  seedDifference: 'As for pbf-kept: seed §十二 lets the township balance a shortfall, which changes the task entered, not the rule.',
  check(state) {
    const task = state.plan.meta.quotas.cultivatedLand;
    if (task === null) return [notChecked(this.id, 'rules.missing.quota.cultivatedLand')];
    const kept = state.derived.sum((k) => isCultivatedLand(k.targetClass));
    if (task - kept < state.profile.overlapReportM2) return [];
    return [makeIssue(this.id, this.severity, { key: 'rules.cultivated-land-kept.message', params: { keptM2: m2(kept), taskM2: m2(task), shortM2: m2(task - kept) } })];
  },
};
