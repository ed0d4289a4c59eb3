/**
 * For tests, the fixture script and the drafts bench only (never imported by the app): small plans, a
 * vertex move, a clock that moves only when told, and a dump of the drafts database as JSON that can be
 * written back into a database of the same version.
 */
import type { IDBPDatabase } from 'idb';
import { openDB } from 'idb';
import type { CommandResult } from '../commands/command.ts';
import type { AreaGeometry, PlanFeature } from '../domain/features.ts';
import type { FeatureId } from '../domain/ids.ts';
import { putFeature } from '../domain/patch.ts';
import { findFeature, type Plan } from '../domain/plan.ts';
import { feature, planWith, rect } from '../domain/test-support.ts';
import type { WriterClock } from './draft-writer.ts';
import type { Migration } from './migrations/migration.ts';
import { openDraftsDb, type DraftsDb } from './open-drafts-db.ts';

/** A village of `parcels` base parcels in a row, one demolition parcel on the first, a boundary. */
export function testPlan(parcels: number): Plan {
  const size = 0.0005;
  const base = Array.from({ length: parcels }, (_, i) => feature('base', `b-${i}`, rect(120 + i * size, 30, 120 + (i + 1) * size, 30 + size), { parcelNo: `JQ${i}` }));
  return planWith([
    feature('boundary', 'village', rect(120, 30, 120 + parcels * size, 30 + size), { villageName: '测试村' }),
    ...base,
    feature('demolition', 'd-1', rect(120.0001, 30.0001, 120.0003, 30.0003), { parcelNo: 'CJ1' }),
  ]);
}

/** Moves vertex 1 of the feature's outer ring east by `dx` degrees, as one command. */
export function moveVertex(plan: Plan, id: string, dx: number): CommandResult {
  const target = findFeature(plan, id as FeatureId) as PlanFeature;
  const geometry = target.geometry as AreaGeometry & { type: 'Polygon' };
  const ring = geometry.coordinates[0]!.map((p, i) => (i === 1 ? [p[0]! + dx, p[1]!] : p));
  const moved = { ...target, geometry: { type: 'Polygon', coordinates: [ring, ...geometry.coordinates.slice(1)] } } as PlanFeature;
  return { ok: true, patch: { features: [putFeature(moved)] }, label: 'commands.reshape.moveVertex' };
}

let databases = 0;
export function uniqueDbName(): string {
  return `village-plan-drafts-test-${++databases}-${Math.random().toString(36).slice(2)}`;
}

export async function openTestDb(name = uniqueDbName(), migrations?: readonly Migration[]): Promise<DraftsDb> {
  const opened = await openDraftsDb({ name, ...(migrations ? { migrations } : {}) });
  if (!opened.ok) throw new Error(opened.error.key);
  return opened.value;
}

/** Writes save at once (next microtask) instead of per animation frame. */
export const soon = (run: () => void) => queueMicrotask(run);

/**
 * Frames without real time for the draft writer: pass `clock` and `schedule`; `advance(ms)` moves time,
 * fires the timers that are due and waits for every save they started; `settle()` waits for the saves
 * started so far.
 */
export function manualClock() {
  let now = 0;
  const timers = new Set<{ readonly at: number; readonly run: () => void }>();
  const saves: Promise<void>[] = [];
  const clock: WriterClock = {
    now: () => now,
    after(ms, run) {
      const timer = { at: now + ms, run };
      timers.add(timer);
      return () => void timers.delete(timer);
    },
  };
  const settle = async () => {
    await Promise.resolve();
    while (saves.length > 0) await saves.shift();
  };
  return {
    clock,
    schedule: (run: () => Promise<void>) => queueMicrotask(() => void saves.push(run())),
    settle,
    async advance(ms: number) {
      now += ms;
      for (const timer of [...timers].sort((a, b) => a.at - b.at)) {
        if (timer.at > now) break;
        timers.delete(timer);
        timer.run();
      }
      await settle();
    },
  };
}

/** Every record of every store, with its key: a frozen fixture of one storage schema version. */
export interface DatabaseDump {
  readonly schemaVersion: number;
  readonly stores: Record<string, { readonly key: unknown; readonly value: unknown }[]>;
}

export async function dumpDatabase(db: IDBPDatabase<unknown>): Promise<DatabaseDump> {
  const stores: DatabaseDump['stores'] = {};
  for (const name of [...db.objectStoreNames].sort()) {
    const tx = db.transaction(name, 'readonly');
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
    stores[name] = keys.map((key, i) => ({ key, value: values[i] }));
  }
  return { schemaVersion: db.version, stores };
}

/**
 * Recreates a dumped database: the schema through the migrations of its version (which are frozen), then
 * the records, written with their keys (stores with a key path take the key from the value).
 */
export async function restoreDatabase(name: string, dump: DatabaseDump, migrations: readonly Migration[]): Promise<void> {
  (await openTestDb(name, migrations.slice(0, dump.schemaVersion))).close();
  const db = await openDB(name, dump.schemaVersion);
  for (const [store, records] of Object.entries(dump.stores)) {
    const tx = db.transaction(store, 'readwrite');
    const inline = tx.store.keyPath !== null;
    await Promise.all([...records.map((r) => (inline ? tx.store.put(r.value) : tx.store.put(r.value, r.key as IDBValidKey))), tx.done]);
  }
  db.close();
}
