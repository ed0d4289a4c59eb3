/**
 * 2026 village plans (`VillageDatabase`) kept on this computer, so a plan survives a reload and a closed
 * tab. They live in their own IndexedDB database, `village-plan-databases`, never in the 2017 drafts'
 * `village-plan-drafts`: nothing here opens, upgrades or writes that database, so no mistake here can
 * harm a 2017 draft.
 *
 * Three stores: `meta` (what the start page lists), `texts` (the plan as its `.database.json` text,
 * `serialiseVillageDatabase`), so listing the plans never reads megabytes, and `histories` (its undo history
 * as JSON, written in the same transaction as the text, so the two never disagree). A plan is read back
 * through `parseVillageDatabaseText`, the same validation a file gets, and its history only if it fits the
 * plan read. Every failure is a Message, never a throw; a record that cannot be read is reported and left
 * in place, never deleted.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { EMPTY_DATABASE_HISTORY, historyFits, type DatabaseHistory } from '../commands/village-database/database-history.ts';
import { failure, success, type Message, type Result } from '../domain/message.ts';
import { parseVillageDatabaseText, serialiseVillageDatabase } from '../io/village-database/database-file.ts';
import type { VillageDatabase } from '../profiles/zhejiang-2026/village-database.ts';
import { classifyWriteError } from './storage-errors.ts';
import { historyOfText, storedHistory } from './stored-history.ts';

export const DATABASE_DRAFTS_DB_NAME = 'village-plan-databases';
/** 2 added `histories`; the upgrade from 1 keeps every plan. */
const VERSION = 2;
const NAME_MAX = 100;
export type DatabaseDraftId = string & { readonly __brand: 'DatabaseDraftId' };

/** Where a plan came from: a 三调 DLTB, a 2017 plan, a `.database.json` file, the sample. */
export const DATABASE_DRAFT_SOURCES = ['survey', 'plan2017', 'file', 'sample'] as const;
export type DatabaseDraftSource = (typeof DATABASE_DRAFT_SOURCES)[number];

export interface DatabaseDraftMeta {
  readonly id: DatabaseDraftId;
  readonly name: string;
  readonly villageName: string | null;
  readonly source: DatabaseDraftSource;
  /** Epoch ms. */
  readonly createdAt: number;
  /** Epoch ms of the last save of the plan (a rename does not count). */
  readonly updatedAt: number;
  /** UTF-8 size of the stored text. */
  readonly bytes: number;
  /** GHDLTB features. */
  readonly parcels: number;
  /** Bumped by every save: a tab saves only over the revision it read, so a stale tab never overwrites. */
  readonly revision: number;
}

export interface DatabaseDraftRead {
  readonly meta: DatabaseDraftMeta;
  readonly database: VillageDatabase;
  /** Its undo history as saved with it; empty when none was kept or the kept one does not fit the plan. */
  readonly history: DatabaseHistory;
  /** What reading the stored text noted, as for a file, and a history left out. */
  readonly notes: readonly Message[];
}

export interface DatabaseDrafts {
  /** Newest save first; records too damaged to list are left out with a note. */
  list(): Promise<Result<readonly DatabaseDraftMeta[]>>;
  create(database: VillageDatabase, init: { readonly name: string; readonly source: DatabaseDraftSource }): Promise<Result<DatabaseDraftMeta>>;
  /** Plan and history together; refused when the stored revision is not `expectedRevision` (another tab saved meanwhile). */
  save(id: DatabaseDraftId, database: VillageDatabase, expectedRevision: number, history?: DatabaseHistory): Promise<Result<DatabaseDraftMeta>>;
  read(id: DatabaseDraftId): Promise<Result<DatabaseDraftRead>>;
  rename(id: DatabaseDraftId, name: string): Promise<Result<DatabaseDraftMeta>>;
  /** Removing a plan that is already gone (another tab removed it) succeeds. */
  remove(id: DatabaseDraftId): Promise<Result<void>>;
  close(): void;
}

interface DatabaseDraftsSchema extends DBSchema {
  meta: { key: string; value: DatabaseDraftMeta };
  texts: { key: string; value: string };
  histories: { key: string; value: string };
}

type Db = IDBPDatabase<DatabaseDraftsSchema>;
type Store = 'meta' | 'texts' | 'histories';
type WriteTx = IDBPTransaction<DatabaseDraftsSchema, Store[], 'readwrite'>;
const STORES: Store[] = ['meta', 'texts', 'histories'];

export async function openDatabaseDrafts(name: string = DATABASE_DRAFTS_DB_NAME): Promise<Result<DatabaseDrafts>> {
  if (globalThis.indexedDB === undefined) return failure('databaseDrafts.storage.unavailable', { detail: 'IndexedDB' });
  let connection: Db | undefined;
  try {
    connection = await openDB<DatabaseDraftsSchema>(name, VERSION, {
      upgrade(db, oldVersion) {
        if (oldVersion < 1) {
          db.createObjectStore('meta', { keyPath: 'id' });
          db.createObjectStore('texts');
        }
        if (oldVersion < 2) db.createObjectStore('histories');
      },
      // A newer version of the app wants to upgrade in another tab: every write here is one whole
      // transaction with nothing pending, so closing at once loses nothing and never blocks it.
      blocking() {
        connection?.close();
      },
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'VersionError') return failure('databaseDrafts.storage.tooNew');
    return failure('databaseDrafts.storage.unavailable', { detail: errorDetail(error) });
  }
  return success(databaseDrafts(connection));
}

function databaseDrafts(db: Db): DatabaseDrafts {
  return {
    list: () => listPlans(db),
    create: (database, init) => createPlan(db, database, init),
    save: (id, database, expectedRevision, history = EMPTY_DATABASE_HISTORY) => savePlan(db, id, database, expectedRevision, history),
    read: (id) => readPlan(db, id),
    rename: (id, name) => renamePlan(db, id, name),
    remove: (id) => removePlan(db, id),
    close: () => db.close(),
  };
}

async function listPlans(db: Db): Promise<Result<readonly DatabaseDraftMeta[]>> {
  let stored: unknown[];
  try {
    stored = await db.getAll('meta');
  } catch (error) {
    return readFailure(error);
  }
  const plans = stored.map(readMeta).filter((meta): meta is DatabaseDraftMeta => meta !== null);
  plans.sort((a, b) => b.updatedAt - a.updatedAt);
  const unreadable = stored.length - plans.length;
  return success(plans, unreadable ? [{ key: 'databaseDrafts.list.unreadable', params: { count: unreadable } }] : []);
}

async function createPlan(db: Db, database: VillageDatabase, init: { readonly name: string; readonly source: DatabaseDraftSource }): Promise<Result<DatabaseDraftMeta>> {
  const name = cleanName(init.name) || cleanName(database.info.villageName ?? '');
  if (!name) return failure('databaseDrafts.name.empty');
  const text = serialiseVillageDatabase(database);
  const now = Date.now();
  const meta: DatabaseDraftMeta = { id: globalThis.crypto.randomUUID() as DatabaseDraftId, name, source: init.source, createdAt: now, revision: 1, ...contentOf(database, text, now) };
  return write(db, async (tx) => {
    await Promise.all([tx.objectStore('meta').add(meta), tx.objectStore('texts').add(text, meta.id)]);
    return success(meta);
  });
}

async function savePlan(db: Db, id: DatabaseDraftId, database: VillageDatabase, expectedRevision: number, history: DatabaseHistory): Promise<Result<DatabaseDraftMeta>> {
  const text = serialiseVillageDatabase(database);
  const historyText = storedHistory(history);
  return write(db, async (tx) => {
    const stored = await storedMeta(tx, id);
    if (!stored.ok) return stored;
    if (stored.value.revision !== expectedRevision) return failure('databaseDrafts.save.stale', { name: stored.value.name });
    const meta: DatabaseDraftMeta = { ...stored.value, ...contentOf(database, text, Date.now()), revision: stored.value.revision + 1 };
    await Promise.all([tx.objectStore('meta').put(meta), tx.objectStore('texts').put(text, id), tx.objectStore('histories').put(historyText, id)]);
    return success(meta);
  });
}

async function readPlan(db: Db, id: DatabaseDraftId): Promise<Result<DatabaseDraftRead>> {
  let stored: [unknown, unknown, unknown];
  try {
    const tx = db.transaction(STORES, 'readonly');
    const [meta, text, history] = await Promise.all([tx.objectStore('meta').get(id), tx.objectStore('texts').get(id), tx.objectStore('histories').get(id), tx.done]);
    stored = [meta, text, history];
  } catch (error) {
    return readFailure(error);
  }
  const [rawMeta, text, rawHistory] = stored;
  if (rawMeta === undefined) return failure('databaseDrafts.notFound');
  const meta = readMeta(rawMeta);
  const name = meta?.name ?? storedName(rawMeta, id);
  if (!meta || typeof text !== 'string') return failure('databaseDrafts.read.damaged', { name });
  const parsed = parseVillageDatabaseText(text, name);
  // A plan a newer version of the app saved (another tab already updated) is whole: the planner must update
  // this tab, not give the plan up as damaged.
  if (!parsed.ok) return parsed.error.key === 'villageDb.file.tooNew' ? parsed : failure('databaseDrafts.read.damaged', { name });
  // Never lose the plan because of its history: one that does not fit is left out with a note.
  const history = rawHistory === undefined ? EMPTY_DATABASE_HISTORY : historyOfText(rawHistory);
  const fits = history !== null && historyFits(parsed.value, history);
  const dropped: Message[] = fits ? [] : [{ key: 'databaseDrafts.history.dropped', params: { name } }];
  return success({ meta, database: parsed.value, history: fits ? history : EMPTY_DATABASE_HISTORY, notes: [...parsed.notes, ...dropped] });
}

async function renamePlan(db: Db, id: DatabaseDraftId, newName: string): Promise<Result<DatabaseDraftMeta>> {
  const name = cleanName(newName);
  if (!name) return failure('databaseDrafts.name.empty');
  return write(db, async (tx) => {
    const stored = await storedMeta(tx, id);
    if (!stored.ok) return stored;
    const meta = { ...stored.value, name };
    await tx.objectStore('meta').put(meta);
    return success(meta);
  });
}

async function removePlan(db: Db, id: DatabaseDraftId): Promise<Result<void>> {
  return write(db, async (tx) => {
    await Promise.all(STORES.map((store) => tx.objectStore(store).delete(id)));
    return success(undefined);
  });
}

/** The stored meta a change starts from: missing and damaged records are refused, never overwritten. */
async function storedMeta(tx: WriteTx, id: DatabaseDraftId): Promise<Result<DatabaseDraftMeta>> {
  const raw: unknown = await tx.objectStore('meta').get(id);
  if (raw === undefined) return failure('databaseDrafts.notFound');
  const meta = readMeta(raw);
  return meta ? success(meta) : failure('databaseDrafts.read.damaged', { name: storedName(raw, id) });
}

/**
 * One readwrite transaction over every store, flushed to disk before it counts as saved. A refused change
 * aborts it; a failed one (full disk, closed connection) is told by the transaction's own error, which is
 * what the browser reports even when a request failed first.
 */
async function write<T>(db: Db, change: (tx: WriteTx) => Promise<Result<T>>): Promise<Result<T>> {
  let tx: WriteTx | undefined;
  try {
    tx = db.transaction(STORES, 'readwrite', { durability: 'strict' });
    // Its failure is read below, after the failing request's; until then it must not count as unhandled.
    tx.done.catch(() => undefined);
    const outcome = await change(tx);
    if (!outcome.ok) {
      tx.abort();
      await tx.done.catch(() => undefined);
      return outcome;
    }
    await tx.done;
    return outcome;
  } catch (error) {
    const cause = tx ? await tx.done.then(() => error, (txError: unknown) => txError ?? error) : error;
    return writeFailure(cause);
  }
}

function writeFailure(error: unknown): Result<never> {
  switch (classifyWriteError(error)) {
    case 'quota':
      return failure('databaseDrafts.write.quota');
    case 'closed':
      return failure('databaseDrafts.write.closed');
    case 'other':
      return failure('databaseDrafts.write.other', { detail: errorDetail(error) });
  }
}

function readFailure(error: unknown): Result<never> {
  if (classifyWriteError(error) === 'closed') return failure('databaseDrafts.write.closed');
  return failure('databaseDrafts.read.failed', { detail: errorDetail(error) });
}

function contentOf(database: VillageDatabase, text: string, now: number) {
  return {
    villageName: database.info.villageName,
    updatedAt: now,
    bytes: new TextEncoder().encode(text).byteLength,
    parcels: database.layers.GHDLTB?.features.length ?? 0,
  };
}

function cleanName(name: string): string {
  return name.trim().slice(0, NAME_MAX);
}

function storedName(raw: unknown, id: DatabaseDraftId): string {
  const name = (raw as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name ? name : id;
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** A stored meta record as written, or null when anything in it is not. */
function readMeta(raw: unknown): DatabaseDraftMeta | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const source = DATABASE_DRAFT_SOURCES.find((s) => s === r['source']);
  const fieldsValid =
    typeof r['id'] === 'string' &&
    typeof r['name'] === 'string' &&
    (typeof r['villageName'] === 'string' || r['villageName'] === null) &&
    [r['createdAt'], r['updatedAt'], r['bytes'], r['parcels'], r['revision']].every(isCount);
  return fieldsValid && source ? (raw as DatabaseDraftMeta) : null;
}

function errorDetail(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
