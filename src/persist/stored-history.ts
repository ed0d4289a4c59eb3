/**
 * A kept 2026 plan's undo history as `persist/database-drafts.ts` stores it: JSON with a format number, bounded
 * in size. Reading it back checks only its shape (`historyOfJson`); whether it fits the plan is the caller's.
 */
import { historyOfJson, type DatabaseHistory } from '../commands/village-database/database-history.ts';
import type { DatabaseEdit } from '../commands/village-database/database-edit.ts';

/** The stored history's shape: a history of another format is not read. */
const HISTORY_FORMAT = 1;
/**
 * A stored history beyond this drops its oldest steps first (then the steps to redo, farthest first), so a
 * long session of redrawing parcels cannot fill the disk; the steps stay in the page until it is left.
 */
const HISTORY_BYTES_MAX = 20 * 1024 * 1024;

/** Each edit's JSON, made once: an edit never changes, and the history is written again with every save. */
const editTexts = new WeakMap<DatabaseEdit, { readonly text: string; readonly bytes: number }>();

function editText(edit: DatabaseEdit) {
  let stored = editTexts.get(edit);
  if (stored === undefined) {
    const text = JSON.stringify(edit);
    stored = { text, bytes: new TextEncoder().encode(text).byteLength };
    editTexts.set(edit, stored);
  }
  return stored;
}

/** The history as stored: JSON of its format, within HISTORY_BYTES_MAX. */
export function storedHistory(history: DatabaseHistory): string {
  const [done, undone] = [history.done.map(editText), history.undone.map(editText)];
  let bytes = [...done, ...undone].reduce((sum, edit) => sum + edit.bytes, 0);
  const keep = (edits: typeof done) => {
    let first = 0;
    for (; bytes > HISTORY_BYTES_MAX && first < edits.length; first++) bytes -= edits[first]?.bytes ?? 0;
    return edits.slice(first).map((edit) => edit.text).join(',');
  };
  const doneText = keep(done);
  return `{"format":${HISTORY_FORMAT},"done":[${doneText}],"undone":[${keep(undone)}]}`;
}

/** The stored text back as a history; null for anything else (another format, damaged JSON). */
export function historyOfText(raw: unknown): DatabaseHistory | null {
  if (typeof raw !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return (parsed as { format?: unknown } | null)?.format === HISTORY_FORMAT ? historyOfJson(parsed) : null;
  } catch {
    return null;
  }
}
