/**
 * `village-land-per-capita` (seed §七: 村庄建设用地规模大于标准的，原则上不再配置建设用地增量规模): when village
 * construction land (212x) per resident at the base year is above the profile's standard, it must not grow
 * by the target year. "原则上" (in principle), so a warning that a written reason can pass. Without the
 * population: not checked.
 */
import { isVillageConstructionLand } from '../profiles/zhejiang-2017/land-classes.ts';
import { m2, makeIssue, notChecked } from './issue.ts';
import type { PlanRule } from './rule.ts';

export const villageLandPerCapitaRule: PlanRule = {
  id: 'village-land-per-capita',
  kind: 'plan',
  severity: 'warning',
  reads: ['base', 'demolition', 'newBuild', 'useChange', 'meta'],
  profileKeys: ['villageLandPerCapitaM2', 'overlapReportM2'],
  source: 'seed §七 (number: profile)',
  seedDifference: 'domain.md gives no severity (an error by default); the seed says 原则上 (in principle), so it is a warning needing 规划说明.',
  check(state) {
    const population = state.plan.meta.population;
    if (population === null || population <= 0) return [notChecked(this.id, 'rules.missing.population')];
    const base = state.derived.sum((k) => isVillageConstructionLand(k.baseClass));
    const target = state.derived.sum((k) => isVillageConstructionLand(k.targetClass));
    const standard = state.profile.villageLandPerCapitaM2;
    const perCapita = base / population;
    if (perCapita <= standard || target - base < state.profile.overlapReportM2) return [];
    return [makeIssue(this.id, this.severity, { key: 'rules.village-land-per-capita.message', params: { perCapitaM2: m2(perCapita), standardM2: standard, baseM2: m2(base), targetM2: m2(target), increaseM2: m2(target - base) } })];
  },
};
