/**
 * The one truth: the plan, its version and its undo history. Only patches change it (architecture.md);
 * everything else (map, worker, draft writer) listens to the patches this store emits.
 */
import { createStore } from 'zustand/vanilla';
import type { CommandContext, CommandResult, Message } from '../commands/command.ts';
import {
  beginGesture,
  cancelGesture,
  commitGesture,
  EMPTY_HISTORY,
  type History,
  record,
  redo,
  undo,
} from '../commands/history.ts';
import { applyPatch, isEmptyPatch, type Patch } from '../domain/patch.ts';
import { emptyPlan, type Plan } from '../domain/plan.ts';
import { resolveProfile } from '../profiles/zhejiang-2017/rule-profile.ts';
import { PlanIndex } from '../geo/plan-index.ts';

export interface PlanState {
  readonly plan: Plan;
  /** Increases with every change, so listeners and the worker can drop stale work. */
  readonly version: number;
  readonly history: History;
  /** Why edits are refused now (the draft is being edited in another tab); null when the plan is editable. */
  readonly readOnly: Message | null;
}

export type PlanEvent =
  | { readonly kind: 'reset'; readonly plan: Plan; readonly version: number }
  | { readonly kind: 'patch'; readonly patch: Patch; readonly plan: Plan; readonly version: number };

type PlanListener = (event: PlanEvent) => void;

export interface Outcome {
  readonly ok: boolean;
  readonly message?: Message;
  readonly notes?: readonly Message[];
}

export function createPlanStore(initial: Plan = emptyPlan()) {
  const store = createStore<PlanState>(() => ({ plan: initial, version: 0, history: EMPTY_HISTORY, readOnly: null }));
  const listeners = new Set<PlanListener>();
  let index = PlanIndex.build(initial);

  const emit = (event: PlanEvent) => listeners.forEach((listener) => listener(event));

  const applyAndEmit = (patch: Patch, nextHistory: (inverse: Patch, h: History) => History) => {
    const { plan, history, version } = store.getState();
    const applied = applyPatch(plan, patch);
    index.update(patch);
    const next = { plan: applied.plan, version: version + 1, history: nextHistory(applied.inverse, history) };
    store.setState(next);
    emit({ kind: 'patch', patch, plan: next.plan, version: next.version });
  };

  return {
    store,
    getState: store.getState,
    subscribe: store.subscribe,

    /** Listens to every change as a patch (or a reset when a whole plan is loaded). */
    onChange(listener: PlanListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    context(): CommandContext {
      const { plan } = store.getState();
      return { plan, index, profile: resolveProfile(plan.meta.profileId, plan.meta.profileOverrides) };
    },

    /** Replaces the whole plan as a new baseline: not an undoable step (a load is not an edit). */
    load(plan: Plan): void {
      reset(plan, EMPTY_HISTORY);
    },

    /** Loads a stored draft with the undo history saved with it, so undo reaches back across a reload. */
    loadSaved(plan: Plan, history: History): void {
      reset(plan, history);
    },

    /** Takes the saved undo history of the plan already shown (a tab taking over the editing of a draft). */
    adoptHistory(history: History): void {
      store.setState({ history: { ...history, gesture: null } });
    },

    /** A change saved by the tab that edits this draft: shown here, but not an undo step of this tab. */
    applyExternal(patch: Patch): void {
      applyAndEmit(patch, (_inverse, history) => history);
    },

    /** While set, edits, undo and redo are refused with this message (null makes the plan editable again). */
    setReadOnly(reason: Message | null): void {
      store.setState({ readOnly: reason });
    },

    /** Applies a command's result: one undo step, or one part of the open gesture. */
    execute(result: CommandResult): Outcome {
      if (!result.ok) return { ok: false, message: result.error };
      const { readOnly } = store.getState();
      if (readOnly) return { ok: false, message: readOnly };
      applyAndEmit(result.patch, (inverse, history) => record(history, result.label, inverse));
      return { ok: true, ...(result.notes ? { notes: result.notes } : {}) };
    },

    beginGesture(label: string): void {
      store.setState({ history: beginGesture(store.getState().history, label) });
    },

    commitGesture(): void {
      store.setState({ history: commitGesture(store.getState().history) });
    },

    /** Escape: the plan goes back to where the gesture began. */
    cancelGesture(): void {
      const { history, plan, version } = store.getState();
      const cancelled = cancelGesture(history, plan);
      if (isEmptyPatch(cancelled.rollback)) {
        store.setState({ history: cancelled.history });
        return;
      }
      index.update(cancelled.rollback);
      store.setState({ plan: cancelled.plan, history: cancelled.history, version: version + 1 });
      emit({ kind: 'patch', patch: cancelled.rollback, plan: cancelled.plan, version: version + 1 });
    },

    undo(): string | undefined {
      return step(undo);
    },

    redo(): string | undefined {
      return step(redo);
    },
  };

  function reset(plan: Plan, history: History): void {
    index = PlanIndex.build(plan);
    const version = store.getState().version + 1;
    store.setState({ plan, version, history: { ...history, gesture: null } });
    emit({ kind: 'reset', plan, version });
  }

  function step(move: typeof undo): string | undefined {
    const { history, plan, version, readOnly } = store.getState();
    if (readOnly) return undefined;
    const stepped = move(history, plan);
    if (!stepped) return undefined;
    index.update(stepped.applied);
    store.setState({ plan: stepped.plan, history: stepped.history, version: version + 1 });
    emit({ kind: 'patch', patch: stepped.applied, plan: stepped.plan, version: version + 1 });
    return stepped.label;
  }
}

export type PlanStore = ReturnType<typeof createPlanStore>;
