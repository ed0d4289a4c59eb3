/**
 * 拆后用途: the 2017 规划地类 a demolished plot returns to (seed §八): farmland, orchard, forest, water, or
 * village public space. The demolition layer's pick-list, and what a package's sidecar may name.
 */
import type { LandClassCode } from './land-classes.ts';

export const RESTORATION_USES = ['111', '113', '12', '131', '132', '31', '153', '2125', '2122'] as const satisfies readonly LandClassCode[];
export type RestorationUse = (typeof RESTORATION_USES)[number];
