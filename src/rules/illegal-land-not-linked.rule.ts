/**
 * `illegal-land-not-linked` (seed §八: 违法用地拆除规模不得用于建设用地增减挂钩): demolition of land noted
 * as illegal (DLBZ 20) earns no linkage quota. The ledger always leaves it out; this rule speaks when new
 * building relies on it, i.e. the quota would suffice with the illegal demolition and does not without,
 * and shows the illegal parts.
 */
import { isConstructionLand } from '../profiles/zhejiang-2017/land-classes.ts';
import { combine } from './clip.ts';
import { m2, makeIssue } from './issue.ts';
import { linkageLedger } from './linkage.ts';
import type { PlanRule } from './rule.ts';

export const illegalLandNotLinkedRule: PlanRule = {
  id: 'illegal-land-not-linked',
  kind: 'plan',
  severity: 'error',
  reads: ['base', 'demolition', 'newBuild', 'useChange', 'meta'],
  profileKeys: ['overlapReportM2'],
  source: 'seed §八',
  seedDifference: '',
  check(state) {
    const ledger = linkageLedger(state.derived, state.plan.meta, state.profile);
    const legal = ledger.earnedM2 - (ledger.keptForReserveM2 ?? 0);
    const shortfall = ledger.usedByNewBuildM2 - legal;
    if (ledger.illegalExcludedM2 < state.profile.overlapReportM2 || shortfall < state.profile.overlapReportM2 || shortfall > ledger.illegalExcludedM2) return [];
    const illegal = state.features('demolition').map((d) => ({ d, pieces: state.derived.piecesOfChange(d.id).filter((p) => p.illegal && !isConstructionLand(p.targetClass)) })).filter((x) => x.pieces.length > 0);
    return [
      makeIssue(this.id, this.severity, {
        layer: 'demolition',
        features: illegal.map((x) => x.d.id),
        key: 'rules.illegal-land-not-linked.message',
        params: { illegalM2: m2(ledger.illegalExcludedM2), newBuildM2: m2(ledger.usedByNewBuildM2), legalM2: m2(legal) },
        geometry: combine(illegal.flatMap((x) => x.pieces.map((p) => p.geometry))),
      }),
    ];
  },
};
