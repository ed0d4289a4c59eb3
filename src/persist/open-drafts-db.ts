/**
 * Opening the drafts database: runs the migrations a stored database lacks inside the upgrade
 * transaction, then records them with `durability: 'strict'`, so a migrated database is flushed to disk
 * before the editor writes to it. Failure is a value with a message for the planner, never a throw.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { Result } from '../domain/message.ts';
import { MIGRATIONS } from './migrations/index.ts';
import type { Migration } from './migrations/migration.ts';
import { DRAFTS_DB_NAME, type DraftsDbSchema } from './schema.ts';

export type DraftsDb = IDBPDatabase<DraftsDbSchema>;

export interface OpenOptions {
  readonly name?: string;
  /** Tests pass extra steps to exercise the machinery; the app uses `MIGRATIONS`. */
  readonly migrations?: readonly Migration[];
  /** Another tab wants to upgrade the database: flush and close this connection so it is not blocked. */
  readonly onBlocking?: (db: DraftsDb) => void;
}

export async function openDraftsDb(options: OpenOptions = {}): Promise<Result<DraftsDb>> {
  const migrations = options.migrations ?? MIGRATIONS;
  const target = migrations.length;
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.description} has version ${m.version}, expected ${i + 1}`);
  });
  let fromVersion = target;
  let failure: unknown;
  let db: DraftsDb;
  try {
    db = await openDB<DraftsDbSchema>(options.name ?? DRAFTS_DB_NAME, target, {
      upgrade(database, oldVersion, _newVersion, transaction) {
        fromVersion = oldVersion;
        // A failed upgrade is reported through openDB's own rejection below.
        transaction.done.catch(() => undefined);
        const raw = database as unknown as IDBPDatabase<unknown>;
        const steps = migrations.filter((m) => m.version > oldVersion);
        // The steps chain on IndexedDB requests only, so the versionchange transaction stays open
        // throughout; a failing step aborts it and the database keeps its old version and data.
        void steps
          .reduce<Promise<void>>((previous, step) => previous.then(() => step.upgrade(raw, transaction as never)), Promise.resolve())
          .catch((error: unknown) => {
            failure = error;
            transaction.abort();
          });
      },
      blocking() {
        options.onBlocking?.(db);
      },
    });
  } catch (error) {
    return { ok: false, error: openError(error, failure) };
  }
  if (fromVersion < target) {
    const tx = db.transaction('migrations', 'readwrite', { durability: 'strict' });
    const appliedAt = Date.now();
    await Promise.all([...migrations.filter((m) => m.version > fromVersion).map((m) => tx.store.put({ version: m.version, appliedAt })), tx.done]);
  }
  return { ok: true, value: db, notes: [] };
}

function openError(error: unknown, migrationFailure: unknown) {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'VersionError') return { key: 'drafts.storage.tooNew' };
  if (migrationFailure !== undefined) return { key: 'drafts.storage.migrationFailed', params: { detail: errorText(migrationFailure) } };
  return { key: 'drafts.storage.unavailable', params: { detail: errorText(error) } };
}

function errorText(error: unknown): string {
  if (error instanceof Error || error instanceof DOMException) return `${error.name}: ${error.message}`;
  return String(error);
}

let appDb: Promise<Result<DraftsDb>> | null = null;
const beforeClosing = new Set<() => Promise<void>>();

/**
 * Work to finish (pending saves) before this tab closes its connection so another tab can upgrade the
 * database to a newer schema; returns the unregistration.
 */
export function beforeUpgradeClose(work: () => Promise<void>): () => void {
  beforeClosing.add(work);
  return () => beforeClosing.delete(work);
}

/** The app's one connection; after closing it for another tab's upgrade, the next use opens it again. */
export function draftsDb(): Promise<Result<DraftsDb>> {
  appDb ??= openDraftsDb({
    onBlocking(db) {
      appDb = null;
      void Promise.allSettled([...beforeClosing].map((work) => work())).then(() => db.close());
    },
  });
  return appDb;
}
