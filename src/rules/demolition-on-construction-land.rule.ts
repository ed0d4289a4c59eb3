/**
 * `demolition-on-construction-land` (seed §八: 破旧、闲置、散乱、低效、废弃的农村建设用地应规划为拟拆旧地块):
 * a demolition parcel lies on base-year construction land. The part on other land is shown.
 */
import type { FeatureOf } from '../domain/features.ts';
import { isConstructionLand } from '../profiles/zhejiang-2017/land-classes.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { geometryBBox } from '../geo/bbox.ts';
import { partInside } from './clip.ts';
import { m2, makeIssue } from './issue.ts';
import type { FeatureRule } from './rule.ts';

export const demolitionOnConstructionLandRule: FeatureRule = {
  id: 'demolition-on-construction-land',
  kind: 'feature',
  severity: 'error',
  layers: ['demolition'],
  reads: ['base'],
  profileKeys: ['overlapReportM2', 'coverageToleranceM'],
  source: 'seed §八',
  seedDifference: '',
  check(state, feature) {
    if (feature.layer !== 'demolition') return [];
    const threshold = state.profile.overlapReportM2;
    const geometry = state.usable(feature.geometry);
    if (!geometry) return [];
    const other = (state.near('base', geometryBBox(feature.geometry)) as FeatureOf<'base'>[]).filter((b) => !isConstructionLand(b.properties.classCode));
    const part = partInside(geometry, state.outlines(other), state.clipLimits(threshold));
    if (!part.ok) return [makeIssue(this.id, this.severity, { layer: 'demolition', features: [feature.id], key: 'rules.clipFailed', params: { detail: part.error } })];
    if (!part.value) return [];
    const area = ellipsoidalArea(part.value);
    if (area < threshold) return [];
    return [makeIssue(this.id, this.severity, { layer: 'demolition', features: [feature.id], key: 'rules.demolition-on-construction-land.message', params: { parcelNo: feature.properties.parcelNo, areaM2: m2(area) }, geometry: part.value })];
  },
};
