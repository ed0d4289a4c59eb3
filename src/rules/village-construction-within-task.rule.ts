/**
 * `village-construction-within-task` (seed §五, §七): the township's task for 村庄建设用地规模 (212x) is not exceeded at the
 * target year. Without the task entered the rule is not checked. New-build parcels on the township's quota
 * that add such land are named, as it is their quota the task limits.
 */
import { isVillageConstructionLand } from '../domain/land-classes.ts';
import type { PlanRule } from './rule.ts';
import { withinTownshipTask } from './township-task.ts';

export const villageConstructionWithinTaskRule: PlanRule = {
  id: 'village-construction-within-task',
  kind: 'plan',
  severity: 'error',
  reads: ['base', 'demolition', 'newBuild', 'useChange', 'meta'],
  profileKeys: ['overlapReportM2'],
  source: 'seed §五, §七',
  seedDifference: 'domain.md §6 has no rule for this task; the seed asks the village plan to carry out the township plan\'s controls (细化落实乡(镇)规划的有关控制要求), so the task entered for the village is a limit.',
  check(state) {
    return withinTownshipTask(state, this, 'villageConstruction', isVillageConstructionLand);
  },
};
