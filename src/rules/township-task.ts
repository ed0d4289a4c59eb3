/**
 * The township's construction-land tasks (乡级规划下达, seed §五 "细化落实乡(镇)规划的有关控制要求"): a
 * target-year total of one kind of construction land may not exceed its task. Shared by the three
 * `*-within-task` rules; each rule is one task.
 */
import type { LandClassCode } from '../profiles/zhejiang-2017/land-classes.ts';
import type { TownshipQuotas } from '../domain/plan.ts';
import type { CheckState } from './context.ts';
import { m2, makeIssue, notChecked, type Issue } from './issue.ts';
import type { PlanRule, RuleInfo } from './rule.ts';
import type { RuleId } from './rule-ids.ts';

function withinTownshipTask(state: CheckState, rule: RuleInfo, task: keyof TownshipQuotas, counts: (code: LandClassCode) => boolean): Issue[] {
  const limit = state.plan.meta.quotas[task];
  if (limit === null) return [notChecked(rule.id, `rules.missing.quota.${task}`)];
  const base = state.derived.sum((k) => counts(k.baseClass));
  const target = state.derived.sum((k) => counts(k.targetClass));
  if (target - limit < state.profile.overlapReportM2) return [];
  // Named: new-build parcels that add this kind of land on the township's own quota, the ones its task pays for.
  const features = state.features('newBuild').filter((f) => f.properties.quotaSource === 'township' && counts(f.properties.useCode)).map((f) => f.id);
  return [
    makeIssue(rule.id, rule.severity, {
      ...(features.length ? { layer: 'newBuild' as const, features } : {}),
      key: 'rules.withinTask.message',
      params: { taskKey: `profile.quota.${task}`, targetM2: m2(target), taskM2: m2(limit), overM2: m2(target - limit), baseM2: m2(base) },
    }),
  ];
}

/** One `*-within-task` rule: its id, the task it reads and the land it counts; everything else is shared. */
export function withinTaskRule(id: RuleId, task: keyof TownshipQuotas, counts: (code: LandClassCode) => boolean): PlanRule {
  return {
    id,
    kind: 'plan',
    severity: 'error',
    reads: ['base', 'demolition', 'newBuild', 'useChange', 'meta'],
    profileKeys: ['overlapReportM2'],
    source: 'seed §五, §七',
    seedDifference: "domain.md §6 has no rule for this task; the seed asks the village plan to carry out the township plan's controls (细化落实乡(镇)规划的有关控制要求), so the task entered for the village is a limit.",
    check(state) {
      return withinTownshipTask(state, this, task, counts);
    },
  };
}
