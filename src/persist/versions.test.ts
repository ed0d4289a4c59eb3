import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serialisePlan } from '../domain/plan-file.ts';
import { createPlanStore } from '../store/plan.store.ts';
import { comparePlans } from './compare-plans.ts';
import { createDraft } from './draft-store.ts';
import { moveVertex, openTestDb, testPlan } from './test-support.ts';
import { createVersion, deleteVersion, listVersions, publishVersion, readVersionPlan } from './versions.ts';

afterEach(() => vi.restoreAllMocks());

async function draftWithVersions() {
  const db = await openTestDb();
  const plan = createPlanStore(testPlan(4));
  const { info } = await createDraft(db, { plan: plan.getState().plan, origin: { kind: 'sample' } });
  return { db, plan, id: info.id };
}

describe('versions', () => {
  it('snapshots the plan with durability strict, and gives it back exactly', async () => {
    const { db, plan, id } = await draftWithVersions();
    const durabilities: (string | undefined)[] = [];
    const original = IDBDatabase.prototype.transaction;
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (this: IDBDatabase, stores, mode, options) {
      if (mode === 'readwrite') durabilities.push(options?.durability);
      return original.call(this, stores, mode, options);
    });
    const created = await createVersion(db, id, ' 方案一 ', plan.getState().plan);
    if (!created.ok) throw new Error(created.error.key);
    expect(created.value).toMatchObject({ name: '方案一', publishedAt: null, featureCount: 6 });
    expect(durabilities).toEqual(['strict']);
    plan.execute(moveVertex(plan.getState().plan, 'd-1', 1e-5));
    const snapshot = await readVersionPlan(db, created.value.id);
    expect(snapshot.ok && serialisePlan(snapshot.value)).toBe(serialisePlan(testPlan(4)).replace(/"id":"[0-9a-f-]{36}","meta"/, `"id":"${plan.getState().plan.id}","meta"`));
  });

  it('refuses an empty or repeated name', async () => {
    const { db, plan, id } = await draftWithVersions();
    expect(await createVersion(db, id, '  ', plan.getState().plan)).toMatchObject({ ok: false, error: { key: 'drafts.versions.nameEmpty' } });
    await createVersion(db, id, '公示稿', plan.getState().plan);
    expect(await createVersion(db, id, '公示稿', plan.getState().plan)).toMatchObject({ ok: false, error: { key: 'drafts.versions.nameTaken' } });
    expect(await listVersions(db, id)).toHaveLength(1);
  });

  it('marks the published version once, for good: it can no longer be deleted', async () => {
    const { db, plan, id } = await draftWithVersions();
    const draft = await createVersion(db, id, '方案一', plan.getState().plan);
    const notice = await createVersion(db, id, '公示稿', plan.getState().plan);
    if (!draft.ok || !notice.ok) throw new Error('versions not created');
    const published = await publishVersion(db, notice.value.id, 1234);
    expect(published.ok && published.value.publishedAt).toBe(1234);
    const again = await publishVersion(db, notice.value.id, 9999);
    expect(again.ok && again.value.publishedAt).toBe(1234);
    expect(await deleteVersion(db, notice.value.id)).toMatchObject({ ok: false, error: { key: 'drafts.versions.publishedIsFrozen' } });
    expect(await deleteVersion(db, draft.value.id)).toMatchObject({ ok: true });
    expect((await listVersions(db, id)).map((v) => v.name)).toEqual(['公示稿']);
  });

  it('reports a damaged snapshot instead of opening a wrong plan', async () => {
    const { db, plan, id } = await draftWithVersions();
    const created = await createVersion(db, id, '报批稿', plan.getState().plan);
    if (!created.ok) throw new Error(created.error.key);
    const stored = await db.get('versionPlans', created.value.id);
    await db.put('versionPlans', { planJson: stored!.planJson.replace('"JQ1"', '"JQ9"') }, created.value.id);
    expect(await readVersionPlan(db, created.value.id)).toMatchObject({ ok: false, error: { key: 'drafts.versions.damaged', params: { name: '报批稿' } } });
  });

  it('compares two plans: parcels added, removed, reshaped, re-attributed, and meta', () => {
    const from = testPlan(4);
    const store = createPlanStore(from);
    store.execute(moveVertex(from, 'd-1', 1e-5));
    const b1 = from.layers.base['b-1' as never]!;
    store.execute({
      ok: true,
      label: 'x',
      patch: {
        features: [
          { layer: 'base', id: b1.id, after: { ...b1, properties: { ...b1.properties, classCode: '031' } } as never },
          { layer: 'base', id: 'b-2' as never, after: null },
        ],
        meta: { population: 800 },
      },
    });
    const { sections } = comparePlans(from, store.getState().plan);
    expect(sections).toEqual([
      {
        kind: 'features',
        tallies: [
          { layer: 'base', added: 0, removed: 1, changed: 1 },
          { layer: 'demolition', added: 0, removed: 0, changed: 1 },
        ],
        changes: [
          { layer: 'base', id: 'b-1', difference: 'changed', label: 'JQ1', geometryChanged: false, fields: ['classCode'] },
          { layer: 'base', id: 'b-2', difference: 'removed', label: 'JQ2', geometryChanged: true, fields: [] },
          { layer: 'demolition', id: 'd-1', difference: 'changed', label: 'CJ1', geometryChanged: true, fields: [] },
        ],
      },
      { kind: 'meta', fields: ['population'] },
    ]);
    expect(comparePlans(from, from).sections).toEqual([]);
  });
});
