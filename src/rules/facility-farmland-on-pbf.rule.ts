/**
 * `facility-farmland-on-pbf` (seed §九): facility farmland avoids permanent basic farmland. Only the
 * supporting facilities of large-scale grain farming and eco-cycle pilots may, where they cannot avoid it,
 * and only "先补后占": an equal area from the basic-farmland reserve first. Livestock and aquaculture
 * facilities on it are errors; cultivation facilities on it need reserve areas at least as large as all
 * facility land on basic farmland.
 */
import type { AreaGeometry, FeatureOf } from '../domain/features.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { geometryBBox } from '../geo/bbox.ts';
import { partInside } from './clip.ts';
import type { Issue } from './issue.ts';
import { m2, makeIssue } from './issue.ts';
import type { PlanRule } from './rule.ts';

export const facilityFarmlandOnPbfRule: PlanRule = {
  id: 'facility-farmland-on-pbf',
  kind: 'plan',
  severity: 'error',
  reads: ['facility', 'pbf', 'reserve'],
  profileKeys: ['overlapReportM2', 'coverageToleranceM'],
  source: 'seed §九',
  seedDifference: 'domain.md lets any facility that cannot avoid PBF use 先补后占; the seed allows it only for plain-area grain-production facilities and eco-cycle pilots, so livestock and aquaculture facilities on PBF are errors outright. The seed takes the compensation from the 永久基本农田储备库; the plan has only 整备区 (reserve areas), so they stand in for it.',
  check(state) {
    const threshold = state.profile.overlapReportM2;
    const issues: Issue[] = [];
    const onPbf: { feature: FeatureOf<'facility'>; areaM2: number; geometry: AreaGeometry }[] = [];
    for (const feature of state.features('facility')) {
      const part = state.memo(this.id, feature.geometry, [state.version('pbf'), threshold, state.profile.coverageToleranceM], () => partInside(feature.geometry, (state.near('pbf', geometryBBox(feature.geometry)) as FeatureOf<'pbf'>[]).map((p) => p.geometry), state.clipLimits(threshold)));
      if (!part.ok) {
        issues.push(makeIssue(this.id, this.severity, { layer: 'facility', features: [feature.id], key: 'rules.clipFailed', params: { detail: part.error } }));
        continue;
      }
      if (!part.value) continue;
      const areaM2 = ellipsoidalArea(part.value);
      if (areaM2 >= threshold) onPbf.push({ feature, areaM2, geometry: part.value });
    }
    for (const item of onPbf.filter((x) => x.feature.properties.facilityType !== 'cultivation')) {
      issues.push(makeIssue(this.id, this.severity, { layer: 'facility', features: [item.feature.id], key: 'rules.facility-farmland-on-pbf.notAllowed', params: { typeKey: `code.facilityType.${item.feature.properties.facilityType}`, areaM2: m2(item.areaM2) }, geometry: item.geometry, part: 'type' }));
    }
    const cultivation = onPbf.filter((x) => x.feature.properties.facilityType === 'cultivation');
    const occupied = cultivation.reduce((s, x) => s + x.areaM2, 0);
    const reserve = state.features('reserve').reduce((s, r) => s + state.area(r), 0);
    if (cultivation.length > 0 && occupied - reserve >= threshold) {
      issues.push(makeIssue(this.id, this.severity, { layer: 'facility', features: cultivation.map((x) => x.feature.id), key: 'rules.facility-farmland-on-pbf.message', params: { occupiedM2: m2(occupied), reserveM2: m2(reserve) }, part: 'compensation' }));
    }
    return issues;
  },
};
