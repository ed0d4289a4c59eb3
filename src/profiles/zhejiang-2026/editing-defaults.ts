/**
 * What the 2026 view's drawing tools start with [ours]: the class and the 管控边界 type a planner draws most.
 * 农村宅基地 is what village plans add most; 村庄弹性发展区 is the type the derivation cannot know.
 */
import { FLEXIBLE_DEVELOPMENT_TYPE, type GkbjTypeCode } from './code-lists.ts';

export const FIRST_DRAWN_CLASS = '070301';
export const FIRST_DRAWN_CONTROL_TYPE: GkbjTypeCode = FLEXIBLE_DEVELOPMENT_TYPE;
