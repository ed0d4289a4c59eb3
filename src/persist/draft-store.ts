/**
 * The drafts on this machine: list, create, rename, duplicate, trash and restore, purge. Each operation is
 * one IndexedDB transaction, so it happens whole or not at all.
 */
import { EMPTY_HISTORY, type History } from '../commands/history.ts';
import { failure, type Result } from '../domain/message.ts';
import type { Plan } from '../domain/plan.ts';
import { entryOf, readDraftRecord, statsOf } from './draft-record.ts';
import { DraftLedger } from './ledger.ts';
import type { DraftsDb } from './open-drafts-db.ts';
import { adoptSteps, allFeatureRecords, diffHistory, metaRecord } from './plan-records.ts';
import type { SetAsideRecord } from './quarantine.ts';
import type { DamagedRecord } from './read-draft.ts';
import { readDraft } from './read-draft.ts';
import { jsonBytes } from './record-size.ts';
import { draftKeyRange, newDraftId, newVersionId, TRASH_MS, type DraftId, type DraftOrigin, type DraftRecord, type HistoryKey } from './schema.ts';

export interface DraftList {
  /** Newest change first. */
  readonly live: readonly DraftRecord[];
  /** In the trash, most recently deleted first. */
  readonly trash: readonly DraftRecord[];
  /** Records too damaged to list (reported, left in place). */
  readonly unreadable: number;
}

export async function listDrafts(db: DraftsDb): Promise<DraftList> {
  const tx = db.transaction(['drafts', 'draftStats'], 'readonly');
  const [entries, stats] = await Promise.all([tx.objectStore('drafts').getAll() as Promise<unknown[]>, tx.objectStore('draftStats').getAll(), tx.done]);
  const statsById = new Map<string, unknown>(stats.map((s) => [s.draftId, s]));
  const records = entries.map((entry) => readDraftRecord(entry, statsById.get((entry as { id?: string } | null)?.id ?? '')));
  const readable = records.filter((r): r is DraftRecord => r !== null);
  return {
    live: readable.filter((r) => r.deletedAt === null).sort((a, b) => b.updatedAt - a.updatedAt),
    trash: readable.filter((r) => r.deletedAt !== null).sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0)),
    unreadable: records.length - readable.length,
  };
}

export interface NewDraft {
  readonly plan: Plan;
  readonly history?: History;
  readonly name?: string;
  readonly origin: DraftOrigin;
  /** Chosen by the caller when the draft's id must be known before it is written (the tab lock). */
  readonly id?: DraftId;
  /** Versions that come with the draft (a backup), written in the same transaction. */
  readonly versions?: readonly StoredVersion[];
  /** Records set aside from the draft the backup was made of: still listed for the planner to decide. */
  readonly setAside?: readonly SetAsideRecord[];
}

/** A version as it travels in a backup: its snapshot text, checked against its hash before it gets here. */
export interface StoredVersion {
  readonly name: string;
  readonly createdAt: number;
  readonly publishedAt: number | null;
  readonly planJson: string;
  readonly planSha256: string;
  readonly featureCount: number;
}

export interface CreatedDraft {
  readonly info: DraftRecord;
  readonly ledger: DraftLedger;
}

/**
 * Writes a whole plan (and its history) as a new draft, with `durability: 'strict'`. Every record is
 * queued before the first await, so a writer attached right after the call follows on from this state.
 */
export async function createDraft(db: DraftsDb, input: NewDraft, now = Date.now(), ledger = new DraftLedger()): Promise<CreatedDraft> {
  const id = input.id ?? newDraftId();
  const features = allFeatureRecords(id, input.plan, ledger);
  features.forEach((put) => ledger.stored(put.slot, put.value.bytes));
  const meta = metaRecord(id, input.plan);
  ledger.metaBytes = jsonBytes(meta.meta);
  const history = diffHistory(id, input.history ?? EMPTY_HISTORY, ledger);
  const info: DraftRecord = {
    id,
    name: input.name ?? input.plan.meta.villageName,
    villageName: input.plan.meta.villageName,
    planId: input.plan.id,
    origin: input.origin,
    createdAt: now,
    updatedAt: now,
    bytes: ledger.bytes,
    featureCount: ledger.featureCount,
    revision: 1,
    deletedAt: null,
  };
  const versions = (input.versions ?? []).map((v) => ({ ...v, id: newVersionId() }));
  const tx = db.transaction(['drafts', 'draftStats', 'planMeta', 'features', 'history', 'versions', 'versionPlans', 'quarantine'], 'readwrite', { durability: 'strict' });
  const featureStore = tx.objectStore('features');
  const historyStore = tx.objectStore('history');
  await Promise.all([
    tx.objectStore('drafts').add(entryOf(info)),
    tx.objectStore('draftStats').put(statsOf(info)),
    tx.objectStore('planMeta').put(meta),
    ...features.map((put) => featureStore.put(put.value, put.key)),
    ...history.puts.map((put) => historyStore.put(put.value, put.key)),
    ...versions.flatMap(({ planJson, ...v }) => [
      tx.objectStore('versions').add({ id: v.id, draftId: id, name: v.name, createdAt: v.createdAt, publishedAt: v.publishedAt, featureCount: v.featureCount, bytes: new TextEncoder().encode(planJson).byteLength, planSha256: v.planSha256 }),
      tx.objectStore('versionPlans').add({ planJson }, v.id),
    ]),
    ...(input.setAside ?? []).map((r) => tx.objectStore('quarantine').add({ draftId: id, store: r.store, key: r.key, value: r.value, problem: r.problem, at: r.at, id: r.id, state: r.state })),
    tx.done,
  ]);
  adoptSteps(ledger, history.next);
  return { info, ledger };
}

export async function renameDraft(db: DraftsDb, id: DraftId, name: string): Promise<Result<DraftRecord>> {
  return updateDraftRecord(db, id, (r) => ({ ...r, name: name.trim().slice(0, 100) }));
}

export async function trashDraft(db: DraftsDb, id: DraftId, now = Date.now()): Promise<Result<DraftRecord>> {
  return updateDraftRecord(db, id, (r) => ({ ...r, deletedAt: now }));
}

export async function restoreDraft(db: DraftsDb, id: DraftId): Promise<Result<DraftRecord>> {
  return updateDraftRecord(db, id, (r) => ({ ...r, deletedAt: null }));
}

async function updateDraftRecord(db: DraftsDb, id: DraftId, change: (r: DraftRecord) => DraftRecord): Promise<Result<DraftRecord>> {
  const tx = db.transaction(['drafts', 'draftStats'], 'readwrite', { durability: 'strict' });
  const current = readDraftRecord(await tx.objectStore('drafts').get(id), await tx.objectStore('draftStats').get(id));
  if (!current) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return failure('drafts.open.notFound');
  }
  const next = change(current);
  await Promise.all([tx.objectStore('drafts').put(entryOf(next)), tx.done]);
  return { ok: true, value: next, notes: [] };
}

/** A new draft with the current plan of another (not its versions or undo history). */
export async function duplicateDraft(db: DraftsDb, id: DraftId, name: string): Promise<Result<DraftRecord>> {
  const loaded = await readDraft(db, id);
  if (!loaded.ok) return loaded;
  const created = await createDraft(db, { plan: loaded.value.plan, name, origin: { kind: 'duplicate', of: loaded.value.info.name } });
  return { ok: true, value: created.info, notes: loaded.notes };
}

/** Deletes drafts that have been in the trash longer than 30 days; returns how many. */
export async function purgeTrash(db: DraftsDb, now = Date.now()): Promise<number> {
  const { trash } = await listDrafts(db);
  const expired = trash.filter((r) => (r.deletedAt ?? now) + TRASH_MS <= now);
  for (const draft of expired) await deleteDraftForever(db, draft.id);
  return expired.length;
}

/** Every record of the draft, its versions included, in one transaction. */
export async function deleteDraftForever(db: DraftsDb, id: DraftId): Promise<void> {
  const tx = db.transaction(['drafts', 'draftStats', 'planMeta', 'features', 'history', 'versions', 'versionPlans', 'quarantine'], 'readwrite', { durability: 'strict' });
  const versionIds = await tx.objectStore('versions').index('byDraft').getAllKeys(id);
  const quarantined = await tx.objectStore('quarantine').index('byDraft').getAllKeys(id);
  await Promise.all([
    tx.objectStore('drafts').delete(id),
    tx.objectStore('draftStats').delete(id),
    tx.objectStore('planMeta').delete(id),
    tx.objectStore('features').delete(draftKeyRange(id)),
    tx.objectStore('history').delete(draftKeyRange(id)),
    ...versionIds.flatMap((v) => [tx.objectStore('versions').delete(v), tx.objectStore('versionPlans').delete(v)]),
    ...quarantined.map((q) => tx.objectStore('quarantine').delete(q)),
    tx.done,
  ]);
}

/**
 * Moves damaged records aside (quarantine store) and deletes undo steps that can no longer be used, so
 * the next opening is clean; the damaged values are kept for whoever wants to look at them.
 */
export async function isolateDamaged(db: DraftsDb, draftId: DraftId, damaged: readonly DamagedRecord[], droppedSteps: readonly HistoryKey[], now = Date.now()): Promise<void> {
  if (damaged.length === 0 && droppedSteps.length === 0) return;
  const tx = db.transaction(['features', 'history', 'planMeta', 'quarantine'], 'readwrite', { durability: 'strict' });
  const requests: Promise<unknown>[] = [];
  for (const record of damaged) {
    requests.push(tx.objectStore('quarantine').add({ draftId, store: record.store, key: record.key, value: record.value, problem: record.problem, at: now, id: globalThis.crypto.randomUUID(), state: 'pending' }));
    // A damaged meta record is replaced by the writer's next save; features and steps are removed here.
    if (record.store === 'features') requests.push(tx.objectStore('features').delete(record.key as never));
    if (record.store === 'history') requests.push(tx.objectStore('history').delete(record.key as never));
  }
  for (const key of droppedSteps) requests.push(tx.objectStore('history').delete(key));
  await Promise.all([...requests, tx.done]);
}
