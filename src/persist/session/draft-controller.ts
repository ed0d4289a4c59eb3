/**
 * The open draft of this tab: reads it into the plan store, saves every change (draft writer), and keeps
 * tabs in step: one tab edits (it holds the draft's Web Lock), the others follow its saves and can take
 * over. What the tab is doing is one `TabState` (tab-state.ts); this module runs the effects of its
 * transitions. A new plan (the sample, a plan file) becomes a draft once the map is up, so storing it never
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
import { draftIdOf, isFollowing, isWriting, reaction, roleOf, step, type TabEvent, type TabState, type WritingState } from './tab-state.ts';

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

type SavedMessage = Extract<DraftMessage, { kind: 'saved' }>;

export function createDraftController(options: DraftControllerOptions) {
  const { editor } = options;
  const locks = options.locks ?? WEB_LOCKS;
  const store = createDraftsStore();
  const set = (next: Partial<DraftsState>) => store.setState(next);
  const openDb = options.db ?? draftsDb;
  let tab: TabState = { kind: 'idle' };
  /** The state now. Read through a call: the tab moves while an await is pending, which the compiler's
   * narrowing of `tab` after a check does not see. */
  const state = (): TabState => tab;
  // Another tab upgrading the database waits for this tab's pending saves before the connection closes.
  const unregisterClose = options.db ? () => undefined : beforeUpgradeClose(() => flush());
  let lastSave: SaveReport | null = null;
  /** Follower work (applying saves, re-reading) runs one piece at a time, in order. */
  let followQueue: Promise<void> = Promise.resolve();
  /** Who waits for the editing tab's answer to a take-over (`released`, `releaseRefused`). */
  const answers = new Set<(message: DraftMessage) => void>();
  /** Aborted by `dispose`: a take-over still waiting stops waiting. */
  const life = new AbortController();
  let markReady = () => undefined as void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const channel = (options.channel ?? openDraftChannel)(onMessage);

  /** Moves the tab to its next state and tells the UI its role, with `also` in the same update. */
  function move(event: TabEvent, also: Partial<DraftsState> = {}): void {
    tab = step(tab, event);
    const role = roleOf(tab);
    const next = role === store.getState().role ? also : { ...also, role };
    if (Object.keys(next).length > 0) set(next);
  }

  const flush = (): Promise<void> => {
    const now = state();
    return isWriting(now) ? now.writer.flush() : Promise.resolve();
  };

  async function database(): Promise<DraftsDb | null> {
    const opened = await openDb();
    if (opened.ok) return opened.value;
    // With no draft yet nothing will be stored; an open draft stays open and its save status says why.
    move({ type: 'unsaved' }, { save: { kind: 'unavailable', error: opened.error } });
    return null;
  }

  /** Opens a stored draft in the editor: to edit if no other tab does, else to follow that tab. */
  async function openDraft(id: DraftId): Promise<Result<null>> {
    const db = await database();
    if (!db) return failure('drafts.open.noStorage');
    if (state().kind !== 'idle') throw new Error(`openDraft in state ${state().kind}`);
    move({ type: 'open', draftId: id });
    // Reading does not need the lock; whether this tab edits or follows is decided once both are in.
    const [lock, loaded] = await Promise.all([locks.tryLock(id), readDraft(db, id)]);
    if (state().kind === 'closed') {
      // Disposed while reading: nothing is opened.
      lock?.release();
      return failure('drafts.open.noStorage');
    }
    if (!loaded.ok || loaded.value.info.deletedAt !== null) {
      lock?.release();
      move({ type: 'notFound' });
      return loaded.ok ? failure('drafts.open.inTrash') : loaded;
    }
    if (lock) {
      editor.plan.loadSaved(loaded.value.plan, loaded.value.history);
      becomeEditor(db, lock, loaded.value);
    } else {
      editor.plan.loadSaved(loaded.value.plan, EMPTY_HISTORY);
      becomeFollower(loaded.value.info.revision, { draft: loaded.value.info, save: { kind: 'saved', at: loaded.value.info.updatedAt } });
    }
    return { ok: true, value: null, notes: loaded.value.notes };
  }

  /** From opening or taking over (the lock is in hand): attach the writer and edit. */
  function becomeEditor(db: DraftsDb, lock: HeldLock, loaded: LoadedDraft): void {
    editor.plan.setReadOnly(null);
    const { info, damaged, ledger } = loaded;
    // The damage is already left out of the plan; if moving it aside fails, the next opening finds it,
    // reports it and tries again. Either way the quarantine panel reads the store again afterwards.
    void isolateDamaged(db, info.id, damaged, loaded.droppedSteps)
      .then(() => tidyQuarantine(db, info.id, quarantineIdsIn(loaded.history)))
      .catch(() => undefined)
      .finally(() => set({ quarantineStamp: store.getState().quarantineStamp + 1 }));
    const writer = attachWriter(db, info.id, ledger, info.revision, damaged.some((d) => d.store === 'planMeta'));
    move({ type: 'edit', writer, lock }, { draft: info, save: { kind: 'saved', at: info.updatedAt } });
    watchLock(lock);
  }

  /** A lock stolen by another tab (this one did not answer) makes this tab stop writing at once. */
  function watchLock(lock: HeldLock): void {
    void lock.lost.then(() => {
      const now = state();
      if (isWriting(now) && now.lock === lock) lockLost(now);
    });
  }

  function attachWriter(db: DraftsDb, id: DraftId, ledger: DraftLedger, revision: number, rewriteMeta: boolean, startAfter?: Promise<unknown>): DraftWriter {
    return attachDraftWriter({
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

  /** Another tab edits the draft: show its saves from `revision` on, refuse edits here. */
  function becomeFollower(revision: number, also: Partial<DraftsState> = {}): void {
    const from = state();
    const waiting = from.kind === 'opening' ? from.early : [];
    move({ type: 'follow', revision }, also);
    editor.plan.setReadOnly(READ_ONLY);
    waiting.forEach(onMessage);
  }

  /** A plan that is not stored yet (the sample on a first visit, a plan file): shown now, stored later. */
  function startNew(plan: Plan, origin: DraftOrigin, name?: string): void {
    if (state().kind !== 'idle') throw new Error(`startNew in state ${state().kind}`);
    editor.plan.load(plan);
    move({ type: 'startNew', plan: { id: newDraftId(), origin, ...(name ? { name } : {}) } }, { save: { kind: 'pending' } });
  }

  /** Nothing to store (the plan to open could not be read): say so instead of "saving". */
  function startUnsaved(reason: Message): void {
    move({ type: 'unsaved' }, { save: { kind: 'unavailable', error: reason } });
  }

  /** Writes the new plan as a draft; changes made meanwhile follow through the writer. */
  async function storeNew(): Promise<void> {
    const db = state().kind === 'new' ? await database() : null;
    const pending = state();
    if (!db || pending.kind !== 'new') return;
    const { id, origin, name } = pending.plan;
    // No other tab knows this new id: the lock is granted at once.
    const lock = await locks.lock(id);
    if (state() !== pending) {
      lock.release();
      return;
    }
    const ledger = new DraftLedger();
    const { plan, history } = editor.plan.getState();
    const creating = createDraft(db, { id, plan, history, origin, ...(name ? { name } : {}) }, Date.now(), ledger);
    // A new draft is stored at revision 1 (draft-store.ts `createDraft`).
    const writer = attachWriter(db, id, ledger, 1, false, creating);
    move({ type: 'create', writer, lock });
    try {
      const created = await creating;
      // Disposed meanwhile: the writer is detached and the lock released already.
      if (state().kind !== 'creating') return;
      move({ type: 'created' }, { draft: created.info, ...(writer.hasPending() ? {} : { save: { kind: 'saved', at: created.info.updatedAt } }) });
      watchLock(lock);
      options.onStored?.(id);
      channel.post({ kind: 'listChanged' });
    } catch (error) {
      writer.detach();
      lock.release();
      move({ type: 'createFailed' }, { save: { kind: 'failed', reason: classifyWriteError(error), detail: String(error) } });
    }
  }

  /** Another tab stole the lock: stop writing at once, follow that tab. */
  function lockLost(from: WritingState): void {
    const unsaved = from.writer.hasPending();
    from.writer.detach();
    editor.plan.adoptHistory(EMPTY_HISTORY);
    becomeFollower(store.getState().draft?.revision ?? 0);
    if (unsaved) editor.messages.toast('error', { key: 'drafts.tabs.lostUnsaved' });
  }

  function onMessage(message: DraftMessage): void {
    switch (reaction(state(), message)) {
      case 'versions':
        set({ versionsStamp: store.getState().versionsStamp + 1 });
        return;
      case 'keep':
        move({ type: 'early', message });
        return;
      case 'release':
        void release();
        return;
      case 'follow':
        followQueue = followQueue.then(() => follow(message as SavedMessage));
        return;
      case 'answer':
        answers.forEach((answer) => answer(message));
        return;
      case 'ignore':
        return;
    }
  }

  async function follow(message: SavedMessage): Promise<void> {
    const at = state();
    if (!isFollowing(at) || message.revision <= at.revision) return;
    if (message.revision === at.revision + 1 && !message.whole) {
      editor.plan.applyExternal(message.patch);
      const draft = store.getState().draft;
      move({ type: 'followed', revision: message.revision }, draft ? { draft: { ...draft, revision: message.revision, updatedAt: Date.now() } } : {});
      return;
    }
    // A save was missed (or the whole draft was rewritten): read the draft again.
    const db = await database();
    const loaded = db ? await readDraft(db, at.draftId) : null;
    if (!loaded?.ok || !isFollowing(state())) return;
    editor.plan.loadSaved(loaded.value.plan, EMPTY_HISTORY);
    move({ type: 'followed', revision: loaded.value.info.revision }, { draft: loaded.value.info });
  }

  /** Asked by another tab: save everything, then hand over the lock; refuse if the save fails. */
  async function release(): Promise<void> {
    move({ type: 'releaseRequested' });
    const releasing = state();
    if (releasing.kind !== 'releasing') return;
    editor.plan.setReadOnly(READ_ONLY);
    await releasing.writer.flush();
    // The lock was stolen meanwhile (this tab already follows), or the controller disposed.
    if (state() !== releasing) return;
    if (releasing.writer.hasPending()) {
      editor.plan.setReadOnly(null);
      move({ type: 'releaseRefused' });
      channel.post({ kind: 'releaseRefused', draftId: releasing.draftId });
      editor.messages.toast('error', { key: 'drafts.tabs.cannotRelease' });
      return;
    }
    releasing.writer.detach();
    releasing.lock.release();
    editor.plan.adoptHistory(EMPTY_HISTORY);
    const revision = store.getState().draft?.revision ?? 0;
    becomeFollower(revision);
    channel.post({ kind: 'released', draftId: releasing.draftId, revision });
  }

  /**
   * Asks the editing tab to hand the lock over and waits for the first of: the lock, that tab's refusal,
   * `takeOverWaitMs` of silence (then the lock is stolen), or `dispose`. The timer, the answer listener
   * and the queued lock request all end with the wait.
   */
  async function handOver(id: DraftId): Promise<Result<HeldLock>> {
    type Outcome = 'granted' | 'refused' | 'silent' | 'closed';
    let settle: (outcome: Outcome) => void = () => undefined;
    const outcome = new Promise<Outcome>((resolve) => (settle = resolve));
    const abort = new AbortController();
    const waiting = locks.lock(id, { signal: abort.signal });
    // A `released` answer means the lock is on its way to this tab's request.
    const listener = (message: DraftMessage) => settle(message.kind === 'releaseRefused' ? 'refused' : 'granted');
    const onClose = () => settle('closed');
    const timer = setTimeout(() => settle('silent'), options.takeOverWaitMs ?? 3000);
    answers.add(listener);
    life.signal.addEventListener('abort', onClose);
    void waiting.then(() => settle('granted'), () => undefined);
    channel.post({ kind: 'releaseRequest', draftId: id });
    const answer = await outcome;
    clearTimeout(timer);
    answers.delete(listener);
    life.signal.removeEventListener('abort', onClose);
    if (answer === 'granted') return { ok: true, value: await waiting, notes: [] };
    abort.abort();
    // Granted just as the wait ended: kept when stealing anyway, else given back.
    const late = await waiting.catch(() => null);
    if (answer === 'silent') return { ok: true, value: late ?? (await locks.lock(id, { steal: true })), notes: [] };
    late?.release();
    return failure(answer === 'refused' ? 'drafts.tabs.otherCannotSave' : 'drafts.tabs.cannotTakeOver');
  }

  /** The planner chose to edit here: ask the editing tab to hand over, or take the lock if it is silent. */
  async function takeOver(): Promise<Result<null>> {
    const db = await database();
    const from = state();
    if (!db || from.kind !== 'following') return failure('drafts.tabs.cannotTakeOver');
    move({ type: 'takeOver' });
    const handed = await handOver(from.draftId);
    if (!handed.ok) {
      move({ type: 'takeOverFailed' });
      return handed;
    }
    const lock = handed.value;
    await followQueue;
    const loaded = await readDraft(db, from.draftId);
    const at = state();
    if (!loaded.ok || at.kind !== 'takingOver') {
      lock.release();
      move({ type: 'takeOverFailed' });
      return loaded.ok ? failure('drafts.tabs.cannotTakeOver') : loaded;
    }
    // Usually this tab already shows the saved plan; then only the undo history is taken over.
    if (loaded.value.info.revision === at.revision) editor.plan.adoptHistory(loaded.value.history);
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
    flush,
    hasUnsaved: (): boolean => {
      const now = state();
      return isWriting(now) && now.writer.hasPending();
    },
    async refreshStorage(): Promise<void> {
      set({ storage: await storageInfo() });
    },
    draftId: (): DraftId | null => draftIdOf(state()),
    database,
    /** Tells other tabs (start pages, versions panels) that the list of drafts or versions changed. */
    announce(message: DraftMessage): void {
      channel.post(message);
      if (message.kind === 'versionsChanged' && message.draftId === draftIdOf(state())) set({ versionsStamp: store.getState().versionsStamp + 1 });
    },
    setVersionsOpen: (versionsOpen: boolean) => set({ versionsOpen }),
    /** The last completed save (for the benchmark). */
    lastSave: (): SaveReport | null => lastSave,
    dispose(): void {
      const from = state();
      move({ type: 'close' });
      unregisterClose();
      life.abort();
      if (isWriting(from)) {
        from.writer.detach();
        from.lock.release();
      }
      channel.close();
    },
  };
}

export type DraftController = ReturnType<typeof createDraftController>;
