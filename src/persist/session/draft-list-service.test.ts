/**
 * The start page's drafts without a browser (fake IndexedDB, in-memory locks, a recording channel): the
 * list as stored, each operation's effect on it and its one announcement to other tabs, another tab's
 * announcement followed, and failures returned rather than thrown.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { serialisePlan } from '../../domain/plan-file.ts';
import { createDraft, listDrafts, trashDraft } from '../draft-store.ts';
import { openDraftsDb } from '../open-drafts-db.ts';
import { readDraft } from '../read-draft.ts';
import { TRASH_MS, type DraftId } from '../schema.ts';
import type { DraftMessage } from '../tabs/draft-channel.ts';
import { openTestDb, testPlan, uniqueDbName } from '../test-support.ts';
import { createDraftList, type DraftListOptions } from './draft-list-service.ts';
import { memoryLocks } from './test-locks.ts';

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 3000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A database with two drafts (东片 changed last) and one whose 30 days in the trash are up. */
async function machine() {
  const name = uniqueDbName();
  const db = await openTestDb(name);
  const west = await createDraft(db, { plan: testPlan(2), name: '西片', origin: { kind: 'sample' } }, 1000);
  const east = await createDraft(db, { plan: testPlan(3), name: '东片', origin: { kind: 'sample' } }, 2000);
  const old = await createDraft(db, { plan: testPlan(1), name: '旧稿', origin: { kind: 'sample' } });
  await trashDraft(db, old.info.id, Date.now() - TRASH_MS - 1);
  return { name, db, west: west.info.id, east: east.info.id };
}

/** The sample village of these tests. */
const SAMPLE = serialisePlan(testPlan(4));

function listOn(name: string, options: Partial<DraftListOptions> = {}) {
  const posted: DraftMessage[] = [];
  let hear: (message: DraftMessage) => void = () => undefined;
  const locks = memoryLocks();
  const service = createDraftList({
    sample: async () => SAMPLE,
    db: () => openDraftsDb({ name }),
    locks,
    channel: (onMessage) => {
      hear = onMessage;
      return { post: (message) => posted.push(message), close: () => undefined };
    },
    ...options,
  });
  const names = () => service.getState().list?.live.map((d) => d.name);
  return { service, posted, hear: (message: DraftMessage) => hear(message), locks, names };
}

const ok = <T>(result: { ok: true; value: T } | { ok: false }): T => {
  if (!result.ok) throw new Error('expected success');
  return result.value;
};

describe('the drafts on this machine', () => {
  it('lists them newest first once open, with the trash’s expired drafts purged', async () => {
    const { name } = await machine();
    const { service, names } = listOn(name);
    await until(() => service.getState().list !== null, 'the list');
    expect(names()).toEqual(['东片', '西片']);
    expect(service.getState()).toMatchObject({ ready: true, purged: 1, failure: null, busy: false, storage: { usage: null, quota: null, persisted: false } });
    expect(service.getState().list?.trash).toEqual([]);
    service.dispose();
  });

  it('renames, duplicates, trashes and restores, telling other tabs once each', async () => {
    const { name, east } = await machine();
    const { service, posted, names } = listOn(name);
    expect(ok(await service.rename(east, '  东片方案 '))).toMatchObject({ name: '东片方案' });
    expect(names()).toEqual(['东片方案', '西片']);

    const copy = ok(await service.duplicate(east, '东片方案（副本）'));
    expect(names()).toEqual(['东片方案（副本）', '东片方案', '西片']);

    expect((await service.trash(copy)).ok).toBe(true);
    expect(names()).toEqual(['东片方案', '西片']);
    expect(service.getState().list?.trash.map((d) => d.id)).toEqual([copy.id]);

    expect((await service.restore(copy.id)).ok).toBe(true);
    expect(names()).toEqual(['东片方案（副本）', '东片方案', '西片']);
    expect(posted).toEqual(Array.from({ length: 4 }, () => ({ kind: 'listChanged' })));
    service.dispose();
  });

  it('deletes a draft for good', async () => {
    const { name, db, west } = await machine();
    const { service, names } = listOn(name);
    expect((await service.destroy(west)).ok).toBe(true);
    expect(names()).toEqual(['东片']);
    expect((await readDraft(db, west)).ok).toBe(false);
    service.dispose();
  });

  it('does not move a draft another tab edits to the trash', async () => {
    const { name, east } = await machine();
    const { service, posted, locks } = listOn(name);
    await locks.lock(east);
    await until(() => service.getState().list !== null, 'the list');
    const draft = service.getState().list?.live.find((d) => d.id === east);
    if (!draft) throw new Error('no draft');
    expect(await service.trash(draft)).toEqual({ ok: false, error: { key: 'drafts.home.openElsewhere', params: { name: '东片' } } });
    expect(service.getState().list?.trash).toEqual([]);
    expect(posted).toEqual([]);
    service.dispose();
  });

  it('follows another tab’s changes', async () => {
    const { name, db } = await machine();
    const { service, hear, names } = listOn(name);
    await until(() => service.getState().list !== null, 'the list');
    await createDraft(db, { plan: testPlan(2), name: '北片', origin: { kind: 'sample' } });
    hear({ kind: 'listChanged' });
    await until(() => names()?.length === 3, 'the new draft to be listed');
    expect(names()?.[0]).toBe('北片');
    service.dispose();
  });

  it('makes new drafts from the sample and from files, and backs one up', async () => {
    const { name, db, east } = await machine();
    const { service, posted } = listOn(name);
    const sample = ok(await service.newFromSample());
    const stored = await readDraft(db, sample);
    expect(stored.ok && serialisePlan(stored.value.plan)).toBe(SAMPLE);
    expect(stored.ok && stored.value.info.origin).toEqual({ kind: 'sample' });

    const backup = ok(await service.backup(east));
    expect(backup.fileName).toMatch(/\.json$/);
    const restored = ok(await service.importFile({ name: backup.fileName, text: async () => backup.text }));
    const again = await readDraft(db, restored);
    expect(again.ok && again.value.info).toMatchObject({ name: '东片', origin: { kind: 'backup', name: backup.fileName } });

    expect(await service.importFile({ name: 'x.json', text: async () => 'not json' })).toMatchObject({ ok: false, error: { key: 'planFile.notJson' } });
    // A file whose copy never finished: zero bytes, said in words rather than as the parser's "Unexpected end of JSON input".
    expect(await service.importFile({ name: '沈家埭村.plan.json', text: async () => '' })).toMatchObject({ ok: false, error: { key: 'planFile.empty' } });
    expect(posted).toHaveLength(2);
    expect((await listDrafts(db)).live).toHaveLength(4);
    service.dispose();
  });

  it('returns what went wrong instead of throwing, and is not busy after', async () => {
    const { name } = await machine();
    const { service } = listOn(name, { sample: () => Promise.reject(new Error('offline')) });
    const states: boolean[] = [];
    service.subscribe((s) => states.push(s.busy));
    expect(await service.newFromSample()).toEqual({ ok: false, error: { key: 'drafts.save.failed.other', params: { detail: 'Error: offline' } } });
    expect(states.at(0)).toBe(true);
    expect(service.getState().busy).toBe(false);
    service.dispose();
  });

  it('says why when the drafts cannot be read', async () => {
    const failure = { key: 'drafts.storage.unavailable', params: { detail: 'no IndexedDB' } };
    const { service } = listOn(uniqueDbName(), { db: async () => ({ ok: false, error: failure }) });
    await until(() => service.getState().failure !== null, 'the failure');
    expect(service.getState()).toMatchObject({ ready: false, list: null, failure });
    expect(await service.restore('x' as DraftId)).toEqual({ ok: false, error: failure });
    service.dispose();
  });
});
