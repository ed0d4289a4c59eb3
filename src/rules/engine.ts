/**
 * Runs the catalog. `fullCheck(plan)` checks a plan once; a `RuleEngine` keeps its state (spatial index,
 * per-geometry areas and validity, derived plan, edge balances, per-rule results by feature) and
 * `applyPatch(patch)` re-checks only what the patch can reach: feature rules re-judge the changed features
 * and, for the layers they read, the features near a change; plan rules run from cached values.
 * A rule that throws (a bug) becomes an issue naming the rule, so one broken rule never stops a check.
 */
import type { PlanFeature } from '../domain/features.ts';
import type { FeatureId } from '../domain/ids.ts';
import type { Patch } from '../domain/patch.ts';
import type { Plan } from '../domain/plan.ts';
import { expandBBox, geometryBBox } from '../geo/bbox.ts';
import { toleranceDegrees } from '../geo/local-metric.ts';
import { CheckState, type FeatureChangeSeen } from './context.ts';
import type { Issue } from './issue.ts';
import { makeIssue } from './issue.ts';
import { RULES } from './index.ts';
import type { FeatureRule, Rule } from './rule.ts';
import { computeTables, type Tables } from './tables/index.ts';

export interface CheckSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly justified: number;
  readonly notChecked: number;
  readonly byRule: Readonly<Record<string, number>>;
}

export interface CheckResult {
  readonly issues: readonly Issue[];
  readonly summary: CheckSummary;
}

export class RuleEngine {
  private readonly state: CheckState;
  private readonly featureResults = new Map<string, Map<FeatureId, Issue[]>>();

  constructor(
    plan: Plan,
    private readonly rules: readonly Rule[] = RULES,
  ) {
    this.state = CheckState.build(plan);
    for (const rule of rules) {
      if (rule.kind !== 'feature') continue;
      const results = new Map<FeatureId, Issue[]>();
      this.featureResults.set(rule.id, results);
      for (const layer of rule.layers) for (const feature of this.state.features(layer) as PlanFeature[]) this.judge(rule, feature, results);
    }
  }

  /**
   * The engine's own copy of the plan, brought in step by `applyPatch`. Its layer records are changed in
   * place (see context.ts): read it, or copy what you keep; do not hold it as a snapshot.
   */
  get plan(): Plan {
    return this.state.plan;
  }

  /** The state rules read (derived plan, areas): for tables and exports beside the issues. */
  get checkState(): CheckState {
    return this.state;
  }

  applyPatch(patch: Patch): CheckResult {
    const profile = this.state.profileVersion;
    const changed = this.state.apply(patch);
    const everything = this.state.profileVersion !== profile;
    for (const rule of this.rules) {
      if (rule.kind !== 'feature') continue;
      const results = this.featureResults.get(rule.id) as Map<FeatureId, Issue[]>;
      for (const id of this.dirtyFor(rule, changed, patch, everything)) {
        results.delete(id);
        const feature = this.findIn(rule, id);
        if (feature) this.judge(rule, feature, results);
      }
    }
    return this.result();
  }

  result(): CheckResult {
    const issues: Issue[] = [];
    for (const rule of this.rules) {
      if (rule.kind === 'feature') {
        const first = issues.length;
        for (const list of (this.featureResults.get(rule.id) as Map<FeatureId, Issue[]>).values()) issues.push(...list);
        if (rule.checkPlan) issues.push(...this.guard(rule, () => rule.checkPlan?.(this.state, issues.slice(first)) ?? []));
      } else {
        issues.push(...this.guard(rule, () => rule.check(this.state)));
      }
    }
    return summarise(withJustifications(issues, this.state.plan));
  }

  /** What following edits needs and a one-off check does not (context.ts): for an editor, once the first check is shown. */
  prepareForEdits(): void {
    this.state.prepareForEdits();
  }

  tables(): Tables {
    return computeTables(this.state);
  }

  private judge(rule: FeatureRule, feature: PlanFeature, results: Map<FeatureId, Issue[]>): void {
    const found = this.guard(rule, () => rule.check(this.state, feature), feature);
    if (found.length > 0) results.set(feature.id, found);
  }

  private guard(rule: Rule, run: () => Issue[], feature?: PlanFeature): Issue[] {
    try {
      return run();
    } catch (error) {
      return [makeIssue(rule.id, 'error', { ...(feature ? { layer: feature.layer, features: [feature.id] } : {}), key: 'rules.ruleFailed', params: { rule: rule.id, detail: error instanceof Error ? error.message : String(error) } })];
    }
  }

  private findIn(rule: FeatureRule, id: FeatureId): PlanFeature | undefined {
    for (const layer of rule.layers) {
      const f = (this.state.plan.layers[layer] as Readonly<Record<FeatureId, PlanFeature>>)[id];
      if (f) return f;
    }
    return undefined;
  }

  /** Features a feature rule must re-judge after a patch; all of them when the plan's rule profile changed. */
  private dirtyFor(rule: FeatureRule, changed: readonly FeatureChangeSeen[], patch: Patch, everything: boolean): Set<FeatureId> {
    const dirty = new Set<FeatureId>();
    if (everything || (patch.meta && rule.reads.includes('meta'))) {
      // The changed ones too: a feature the patch deleted is no longer among them, and its issues must go.
      for (const c of changed) if (rule.layers.includes(c.layer)) dirty.add(c.id);
      for (const layer of rule.layers) for (const f of this.state.features(layer) as PlanFeature[]) dirty.add(f.id);
      return dirty;
    }
    const near = (f: PlanFeature) => {
      // Rules find neighbours within the coverage tolerance (a reprojected neighbour's copy of a shared
      // edge lies a fraction of a millimetre off, its box need not meet the feature's): so must this.
      const box = geometryBBox(f.geometry);
      const reach = toleranceDegrees(this.state.profile.coverageToleranceM, Math.max(Math.abs(box[1]), Math.abs(box[3])));
      for (const hit of this.state.index.search(rule.layers, expandBBox(box, reach))) dirty.add(hit.id);
    };
    for (const c of changed) {
      if (rule.layers.includes(c.layer)) dirty.add(c.id);
      if (!rule.reads.includes(c.layer)) continue;
      for (const f of [c.before, c.after]) if (f) near(f);
    }
    if (rule.reads.includes('base')) {
      // The derived plan is kept per base parcel, and its pieces are what a rule reading 'base' reads of a
      // change: a parcel re-derived because another change was drawn over it (a use change over a use
      // change, a reserve) is, to that rule, a changed parcel.
      for (const id of this.state.rederived) {
        const parcel = (this.state.plan.layers.base as Readonly<Record<FeatureId, PlanFeature>>)[id];
        if (parcel) near(parcel);
      }
    }
    return dirty;
  }
}

export function fullCheck(plan: Plan, rules: readonly Rule[] = RULES): CheckResult & { readonly tables: Tables } {
  const engine = new RuleEngine(plan, rules);
  return { ...engine.result(), tables: engine.tables() };
}

function withJustifications(issues: readonly Issue[], plan: Plan): Issue[] {
  const justifications = plan.meta.justifications;
  return issues.map((issue) => {
    const justification = issue.severity === 'warning' ? justifications[issue.key] : undefined;
    return justification ? { ...issue, justification } : issue;
  });
}

function summarise(issues: readonly Issue[]): CheckResult {
  let errors = 0;
  let warnings = 0;
  let justified = 0;
  let notChecked = 0;
  const byRule: Record<string, number> = {};
  for (const issue of issues) {
    byRule[issue.rule] = (byRule[issue.rule] ?? 0) + 1;
    if (issue.severity === 'notChecked') notChecked++;
    else if (issue.justification) justified++;
    else if (issue.severity === 'error') errors++;
    else warnings++;
  }
  return { issues, summary: { errors, warnings, justified, notChecked, byRule } };
}
