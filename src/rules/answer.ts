/**
 * What the validation worker sends back: everything the issues and indicators panels show for one plan
 * version. Lives beside the engine that produces it, so the worker (above) and the issues store (above)
 * both import it downwards (architecture.md, layers of the code).
 */
import type { CheckSummary, RuleEngine } from './engine.ts';
import type { Issue } from './issue.ts';
import type { Tables } from './tables/index.ts';

export interface ValidationAnswer {
  readonly version: number;
  readonly issues: readonly Issue[];
  readonly summary: CheckSummary;
  readonly tables: Tables;
  /** Time the worker spent on this answer, for the benchmark and the curious. */
  readonly checkMs: number;
}

export function answerOf(engine: RuleEngine, version: number, checkMs: number): ValidationAnswer {
  const { issues, summary } = engine.result();
  return { version, issues, summary, tables: engine.tables(), checkMs };
}
