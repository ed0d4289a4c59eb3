/**
 * Two tabs on one draft (two controllers sharing a database, in-memory locks, a real BroadcastChannel):
 * one edits, the other follows and refuses edits, taking over hands the lock and the undo history across,
 * and no saved change is lost on the way.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serialisePlan } from '../../domain/plan-file.ts';
import { createMessagesStore } from '../../store/messages.store.ts';
import { createPlanStore } from '../../store/plan.store.ts';
import { createDraft } from '../draft-store.ts';
import { MIGRATIONS } from '../migrations/index.ts';
import { draftsDb, openDraftsDb } from '../open-drafts-db.ts';
import { readDraft } from '../read-draft.ts';
import type { DraftChannel, DraftMessage } from '../tabs/draft-channel.ts';
import type { DraftLocks } from '../tabs/draft-lock.ts';
import { moveVertex, openTestDb, soon, testPlan, uniqueDbName } from '../test-support.ts';
import { createDraftController } from './draft-controller.ts';
import { memoryLocks } from './test-locks.ts';

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 3000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function tab(name: string, locks: DraftLocks, options: { deaf?: boolean; waitMs?: number } = {}) {
  const editor = { plan: createPlanStore(), messages: createMessagesStore() };
  const drafts = createDraftController({
    editor,
    db: () => openDraftsDb({ name }),
    locks,
    schedule: soon,
    takeOverWaitMs: options.waitMs ?? 100,
    // A hung tab: it neither hears nor answers.
    ...(options.deaf ? { channel: (): DraftChannel => ({ post: () => undefined, close: () => undefined }) } : {}),
  });
  return { editor, drafts };
}

async function storedDraft() {
  const name = uniqueDbName();
  const db = await openTestDb(name);
  const { info } = await createDraft(db, { plan: testPlan(6), origin: { kind: 'sample' } });
  return { name, db, id: info.id };
}

describe('a newer version of the app in another tab', () => {
  it('waits for this tab’s pending save before the database is upgraded', async () => {
    // The app's own connection (draftsDb) on the default database name, as in the browser.
    const setup = await draftsDb();
    if (!setup.ok) throw new Error(setup.error.key);
    const { info } = await createDraft(setup.value, { plan: testPlan(4), origin: { kind: 'sample' } });
    const editor = { plan: createPlanStore(), messages: createMessagesStore() };
    // A batch that is never scheduled on its own: only the close for the upgrade can write it.
    const drafts = createDraftController({ editor, locks: memoryLocks(), schedule: () => undefined });
    await drafts.openDraft(info.id);
    editor.plan.execute(moveVertex(editor.plan.getState().plan, 'd-1', 1e-5));
    expect(drafts.hasUnsaved()).toBe(true);

    const upgraded = await openDraftsDb({ migrations: [...MIGRATIONS, { version: 2, description: 'a later version', upgrade: async () => undefined }] });
    if (!upgraded.ok) throw new Error(upgraded.error.key);
    const stored = await readDraft(upgraded.value, info.id);
    expect(stored.ok && serialisePlan(stored.value.plan)).toBe(serialisePlan(editor.plan.getState().plan));
    upgraded.value.close();
    drafts.dispose();
  });
});

describe('one draft in two tabs', () => {
  it('lets one tab edit, shows its saves in the other, and hands over without losing a write', async () => {
    const { name, db, id } = await storedDraft();
    const locks = memoryLocks();
    const a = tab(name, locks);
    const b = tab(name, locks);
    await a.drafts.openDraft(id);
    await b.drafts.openDraft(id);
    expect(a.drafts.getState().role).toBe('editing');
    expect(b.drafts.getState().role).toBe('elsewhere');

    const refused = b.editor.plan.execute(moveVertex(b.editor.plan.getState().plan, 'd-1', 1e-5));
    expect(refused).toEqual({ ok: false, message: { key: 'drafts.tabs.readOnly' } });

    a.editor.plan.execute(moveVertex(a.editor.plan.getState().plan, 'd-1', 1e-5));
    a.editor.plan.execute(moveVertex(a.editor.plan.getState().plan, 'b-1', 1e-5));
    await a.drafts.flush();
    await until(() => serialisePlan(b.editor.plan.getState().plan) === serialisePlan(a.editor.plan.getState().plan), 'tab B to show A’s edits');

    // B takes over while A still has an edit waiting to be saved: A saves it first, then lets go.
    a.editor.plan.execute(moveVertex(a.editor.plan.getState().plan, 'b-2', 1e-5));
    const taken = await b.drafts.takeOver();
    expect(taken.ok).toBe(true);
    expect(b.drafts.getState().role).toBe('editing');
    expect(a.drafts.getState().role).toBe('elsewhere');
    expect(serialisePlan(b.editor.plan.getState().plan)).toBe(serialisePlan(a.editor.plan.getState().plan));
    expect(b.editor.plan.getState().history.undo).toHaveLength(3);

    b.editor.plan.undo();
    b.editor.plan.execute(moveVertex(b.editor.plan.getState().plan, 'b-4', 1e-5));
    await b.drafts.flush();
    await until(() => serialisePlan(a.editor.plan.getState().plan) === serialisePlan(b.editor.plan.getState().plan), 'tab A to show B’s edits');

    const stored = await readDraft(db, id);
    expect(stored.ok && serialisePlan(stored.value.plan)).toBe(serialisePlan(b.editor.plan.getState().plan));
    a.drafts.dispose();
    b.drafts.dispose();
  });

  it('takes the lock from a tab that does not answer; that tab stops writing and follows', async () => {
    const { name, id } = await storedDraft();
    const locks = memoryLocks();
    const hung = tab(name, locks, { deaf: true });
    const other = tab(name, locks);
    await hung.drafts.openDraft(id);
    await other.drafts.openDraft(id);
    const taken = await other.drafts.takeOver();
    expect(taken.ok).toBe(true);
    expect(other.drafts.getState().role).toBe('editing');
    await until(() => hung.drafts.getState().role === 'elsewhere', 'the hung tab to give up editing');
    expect(hung.editor.plan.execute(moveVertex(hung.editor.plan.getState().plan, 'd-1', 1e-5)).ok).toBe(false);
    hung.drafts.dispose();
    other.drafts.dispose();
  });

  it('stores a new plan as a draft once the editor is ready, keeping edits made before that', async () => {
    const name = uniqueDbName();
    const editor = { plan: createPlanStore(), messages: createMessagesStore() };
    const stored: string[] = [];
    const withUrl = createDraftController({ editor, db: () => openDraftsDb({ name }), locks: memoryLocks(), schedule: soon, onStored: (id) => stored.push(id) });
    withUrl.startNew(testPlan(3), { kind: 'sample' });
    expect(withUrl.getState().save).toEqual({ kind: 'pending' });
    editor.plan.execute(moveVertex(editor.plan.getState().plan, 'd-1', 1e-5));
    await withUrl.editorReady();
    expect(stored).toHaveLength(1);
    editor.plan.execute(moveVertex(editor.plan.getState().plan, 'b-0', 1e-5));
    await withUrl.flush();
    expect(withUrl.getState().save).toMatchObject({ kind: 'saved' });
    const db = await openTestDb(name);
    const loaded = await readDraft(db, stored[0] as never);
    expect(loaded.ok && serialisePlan(loaded.value.plan)).toBe(serialisePlan(editor.plan.getState().plan));
    expect(loaded.ok && loaded.value.history.undo).toHaveLength(2);
    withUrl.dispose();
  });
});

describe('a take-over', () => {
  /** A take-over's wait that never runs out within a test: only an answer or `dispose` ends it. */
  const LONG = 60_000;

  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Whether every timer of `LONG` ms started since the spies were set has been cleared. */
  function timers() {
    const started = vi.spyOn(globalThis, 'setTimeout');
    const cleared = vi.spyOn(globalThis, 'clearTimeout');
    return () => {
      const waits = started.mock.calls.flatMap((call, i) => (call[1] === LONG ? [started.mock.results[i]?.value as unknown] : []));
      return { waits: waits.length, cleared: waits.every((t) => cleared.mock.calls.some((call) => call[0] === t)) };
    };
  }

  it('stops its timer once the editing tab has answered', async () => {
    const { name, id } = await storedDraft();
    const locks = memoryLocks();
    const a = tab(name, locks);
    const b = tab(name, locks, { waitMs: LONG });
    await a.drafts.openDraft(id);
    await b.drafts.openDraft(id);
    const check = timers();
    expect((await b.drafts.takeOver()).ok).toBe(true);
    expect(check()).toEqual({ waits: 1, cleared: true });
    a.drafts.dispose();
    b.drafts.dispose();
  });

  it('stops waiting when the tab is closed, leaving the lock where it was', async () => {
    const { name, id } = await storedDraft();
    const locks = memoryLocks();
    const hung = tab(name, locks, { deaf: true });
    const other = tab(name, locks, { waitMs: LONG });
    await hung.drafts.openDraft(id);
    await other.drafts.openDraft(id);
    const check = timers();
    const taking = other.drafts.takeOver();
    await until(() => other.drafts.getState().role === 'takingOver', 'the take-over to start');
    other.drafts.dispose();
    expect(await taking).toEqual({ ok: false, error: { key: 'drafts.tabs.cannotTakeOver' } });
    expect(check()).toEqual({ waits: 1, cleared: true });
    expect(hung.drafts.getState().role).toBe('editing');
    expect(await locks.isLocked(id)).toBe(true);
    expect(hung.editor.plan.execute(moveVertex(hung.editor.plan.getState().plan, 'd-1', 1e-5)).ok).toBe(true);
    hung.drafts.dispose();
  });

  it('is answered once when asked twice while the editing tab is still saving', async () => {
    const { name, id } = await storedDraft();
    const a = tab(name, memoryLocks());
    await a.drafts.openDraft(id);
    a.editor.plan.execute(moveVertex(a.editor.plan.getState().plan, 'd-1', 1e-5));
    const answers: DraftMessage[] = [];
    const asking = new BroadcastChannel('village-plan-drafts');
    asking.onmessage = (event: MessageEvent<DraftMessage>) => {
      if (event.data.kind === 'released' || event.data.kind === 'releaseRefused') answers.push(event.data);
    };
    asking.postMessage({ kind: 'releaseRequest', draftId: id } satisfies DraftMessage);
    asking.postMessage({ kind: 'releaseRequest', draftId: id } satisfies DraftMessage);
    await until(() => answers.length > 0 && a.drafts.getState().role === 'elsewhere', 'tab A to hand over');
    // A second answer would follow the first save's end at once; give it the time of a few messages.
    await new Promise((r) => setTimeout(r, 50));
    expect(answers).toEqual([{ kind: 'released', draftId: id, revision: 2 }]);
    asking.close();
    a.drafts.dispose();
  });
});
