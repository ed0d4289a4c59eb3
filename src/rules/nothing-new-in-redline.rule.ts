/**
 * `nothing-new-in-redline` (seed §五: 优先划定生态保护红线): no new construction in the ecological red line
 * or in 禁止建设区 (040–049). The part inside is shown.
 */
import type { AreaGeometry, FeatureOf } from '../domain/features.ts';
import { isForbiddenZone } from '../profiles/zhejiang-2017/codes.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { geometryBBox } from '../geo/bbox.ts';
import { partInside } from './clip.ts';
import type { Issue } from './issue.ts';
import { m2, makeIssue, notChecked } from './issue.ts';
import { newConstruction } from './new-construction.ts';
import type { PlanRule } from './rule.ts';

export const nothingNewInRedlineRule: PlanRule = {
  id: 'nothing-new-in-redline',
  kind: 'plan',
  severity: 'error',
  reads: ['redline', 'controlZone', 'base', 'demolition', 'newBuild', 'useChange'],
  profileKeys: ['overlapReportM2', 'coverageToleranceM'],
  source: 'seed §五, std',
  seedDifference: '',
  check(state) {
    const made = newConstruction(state);
    if (made.length === 0) return [];
    if (state.count('controlZone') === 0 && state.count('redline') === 0) return [notChecked(this.id, 'rules.missing.layer.controlZone')];
    const threshold = state.profile.overlapReportM2;
    const issues: Issue[] = [];
    for (const { feature, geometry } of made) {
      const box = geometryBBox(geometry);
      const protectedAreas: AreaGeometry[] = state.outlines([
        ...(state.near('redline', box) as FeatureOf<'redline'>[]),
        ...(state.near('controlZone', box) as FeatureOf<'controlZone'>[]).filter((z) => isForbiddenZone(z.properties.zoneCode)),
      ]);
      const inside = state.memo(this.id, geometry, [state.version('redline'), state.version('controlZone'), threshold, state.profile.coverageToleranceM], () => partInside(geometry, protectedAreas, state.clipLimits(threshold)));
      if (!inside.ok) {
        issues.push(makeIssue(this.id, this.severity, { layer: feature.layer, features: [feature.id], key: 'rules.clipFailed', params: { detail: inside.error } }));
        continue;
      }
      if (!inside.value) continue;
      const area = ellipsoidalArea(inside.value);
      if (area >= threshold) issues.push(makeIssue(this.id, this.severity, { layer: feature.layer, features: [feature.id], key: 'rules.nothing-new-in-redline.message', params: { parcelNo: feature.properties.parcelNo, areaM2: m2(area) }, geometry: inside.value }));
    }
    return issues;
  },
};
