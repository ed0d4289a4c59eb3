/**
 * `new-construction-quota-source` (seed §八): every piece of new construction land is paid for by exactly
 * one quota that a rule compares: E2 new-build on the linkage quota (`demolition-covers-new-build`), new
 * build on the village reserve (`reserve-quota-covers-new-build`) or on the township's quota (the
 * `*-within-task` rules). Reported: a use change that turns land into construction land (it has no quota
 * source: draw it as a new-build parcel), and an E1 (虚拟新增) parcel on the linkage quota, which the linkage
 * ledger does not count.
 */
import type { FeatureOf } from '../domain/features.ts';
import { isConstructionLand } from '../profiles/zhejiang-2017/land-classes.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import type { Issue } from './issue.ts';
import { m2, makeIssue } from './issue.ts';
import { newConstruction } from './new-construction.ts';
import type { PlanRule } from './rule.ts';

export const newConstructionQuotaSourceRule: PlanRule = {
  id: 'new-construction-quota-source',
  kind: 'plan',
  severity: 'error',
  reads: ['base', 'demolition', 'newBuild', 'useChange'],
  profileKeys: ['overlapReportM2'],
  source: 'seed §八',
  seedDifference: 'domain.md §6 compares only E2 new build with demolition; the seed wants every new construction to use existing land or the linkage (优先使用存量土地或通过建设用地增减挂钩解决) and names the reserve quota as the other source, so new construction outside those ledgers is an error.',
  check(state) {
    const threshold = state.profile.overlapReportM2;
    const issues: Issue[] = [];
    for (const made of newConstruction(state)) {
      const { feature } = made;
      if (feature.layer === 'useChange') {
        const areaM2 = ellipsoidalArea(made.geometry);
        if (areaM2 < threshold) continue;
        issues.push(makeIssue(this.id, this.severity, { layer: 'useChange', features: [feature.id], key: 'rules.new-construction-quota-source.useChange', params: { parcelNo: feature.properties.parcelNo, areaM2: m2(areaM2) }, geometry: made.geometry, part: 'useChange' }));
        continue;
      }
      const props = (feature as FeatureOf<'newBuild'>).properties;
      if (props.linkage !== 'E1' || props.quotaSource !== 'linkage') continue;
      const newLand = state.derived.piecesOfChange(feature.id).filter((p) => !isConstructionLand(p.baseClass) && isConstructionLand(p.targetClass));
      const areaM2 = newLand.reduce((s, p) => s + p.areaM2, 0);
      if (areaM2 < threshold) continue;
      issues.push(makeIssue(this.id, this.severity, { layer: 'newBuild', features: [feature.id], key: 'rules.new-construction-quota-source.virtualOnLinkage', params: { parcelNo: props.parcelNo, areaM2: m2(areaM2) }, geometry: feature.geometry, part: 'e1' }));
    }
    return issues;
  },
};
