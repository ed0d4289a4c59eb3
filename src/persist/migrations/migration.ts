/**
 * One step of the storage schema (tldraw's migrations, adapted to IndexedDB): `upgrade` takes a database
 * at `version - 1` to `version`, inside the versionchange transaction, so a step either completes with the
 * version bump or leaves the database as it was. A migration file is frozen once released: it names stores
 * with literals and never imports today's record types, because it must keep doing what it did.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';

export type UpgradeTransaction = IDBPTransaction<unknown, string[], 'versionchange'>;

export interface Migration {
  /** The schema version this step produces. */
  readonly version: number;
  readonly description: string;
  upgrade(db: IDBPDatabase<unknown>, transaction: UpgradeTransaction): Promise<void>;
}
