/**
 * What the validation worker last said: issues, summary and tables for one plan version, whether a check
 * is running, and whether issue markers are shown on the map. Written only by the worker client.
 */
import { createStore } from 'zustand/vanilla';
import type { CheckSummary } from '../rules/engine.ts';
import type { Issue } from '../rules/issue.ts';
import type { Tables } from '../rules/tables/index.ts';
import type { ValidationAnswer } from '../rules/answer.ts';

export interface IssuesState {
  readonly version: number;
  readonly issues: readonly Issue[];
  readonly summary: CheckSummary | null;
  readonly tables: Tables | null;
  readonly checking: boolean;
  readonly failure: string | null;
  readonly markersVisible: boolean;
  /** The issue the planner clicked: its geometry is highlighted on the map. */
  readonly focused: Issue | null;
  readonly checkMs: number | null;
}

export function createIssuesStore() {
  const store = createStore<IssuesState>(() => ({
    version: -1,
    issues: [],
    summary: null,
    tables: null,
    checking: false,
    failure: null,
    markersVisible: true,
    focused: null,
    checkMs: null,
  }));
  return {
    store,
    getState: store.getState,
    subscribe: store.subscribe,
    accept(answer: ValidationAnswer): void {
      const focused = store.getState().focused;
      store.setState({
        version: answer.version,
        issues: answer.issues,
        summary: answer.summary,
        tables: answer.tables,
        failure: null,
        checkMs: answer.checkMs,
        // A focused issue that is gone (fixed) stops being highlighted.
        focused: focused && answer.issues.some((i) => i.key === focused.key) ? focused : null,
      });
    },
    fail(failure: string): void {
      store.setState({ failure });
    },
    setChecking(checking: boolean): void {
      if (store.getState().checking !== checking) store.setState({ checking });
    },
    setMarkersVisible(markersVisible: boolean): void {
      store.setState({ markersVisible });
    },
    focus(focused: Issue | null): void {
      store.setState({ focused });
    },
  };
}

export type IssuesStore = ReturnType<typeof createIssuesStore>;
