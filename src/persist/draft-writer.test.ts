import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { serialisePlan } from '../domain/plan-file.ts';
import { createPlanStore, type PlanStore } from '../store/plan.store.ts';
import { createDraft } from './draft-store.ts';
import { attachDraftWriter, type SaveReport, type SaveState } from './draft-writer.ts';
import type { DraftsDb } from './open-drafts-db.ts';
import { readDraft } from './read-draft.ts';
import type { DraftId } from './schema.ts';
import { moveVertex, openTestDb, soon, testPlan } from './test-support.ts';

async function editing(parcels: number, db?: DraftsDb) {
  const database = db ?? (await openTestDb());
  const plan = createPlanStore(testPlan(parcels));
  const { info, ledger } = await createDraft(database, { plan: plan.getState().plan, origin: { kind: 'sample' } });
  const states: SaveState[] = [];
  const saves: SaveReport[] = [];
  const writer = attachDraftWriter({ db: database, draftId: info.id, plan, ledger, revision: info.revision, schedule: soon, retryMs: 60_000, onState: (s) => states.push(s), onSaved: (r) => saves.push(r) });
  return { db: database, plan, id: info.id, writer, states, saves };
}

async function reopen(db: DraftsDb, id: DraftId): Promise<PlanStore> {
  const loaded = await readDraft(db, id);
  if (!loaded.ok) throw new Error(loaded.error.key);
  const store = createPlanStore();
  store.loadSaved(loaded.value.plan, loaded.value.history);
  return store;
}

describe('autosave', () => {
  it('writes what an edit changed, the same at 20 and at 2,000 parcels', async () => {
    const small = await editing(20);
    const large = await editing(2000);
    for (const draft of [small, large]) {
      draft.plan.execute(moveVertex(draft.plan.getState().plan, 'd-1', 1e-6));
      await draft.writer.flush();
    }
    const [a, b] = [small.saves.at(-1) as SaveReport, large.saves.at(-1) as SaveReport];
    // The feature, its undo step and the draft's list record.
    expect(a.records).toBe(3);
    expect(b.records).toBe(3);
    expect(Math.abs(a.bytes - b.bytes)).toBeLessThan(20);
    expect(large.states.at(-1)).toMatchObject({ kind: 'saved' });
  });

  it('saves a batch bigger than one slice as one transaction, in full', async () => {
    const { db, plan, id, writer, saves } = await editing(10);
    // A reset rewrites every record: 1,200 parcels are queued in slices, still one save, one revision.
    plan.load(testPlan(1200));
    await writer.flush();
    expect(saves).toHaveLength(1);
    expect(saves[0]?.whole).toBe(true);
    expect(saves[0]?.records).toBeGreaterThan(1200);
    const again = await reopen(db, id);
    expect(serialisePlan(again.getState().plan)).toBe(serialisePlan(plan.getState().plan));
  });

  it('keeps undo across a reload, and the reloaded plan is the plan', async () => {
    const { db, plan, id, writer } = await editing(10);
    const start = serialisePlan(plan.getState().plan);
    plan.execute(moveVertex(plan.getState().plan, 'd-1', 1e-5));
    plan.execute(moveVertex(plan.getState().plan, 'b-2', 1e-5));
    plan.execute(moveVertex(plan.getState().plan, 'd-1', 1e-5));
    const end = serialisePlan(plan.getState().plan);
    plan.undo();
    await writer.flush();

    const again = await reopen(db, id);
    expect(serialisePlan(again.getState().plan)).toBe(serialisePlan(plan.getState().plan));
    expect(again.getState().history.undo).toHaveLength(2);
    expect(again.getState().history.redo).toHaveLength(1);
    again.undo();
    again.undo();
    expect(serialisePlan(again.getState().plan)).toBe(start);
    again.redo();
    again.redo();
    again.redo();
    expect(serialisePlan(again.getState().plan)).toBe(end);
  });

  it('saves a drag in progress as one step, and the finished drag replaces it', async () => {
    const { db, plan, id, writer } = await editing(4);
    plan.beginGesture('commands.reshape.moveVertex');
    plan.execute(moveVertex(plan.getState().plan, 'd-1', 1e-6));
    plan.execute(moveVertex(plan.getState().plan, 'd-1', 1e-6));
    await writer.flush();
    let again = await reopen(db, id);
    expect(again.getState().history.undo).toHaveLength(1);
    plan.execute(moveVertex(plan.getState().plan, 'd-1', 1e-6));
    plan.commitGesture();
    await writer.flush();
    again = await reopen(db, id);
    expect(again.getState().history.undo).toHaveLength(1);
    expect(await db.count('history')).toBe(1);
    again.undo();
    expect(serialisePlan(again.getState().plan)).toContain('"parcelNo":"CJ1"');
    expect(JSON.stringify(again.getState().plan.layers.demolition)).toBe(JSON.stringify(testPlan(4).layers.demolition));
  });

  it('keeps every change in memory when the disk is full, says so, and saves once there is room', async () => {
    const real = await openTestDb();
    let full = false;
    // A full disk aborts the transaction at commit with a QuotaExceededError.
    const db = new Proxy(real, {
      get(target, key) {
        const value = Reflect.get(target, key, target) as unknown;
        if (key !== 'transaction' || typeof value !== 'function') return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
        return (...args: unknown[]) => {
          const tx = (value as (...a: unknown[]) => { abort(): void; done: Promise<void> }).apply(target, args);
          if (!full) return tx;
          let done: Promise<void> | undefined;
          return new Proxy(tx, {
            get(t, k) {
              if (k !== 'done') return typeof Reflect.get(t, k, t) === 'function' ? (Reflect.get(t, k, t) as () => unknown).bind(t) : Reflect.get(t, k, t);
              if (!done) {
                t.abort();
                done = t.done.then(
                  () => undefined,
                  () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
                );
              }
              return done;
            },
          });
        };
      },
    });
    full = false;
    const { plan, id, writer, states } = await editing(5, db);
    full = true;
    plan.execute(moveVertex(plan.getState().plan, 'd-1', 1e-5));
    plan.execute(moveVertex(plan.getState().plan, 'b-1', 1e-5));
    await writer.flush();
    expect(states.at(-1)).toMatchObject({ kind: 'failed', reason: 'quota' });
    expect(writer.hasPending()).toBe(true);

    full = false;
    await writer.flush();
    expect(states.at(-1)).toMatchObject({ kind: 'saved' });
    const again = await reopen(real, id);
    expect(serialisePlan(again.getState().plan)).toBe(serialisePlan(plan.getState().plan));
    expect(again.getState().history.undo).toHaveLength(2);
  });

  it('saves deletions, meta changes, and keeps the draft size and count true', async () => {
    const { db, plan, id, writer } = await editing(6);
    const before = plan.getState().plan;
    plan.execute({ ok: true, label: 'commands.delete.label', patch: { features: [{ layer: 'base', id: 'b-0' as never, after: null }], meta: { population: 321 } } });
    await writer.flush();
    const loaded = await readDraft(db, id);
    if (!loaded.ok) throw new Error(loaded.error.key);
    expect(Object.keys(loaded.value.plan.layers.base)).toHaveLength(5);
    expect(loaded.value.plan.meta.population).toBe(321);
    expect(loaded.value.info.featureCount).toBe(7);
    const fresh = await createDraft(db, { plan: plan.getState().plan, origin: { kind: 'sample' } });
    expect(loaded.value.info.bytes).toBe(fresh.info.bytes);
    expect(Object.keys(before.layers.base)).toHaveLength(6);
  });
});
