import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { EMPTY_HISTORY } from '../commands/history.ts';
import { serialisePlan } from '../domain/plan-file.ts';
import { createPlanStore } from '../store/plan.store.ts';
import { createDraft, deleteDraftForever, duplicateDraft, listDrafts, purgeTrash, renameDraft, restoreDraft, trashDraft } from './draft-store.ts';
import { readDraft } from './read-draft.ts';
import { TRASH_MS } from './schema.ts';
import { moveVertex, openTestDb, testPlan } from './test-support.ts';
import { createVersion } from './versions.ts';

describe('drafts on this machine', () => {
  it('stores a plan with its history and reads back the same plan, features in the same order', async () => {
    const db = await openTestDb();
    const store = createPlanStore(testPlan(5));
    store.execute(moveVertex(store.getState().plan, 'd-1', 1e-5));
    store.execute(moveVertex(store.getState().plan, 'b-3', 1e-5));
    const { plan, history } = store.getState();
    const { info } = await createDraft(db, { plan, history, origin: { kind: 'sample' } });
    expect(info).toMatchObject({ name: '测试村', villageName: '测试村', featureCount: 7, revision: 1, deletedAt: null });
    expect(info.bytes).toBeGreaterThan(1000);

    const loaded = await readDraft(db, info.id);
    if (!loaded.ok) throw new Error(loaded.error.key);
    expect(serialisePlan(loaded.value.plan)).toBe(serialisePlan(plan));
    expect(loaded.value.history.undo.map((e) => e.inverse)).toEqual(history.undo.map((e) => e.inverse));
    expect(loaded.value.notes).toEqual([]);
  });

  it('lists newest first, renames, trashes, restores and purges after 30 days', async () => {
    const db = await openTestDb();
    const a = (await createDraft(db, { plan: testPlan(2), origin: { kind: 'sample' } }, 1000)).info;
    const b = (await createDraft(db, { plan: testPlan(3), name: '方案B', origin: { kind: 'file', name: 'b.json' } }, 2000)).info;
    expect((await listDrafts(db)).live.map((d) => d.id)).toEqual([b.id, a.id]);

    const renamed = await renameDraft(db, a.id, '  东片方案  ');
    expect(renamed.ok && renamed.value.name).toBe('东片方案');

    await trashDraft(db, a.id, 5000);
    let list = await listDrafts(db);
    expect(list.live.map((d) => d.id)).toEqual([b.id]);
    expect(list.trash.map((d) => d.id)).toEqual([a.id]);

    await restoreDraft(db, a.id);
    expect((await listDrafts(db)).trash).toEqual([]);

    await trashDraft(db, a.id, 5000);
    expect(await purgeTrash(db, 5000 + TRASH_MS - 1)).toBe(0);
    expect(await purgeTrash(db, 5000 + TRASH_MS)).toBe(1);
    list = await listDrafts(db);
    expect(list.live.map((d) => d.id)).toEqual([b.id]);
    expect(list.trash).toEqual([]);
    const left = await readDraft(db, a.id);
    expect(left.ok ? null : left.error.key).toBe('drafts.open.notFound');
  });

  it('duplicates the current plan as a new draft, without history or versions', async () => {
    const db = await openTestDb();
    const store = createPlanStore(testPlan(3));
    store.execute(moveVertex(store.getState().plan, 'd-1', 1e-5));
    const { info } = await createDraft(db, { plan: store.getState().plan, history: store.getState().history, origin: { kind: 'sample' } });
    const copy = await duplicateDraft(db, info.id, '副本');
    if (!copy.ok) throw new Error(copy.error.key);
    expect(copy.value).toMatchObject({ name: '副本', origin: { kind: 'duplicate', of: '测试村' } });
    const loaded = await readDraft(db, copy.value.id);
    expect(loaded.ok && serialisePlan(loaded.value.plan)).toBe(serialisePlan(store.getState().plan));
    expect(loaded.ok && loaded.value.history).toEqual(EMPTY_HISTORY);
  });

  it('deletes every record of a draft, its versions included, and nothing of another draft', async () => {
    const db = await openTestDb();
    const keep = (await createDraft(db, { plan: testPlan(2), origin: { kind: 'sample' } })).info;
    const gone = (await createDraft(db, { plan: testPlan(4), origin: { kind: 'sample' } })).info;
    await createVersion(db, gone.id, '方案一', testPlan(4));
    await deleteDraftForever(db, gone.id);
    for (const store of ['features', 'history'] as const) {
      const keys = (await db.getAllKeys(store)) as unknown as string[][];
      expect(keys.every((k) => k[0] === keep.id)).toBe(true);
    }
    expect(await db.count('features')).toBe(4);
    expect(await db.count('versions')).toBe(0);
    expect(await db.count('versionPlans')).toBe(0);
    expect(await db.count('planMeta')).toBe(1);
  });
});
