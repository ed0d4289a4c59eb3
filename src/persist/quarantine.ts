/**
 * Records set aside from a draft because they could not be read back (read-draft.ts finds them,
 * `isolateDamaged` moves them here). Each one stays listed until the planner restores or discards it;
 * the decision is an undo step (domain/patch.ts `QuarantineChange`), so a decided record is deleted only
 * once no stored undo step can bring it back.
 */
import type { History } from '../commands/history.ts';
import type { QuarantineState } from '../domain/patch.ts';
import type { DraftsDb } from './open-drafts-db.ts';
import type { DraftId, QuarantineRecord } from './schema.ts';

/** A set-aside record as the panel and backups see it. */
export interface SetAsideRecord {
  /** The id undo steps name. */
  readonly id: string;
  /** Where the record was in the draft, and its key there. */
  readonly store: QuarantineRecord['store'];
  readonly key: unknown;
  /** The record as it was read: kept as it is, to be saved as a file or repaired. */
  readonly value: unknown;
  /** What the reader found wrong (technical, for the file; the panel says it in words). */
  readonly problem: string;
  readonly at: number;
  readonly state: QuarantineState;
}

/** Records set aside before ids existed are named after their key in the store, which never changes. */
function recordId(record: QuarantineRecord, storeKey: number): string {
  return record.id ?? `q${storeKey}`;
}

function asSetAside(record: QuarantineRecord, storeKey: number): SetAsideRecord {
  return {
    id: recordId(record, storeKey),
    store: record.store,
    key: record.key,
    value: record.value,
    problem: record.problem,
    at: readableTime(record.at),
    state: record.state ?? 'pending',
  };
}

/**
 * The time a record was set aside, when a Date can hold it; now otherwise. A damaged record or an edited
 * backup can say anything (1e20, a text), and the record's file names the time as ISO 8601, which throws
 * for a time out of range: the record could not be downloaded at all.
 */
export function readableTime(at: unknown): number {
  return typeof at === 'number' && Number.isFinite(new Date(at).getTime()) ? at : Date.now();
}

/** Every record set aside from the draft, oldest first. */
export async function listQuarantined(db: DraftsDb, draftId: DraftId): Promise<SetAsideRecord[]> {
  const tx = db.transaction('quarantine', 'readonly');
  const index = tx.store.index('byDraft');
  const [keys, records] = await Promise.all([index.getAllKeys(draftId), index.getAll(draftId), tx.done]);
  return records.map((record, i) => asSetAside(record, keys[i] as number));
}

/** Stores the planner's decisions (restored, discarded, or back to pending after an undo). */
export async function writeQuarantineStates(db: DraftsDb, draftId: DraftId, states: ReadonlyMap<string, QuarantineState>): Promise<void> {
  if (states.size === 0) return;
  const tx = db.transaction('quarantine', 'readwrite', { durability: 'strict' });
  const index = tx.store.index('byDraft');
  const [keys, records] = await Promise.all([index.getAllKeys(draftId), index.getAll(draftId)]);
  const puts: Promise<unknown>[] = [];
  records.forEach((record, i) => {
    const storeKey = keys[i] as number;
    const state = states.get(recordId(record, storeKey));
    if (state && state !== (record.state ?? 'pending')) puts.push(tx.store.put({ ...record, id: recordId(record, storeKey), state }, storeKey));
  });
  await Promise.all([...puts, tx.done]);
}

/** The records that stored undo or redo steps can still change: these are kept whatever their state. */
export function quarantineIdsIn(history: Pick<History, 'undo' | 'redo'>): Set<string> {
  const ids = new Set<string>();
  for (const entry of [...history.undo, ...history.redo]) for (const change of entry.inverse.quarantine ?? []) ids.add(change.id);
  return ids;
}

/**
 * Each record's state as the undo history has it: the step nearest to the present that mentions it (top
 * of the undo stack, else top of the redo stack) says where the record stands now. The history is saved
 * by the draft writer and a state by `writeQuarantineStates`, apart: where they differ after a failed
 * write or a crash between the two, the history wins.
 */
export function statesInHistory(history: Pick<History, 'undo' | 'redo'>): Map<string, QuarantineState> {
  const states = new Map<string, QuarantineState>();
  const nearestFirst = [...history.undo].reverse().concat([...history.redo].reverse());
  for (const entry of nearestFirst) {
    for (const change of entry.inverse.quarantine ?? []) if (!states.has(change.id)) states.set(change.id, change.before);
  }
  return states;
}

/** Deletes the records the planner has decided on that no undo step can bring back. */
export async function tidyQuarantine(db: DraftsDb, draftId: DraftId, stillNeeded: ReadonlySet<string>): Promise<void> {
  const tx = db.transaction('quarantine', 'readwrite', { durability: 'strict' });
  const index = tx.store.index('byDraft');
  const [keys, records] = await Promise.all([index.getAllKeys(draftId), index.getAll(draftId)]);
  const deletes = records.flatMap((record, i) => {
    const storeKey = keys[i] as number;
    return (record.state ?? 'pending') !== 'pending' && !stillNeeded.has(recordId(record, storeKey)) ? [tx.store.delete(storeKey)] : [];
  });
  await Promise.all([...deletes, tx.done]);
}

/**
 * The records a backup carries: every one still to decide, and any an undo step of the backup can still
 * change; each with the state the history gives it.
 */
export function setAsideForBackup(records: readonly SetAsideRecord[], history: Pick<History, 'undo' | 'redo'>): SetAsideRecord[] {
  const decided = statesInHistory(history);
  return records
    .map((r) => ({ ...r, value: jsonSafe(r.value), key: jsonSafe(r.key), state: decided.get(r.id) ?? r.state }))
    .filter((r) => r.state === 'pending' || decided.has(r.id));
}

/** The record as a JSON file the planner can keep or send. */
export function setAsideText(record: SetAsideRecord): string {
  const file = { format: 'village-plan-set-aside-record', id: record.id, store: record.store, key: record.key, problem: record.problem, setAsideAt: new Date(record.at).toISOString(), value: record.value };
  return JSON.stringify(jsonSafe(file), null, 2);
}

/**
 * A stored value as JSON can carry it. IndexedDB holds what JSON cannot (a cycle, a typed array, a
 * bigint); that part is written as what it was instead of failing the whole file.
 */
function jsonSafe(value: unknown): unknown {
  const seen = new WeakSet<object>();
  const replacer = (_key: string, v: unknown): unknown => {
    if (typeof v === 'bigint') return v.toString();
    if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
    if (typeof v === 'object' && v !== null) {
      if (seen.has(v)) return '[repeated or cyclic]';
      seen.add(v);
    }
    return v;
  };
  const text = JSON.stringify(value, replacer);
  return text === undefined ? null : (JSON.parse(text) as unknown);
}
