/**
 * What a rule finds: an issue names the rule, the features, a message (i18n key with the figures as
 * parameters) and, where there is one, the exact offending geometry (the overlap itself, the gap itself,
 * the part outside the boundary), so the map can show it rather than the parcels around it.
 */
import type { Geometry } from 'geojson';
import type { FeatureId } from '../domain/ids.ts';
import type { LayerId } from '../profiles/zhejiang-2017/layers.ts';
import type { Justification } from '../domain/plan.ts';

/** How bad breaking a rule is. */
export type Severity = 'error' | 'warning';

/**
 * What one finding is: the rule is broken (an error or a warning, the rule's severity), or it could not
 * be checked for lack of an input (a township task, a layer, a household count). Not checked is never an
 * error: a reviewer must be able to tell "the plan breaks a rule" from "the tool lacked an input".
 */
export type Outcome = Severity | 'notChecked';

export interface IssueMessage {
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface Issue {
  readonly rule: string;
  readonly severity: Outcome;
  readonly layer?: LayerId;
  readonly features: readonly FeatureId[];
  readonly message: IssueMessage;
  readonly geometry?: Geometry;
  /** Stable across re-checks: the key a justification (规划说明) is stored under. */
  readonly key: string;
  /** Set by the engine on a warning whose key has a justification in the plan. */
  readonly justification?: Justification;
  /** On a plan-level finding that stands for this many per-feature findings of its rule (one cause): reports list it first. */
  readonly summarises?: number;
}

export interface IssueInput {
  readonly layer?: LayerId;
  readonly features?: readonly FeatureId[];
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly geometry?: Geometry | null;
  /** Distinguishes several issues of one rule on the same features (e.g. which sub-check). */
  readonly part?: string;
  /** See `Issue.summarises`. */
  readonly summarises?: number;
}

/** The stable key: rule, sub-check and the sorted feature ids. */
export function issueKey(rule: string, features: readonly FeatureId[], part?: string): string {
  return [rule, part ?? '', [...features].sort().join('+')].join(':');
}

export function makeIssue(rule: string, severity: Outcome, input: IssueInput): Issue {
  const features = input.features ?? [];
  return {
    rule,
    severity,
    ...(input.layer ? { layer: input.layer } : {}),
    features,
    message: { key: input.key, params: input.params ?? {} },
    ...(input.geometry ? { geometry: input.geometry } : {}),
    key: issueKey(rule, features, input.part),
    ...(input.summarises ? { summarises: input.summarises } : {}),
  };
}

/** "Not checked: missing …": the rule lacks an input the planner has to enter. */
export function notChecked(rule: string, missingKey: string, part?: string): Issue {
  return makeIssue(rule, 'notChecked', { key: 'rules.notChecked', params: { missingKey }, ...(part ? { part } : {}) });
}

/** m² to two decimals, the precision areas are kept to (domain.md §7). */
export function m2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Metres to the millimetre: widths of gaps and overlaps, tolerances. */
export function metres(value: number): number {
  return Math.round(value * 1000) / 1000;
}
