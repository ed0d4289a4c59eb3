/**
 * `village-construction-within-task` (seed §五, §七): the township's task for 村庄建设用地规模 (212x) is not exceeded at the
 * target year. Without the task entered the rule is not checked. New-build parcels on the township's quota
 * that add such land are named, as it is their quota the task limits.
 */
import { isVillageConstructionLand } from '../profiles/zhejiang-2017/land-classes.ts';
import { withinTaskRule } from './township-task.ts';

export const villageConstructionWithinTaskRule = withinTaskRule('village-construction-within-task', 'villageConstruction', isVillageConstructionLand);
