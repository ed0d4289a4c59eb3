/**
 * `new-build-in-expansion-boundary` (seed §七–八): 拟建新地块应规划为有条件建设区并纳入村庄建设扩展边界. An
 * E2 new-build parcel lies in 有条件建设区 (020); other new construction (E1 parcels, use changes to
 * construction land) inside the expansion boundary, the outline of 010 ∪ 020. Outside it only rural
 * infrastructure, and small farm-tourism or "农业+" sites (seed §十), on the reserve quota. The part outside
 * is shown.
 */
import type { FeatureOf } from '../domain/features.ts';
import { isConstructionLand } from '../profiles/zhejiang-2017/land-classes.ts';
import { geometryBBox } from '../geo/bbox.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { BUSINESS_CLASS, RESERVE_QUOTA_INFRASTRUCTURE_CLASSES } from '../profiles/zhejiang-2017/class-roles.ts';
import { combine, partOutside } from './clip.ts';
import { m2, makeIssue, notChecked } from './issue.ts';
import { newConstruction } from './new-construction.ts';
import type { FeatureRule } from './rule.ts';

export const newBuildInExpansionBoundaryRule: FeatureRule = {
  id: 'new-build-in-expansion-boundary',
  kind: 'feature',
  severity: 'error',
  layers: ['newBuild', 'useChange'],
  reads: ['controlZone', 'base', 'demolition', 'newBuild'],
  profileKeys: ['overlapReportM2', 'coverageToleranceM'],
  source: 'seed §七, §八, §十',
  seedDifference: 'The seed (§八) puts planned new-build parcels in 有条件建设区 (020) specifically, not anywhere in the expansion boundary; and besides rural infrastructure (§七) it lets small farm-tourism and "农业+" sites outside the boundary use the reserve quota (§十), which domain.md does not mention.',
  checkPlan(state) {
    return state.count('controlZone') === 0 && newConstruction(state).length > 0 ? [notChecked(this.id, 'rules.missing.layer.controlZone')] : [];
  },
  check(state, feature) {
    if (feature.layer !== 'newBuild' && feature.layer !== 'useChange') return [];
    const zones = state.near('controlZone', geometryBBox(feature.geometry)) as FeatureOf<'controlZone'>[];
    if (state.count('controlZone') === 0) return [];
    let geometry = state.usable(feature.geometry);
    let allowed = ['010', '020'];
    if (feature.layer === 'newBuild') {
      const p = feature.properties;
      if (p.quotaSource === 'reserve' && (RESERVE_QUOTA_INFRASTRUCTURE_CLASSES.has(p.useCode) || (p.useCode === BUSINESS_CLASS && p.industryPurpose === 'agriNewBusiness'))) return [];
      if (p.linkage === 'E2') allowed = ['020'];
    } else {
      if (!isConstructionLand(feature.properties.targetCode)) return [];
      const made = combine(state.derived.piecesOfChange(feature.id).filter((piece) => !isConstructionLand(piece.baseClass)).map((piece) => piece.geometry));
      if (!made) return [];
      geometry = made;
    }
    if (!geometry) return [];
    const threshold = state.profile.overlapReportM2;
    const outside = partOutside(geometry, state.outlines(zones.filter((z) => allowed.includes(z.properties.zoneCode))), state.clipLimits(threshold));
    if (!outside.ok) return [makeIssue(this.id, this.severity, { layer: feature.layer, features: [feature.id], key: 'rules.clipFailed', params: { detail: outside.error } })];
    if (!outside.value) return [];
    const area = ellipsoidalArea(outside.value);
    if (area < threshold) return [];
    return [
      makeIssue(this.id, this.severity, {
        layer: feature.layer,
        features: [feature.id],
        key: allowed.length === 1 ? 'rules.new-build-in-expansion-boundary.outside020' : 'rules.new-build-in-expansion-boundary.message',
        params: { parcelNo: feature.properties.parcelNo, areaM2: m2(area), totalM2: m2(ellipsoidalArea(geometry)) },
        geometry: outside.value,
      }),
    ];
  },
};
