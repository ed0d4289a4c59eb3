/**
 * Undo history as a stack of inverse patches (Placemark's "moments", tldraw's marks). Pure: every function
 * returns a new History. A gesture (a vertex drag, a multi-step draw) collects many patches and becomes
 * one step on commit, or is rolled back on cancel (Escape).
 */
import { applyPatch, concatPatches, isEmptyPatch, type Patch } from '../domain/patch.ts';
import type { Plan } from '../domain/plan.ts';

export interface HistoryEntry {
  /** i18n key of the command, e.g. `commands.split.label`, shown in the undo button's tooltip. */
  readonly label: string;
  /** Applying this patch takes the plan back to before the step. */
  readonly inverse: Patch;
}

export interface OpenGesture {
  readonly label: string;
  /** Inverses of the gesture's patches, in the order they were applied. */
  readonly inverses: readonly Patch[];
}

export interface History {
  readonly undo: readonly HistoryEntry[];
  readonly redo: readonly HistoryEntry[];
  readonly gesture: OpenGesture | null;
}

export const EMPTY_HISTORY: History = { undo: [], redo: [], gesture: null };

/** Deep enough for a day's work; the oldest steps drop off first. */
export const MAX_UNDO_STEPS = 500;

export function beginGesture(history: History, label: string): History {
  if (history.gesture) throw new Error(`gesture "${history.gesture.label}" is still open`);
  return { ...history, gesture: { label, inverses: [] } };
}

/** Records one applied step: into the open gesture if any, else as its own undo entry. */
export function record(history: History, label: string, inverse: Patch): History {
  if (isEmptyPatch(inverse)) return history;
  if (history.gesture) {
    return { ...history, gesture: { ...history.gesture, inverses: [...history.gesture.inverses, inverse] } };
  }
  return { undo: pushBounded(history.undo, { label, inverse }), redo: [], gesture: null };
}

/** Closes the gesture as one undo step, however many patches it collected. */
export function commitGesture(history: History): History {
  const gesture = history.gesture;
  if (!gesture) return history;
  const closed = { ...history, gesture: null };
  if (gesture.inverses.length === 0) return closed;
  const inverse = concatPatches([...gesture.inverses].reverse());
  return { undo: pushBounded(history.undo, { label: gesture.label, inverse }), redo: [], gesture: null };
}

/** Rolls the plan back to where the gesture began and forgets the gesture. */
export function cancelGesture(history: History, plan: Plan): { history: History; plan: Plan; rollback: Patch } {
  const gesture = history.gesture;
  if (!gesture || gesture.inverses.length === 0) {
    return { history: { ...history, gesture: null }, plan, rollback: { features: [] } };
  }
  const rollback = concatPatches([...gesture.inverses].reverse());
  return { history: { ...history, gesture: null }, plan: applyPatch(plan, rollback).plan, rollback };
}

export interface Stepped {
  readonly history: History;
  readonly plan: Plan;
  /** The patch that was applied to the plan, for the map, the draft writer and the worker. */
  readonly applied: Patch;
  readonly label: string;
}

export function undo(history: History, plan: Plan): Stepped | undefined {
  const entry = history.undo.at(-1);
  if (!entry || history.gesture) return undefined;
  const { plan: next, inverse: redoPatch } = applyPatch(plan, entry.inverse);
  return {
    plan: next,
    applied: entry.inverse,
    label: entry.label,
    history: { undo: history.undo.slice(0, -1), redo: [...history.redo, { label: entry.label, inverse: redoPatch }], gesture: null },
  };
}

export function redo(history: History, plan: Plan): Stepped | undefined {
  const entry = history.redo.at(-1);
  if (!entry || history.gesture) return undefined;
  const { plan: next, inverse: undoPatch } = applyPatch(plan, entry.inverse);
  return {
    plan: next,
    applied: entry.inverse,
    label: entry.label,
    history: { undo: pushBounded(history.undo, { label: entry.label, inverse: undoPatch }), redo: history.redo.slice(0, -1), gesture: null },
  };
}

function pushBounded(stack: readonly HistoryEntry[], entry: HistoryEntry): readonly HistoryEntry[] {
  const next = [...stack, entry];
  return next.length > MAX_UNDO_STEPS ? next.slice(next.length - MAX_UNDO_STEPS) : next;
}
