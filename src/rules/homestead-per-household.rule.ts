/**
 * `homestead-per-household` (seed §七: 宅基地"户均"标准): a new homestead parcel (2121) gives each household at
 * most the profile's area for the land it takes: cultivated land, hill wasteland (自然保留地 32 here) or
 * other land, weighted by how much of each it covers. Without the number of households: not checked.
 */
import { isCultivatedLand, type LandClassCode } from '../profiles/zhejiang-2017/land-classes.ts';
import type { RuleProfile } from '../profiles/zhejiang-2017/rule-profile.ts';
import { HILL_WASTELAND_CLASS, HOMESTEAD_CLASS } from '../profiles/zhejiang-2017/class-roles.ts';
import type { Issue } from './issue.ts';
import { m2, makeIssue } from './issue.ts';
import type { PlanRule } from './rule.ts';

function capFor(code: LandClassCode, caps: RuleProfile['homesteadPerHouseholdM2']): number {
  if (isCultivatedLand(code)) return caps.cultivated;
  if (code === HILL_WASTELAND_CLASS) return caps.hillWasteland;
  return caps.other;
}

export const homesteadPerHouseholdRule: PlanRule = {
  id: 'homestead-per-household',
  kind: 'plan',
  severity: 'error',
  reads: ['newBuild', 'base', 'useChange', 'meta'],
  profileKeys: ['homesteadPerHouseholdM2'],
  source: 'seed §七 (numbers: profile)',
  seedDifference: 'The seed asks each county to set the 户均 standard; 125/140/160 m² are our defaults. Which land counts as "hill wasteland" is not defined anywhere; here it is 自然保留地 (32).',
  check(state) {
    const issues: Issue[] = [];
    const caps = state.profile.homesteadPerHouseholdM2;
    for (const feature of state.features('newBuild')) {
      const p = feature.properties;
      if (p.useCode !== HOMESTEAD_CLASS) continue;
      const base = { layer: 'newBuild' as const, features: [feature.id], geometry: feature.geometry };
      // Not entered (null), or 0 from data that had no way to say so: a homestead is for somebody.
      if (p.households === null || p.households <= 0) {
        issues.push(makeIssue(this.id, 'notChecked', { ...base, key: 'rules.homestead-per-household.householdsMissing', params: { parcelNo: p.parcelNo } }));
        continue;
      }
      const pieces = state.derived.piecesOfChange(feature.id);
      const area = pieces.reduce((s, piece) => s + piece.areaM2, 0);
      if (area <= 0) continue;
      const allowedPerHousehold = pieces.reduce((s, piece) => s + piece.areaM2 * capFor(piece.baseClass, caps), 0) / area;
      const perHousehold = area / p.households;
      if (perHousehold <= allowedPerHousehold) continue;
      issues.push(makeIssue(this.id, this.severity, { ...base, key: 'rules.homestead-per-household.message', params: { parcelNo: p.parcelNo, areaM2: m2(area), households: p.households, perHouseholdM2: m2(perHousehold), allowedM2: m2(allowedPerHousehold) } }));
    }
    return issues;
  },
};
