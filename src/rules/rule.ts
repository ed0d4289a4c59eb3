/**
 * The shape of a rule (architecture.md "A rule"): an id used everywhere, a severity, what it reads (so the
 * engine knows what a patch invalidates), the profile numbers it uses, its source, and a check.
 * Feature rules judge one feature at a time and the engine re-checks only the features a patch can reach;
 * plan rules judge the plan as a whole from cached values and run on every check, so they must be cheap
 * (they memoise per feature through `CheckState.memo`).
 */
import type { PlanFeature } from '../domain/features.ts';
import type { LayerId } from '../profiles/zhejiang-2017/layers.ts';
import type { RuleProfile } from '../profiles/zhejiang-2017/rule-profile.ts';
import type { CheckState } from './context.ts';
import type { Issue, Severity } from './issue.ts';
import type { RuleId } from './rule-ids.ts';

export type RuleInput = LayerId | 'meta';

export interface RuleInfo {
  readonly id: RuleId;
  readonly severity: Severity;
  /** Layers (and plan meta) whose change can change the rule's result. */
  readonly reads: readonly RuleInput[];
  /** Profile keys the rule takes its numbers from. */
  readonly profileKeys: readonly (keyof RuleProfile)[];
  /** Where the rule comes from (domain.md §6 source column). */
  readonly source: string;
  /** How the rule reads the seed where it differs from domain.md, for docs/rules.md; empty when it does not. */
  readonly seedDifference: string;
}

export interface FeatureRule extends RuleInfo {
  readonly kind: 'feature';
  /** Layers whose features the rule judges one by one. */
  readonly layers: readonly LayerId[];
  check(state: CheckState, feature: PlanFeature): Issue[];
  /**
   * Plan-wide part run on every check (e.g. "not checked: no village boundary"). `found` is what `check`
   * found this check, feature by feature (kept by the engine): a summary of it costs a pass over the
   * findings, never a re-check of the layer.
   */
  checkPlan?(state: CheckState, found: readonly Issue[]): Issue[];
}

export interface PlanRule extends RuleInfo {
  readonly kind: 'plan';
  check(state: CheckState): Issue[];
}

export type Rule = FeatureRule | PlanRule;
