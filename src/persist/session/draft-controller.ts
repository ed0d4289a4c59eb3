/**
 * The open draft of this tab: reads it into the plan store, saves every change (draft writer), and keeps
 * tabs in step: one tab edits (it holds the draft's Web Lock), the others follow its saves and can take
 * over. A new plan (the sample, a plan file) becomes a draft once the map is up, so storing it never
 * delays the first picture.
 */
import { EMPTY_HISTORY } from '../../commands/history.ts';
import { failure, type Message, type Result } from '../../domain/message.ts';
import type { Plan } from '../../domain/plan.ts';
import type { Editor } from '../../store/editor.ts';
import { withStats } from '../draft-record.ts';
import { createDraft, isolateDamaged } from '../draft-store.ts';
import { attachDraftWriter, type DraftWriter, type SaveReport } from '../draft-writer.ts';
import { DraftLedger } from '../ledger.ts';
import { beforeUpgradeClose, draftsDb, type DraftsDb } from '../open-drafts-db.ts';
import { quarantineIdsIn, tidyQuarantine } from '../quarantine.ts';
import { readDraft, type LoadedDraft } from '../read-draft.ts';
import { newDraftId, type DraftId, type DraftOrigin } from '../schema.ts';
import { classifyWriteError } from '../storage-errors.ts';
import { requestPersistence, storageInfo } from '../storage-info.ts';
import { openDraftChannel, type DraftChannel, type DraftMessage } from '../tabs/draft-channel.ts';
import { WEB_LOCKS, type DraftLocks, type HeldLock } from '../tabs/draft-lock.ts';
import { createDraftsStore, type DraftsState } from './drafts-state.ts';

/** Saves with more features than this reach other tabs as "read the draft again". */
const BROADCAST_FEATURES_MAX = 1000;

export interface DraftControllerOptions {
  readonly editor: Pick<Editor, 'plan' | 'messages'>;
  readonly db?: () => Promise<Result<DraftsDb>>;
  readonly locks?: DraftLocks;
  readonly channel?: (onMessage: (message: DraftMessage) => void) => DraftChannel;
  /** Called once the open plan is stored as `draftId` (the page puts it in its URL). */
  readonly onStored?: (draftId: DraftId) => void;
  /** Batching of saves (tests write at once); the default is per animation frame. */
  readonly schedule?: (run: () => void) => void;
  /** How long a take-over waits for the editing tab to answer before taking the lock anyway. */
  readonly takeOverWaitMs?: number;
}

const READ_ONLY: Message = { key: 'drafts.tabs.readOnly' };

export function createDraftController(options: DraftControllerOptions) {
  const { editor } = options;
  const locks = options.locks ?? WEB_LOCKS;
  const store = createDraftsStore();
  const set = (next: Partial<DraftsState>) => store.setState(next);
  const openDb = options.db ?? draftsDb;
  // Another tab upgrading the database waits for this tab's pending saves before the connection closes.
  const unregisterClose = options.db ? () => undefined : beforeUpgradeClose(() => writer?.flush() ?? Promise.resolve());

  let draftId: DraftId | null = null;
  let newDraft: { readonly id: DraftId; readonly origin: DraftOrigin; readonly name?: string } | null = null;
  let writer: DraftWriter | null = null;
  let held: HeldLock | null = null;
  let lastSave: SaveReport | null = null;
  /** The last revision of the draft this tab has shown, while another tab edits it. */
  let followRevision = 0;
  /** Messages that arrived while the draft was still being read. */
  let early: DraftMessage[] = [];
  /** Follower work (applying saves, re-reading) runs one piece at a time, in order. */
  let following: Promise<void> = Promise.resolve();
  const answers = new Set<(message: DraftMessage) => void>();
  let markReady = () => undefined as void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const channel = (options.channel ?? openDraftChannel)(onMessage);

  async function database(): Promise<DraftsDb | null> {
    const opened = await openDb();
    if (opened.ok) return opened.value;
    set({ role: 'unsaved', save: { kind: 'unavailable', error: opened.error } });
    return null;
  }


  /** Opens a stored draft in the editor: to edit if no other tab does, else to follow that tab. */
  async function openDraft(id: DraftId): Promise<Result<null>> {
    const db = await database();
    if (!db) return failure('drafts.open.noStorage');
    draftId = id;
    // Reading does not need the lock; whether this tab edits or follows is decided once both are in.
    const [lock, loaded] = await Promise.all([locks.tryLock(id), readDraft(db, id)]);
    if (!loaded.ok || loaded.value.info.deletedAt !== null) {
      lock?.release();
      draftId = null;
      return loaded.ok ? failure('drafts.open.inTrash') : loaded;
    }
    if (lock) {
      editor.plan.loadSaved(loaded.value.plan, loaded.value.history);
      becomeEditor(db, lock, loaded.value);
    } else {
      editor.plan.loadSaved(loaded.value.plan, EMPTY_HISTORY);
      set({ draft: loaded.value.info, save: { kind: 'saved', at: loaded.value.info.updatedAt } });
      becomeFollower(loaded.value.info.revision);
    }
    return { ok: true, value: null, notes: loaded.value.notes };
  }

  function becomeEditor(db: DraftsDb, lock: HeldLock, loaded: LoadedDraft): void {
    held = lock;
    // Whatever other tabs said before this one held the lock was meant for the tab that held it then.
    early = [];
    editor.plan.setReadOnly(null);
    const { info, damaged, droppedSteps, ledger } = loaded;
    // The damage is already left out of the plan; if moving it aside fails, the next opening finds it,
    // reports it and tries again. Either way the quarantine panel reads the store again afterwards.
    void isolateDamaged(db, info.id, damaged, droppedSteps)
      .then(() => tidyQuarantine(db, info.id, quarantineIdsIn(loaded.history)))
      .catch(() => undefined)
      .finally(() => set({ quarantineStamp: store.getState().quarantineStamp + 1 }));
    attachWriter(db, info.id, ledger, info.revision, damaged.some((d) => d.store === 'planMeta'));
    set({ role: 'editing', draft: info, save: { kind: 'saved', at: info.updatedAt } });
    void lock.lost.then(() => {
      if (held === lock) lockLost();
    });
  }

  function attachWriter(db: DraftsDb, id: DraftId, ledger: DraftLedger, revision: number, rewriteMeta: boolean, startAfter?: Promise<unknown>): void {
    writer = attachDraftWriter({
      db,
      draftId: id,
      plan: editor.plan,
      ledger,
      revision,
      rewriteMeta,
      ...(options.schedule ? { schedule: options.schedule } : {}),
      ...(startAfter ? { startAfter } : {}),
      onState: (save) => set({ save }),
      onSaved(report) {
        lastSave = report;
        const draft = store.getState().draft;
        if (draft) set({ draft: withStats(draft, report.stats) });
        // A big save (an import) is announced without its values: cloning thousands of features for the
        // other tabs costs this tab more than their reading the draft again.
        const big = report.patch.features.length > BROADCAST_FEATURES_MAX;
        channel.post({ kind: 'saved', draftId: id, revision: report.stats.revision, patch: big ? { features: [] } : report.patch, whole: report.whole || big });
      },
    });
  }

  function becomeFollower(revision: number): void {
    followRevision = revision;
    editor.plan.setReadOnly(READ_ONLY);
    set({ role: 'elsewhere' });
    const waiting = early;
    early = [];
    waiting.forEach(onMessage);
  }

  /** A plan that is not stored yet (the sample on a first visit, a plan file): shown now, stored later. */
  function startNew(plan: Plan, origin: DraftOrigin, name?: string): void {
    newDraft = { id: newDraftId(), origin, ...(name ? { name } : {}) };
    editor.plan.load(plan);
    set({ role: 'editing', save: { kind: 'pending' } });
  }

  /** Nothing to store (the plan to open could not be read): say so instead of "saving". */
  function startUnsaved(reason: Message): void {
    set({ role: 'unsaved', save: { kind: 'unavailable', error: reason } });
  }

  /** Writes the new plan as a draft; changes made meanwhile follow through the writer. */
  async function storeNew(): Promise<void> {
    const pending = newDraft;
    newDraft = null;
    if (!pending) return;
    const db = await database();
    if (!db) return;
    const lock = await locks.tryLock(pending.id);
    const ledger = new DraftLedger();
    const { plan, history } = editor.plan.getState();
    const creating = createDraft(db, { id: pending.id, plan, history, origin: pending.origin, ...(pending.name ? { name: pending.name } : {}) }, Date.now(), ledger);
    draftId = pending.id;
    // A new draft is stored at revision 1 (draft-store.ts `createDraft`).
    attachWriter(db, pending.id, ledger, 1, false, creating);
    try {
      const created = await creating;
      held = lock;
      set({ draft: created.info, ...(writer?.hasPending() ? {} : { save: { kind: 'saved', at: created.info.updatedAt } }) });
      if (lock) void lock.lost.then(() => held === lock && lockLost());
      options.onStored?.(pending.id);
      channel.post({ kind: 'listChanged' });
    } catch (error) {
      writer?.detach();
      writer = null;
      draftId = null;
      lock?.release();
      set({ role: 'unsaved', save: { kind: 'failed', reason: classifyWriteError(error), detail: String(error) } });
    }
  }

  /** Another tab stole the lock (this one did not answer): stop writing at once, follow that tab. */
  function lockLost(): void {
    const unsaved = writer?.hasPending() ?? false;
    writer?.detach();
    writer = null;
    held = null;
    editor.plan.adoptHistory(EMPTY_HISTORY);
    becomeFollower(store.getState().draft?.revision ?? 0);
    if (unsaved) editor.messages.toast('error', { key: 'drafts.tabs.lostUnsaved' });
  }

  function onMessage(message: DraftMessage): void {
    if (message.kind === 'listChanged') return;
    if (message.draftId !== draftId) return;
    if (message.kind === 'versionsChanged') {
      set({ versionsStamp: store.getState().versionsStamp + 1 });
      return;
    }
    const role = store.getState().role;
    if (role === 'starting') {
      early.push(message);
      return;
    }
    answers.forEach((answer) => answer(message));
    if (message.kind === 'releaseRequest' && role === 'editing' && writer) void release();
    if (message.kind === 'saved' && (role === 'elsewhere' || role === 'takingOver')) {
      following = following.then(() => follow(message));
    }
  }

  async function follow(message: Extract<DraftMessage, { kind: 'saved' }>): Promise<void> {
    if (message.revision <= followRevision || !draftId) return;
    if (message.revision === followRevision + 1 && !message.whole) {
      editor.plan.applyExternal(message.patch);
      followRevision = message.revision;
      const draft = store.getState().draft;
      if (draft) set({ draft: { ...draft, revision: message.revision, updatedAt: Date.now() } });
      return;
    }
    // A save was missed (or the whole draft was rewritten): read the draft again.
    const db = await database();
    const loaded = db ? await readDraft(db, draftId) : null;
    if (!loaded?.ok) return;
    editor.plan.loadSaved(loaded.value.plan, EMPTY_HISTORY);
    followRevision = loaded.value.info.revision;
    set({ draft: loaded.value.info });
  }

  /** Asked by another tab: save everything, then hand over the lock; refuse if the save fails. */
  async function release(): Promise<void> {
    const current = writer;
    if (!current || !held) return;
    editor.plan.setReadOnly(READ_ONLY);
    await current.flush();
    if (current.hasPending() || !draftId) {
      editor.plan.setReadOnly(null);
      channel.post({ kind: 'releaseRefused', draftId: draftId ?? '' });
      editor.messages.toast('error', { key: 'drafts.tabs.cannotRelease' });
      return;
    }
    current.detach();
    writer = null;
    const lock = held;
    held = null;
    lock.release();
    editor.plan.adoptHistory(EMPTY_HISTORY);
    const revision = store.getState().draft?.revision ?? 0;
    becomeFollower(revision);
    channel.post({ kind: 'released', draftId, revision });
  }

  /** The planner chose to edit here: ask the editing tab to hand over, or take the lock if it is silent. */
  async function takeOver(): Promise<Result<null>> {
    const id = draftId;
    const db = await database();
    if (!id || !db || store.getState().role !== 'elsewhere') return failure('drafts.tabs.cannotTakeOver');
    set({ role: 'takingOver' });
    const abort = new AbortController();
    let abandoned = false;
    const waiting = locks.lock(id, { signal: abort.signal }).then((lock) => {
      if (abandoned) lock.release();
      return lock;
    });
    const answer = new Promise<'released' | 'refused' | 'silent'>((resolve) => {
      const listener = (message: DraftMessage) => {
        if (message.kind === 'released') resolve('released');
        if (message.kind === 'releaseRefused') resolve('refused');
      };
      answers.add(listener);
      setTimeout(() => resolve('silent'), options.takeOverWaitMs ?? 3000);
      void waiting.then(() => resolve('released'), () => undefined);
      void waiting.finally(() => answers.delete(listener)).catch(() => undefined);
    });
    channel.post({ kind: 'releaseRequest', draftId: id });
    const outcome = await answer;
    let lock: HeldLock;
    if (outcome === 'refused') {
      abandoned = true;
      abort.abort();
      await waiting.catch(() => undefined);
      set({ role: 'elsewhere' });
      return failure('drafts.tabs.otherCannotSave');
    }
    if (outcome === 'silent') {
      abandoned = true;
      abort.abort();
      await waiting.catch(() => undefined);
      lock = await locks.lock(id, { steal: true });
    } else {
      lock = await waiting;
    }
    await following;
    const loaded = await readDraft(db, id);
    if (!loaded.ok) {
      lock.release();
      set({ role: 'elsewhere' });
      return loaded;
    }
    // Usually this tab already shows the saved plan; then only the undo history is taken over.
    if (loaded.value.info.revision === followRevision) editor.plan.adoptHistory(loaded.value.history);
    else editor.plan.loadSaved(loaded.value.plan, loaded.value.history);
    becomeEditor(db, lock, loaded.value);
    return { ok: true, value: null, notes: loaded.value.notes };
  }

  return {
    store,
    getState: store.getState,
    subscribe: store.subscribe,
    openDraft,
    startNew,
    startUnsaved,
    /** The map has drawn the plan: store a new plan, ask for persistent storage, read the usage. */
    async editorReady(): Promise<void> {
      await storeNew();
      await requestPersistence();
      set({ storage: await storageInfo() });
      markReady();
    },
    /** Resolves once `editorReady` has done its work (the page is up; background work may start). */
    whenReady: (): Promise<void> => ready,
    takeOver,
    /** Saves what is pending now (before a version, an export, leaving the page). */
    flush: (): Promise<void> => writer?.flush() ?? Promise.resolve(),
    hasUnsaved: (): boolean => writer?.hasPending() ?? false,
    async refreshStorage(): Promise<void> {
      set({ storage: await storageInfo() });
    },
    draftId: (): DraftId | null => draftId,
    database,
    /** Tells other tabs (start pages, versions panels) that the list of drafts or versions changed. */
    announce(message: DraftMessage): void {
      channel.post(message);
      if (message.kind === 'versionsChanged' && message.draftId === draftId) set({ versionsStamp: store.getState().versionsStamp + 1 });
    },
    setVersionsOpen: (versionsOpen: boolean) => set({ versionsOpen }),
    /** The last completed save (for the benchmark). */
    lastSave: (): SaveReport | null => lastSave,
    dispose(): void {
      unregisterClose();
      writer?.detach();
      held?.release();
      channel.close();
    },
  };
}

export type DraftController = ReturnType<typeof createDraftController>;
