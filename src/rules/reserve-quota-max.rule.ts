/**
 * `reserve-quota-max` (seed §八): at most the profile's share (20 %) of the new-build quota that demolition
 * earns may be kept back for the village's reserve (规划预留新增建设用地指标). The amount kept back is a
 * plan input; without it the rule says so.
 */
import { m2, makeIssue, notChecked } from './issue.ts';
import { linkageLedger } from './linkage.ts';
import type { PlanRule } from './rule.ts';

export const reserveQuotaMaxRule: PlanRule = {
  id: 'reserve-quota-max',
  kind: 'plan',
  severity: 'error',
  reads: ['base', 'demolition', 'meta'],
  profileKeys: ['reserveQuotaMaxShare', 'overlapReportM2'],
  source: 'seed §八',
  seedDifference: 'The seed counts the 20 % on quota that actual demolition produces (实际拆旧); a plan knows only planned demolition, so the share is taken of the planned, legal, restored demolition area: an upper bound of what will be allowed.',
  check(state) {
    const ledger = linkageLedger(state.derived, state.plan.meta, state.profile);
    if (ledger.keptForReserveM2 === null) return [notChecked(this.id, 'rules.missing.reserveQuotaKept')];
    if (ledger.keptForReserveM2 - ledger.maxKeptM2 < state.profile.overlapReportM2) return [];
    return [
      makeIssue(this.id, this.severity, {
        key: 'rules.reserve-quota-max.message',
        params: { keptM2: m2(ledger.keptForReserveM2), maxM2: m2(ledger.maxKeptM2), sharePercent: state.profile.reserveQuotaMaxShare * 100, earnedM2: m2(ledger.earnedM2) },
      }),
    ];
  },
};
