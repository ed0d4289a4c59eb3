/**
 * Undo history as a stack of inverse patches (Placemark's "moments", tldraw's marks). Pure: every function
 * returns a new History. A gesture (a vertex drag, a multi-step draw) collects many patches and becomes
 * one step on commit, or is rolled back on cancel (Escape). The gesture keeps one squashed inverse (each
 * touched feature's value from before the gesture), so a drag's step and memory do not grow with its moves.
 */
import { applyPatch, concatPatches, isEmptyPatch, type FeatureChange, type Patch } from '../domain/patch.ts';
import type { Plan } from '../domain/plan.ts';

export interface HistoryEntry {
  /** i18n key of the command, e.g. `commands.split.label`, shown in the undo button's tooltip. */
  readonly label: string;
  /** Applying this patch takes the plan back to before the step. */
  readonly inverse: Patch;
}

export interface OpenGesture {
  readonly label: string;
  /**
   * The undo step the gesture becomes on commit: its inverse takes the plan back to where the gesture
   * began, one change per touched feature whatever the number of moves. The same object while the moves
   * touch nothing new, so the draft writer (which knows stored steps by identity) stores it once, not
   * once per frame, and the commit pushes this very entry.
   */
  readonly step: HistoryEntry;
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
  return { ...history, gesture: { label, step: { label, inverse: { features: [] } } } };
}

/**
 * Records one applied step: into the open gesture if any (squashed into its inverse), else as its own
 * undo entry. A move that touches only what the gesture already holds leaves the history as it was.
 */
export function record(history: History, label: string, inverse: Patch): History {
  if (isEmptyPatch(inverse)) return history;
  const gesture = history.gesture;
  if (gesture) {
    const held = gesture.step.inverse;
    if (holdsAll(held, inverse)) return history;
    return { ...history, gesture: { ...gesture, step: { label: gesture.label, inverse: squashPatches([inverse, held]) } } };
  }
  return { undo: pushBounded(history.undo, { label, inverse }), redo: [], gesture: null };
}

/** Closes the gesture as one undo step, however many patches it collected. */
export function commitGesture(history: History): History {
  const gesture = history.gesture;
  if (!gesture) return history;
  if (isEmptyPatch(gesture.step.inverse)) return { ...history, gesture: null };
  return { undo: pushBounded(history.undo, gesture.step), redo: [], gesture: null };
}

/** Rolls the plan back to where the gesture began and forgets the gesture. */
export function cancelGesture(history: History, plan: Plan): { history: History; plan: Plan; rollback: Patch } {
  const gesture = history.gesture;
  const closed = { ...history, gesture: null };
  if (!gesture || isEmptyPatch(gesture.step.inverse)) return { history: closed, plan, rollback: { features: [] } };
  const rollback = gesture.step.inverse;
  return { history: closed, plan: applyPatch(plan, rollback).plan, rollback };
}

/**
 * `concatPatches(patches)` with each feature changed once: applied to a plan it gives the same plan.
 * A feature keeps its last change in the list (the value the joined patch leaves it at), at the place of
 * that change; meta keeps each key's last value, as `concatPatches` already does. Every other part of a
 * patch is joined as `concatPatches` joins it (whatever it means, joining keeps its effect).
 *
 * For a gesture, `squashPatches([moveInverse, gestureInverse])`: the gesture's inverse comes last, so for
 * every feature (and meta key) it already held, the value from before the gesture began wins.
 */
export function squashPatches(patches: readonly Patch[]): Patch {
  const joined = concatPatches(patches);
  const last = new Map<string, FeatureChange>();
  for (const change of joined.features) {
    const slot = slotOf(change);
    last.delete(slot);
    last.set(slot, change);
  }
  return last.size === joined.features.length ? joined : { ...joined, features: [...last.values()] };
}

/**
 * Whether squashing `move` under `held` would change nothing: every feature and meta key of `move` is
 * already in `held` (whose earlier values win), and `move` has no other part (those are joined, never
 * absorbed).
 */
function holdsAll(held: Patch, move: Patch): boolean {
  for (const [part, value] of Object.entries(move)) {
    if (part === 'features' || part === 'meta' || value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    return false;
  }
  if (move.meta && Object.keys(move.meta).some((key) => !held.meta || !(key in held.meta))) return false;
  if (move.features.length === 0) return true;
  const slots = new Set(held.features.map(slotOf));
  return move.features.every((change) => slots.has(slotOf(change)));
}

function slotOf(change: FeatureChange): string {
  return `${change.layer}\u0000${change.id}`;
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
