/**
 * `reserve-quota-covers-new-build` (seed §七, §八): new construction land on the village's reserve quota
 * (规划预留新增建设用地指标) is at most what the plan keeps back for it. Without the amount kept back entered,
 * new building on the reserve quota is not checked.
 */
import { m2, makeIssue, notChecked } from './issue.ts';
import { linkageLedger } from './linkage.ts';
import type { PlanRule } from './rule.ts';

export const reserveQuotaCoversNewBuildRule: PlanRule = {
  id: 'reserve-quota-covers-new-build',
  kind: 'plan',
  severity: 'error',
  reads: ['base', 'demolition', 'newBuild', 'useChange', 'meta'],
  profileKeys: ['overlapReportM2'],
  source: 'seed §七, §八',
  seedDifference: 'domain.md §6 checks only how much is kept back (reserve-quota-max); the seed lets rural infrastructure and small farm-tourism land outside the expansion boundary use the reserve quota, so what they use is compared with what is kept back.',
  check(state) {
    const threshold = state.profile.overlapReportM2;
    const ledger = linkageLedger(state.derived, state.plan.meta, state.profile);
    if (ledger.reserveUsedM2 < threshold) return [];
    const features = state.features('newBuild').filter((f) => f.properties.quotaSource === 'reserve').map((f) => f.id);
    if (ledger.keptForReserveM2 === null) return [notChecked(this.id, 'rules.missing.reserveQuotaKept')];
    if (ledger.reserveUsedM2 - ledger.keptForReserveM2 < threshold) return [];
    return [
      makeIssue(this.id, this.severity, {
        layer: 'newBuild',
        features,
        key: 'rules.reserve-quota-covers-new-build.message',
        params: { usedM2: m2(ledger.reserveUsedM2), keptM2: m2(ledger.keptForReserveM2), overM2: m2(ledger.reserveUsedM2 - ledger.keptForReserveM2) },
      }),
    ];
  },
};
