/**
 * `facility-farmland-caps` (seed §九; the 2014 national caps as defaults): an auxiliary facility's area is
 * within its type's share of the farming project it serves and within its type's size in 亩. Without the
 * project's area the share cannot be judged: not checked.
 */
import { m2ToMu, muToM2 } from '../domain/units.ts';
import type { Issue } from './issue.ts';
import { m2, makeIssue } from './issue.ts';
import type { PlanRule } from './rule.ts';

export const facilityFarmlandCapsRule: PlanRule = {
  id: 'facility-farmland-caps',
  kind: 'plan',
  severity: 'error',
  reads: ['facility', 'meta'],
  profileKeys: ['facilityCaps'],
  source: 'seed §九, std (2014 national caps)',
  seedDifference: 'The seed asks each village to set its own caps within the national and provincial standards (进一步核定本村…上限); the profile holds them, defaulting to the 2014 national caps.',
  check(state) {
    const issues: Issue[] = [];
    for (const feature of state.features('facility')) {
      const p = feature.properties;
      const cap = state.profile.facilityCaps[p.facilityType];
      // A self-intersecting outline's own area is its lobes cancelling out; its repair has the area drawn.
      const geometry = state.usable(feature.geometry);
      if (!geometry) continue;
      const area = state.area({ geometry });
      const base = { layer: 'facility' as const, features: [feature.id], geometry: feature.geometry };
      const typeKey = `code.facilityType.${p.facilityType}`;
      if (area > muToM2(cap.maxMu)) {
        issues.push(makeIssue(this.id, this.severity, { ...base, key: 'rules.facility-farmland-caps.size', params: { typeKey, areaM2: m2(area), areaMu: m2(m2ToMu(area)), maxMu: cap.maxMu }, part: 'size' }));
      }
      if (p.projectArea === null) {
        issues.push(makeIssue(this.id, 'notChecked', { ...base, key: 'rules.facility-farmland-caps.projectMissing', params: { typeKey }, part: 'share' }));
      } else if (area > cap.maxShare * p.projectArea) {
        issues.push(makeIssue(this.id, this.severity, { ...base, key: 'rules.facility-farmland-caps.share', params: { typeKey, areaM2: m2(area), percent: m2((100 * area) / Math.max(p.projectArea, 1e-9)), maxPercent: cap.maxShare * 100 }, part: 'share' }));
      }
    }
    return issues;
  },
};
