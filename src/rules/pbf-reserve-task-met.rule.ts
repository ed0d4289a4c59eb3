/**
 * `pbf-reserve-task-met` (seed §六): the plan carries out the township's 基本农田储备库任务, i.e. its
 * 基本农田整备区 add up to at least the task. Only reserve area that is not already permanent basic farmland
 * counts (a reserve drawn on PBF adds nothing; `reserve-area-eligible` reports it), less what facility
 * farmland on PBF takes from it as 先补后占 compensation (seed §九: compensation leaves the reserve as new
 * basic farmland). Without the task entered the rule is not checked.
 */
import { compensationNeededM2, eligibleReserveM2, facilitiesOnPbf } from './facility-on-pbf.ts';
import { m2, makeIssue, notChecked } from './issue.ts';
import type { PlanRule } from './rule.ts';

export const pbfReserveTaskMetRule: PlanRule = {
  id: 'pbf-reserve-task-met',
  kind: 'plan',
  severity: 'error',
  reads: ['base', 'pbf', 'reserve', 'facility', 'meta'],
  profileKeys: ['overlapReportM2', 'coverageToleranceM'],
  source: 'seed §六',
  seedDifference: 'domain.md §6 has no rule for the 基本农田储备库 task; the seed asks the plan to carry it out with definite parcels and areas (细化落实…基本农田储备库任务，明确具体地块、面积), so the task entered is a minimum.',
  check(state) {
    const task = state.plan.meta.quotas.pbfReserve;
    if (task === null) return [notChecked(this.id, 'rules.missing.quota.pbfReserve')];
    const eligible = eligibleReserveM2(state);
    const compensation = Math.min(eligible, compensationNeededM2(facilitiesOnPbf(state)));
    const reserve = eligible - compensation;
    if (task - reserve < state.profile.overlapReportM2) return [];
    return [makeIssue(this.id, this.severity, { key: 'rules.pbf-reserve-task-met.message', params: { reserveM2: m2(reserve), compensationM2: m2(compensation), taskM2: m2(task), shortM2: m2(task - reserve) } })];
  },
};
