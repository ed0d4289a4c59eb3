/**
 * `urban-rural-construction-within-task` (seed §五, §七): the township's task for 城乡建设用地规模 (211 城镇, 213 采矿, 212x 村庄) is not exceeded at the
 * target year. Without the task entered the rule is not checked. New-build parcels on the township's quota
 * that add such land are named, as it is their quota the task limits.
 */
import { isUrbanRuralConstructionLand } from '../profiles/zhejiang-2017/land-classes.ts';
import { withinTaskRule } from './township-task.ts';

export const urbanRuralConstructionWithinTaskRule = withinTaskRule('urban-rural-construction-within-task', 'urbanRuralConstruction', isUrbanRuralConstructionLand);
