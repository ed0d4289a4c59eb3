/**
 * `facility-farmland-on-pbf` (seed §九): facility farmland avoids permanent basic farmland. Only the
 * supporting facilities of large-scale grain farming and eco-cycle pilots may, where they cannot avoid it,
 * and only "先补后占": an equal area from the basic-farmland reserve first. Livestock and aquaculture
 * facilities on it are errors; cultivation facilities on it need, all together, at least as much reserve
 * area as they occupy. Only reserve area that is not itself basic farmland can compensate, and each square
 * metre once: the facilities are compared with the reserve as one sum.
 */
import type { Issue } from './issue.ts';
import { m2, makeIssue } from './issue.ts';
import { compensationNeededM2, eligibleReserveM2, facilitiesOnPbf } from './facility-on-pbf.ts';
import type { PlanRule } from './rule.ts';

export const facilityFarmlandOnPbfRule: PlanRule = {
  id: 'facility-farmland-on-pbf',
  kind: 'plan',
  severity: 'error',
  reads: ['facility', 'pbf', 'reserve', 'base'],
  profileKeys: ['overlapReportM2', 'coverageToleranceM'],
  source: 'seed §九',
  seedDifference: 'domain.md lets any facility that cannot avoid PBF use 先补后占; the seed allows it only for plain-area grain-production facilities and eco-cycle pilots, so livestock and aquaculture facilities on PBF are errors outright. The seed takes the compensation from the 永久基本农田储备库; the plan has only 整备区 (reserve areas), so their part that is not already PBF stands in for it.',
  check(state) {
    const threshold = state.profile.overlapReportM2;
    const facilities = facilitiesOnPbf(state);
    const issues: Issue[] = facilities.failed.map(({ feature, error }) => makeIssue(this.id, this.severity, { layer: 'facility', features: [feature.id], key: 'rules.clipFailed', params: { detail: error } }));
    for (const item of facilities.onPbf.filter((x) => x.feature.properties.facilityType !== 'cultivation')) {
      issues.push(makeIssue(this.id, this.severity, { layer: 'facility', features: [item.feature.id], key: 'rules.facility-farmland-on-pbf.notAllowed', params: { typeKey: `code.facilityType.${item.feature.properties.facilityType}`, areaM2: m2(item.areaM2) }, geometry: item.geometry, part: 'type' }));
    }
    const occupied = compensationNeededM2(facilities);
    const reserve = eligibleReserveM2(state);
    const cultivation = facilities.onPbf.filter((x) => x.feature.properties.facilityType === 'cultivation');
    if (cultivation.length > 0 && occupied - reserve >= threshold) {
      issues.push(makeIssue(this.id, this.severity, { layer: 'facility', features: cultivation.map((x) => x.feature.id), key: 'rules.facility-farmland-on-pbf.message', params: { occupiedM2: m2(occupied), reserveM2: m2(reserve) }, part: 'compensation' }));
    }
    return issues;
  },
};
