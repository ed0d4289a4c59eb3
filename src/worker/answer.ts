/** What the worker sends back: everything the issues and indicators panels show for one plan version. */
import type { RuleEngine } from '../rules/engine.ts';
import type { CheckSummary } from '../rules/engine.ts';
import type { Issue } from '../rules/issue.ts';
import type { Tables } from '../rules/tables/index.ts';

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
