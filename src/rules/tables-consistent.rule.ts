/**
 * `tables-consistent` (zj-qc): every table equals the sum of the map, to the profile's tolerance. The tables
 * are computed from the derived pieces, the same areas as the map, and each table's rows add up after
 * rounding by construction (tables/table.ts); what can still break is the derivation itself (an overlay
 * that failed for a parcel) and the land total against the village's own area.
 */
import { ellipsoidalArea } from '../geo/area.ts';
import type { Issue } from './issue.ts';
import { m2, makeIssue } from './issue.ts';
import type { PlanRule } from './rule.ts';

export const tablesConsistentRule: PlanRule = {
  id: 'tables-consistent',
  kind: 'plan',
  severity: 'error',
  reads: ['boundary', 'base', 'pbf', 'reserve', 'demolition', 'newBuild', 'useChange'],
  profileKeys: ['tablesToleranceHa'],
  source: 'zj-qc',
  seedDifference: '',
  check(state) {
    const issues: Issue[] = [];
    for (const problem of state.derived.problems()) {
      issues.push(makeIssue(this.id, this.severity, { layer: 'base', features: [problem.base, problem.other], key: 'rules.tables-consistent.derivationFailed', params: { detail: problem.error } }));
    }
    const toleranceM2 = state.profile.tablesToleranceHa * 10_000;
    const baseTotal = state.derived.sum(() => true);
    const boundary = state.boundary();
    if (boundary.ok && boundary.geometry) {
      const village = state.memo(this.id, boundary.geometry, [], () => ellipsoidalArea(boundary.geometry as NonNullable<typeof boundary.geometry>));
      if (Math.abs(village - baseTotal) > toleranceM2) {
        issues.push(makeIssue(this.id, this.severity, { key: 'rules.tables-consistent.totalVsVillage', params: { tableM2: m2(baseTotal), villageM2: m2(village), differenceM2: m2(baseTotal - village) }, part: 'total' }));
      }
    }
    return issues;
  },
};
