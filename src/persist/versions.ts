/**
 * Versions: named snapshots of a draft (方案一, 公示稿, 报批稿). A version is written once, with
 * `durability: 'strict'`, and never changed; the only later write is marking it as the one published for
 * the public notice, which cannot be undone and makes it undeletable.
 */
import { failure, type Result } from '../domain/message.ts';
import { parsePlanText, serialisePlan } from '../domain/plan-file.ts';
import { featureCount, type Plan } from '../domain/plan.ts';
import type { DraftsDb } from './open-drafts-db.ts';
import { sha256Hex } from '../io/sha256.ts';
import { newVersionId, type DraftId, type VersionId, type VersionRecord } from './schema.ts';

export const MAX_VERSION_NAME = 60;

export async function listVersions(db: DraftsDb, draftId: DraftId): Promise<VersionRecord[]> {
  const versions = await db.getAllFromIndex('versions', 'byDraft', draftId);
  return versions.sort((a, b) => a.createdAt - b.createdAt);
}

export async function createVersion(db: DraftsDb, draftId: DraftId, name: string, plan: Plan, now = Date.now()): Promise<Result<VersionRecord>> {
  const trimmed = name.trim();
  if (!trimmed) return failure('drafts.versions.nameEmpty');
  if (trimmed.length > MAX_VERSION_NAME) return failure('drafts.versions.nameTooLong', { max: MAX_VERSION_NAME });
  const planJson = serialisePlan(plan);
  const record: VersionRecord = {
    id: newVersionId(),
    draftId,
    name: trimmed,
    createdAt: now,
    publishedAt: null,
    featureCount: featureCount(plan),
    bytes: new TextEncoder().encode(planJson).byteLength,
    planSha256: await sha256Hex(planJson),
  };
  const tx = db.transaction(['versions', 'versionPlans'], 'readwrite', { durability: 'strict' });
  const taken = (await tx.objectStore('versions').index('byDraft').getAll(draftId)).some((v) => v.name === trimmed);
  if (taken) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return failure('drafts.versions.nameTaken', { name: trimmed });
  }
  await Promise.all([tx.objectStore('versions').add(record), tx.objectStore('versionPlans').add({ planJson }, record.id), tx.done]);
  return { ok: true, value: record, notes: [] };
}

/** The text of a snapshot exactly as stored (for backups), checked against its hash. */
export async function readVersionText(db: DraftsDb, id: VersionId): Promise<Result<string>> {
  const [record, stored] = await Promise.all([db.get('versions', id), db.get('versionPlans', id)]);
  if (!record) return failure('drafts.versions.notFound');
  const planJson = typeof stored?.planJson === 'string' ? stored.planJson : null;
  if (planJson === null || (await sha256Hex(planJson)) !== record.planSha256) {
    return failure('drafts.versions.damaged', { name: record.name });
  }
  return { ok: true, value: planJson, notes: [] };
}

/** The snapshot as a plan, checked against its hash: a damaged snapshot is an error, not a wrong plan. */
export async function readVersionPlan(db: DraftsDb, id: VersionId): Promise<Result<Plan>> {
  const text = await readVersionText(db, id);
  return text.ok ? parsePlanText(text.value) : text;
}

export async function publishVersion(db: DraftsDb, id: VersionId, now = Date.now()): Promise<Result<VersionRecord>> {
  const tx = db.transaction('versions', 'readwrite', { durability: 'strict' });
  const record = await tx.store.get(id);
  if (!record || record.publishedAt !== null) {
    await tx.done;
    return record ? { ok: true, value: record, notes: [] } : failure('drafts.versions.notFound');
  }
  const published = { ...record, publishedAt: now };
  await Promise.all([tx.store.put(published), tx.done]);
  return { ok: true, value: published, notes: [] };
}

export async function deleteVersion(db: DraftsDb, id: VersionId): Promise<Result<null>> {
  const tx = db.transaction(['versions', 'versionPlans'], 'readwrite', { durability: 'strict' });
  const record = await tx.objectStore('versions').get(id);
  if (record?.publishedAt != null) {
    await tx.done;
    return failure('drafts.versions.publishedIsFrozen', { name: record.name });
  }
  await Promise.all([tx.objectStore('versions').delete(id), tx.objectStore('versionPlans').delete(id), tx.done]);
  return { ok: true, value: null, notes: [] };
}
