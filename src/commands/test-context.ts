/** Test helper: a command context over a hand-made plan (not used by the app). */
import type { Plan } from '../domain/plan.ts';
import { resolveProfile } from '../profiles/zhejiang-2017/rule-profile.ts';
import { PlanIndex } from '../geo/plan-index.ts';
import type { CommandContext } from './command.ts';

export function contextOf(plan: Plan): CommandContext {
  return { plan, index: PlanIndex.build(plan), profile: resolveProfile(plan.meta.profileId, plan.meta.profileOverrides) };
}
