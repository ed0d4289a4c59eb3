/**
 * `reserve-area-eligible` (seed §六): a 基本农田整备区 is scattered cultivated land (零星耕地), farmland next to
 * permanent basic farmland (永久基本农田周边的现状农用地), or land that development, consolidation or
 * reclamation can turn into new cultivated land. Each reserve area is judged by its stated kind; the part
 * that does not fit is shown. Farmland next to basic farmland must come within the profile's touch
 * tolerance of it. No reserve area lies on existing permanent basic farmland: a reserve is where basic
 * farmland can come from, so land already delineated adds nothing (and could not compensate for any).
 */
import type { AreaGeometry, FeatureOf } from '../domain/features.ts';
import { isConstructionLand, isCultivatedLand, landClass, type LandClassCode } from '../profiles/zhejiang-2017/land-classes.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { expandBBox, geometryBBox } from '../geo/bbox.ts';
import { toleranceDegrees } from '../geo/local-metric.ts';
import { partInside } from './clip.ts';
import type { Piece } from './derive/pieces.ts';
import type { Issue } from './issue.ts';
import { m2, makeIssue } from './issue.ts';
import { withinDistance } from './measure.ts';
import type { PlanRule } from './rule.ts';

/** Whether base land of this class fits the reserve kind (construction land fits 'reclaimable' only where demolished and restored). */
function fits(kind: FeatureOf<'reserve'>['properties']['kind'], code: LandClassCode): boolean {
  switch (kind) {
    case 'scattered':
      return isCultivatedLand(code);
    case 'nearPbf':
      return landClass(code).group !== 'construction' && landClass(code).group !== 'other';
    case 'reclaimable':
      return !isConstructionLand(code);
  }
}

export const reserveAreaEligibleRule: PlanRule = {
  id: 'reserve-area-eligible',
  kind: 'plan',
  severity: 'error',
  reads: ['reserve', 'base', 'pbf', 'demolition', 'newBuild', 'useChange'],
  profileKeys: ['reserveTouchToleranceM', 'overlapReportM2', 'coverageToleranceM'],
  source: 'seed §六',
  seedDifference: 'domain.md asks every reserve area to touch existing PBF; the seed only wants reserve areas to grow into blocks contiguous with it over time (逐步形成…连片), so touching is required only of the kind "farmland next to PBF", whose definition implies it. Neither says a reserve may not lie on PBF; the seed\'s purpose (潜力地块 for 占用补划) rules it out, so that part is reported.',
  check(state) {
    const threshold = state.profile.overlapReportM2;
    const issues: Issue[] = [];
    for (const feature of state.features('reserve')) {
      const kind = feature.properties.kind;
      const geometry = state.usable(feature.geometry);
      if (!geometry) continue;
      const box = geometryBBox(geometry);
      const unfit: AreaGeometry[] = [];
      for (const base of state.near('base', box) as FeatureOf<'base'>[]) {
        if (fits(kind, base.properties.classCode)) continue;
        if (kind !== 'reclaimable') {
          unfit.push(...state.outlines([base]));
          continue;
        }
        // Construction land is reclaimable where a demolition restores it; the rest of the parcel stays built on.
        const restored = (p: Piece) => p.change?.layer === 'demolition' && !isConstructionLand(p.targetClass);
        unfit.push(...state.derived.piecesOf(base.id).filter((p) => !restored(p)).map((p) => p.geometry));
      }
      const changes = [state.version('demolition'), state.version('newBuild'), state.version('useChange')];
      const part = state.memo(this.id, geometry, [state.version('base'), ...changes, kind, threshold, state.profile.coverageToleranceM], () => partInside(geometry, unfit, state.clipLimits(threshold)));
      const params = { kindKey: `code.reserveKind.${kind}` };
      if (!part.ok) issues.push(makeIssue(this.id, this.severity, { layer: 'reserve', features: [feature.id], key: 'rules.clipFailed', params: { detail: part.error } }));
      else if (part.value && ellipsoidalArea(part.value) >= threshold) {
        issues.push(makeIssue(this.id, this.severity, { layer: 'reserve', features: [feature.id], key: 'rules.reserve-area-eligible.message', params: { ...params, areaM2: m2(ellipsoidalArea(part.value)) }, geometry: part.value, part: 'land' }));
      }
      const onPbf = state.memo(`${this.id}:pbf`, geometry, [state.version('pbf'), threshold, state.profile.coverageToleranceM], () =>
        partInside(geometry, state.outlines(state.near('pbf', box) as FeatureOf<'pbf'>[]), state.clipLimits(threshold)),
      );
      if (!onPbf.ok) issues.push(makeIssue(this.id, this.severity, { layer: 'reserve', features: [feature.id], key: 'rules.clipFailed', params: { detail: onPbf.error }, part: 'pbf' }));
      else if (onPbf.value && ellipsoidalArea(onPbf.value) >= threshold) {
        issues.push(makeIssue(this.id, this.severity, { layer: 'reserve', features: [feature.id], key: 'rules.reserve-area-eligible.onPbf', params: { areaM2: m2(ellipsoidalArea(onPbf.value)) }, geometry: onPbf.value, part: 'pbf' }));
      }
      if (kind !== 'nearPbf') continue;
      const tolerance = state.profile.reserveTouchToleranceM;
      const touching = state.memo(`${this.id}:touch`, geometry, [state.version('pbf'), tolerance], () => {
        const near = state.near('pbf', expandBBox(box, toleranceDegrees(tolerance, (box[1] + box[3]) / 2)));
        return near.some((p) => withinDistance(geometry, (p as FeatureOf<'pbf'>).geometry, tolerance));
      });
      if (!touching) issues.push(makeIssue(this.id, this.severity, { layer: 'reserve', features: [feature.id], key: 'rules.reserve-area-eligible.notTouching', params: { toleranceM: tolerance }, geometry: feature.geometry, part: 'touch' }));
    }
    return issues;
  },
};
