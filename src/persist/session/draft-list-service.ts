/**
 * The start page's drafts: the list of drafts on this machine (kept fresh across tabs) and storage use,
 * and what can be done to a draft from there: rename, duplicate, back up, move to the trash, restore,
 * delete for good, and new drafts from the sample village or a file. Opening the list purges the trash's
 * expired drafts and asks for persistent storage. One BroadcastChannel for the service's life hears other
 * tabs' changes and tells them of this one's.
 */
import { createStore } from 'zustand/vanilla';
import { failure, success, type Message, type Result } from '../../domain/message.ts';
import { parsePlanText } from '../../domain/plan-file.ts';
import { createDraft, deleteDraftForever, duplicateDraft, listDrafts, purgeTrash, renameDraft, restoreDraft, trashDraft, type DraftList } from '../draft-store.ts';
import { draftsDb, type DraftsDb } from '../open-drafts-db.ts';
import type { DraftId, DraftRecord } from '../schema.ts';
import { requestPersistence, storageInfo, type StorageInfo } from '../storage-info.ts';
import { openDraftChannel, type DraftChannel, type DraftMessage } from '../tabs/draft-channel.ts';
import { WEB_LOCKS, type DraftLocks } from '../tabs/draft-lock.ts';
import { exportStoredDraft, importDraftFile, type BackupDownload } from './backup-service.ts';

export interface DraftListState {
  /** The drafts database is open: the operations can run. */
  readonly ready: boolean;
  readonly list: DraftList | null;
  readonly storage: StorageInfo | null;
  /** Why the drafts cannot be read, if they cannot. */
  readonly failure: Message | null;
  /** Drafts removed on opening because their time in the trash was up. */
  readonly purged: number;
  /** An operation is running. */
  readonly busy: boolean;
}

export interface DraftListOptions {
  /** The sample village's plan file, for "从示例村庄新建". */
  readonly sample: () => Promise<string>;
  readonly db?: () => Promise<Result<DraftsDb>>;
  /** Whether another tab edits a draft (it cannot be moved to the trash then). */
  readonly locks?: Pick<DraftLocks, 'isLocked'>;
  readonly channel?: (onMessage: (message: DraftMessage) => void) => DraftChannel;
}

/** A file the planner chose: its name and its text. */
export interface ChosenFile {
  readonly name: string;
  text(): Promise<string>;
}

export function createDraftList(options: DraftListOptions) {
  const locks = options.locks ?? WEB_LOCKS;
  const store = createStore<DraftListState>(() => ({ ready: false, list: null, storage: null, failure: null, purged: 0, busy: false }));
  let running = 0;
  let reads = 0;
  const channel = (options.channel ?? openDraftChannel)((message) => {
    // Another tab created, renamed or saved a draft: the list follows.
    if (message.kind === 'listChanged' || message.kind === 'saved') void refresh();
  });
  const opening = open();
  void refresh();

  async function open(): Promise<Result<DraftsDb>> {
    const opened = await (options.db ?? draftsDb)();
    if (!opened.ok) {
      store.setState({ failure: opened.error });
      return opened;
    }
    store.setState({ purged: await purgeTrash(opened.value) });
    await requestPersistence();
    store.setState({ ready: true });
    return opened;
  }

  async function refresh(): Promise<void> {
    const read = ++reads;
    const db = await opening;
    if (!db.ok) return;
    const list = await listDrafts(db.value);
    const storage = await storageInfo();
    // A later reading started meanwhile: its list is the newer one.
    if (read === reads) store.setState({ list, storage });
  }

  /** The list changed here: other tabs' start pages and this one read it again. */
  async function changed(): Promise<void> {
    channel.post({ kind: 'listChanged' });
    await refresh();
  }

  /** Runs an operation once the database is open, with a failure returned instead of thrown. */
  async function run<T>(operation: (db: DraftsDb) => Promise<Result<T>>): Promise<Result<T>> {
    store.setState({ busy: ++running > 0 });
    try {
      const db = await opening;
      return db.ok ? await operation(db.value) : db;
    } catch (error) {
      return failure('drafts.save.failed.other', { detail: String(error) });
    } finally {
      store.setState({ busy: --running > 0 });
    }
  }

  /** The draft's new id, once it is stored and announced. */
  async function created(id: Result<DraftId>): Promise<Result<DraftId>> {
    if (id.ok) await changed();
    return id;
  }

  return {
    store,
    getState: store.getState,
    subscribe: store.subscribe,

    rename: (id: DraftId, name: string): Promise<Result<DraftRecord>> =>
      run(async (db) => {
        const renamed = await renameDraft(db, id, name);
        await changed();
        return renamed;
      }),

    /** A new draft with the draft's current plan, named `name`. */
    duplicate: (id: DraftId, name: string): Promise<Result<DraftRecord>> =>
      run(async (db) => {
        const copy = await duplicateDraft(db, id, name);
        await changed();
        return copy;
      }),

    /** The draft as stored, with its history and versions, as a backup file's text. */
    backup: (id: DraftId): Promise<Result<BackupDownload>> => run((db) => exportStoredDraft(db, id)),

    /** To the trash, unless another tab edits it. */
    trash: (draft: DraftRecord): Promise<Result<DraftRecord>> =>
      run(async (db) => {
        if (await locks.isLocked(draft.id)) return failure('drafts.home.openElsewhere', { name: draft.name });
        const trashed = await trashDraft(db, draft.id);
        await changed();
        return trashed;
      }),

    restore: (id: DraftId): Promise<Result<DraftRecord>> =>
      run(async (db) => {
        const restored = await restoreDraft(db, id);
        await changed();
        return restored;
      }),

    /** The draft and its versions, for good (the page asks first). */
    destroy: (id: DraftId): Promise<Result<null>> =>
      run(async (db) => {
        await deleteDraftForever(db, id);
        await changed();
        return success(null);
      }),

    newFromSample: (): Promise<Result<DraftId>> =>
      run(async (db) => {
        const plan = parsePlanText(await options.sample());
        if (!plan.ok) return plan;
        const { info } = await createDraft(db, { plan: plan.value, origin: { kind: 'sample' } });
        return created(success(info.id));
      }),

    /** A backup (draft, history, versions) or a plan file of this editor, as a new draft; notes say what was left out. */
    importFile: (file: ChosenFile): Promise<Result<DraftId>> => run(async (db) => created(await importDraftFile(db, await file.text(), file.name))),

    dispose(): void {
      channel.close();
    },
  };
}

export type DraftListService = ReturnType<typeof createDraftList>;
