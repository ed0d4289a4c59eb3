/**
 * What every command returns: a patch to apply, or a reason in words a planner understands (an i18n key
 * with parameters, and where possible the spot on the map to show it at).
 */
import type { Position } from 'geojson';
import type { FeatureId } from '../domain/ids.ts';
import type { Patch } from '../domain/patch.ts';
import type { Plan } from '../domain/plan.ts';
import type { RuleProfile } from '../profiles/zhejiang-2017/rule-profile.ts';
import type { PlanIndex } from '../geo/plan-index.ts';

export type { Message } from '../domain/message.ts';
import type { Message } from '../domain/message.ts';

export type CommandResult =
  | {
      readonly ok: true;
      readonly patch: Patch;
      /** i18n key naming the step in the undo history. */
      readonly label: string;
      /** The selection after the command (e.g. the new pieces of a split). */
      readonly select?: readonly FeatureId[];
      /** Things the planner should know that did not stop the command (e.g. "clipped to the boundary"). */
      readonly notes?: readonly Message[];
    }
  | { readonly ok: false; readonly error: Message };

/** What a command may read besides the plan: the rule profile and the spatial index kept beside the plan. */
export interface CommandContext {
  readonly plan: Plan;
  readonly profile: RuleProfile;
  readonly index: PlanIndex;
}

export function refuse(key: string, params?: Message['params'], at?: Position): CommandResult {
  return { ok: false, error: { key, ...(params ? { params } : {}), ...(at ? { at } : {}) } };
}
