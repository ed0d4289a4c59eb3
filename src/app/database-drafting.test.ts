import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DatabaseEdit, EditDirection } from '../commands/village-database/database-edit.ts';
import { reclassify } from '../commands/village-database/reclassify.command.ts';
import type { Result } from '../domain/message.ts';
import { openDatabaseDrafts, type DatabaseDraftId, type DatabaseDraftMeta, type DatabaseDrafts } from '../persist/database-drafts.ts';
import type { VillageDatabase } from '../profiles/zhejiang-2026/village-database.ts';
import { database, parcels } from '../rules/ydyh/test-support.ts';
import { databaseDrafting } from './database-drafting.ts';
import { START, type DatabaseSessionState } from './database-state.ts';

const SAVE_DELAY_MS = 600;
const SAVE_RETRY_MS = 5_000;

const village = (codes: readonly string[]): VillageDatabase => database({ GHDLTB: parcels('GHDLTB', 'GHDLBM', codes) });
const codesOf = (db: VillageDatabase | null) => db?.layers.GHDLTB?.features.map((f) => f.properties['GHDLBM']);
const toForest = (ref: string) => (db: VillageDatabase) => reclassify(db, [ref], '0301');

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.key}`);
  return result.value;
}

/** The page's session as database-session.ts wires it, with a worker that records what it was told. */
function session(db: VillageDatabase | null = village(['0101', '0103', '0201'])) {
  const store = createStore<DatabaseSessionState>(() => ({ ...START, phase: 'open', source: '甲村', database: db }));
  const told: string[] = [];
  const applyInWorker = vi.fn((_edit: DatabaseEdit, direction: EditDirection) => {
    told.push(`apply ${direction}`);
    return Promise.resolve();
  });
  const recheck = vi.fn(() => {
    told.push('recheck');
    return Promise.resolve();
  });
  return { store, told, applyInWorker, recheck, drafting: databaseDrafting(store, recheck, applyInWorker) };
}

/** Resolves once the store's state passes `done` (at once if it already does). */
function until(store: StoreApi<DatabaseSessionState>, done: (state: DatabaseSessionState) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (done(store.getState())) return resolve();
    const stop = store.subscribe((state) => {
      if (!done(state)) return;
      stop();
      resolve();
    });
  });
}

/** Moves the clock past a save's wait and waits for the save it starts to land or fail. */
async function afterSave(store: StoreApi<DatabaseSessionState>, ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await until(store, (s) => s.saving === 'idle' || s.saving === 'failed');
}

/** What another connection (another tab) reads of the kept plan. */
async function stored(id: DatabaseDraftId) {
  const other = valueOf(await openDatabaseDrafts());
  const read = valueOf(await other.read(id));
  other.close();
  return { revision: read.meta.revision, codes: codesOf(read.database) };
}

async function kept(drafting: ReturnType<typeof session>['drafting']): Promise<DatabaseDraftMeta> {
  return valueOf(await drafting.keep('甲村', 'survey'));
}

/** A full disk, as the first write of a save meets it; the returned spy is restored to make room. */
const diskFull = () =>
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });

beforeEach(() => {
  // Every test starts with no plan kept: a fresh IndexedDB under the real database name.
  vi.stubGlobal('indexedDB', new IDBFactory());
  // Only the save's timers: fake-indexeddb runs its requests on setImmediate, which keeps real time.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('a 2026 plan kept on this computer while it is edited', () => {
  it('keeps the open plan, and says so when no plan is open', async () => {
    const { store, drafting } = session();
    store.setState({ unsaved: true });
    const meta = await kept(drafting);
    expect(store.getState()).toMatchObject({ draft: meta, unsaved: false, saveError: null });
    expect(await stored(meta.id)).toEqual({ revision: 1, codes: ['0101', '0103', '0201'] });

    const empty = session(null);
    expect(await empty.drafting.keep('乙村', 'file')).toEqual({ ok: false, error: { key: 'database.edit.nothingOpen' } });
    expect(empty.store.getState().draft).toBeNull();
  });

  it('refuses an edit of a plan not kept, leaving the plan as it was', async () => {
    const { store, drafting, applyInWorker } = session();
    const before = store.getState().database;
    drafting.edit(toForest('GHDLTB#1'));
    expect(store.getState()).toMatchObject({ database: before, unsaved: false, saving: 'idle', editMessages: { level: 'error', messages: [{ key: 'database.edit.notKept' }] } });
    expect(store.getState().history.done).toEqual([]);
    expect(applyInWorker).not.toHaveBeenCalled();
  });

  it('applies an edit in the page at once, in the worker before the checks, and saves it a moment later', async () => {
    const { store, drafting, applyInWorker, recheck, told } = session();
    const meta = await kept(drafting);
    let workerTookIt!: () => void;
    applyInWorker.mockImplementationOnce((_edit, direction) => {
      told.push(`apply ${direction}`);
      return new Promise<void>((resolve) => (workerTookIt = resolve));
    });
    store.setState({ check: null, tables: null });

    drafting.edit(toForest('GHDLTB#1'));
    const edit = store.getState().history.done[0];
    expect(codesOf(store.getState().database)).toEqual(['0301', '0103', '0201']);
    expect(store.getState()).toMatchObject({ unsaved: true, saving: 'pending', editMessages: null });
    expect(applyInWorker).toHaveBeenCalledWith(edit, 'forward');
    await vi.advanceTimersByTimeAsync(0);
    expect(recheck).not.toHaveBeenCalled();
    workerTookIt();
    await vi.advanceTimersByTimeAsync(0);
    expect(told).toEqual(['apply forward', 'recheck']);

    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 1);
    expect(store.getState().saving).toBe('pending');
    expect(await stored(meta.id)).toEqual({ revision: 1, codes: ['0101', '0103', '0201'] });
    await afterSave(store, 1);
    expect(store.getState()).toMatchObject({ saving: 'idle', unsaved: false, saveError: null, draft: { id: meta.id, revision: 2 } });
    expect(await stored(meta.id)).toEqual({ revision: 2, codes: ['0301', '0103', '0201'] });
  });

  it('gathers quick edits into one save', async () => {
    const { store, drafting } = session();
    const meta = await kept(drafting);
    drafting.edit(toForest('GHDLTB#1'));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 100);
    drafting.edit(toForest('GHDLTB#2'));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 100);
    drafting.edit(toForest('GHDLTB#3'));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 1);
    expect(store.getState().saving).toBe('pending');

    await afterSave(store, 1);
    await vi.advanceTimersByTimeAsync(SAVE_RETRY_MS * 2);
    expect(store.getState()).toMatchObject({ saving: 'idle', unsaved: false, draft: { revision: 2 } });
    expect(await stored(meta.id)).toEqual({ revision: 2, codes: ['0301', '0301', '0301'] });
    expect(store.getState().history.done).toHaveLength(3);
  });

  it('saves an edit made while the one before is written, after it, over the revision it left', async () => {
    const { store, drafting } = session();
    const meta = await kept(drafting);
    drafting.edit(toForest('GHDLTB#1'));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(store.getState().saving).toBe('saving');
    drafting.edit(toForest('GHDLTB#2'));
    await until(store, (s) => s.draft?.revision === 2);
    expect(store.getState()).toMatchObject({ saving: 'pending', unsaved: true, saveError: null });

    await afterSave(store, SAVE_DELAY_MS);
    expect(store.getState()).toMatchObject({ saving: 'idle', unsaved: false, draft: { revision: 3 } });
    expect(await stored(meta.id)).toEqual({ revision: 3, codes: ['0301', '0301', '0201'] });
  });

  it('undoes and redoes in the page and the worker, and saves where it ends', async () => {
    const { store, drafting, applyInWorker } = session();
    const meta = await kept(drafting);
    const opened = store.getState().database;
    drafting.undo();
    drafting.redo();
    expect(store.getState()).toMatchObject({ database: opened, saving: 'idle', unsaved: false });
    expect(applyInWorker).not.toHaveBeenCalled();

    drafting.edit(toForest('GHDLTB#1'));
    const edit = store.getState().history.done[0];
    drafting.undo();
    expect(codesOf(store.getState().database)).toEqual(['0101', '0103', '0201']);
    expect(store.getState().history).toEqual({ done: [], undone: [edit] });
    drafting.undo();
    expect(store.getState().history).toEqual({ done: [], undone: [edit] });
    drafting.redo();
    expect(codesOf(store.getState().database)).toEqual(['0301', '0103', '0201']);
    expect(store.getState().history).toEqual({ done: [edit], undone: [] });
    expect(applyInWorker.mock.calls).toEqual([
      [edit, 'forward'],
      [edit, 'back'],
      [edit, 'forward'],
    ]);

    drafting.undo();
    await afterSave(store, SAVE_DELAY_MS);
    expect(store.getState()).toMatchObject({ saving: 'idle', unsaved: false });
    expect(await stored(meta.id)).toEqual({ revision: 2, codes: ['0101', '0103', '0201'] });
  });

  it('says why an edit is refused or changes nothing, and saves nothing', async () => {
    const { store, drafting, applyInWorker } = session(database({ GHDLTB: parcels('GHDLTB', 'GHDLBM', ['0301'], { GHDLMC: '乔木林地' }) }));
    const meta = await kept(drafting);
    const before = store.getState().database;
    drafting.edit((db) => reclassify(db, ['GHDLTB#1'], '9999'));
    expect(store.getState()).toMatchObject({ database: before, saving: 'idle', unsaved: false, editMessages: { level: 'error', messages: [{ key: 'databaseEdit.reclassify.unknownCode', params: { code: '9999' } }] } });

    drafting.edit(toForest('GHDLTB#1'));
    expect(store.getState()).toMatchObject({ database: before, saving: 'idle', unsaved: false, editMessages: { level: 'warning', messages: [{ key: 'databaseEdit.nothingChanged' }] } });

    await vi.advanceTimersByTimeAsync(SAVE_RETRY_MS * 2);
    expect(applyInWorker).not.toHaveBeenCalled();
    expect(store.getState().history.done).toEqual([]);
    expect(await stored(meta.id)).toEqual({ revision: 1, codes: ['0301'] });
  });

  it('keeps the edit in the page when the disk is full, and saves it once there is room', async () => {
    const { store, drafting } = session();
    const meta = await kept(drafting);
    drafting.edit(toForest('GHDLTB#1'));
    const full = diskFull();
    await afterSave(store, SAVE_DELAY_MS);
    expect(store.getState()).toMatchObject({ saving: 'failed', unsaved: true, saveError: { key: 'databaseDrafts.write.quota' }, draft: { revision: 1 } });
    expect(codesOf(store.getState().database)).toEqual(['0301', '0103', '0201']);

    full.mockRestore();
    await vi.advanceTimersByTimeAsync(SAVE_RETRY_MS - 1);
    expect(store.getState().saving).toBe('failed');
    await afterSave(store, 1);
    expect(store.getState()).toMatchObject({ saving: 'idle', unsaved: false, saveError: null, draft: { revision: 2 } });
    expect(await stored(meta.id)).toEqual({ revision: 2, codes: ['0301', '0103', '0201'] });
  });

  it('never saves over a plan another tab saved meanwhile, and does not retry', async () => {
    const { store, drafting } = session();
    const meta = await kept(drafting);
    const otherTab: DatabaseDrafts = valueOf(await openDatabaseDrafts());
    valueOf(await otherTab.save(meta.id, village(['1101', '1101', '1101']), meta.revision));
    otherTab.close();

    drafting.edit(toForest('GHDLTB#1'));
    await afterSave(store, SAVE_DELAY_MS);
    expect(store.getState()).toMatchObject({ saving: 'failed', unsaved: true, saveError: { key: 'databaseDrafts.save.stale', params: { name: '甲村' } } });
    const tried: DatabaseSessionState['saving'][] = [];
    store.subscribe((state) => tried.push(state.saving));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(tried).toEqual([]);
    expect(store.getState()).toMatchObject({ saving: 'failed', unsaved: true, saveError: { key: 'databaseDrafts.save.stale' } });
    expect(await stored(meta.id)).toEqual({ revision: 2, codes: ['1101', '1101', '1101'] });
  });
});

describe('the undo history of a kept plan across a reload', () => {
  /** The page after a reload, opening the kept plan as database-session.ts `openDraft` does. */
  async function reloaded(id: DatabaseDraftId) {
    const page = session(null);
    const read = valueOf(await page.drafting.read(id));
    page.store.setState({ draft: read.meta, history: read.history, database: read.database, notes: read.notes });
    return page;
  }

  it('undoes and redoes after a reload exactly as before it, and keeps where it ends', async () => {
    const before = session();
    const meta = await kept(before.drafting);
    before.drafting.edit(toForest('GHDLTB#1'));
    before.drafting.edit(toForest('GHDLTB#2'));
    before.drafting.edit(toForest('GHDLTB#3'));
    before.drafting.undo();
    await afterSave(before.store, SAVE_DELAY_MS);
    const { history } = before.store.getState();

    const after = await reloaded(meta.id);
    expect(after.store.getState()).toMatchObject({ notes: [], history: { done: history.done, undone: history.undone } });
    expect(codesOf(after.store.getState().database)).toEqual(['0301', '0301', '0201']);
    after.drafting.redo();
    expect(codesOf(after.store.getState().database)).toEqual(['0301', '0301', '0301']);
    after.drafting.undo();
    after.drafting.undo();
    after.drafting.undo();
    expect(codesOf(after.store.getState().database)).toEqual(['0101', '0103', '0201']);
    after.drafting.undo();
    expect(after.store.getState().history.done).toEqual([]);
    after.drafting.redo();
    expect(codesOf(after.store.getState().database)).toEqual(['0301', '0103', '0201']);
    expect(after.applyInWorker.mock.calls.map(([, direction]) => direction)).toEqual(['forward', 'back', 'back', 'back', 'forward']);
    await afterSave(after.store, SAVE_DELAY_MS);
    expect(after.store.getState()).toMatchObject({ saving: 'idle', unsaved: false, draft: { revision: 3 } });

    const again = await reloaded(meta.id);
    expect(codesOf(again.store.getState().database)).toEqual(['0301', '0103', '0201']);
    expect(again.store.getState().history.done).toHaveLength(1);
    expect(again.store.getState().history.undone).toHaveLength(2);
    again.drafting.redo();
    again.drafting.redo();
    expect(codesOf(again.store.getState().database)).toEqual(['0301', '0301', '0301']);
  });

  it('opens the plan with no history and a note when the kept history was saved with another plan', async () => {
    const { store, drafting } = session();
    const meta = await kept(drafting);
    drafting.edit(toForest('GHDLTB#1'));
    await afterSave(store, SAVE_DELAY_MS);
    // Another version of the app saves the plan as it was before the edit, keeping this history.
    const other = valueOf(await openDatabaseDrafts());
    valueOf(await other.save(meta.id, village(['0101', '0103', '0201']), 2, store.getState().history));
    other.close();

    const after = await reloaded(meta.id);
    expect(after.store.getState()).toMatchObject({ history: { done: [], undone: [] }, notes: [{ key: 'databaseDrafts.history.dropped', params: { name: '甲村' } }] });
    expect(codesOf(after.store.getState().database)).toEqual(['0101', '0103', '0201']);
    after.drafting.undo();
    expect(codesOf(after.store.getState().database)).toEqual(['0101', '0103', '0201']);
    expect(after.applyInWorker).not.toHaveBeenCalled();
  });
});
