/**
 * For the tests of commands on zones shaped like real imports (reshape-misaligned.test.ts,
 * edit-commands-misaligned.test.ts): a 0.01° village at 30.5°N, its west half as one zone, and the width of
 * a reprojection misfit, 0.3 mm.
 */
import { applyPatch } from '../domain/patch.ts';
import type { Plan } from '../domain/plan.ts';
import { feature, rect } from '../domain/test-support.ts';
import type { CommandResult } from './command.ts';

export const X = 120.5;
export const Y = 30.5;
/** 0.3 mm east, in degrees at 30.5°N (≈ 96 km a degree). */
export const HAIR = 0.0003 / 96_000;
export const MID = X + 0.005;

export const village = feature('boundary', 'village', rect(X, Y, X + 0.01, Y + 0.01), { villageCode: '330421101210', villageName: '测试村' });
export const west = feature('functionalZone', 'west', rect(X, Y, MID, Y + 0.01), { zoneType: 'agriculture' });

/** The plan after a command that must succeed. */
export function applied(plan: Plan, result: CommandResult): Plan {
  if (!result.ok) throw new Error(result.error.key);
  return applyPatch(plan, result.patch).plan;
}
