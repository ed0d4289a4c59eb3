/**
 * The township's construction-land tasks (乡级规划下达, seed §五 "细化落实乡(镇)规划的有关控制要求"): a
 * target-year total of one kind of construction land may not exceed its task. Shared by the three
 * `*-within-task` rules; each rule is one task.
 */
import type { LandClassCode } from '../domain/land-classes.ts';
import type { TownshipQuotas } from '../domain/plan.ts';
import type { CheckState } from './context.ts';
import { m2, makeIssue, notChecked, type Issue } from './issue.ts';
import type { RuleInfo } from './rule.ts';

export function withinTownshipTask(state: CheckState, rule: RuleInfo, task: keyof TownshipQuotas, counts: (code: LandClassCode) => boolean): Issue[] {
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
