/**
 * Undo and redo of a village database's edits as plain data: each edit holds its fields and whole features
 * before and after, so the same value is applied back to undo and forward to redo. Pure: every function returns new values.
 */
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import { applyEdit, isEmptyEdit, type DatabaseEdit } from './database-edit.ts';

export interface DatabaseHistory {
  /** Applied edits, oldest first: undo takes the last. */
  readonly done: readonly DatabaseEdit[];
  /** Undone edits, the most recently undone last: redo takes it. */
  readonly undone: readonly DatabaseEdit[];
}

export interface HistoryStep {
  readonly db: VillageDatabase;
  readonly history: DatabaseHistory;
}

export const EMPTY_DATABASE_HISTORY: DatabaseHistory = { done: [], undone: [] };

/** Deep enough for a session of reclassifying; the oldest steps drop off first. */
export const MAX_DATABASE_HISTORY_STEPS = 200;

/** The history after an applied edit: redo is forgotten. An edit that changed nothing is no step. */
export function record(history: DatabaseHistory, edit: DatabaseEdit): DatabaseHistory {
  if (isEmptyEdit(edit)) return history;
  return { done: [...history.done, edit].slice(-MAX_DATABASE_HISTORY_STEPS), undone: [] };
}

/** The database before the last edit and the history with that edit to redo; null when there is nothing to undo. */
export function undo(db: VillageDatabase, history: DatabaseHistory): HistoryStep | null {
  const edit = history.done.at(-1);
  if (edit === undefined) return null;
  return { db: applyEdit(db, edit, 'back'), history: { done: history.done.slice(0, -1), undone: [...history.undone, edit] } };
}

/** The database with the last undone edit applied again; null when there is nothing to redo. */
export function redo(db: VillageDatabase, history: DatabaseHistory): HistoryStep | null {
  const edit = history.undone.at(-1);
  if (edit === undefined) return null;
  return { db: applyEdit(db, edit, 'forward'), history: { done: [...history.done, edit], undone: history.undone.slice(0, -1) } };
}
