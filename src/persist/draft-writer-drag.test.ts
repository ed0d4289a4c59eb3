import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { serialisePlan } from '../domain/plan-file.ts';
import { createPlanStore, type PlanStore } from '../store/plan.store.ts';
import { createDraft } from './draft-store.ts';
import { attachDraftWriter, type SaveReport } from './draft-writer.ts';
import type { DraftsDb } from './open-drafts-db.ts';
import { readDraft } from './read-draft.ts';
import type { DraftId } from './schema.ts';
import { manualClock, moveVertex, openTestDb, soon, testPlan } from './test-support.ts';

async function editing(time?: ReturnType<typeof manualClock>) {
  const db = await openTestDb();
  const plan = createPlanStore(testPlan(20));
  const { info, ledger } = await createDraft(db, { plan: plan.getState().plan, origin: { kind: 'sample' } });
  const saves: SaveReport[] = [];
  const timing = time ? { schedule: time.schedule, clock: time.clock } : { schedule: soon };
  const writer = attachDraftWriter({ db, draftId: info.id, plan, ledger, revision: info.revision, ...timing, retryMs: 60_000, onState: () => undefined, onSaved: (r) => saves.push(r) });
  return { db, plan, id: info.id, writer, saves };
}

const FRAME_MS = 16;

async function reopen(db: DraftsDb, id: DraftId): Promise<PlanStore> {
  const loaded = await readDraft(db, id);
  if (!loaded.ok) throw new Error(loaded.error.key);
  const store = createPlanStore();
  store.loadSaved(loaded.value.plan, loaded.value.history);
  return store;
}

/** A drag of `moves` moves of one vertex, saved after every move (one save per frame). */
async function drag(moves: number) {
  const draft = await editing();
  const { plan, writer, saves } = draft;
  plan.beginGesture('commands.reshape.moveVertex');
  for (let i = 0; i < moves; i++) {
    plan.execute(moveVertex(plan.getState().plan, 'd-1', 1e-7));
    await writer.flush();
  }
  const during = saves.splice(0);
  plan.commitGesture();
  await writer.flush();
  return { ...draft, during, end: saves.splice(0) };
}

describe('autosave during a drag', () => {
  it('writes the same per frame whatever the drag has done: the moved feature and the statistics, the step only once', async () => {
    const { during, end } = await drag(30);
    expect(during).toHaveLength(30);
    // The first save also holds the drag's undo step; every later one only the feature and the statistics.
    expect(during[0]?.records).toBe(3);
    expect(during.slice(1).every((s) => s.records === 2)).toBe(true);
    const later = during.slice(1).map((s) => s.bytes);
    expect(Math.max(...later) - Math.min(...later)).toBeLessThan(10);
    // Ending the drag rewrites nothing: the stored step is the committed one.
    expect(end).toHaveLength(1);
    expect(end[0]?.records).toBe(1);
  });

  it('a drag of 60 moves writes no more per save, and leaves the same undo step, as a drag of 5', async () => {
    const [short, long] = [await drag(5), await drag(60)];
    const largest = (d: typeof short) => Math.max(...d.during.map((s) => s.bytes));
    // Equal but for digits (the revision, the time): the step is written once, in the first save of each.
    expect(Math.abs(largest(long) - largest(short))).toBeLessThan(10);
    const step = async (d: typeof short) => JSON.stringify((await d.db.getAll('history')).map((r) => r.inverse));
    expect(await step(long)).toBe(await step(short));
  });

  it('keeps the drag so far if the browser dies mid-drag, with the undo that takes it back', async () => {
    const { db, plan, id, writer } = await editing();
    const start = serialisePlan(plan.getState().plan);
    plan.beginGesture('commands.reshape.moveVertex');
    for (let i = 0; i < 4; i++) {
      plan.execute(moveVertex(plan.getState().plan, 'd-1', 1e-6));
      await writer.flush();
    }
    // No commit: what is on disk now is what a crash leaves.
    const again = await reopen(db, id);
    expect(serialisePlan(again.getState().plan)).toBe(serialisePlan(plan.getState().plan));
    expect(again.getState().history.undo).toHaveLength(1);
    again.undo();
    expect(serialisePlan(again.getState().plan)).toBe(start);
  });

  it('a cancelled drag leaves the draft as it was before the drag', async () => {
    const { db, plan, id, writer } = await editing();
    plan.execute(moveVertex(plan.getState().plan, 'b-2', 1e-6));
    const before = serialisePlan(plan.getState().plan);
    plan.beginGesture('commands.reshape.moveVertex');
    for (let i = 0; i < 3; i++) {
      plan.execute(moveVertex(plan.getState().plan, 'd-1', 1e-6));
      await writer.flush();
    }
    plan.cancelGesture();
    await writer.flush();
    const again = await reopen(db, id);
    expect(serialisePlan(again.getState().plan)).toBe(before);
    expect(again.getState().history.undo).toHaveLength(1);
    expect(await db.count('history')).toBe(1);
  });

  describe('at the page\'s pace (one move per 16 ms frame, saves left to the writer)', () => {
    async function dragAtPace(moves: number) {
      const time = manualClock();
      const draft = await editing(time);
      const { plan, saves } = draft;
      plan.beginGesture('commands.reshape.moveVertex');
      for (let i = 0; i < moves; i++) {
        plan.execute(moveVertex(plan.getState().plan, 'd-1', 1e-7));
        await time.advance(FRAME_MS);
      }
      const during = saves.splice(0);
      plan.commitGesture();
      await time.settle();
      return { ...draft, time, during, end: saves.splice(0) };
    }
    const bytes = (saves: readonly SaveReport[]) => saves.reduce((sum, s) => sum + s.bytes, 0);

    it('saves an open drag at most once a second, and its end at once', async () => {
      const { during, end, db, id, plan } = await dragAtPace(150);
      // 150 frames of 16 ms = 2.4 s: the first frame, then after 1 s, then after 2 s.
      expect(during).toHaveLength(3);
      expect(end).toHaveLength(1);
      const again = await reopen(db, id);
      expect(serialisePlan(again.getState().plan)).toBe(serialisePlan(plan.getState().plan));
      expect(again.getState().history.undo).toHaveLength(1);
    });

    it('a drag of 60 moves writes at most about twice the bytes of a drag of 5, and the same undo step', async () => {
      const [short, long] = [await dragAtPace(5), await dragAtPace(60)];
      const ratio = bytes([...long.during, ...long.end]) / bytes([...short.during, ...short.end]);
      expect(ratio).toBeLessThanOrEqual(2);
      const step = async (d: typeof short) => JSON.stringify((await d.db.getAll('history')).map((r) => r.inverse));
      expect(await step(long)).toBe(await step(short));
    });

    it('a crash mid-drag loses at most the last second: the drag as last saved, undoable', async () => {
      const time = manualClock();
      const { db, plan, id } = await editing(time);
      const start = serialisePlan(plan.getState().plan);
      plan.beginGesture('commands.reshape.moveVertex');
      const states: string[] = [];
      for (let i = 0; i < 100; i++) {
        plan.execute(moveVertex(plan.getState().plan, 'd-1', 1e-6));
        await time.advance(FRAME_MS);
        states.push(serialisePlan(plan.getState().plan));
      }
      // No commit: what is on disk is the drag as it was at one of its frames, within the last second.
      const again = await reopen(db, id);
      const savedFrame = states.indexOf(serialisePlan(again.getState().plan));
      expect(savedFrame).toBeGreaterThan(0);
      expect((states.length - 1 - savedFrame) * FRAME_MS).toBeLessThanOrEqual(1000 + FRAME_MS);
      again.undo();
      expect(serialisePlan(again.getState().plan)).toBe(start);
    });

    it('flush (the page is hidden) writes an open drag now', async () => {
      const time = manualClock();
      const { db, plan, id, writer } = await editing(time);
      plan.beginGesture('commands.reshape.moveVertex');
      for (let i = 0; i < 10; i++) {
        plan.execute(moveVertex(plan.getState().plan, 'd-1', 1e-6));
        await time.advance(FRAME_MS);
      }
      expect(writer.hasPending()).toBe(true);
      await writer.flush();
      expect(writer.hasPending()).toBe(false);
      const again = await reopen(db, id);
      expect(serialisePlan(again.getState().plan)).toBe(serialisePlan(plan.getState().plan));
    });

    it('a cancelled drag is written at once, as the plan was before it', async () => {
      const time = manualClock();
      const { db, plan, id } = await editing(time);
      const before = serialisePlan(plan.getState().plan);
      plan.beginGesture('commands.reshape.moveVertex');
      for (let i = 0; i < 10; i++) {
        plan.execute(moveVertex(plan.getState().plan, 'd-1', 1e-6));
        await time.advance(FRAME_MS);
      }
      plan.cancelGesture();
      await time.settle();
      const again = await reopen(db, id);
      expect(serialisePlan(again.getState().plan)).toBe(before);
      expect(await db.count('history')).toBe(0);
    });
  });
});
