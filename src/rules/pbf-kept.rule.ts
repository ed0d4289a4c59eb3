/**
 * `pbf-kept` (seed §六): permanent basic farmland at the target year is at least the township's task, and no
 * new construction lands on it. "On it" means on the township's delineation (JBNTBHTB, the pbf layer), even
 * where the plan's own GHYT no longer says G111/G112 (domain.md §4). The overlap itself is shown. The area
 * kept is net of 田坎 (zj-qc: GHYT JMJ = MJ × (1 − TKXS) on G111/G112; farmland-area.ts), as the task is.
 */
import type { FeatureOf } from '../domain/features.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { geometryBBox } from '../geo/bbox.ts';
import { partInside } from './clip.ts';
import { pbfFarmlandAt } from './farmland-area.ts';
import type { Issue } from './issue.ts';
import { m2, makeIssue, notChecked } from './issue.ts';
import { newConstruction } from './new-construction.ts';
import type { PlanRule } from './rule.ts';

export const pbfKeptRule: PlanRule = {
  id: 'pbf-kept',
  kind: 'plan',
  severity: 'error',
  reads: ['base', 'pbf', 'demolition', 'newBuild', 'useChange', 'meta'],
  profileKeys: ['overlapReportM2', 'coverageToleranceM', 'newFarmlandRidgeCoefficient'],
  source: 'seed §六',
  seedDifference: 'Seed §十二 lets a village that cannot meet a township constraint balance it within the township, confirmed by the township government; that changes the township task entered for the village, not this rule.',
  check(state) {
    const issues: Issue[] = [];
    const threshold = state.profile.overlapReportM2;
    const task = state.plan.meta.quotas.permanentBasicFarmland;
    const kept = pbfFarmlandAt(state.derived, state.profile, 'target');
    if (task === null) issues.push(notChecked(this.id, 'rules.missing.quota.permanentBasicFarmland', 'quota'));
    else if (task - kept.netM2 >= threshold) {
      issues.push(makeIssue(this.id, this.severity, { key: 'rules.pbf-kept.quota', params: { keptM2: m2(kept.netM2), grossM2: m2(kept.grossM2), taskM2: m2(task), shortM2: m2(task - kept.netM2) }, part: 'quota' }));
    }
    const pbfRecord = state.version('pbf');
    for (const made of newConstruction(state)) {
      const found = state.memo(this.id, made.geometry, [pbfRecord, threshold], () => {
        const pbf = state.near('pbf', geometryBBox(made.geometry)) as FeatureOf<'pbf'>[];
        return partInside(made.geometry, state.outlines(pbf), state.clipLimits(threshold));
      });
      if (!found.ok) {
        issues.push(makeIssue(this.id, this.severity, { layer: made.feature.layer, features: [made.feature.id], key: 'rules.clipFailed', params: { detail: found.error } }));
        continue;
      }
      if (!found.value) continue;
      const area = ellipsoidalArea(found.value);
      if (area < threshold) continue;
      issues.push(makeIssue(this.id, this.severity, { layer: made.feature.layer, features: [made.feature.id], key: 'rules.pbf-kept.builtOn', params: { parcelNo: made.feature.properties.parcelNo, areaM2: m2(area) }, geometry: found.value }));
    }
    return issues;
  },
};
