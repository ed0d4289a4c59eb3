/**
 * `construction-total-within-task` (seed §五, §七): the township's task for 建设用地总规模 (every class starting with 2) is not exceeded at the
 * target year. Without the task entered the rule is not checked. New-build parcels on the township's quota
 * that add such land are named, as it is their quota the task limits.
 */
import { isConstructionLand } from '../profiles/zhejiang-2017/land-classes.ts';
import { withinTaskRule } from './township-task.ts';

export const constructionTotalWithinTaskRule = withinTaskRule('construction-total-within-task', 'constructionTotal', isConstructionLand);
