/**
 * `demolition-covers-new-build` (zj-qc Σ C ≥ Σ E2, read with seed §八): new construction land of E2
 * new-build parcels on the linkage quota is at most what demolition earns (only demolition restored to
 * farm, forest or water use earns quota) less what is kept back for the village reserve. Where only the
 * illegal-land exclusion makes the difference, `illegal-land-not-linked` reports it instead.
 */
import { m2, makeIssue } from './issue.ts';
import { linkageLedger } from './linkage.ts';
import type { PlanRule } from './rule.ts';

export const demolitionCoversNewBuildRule: PlanRule = {
  id: 'demolition-covers-new-build',
  kind: 'plan',
  severity: 'error',
  reads: ['base', 'demolition', 'newBuild', 'useChange', 'meta'],
  profileKeys: ['overlapReportM2'],
  source: 'zj-qc, seed §八',
  seedDifference: 'domain.md compares Σ area of all C* with Σ E2; the seed (§八) says only demolition 复垦为农用地 carries linkage quota and that what is kept back for the reserve comes out of it, so the quota is legal demolition restored to non-construction use, minus the reserve kept back; new-build counts only where it turns non-construction land into construction land.',
  check(state) {
    const ledger = linkageLedger(state.derived, state.plan.meta, state.profile);
    const available = ledger.earnedM2 + ledger.illegalExcludedM2 - (ledger.keptForReserveM2 ?? 0);
    // Without new build on the quota there is nothing to cover; a reserve kept back beyond the quota is reserve-quota-max's.
    if (ledger.usedByNewBuildM2 < state.profile.overlapReportM2 || ledger.usedByNewBuildM2 - available < state.profile.overlapReportM2) return [];
    const features = state.features('newBuild').filter((f) => f.properties.linkage === 'E2' && f.properties.quotaSource === 'linkage').map((f) => f.id);
    return [
      makeIssue(this.id, this.severity, {
        layer: 'newBuild',
        features,
        key: 'rules.demolition-covers-new-build.message',
        params: { newBuildM2: m2(ledger.usedByNewBuildM2), earnedM2: m2(ledger.earnedM2), keptM2: m2(ledger.keptForReserveM2 ?? 0), availableM2: m2(ledger.earnedM2 - (ledger.keptForReserveM2 ?? 0)) },
      }),
    ];
  },
};
