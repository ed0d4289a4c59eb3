/**
 * The validation worker (architecture.md): keeps its own copy of the plan inside a rule engine (spatial
 * index, per-feature caches, derived plan), takes patches — never the whole plan per edit — re-checks only
 * what a patch can reach, and answers with the issues and the tables for that plan version.
 */
import { expose } from 'comlink';
import type { Patch } from '../domain/patch.ts';
import type { Plan } from '../domain/plan.ts';
import { loadGeos } from '../geo/geos/geos-module.ts';
import { RuleEngine } from '../rules/engine.ts';
import { answerOf, type ValidationAnswer } from '../rules/answer.ts';

let engine: RuleEngine | null = null;

const api = {
  /** A whole plan: a new draft opened, a plan loaded. */
  async load(plan: Plan, version: number): Promise<ValidationAnswer> {
    await loadGeos();
    const started = performance.now();
    engine = new RuleEngine(plan);
    const answer = answerOf(engine, version, performance.now() - started);
    // After the answer is posted, while the planner looks at it: the first edit then costs what the others do.
    const loaded = engine;
    setTimeout(() => loaded.prepareForEdits(), 0);
    return answer;
  },

  /** One or more patches applied in the UI since the last request, as one. */
  patch(patch: Patch, version: number): ValidationAnswer {
    if (!engine) throw new Error('validation worker has no plan; load one first');
    const started = performance.now();
    engine.applyPatch(patch);
    return answerOf(engine, version, performance.now() - started);
  },
};

export type ValidationApi = typeof api;

expose(api);
