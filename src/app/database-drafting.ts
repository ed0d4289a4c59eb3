/**
 * A 2026 plan kept on this computer while it is edited (persist/database-drafts.ts): each edit is applied
 * to the page's plan at once (the map follows), to the worker's copy (the checks and tables follow), and
 * saved a moment later with the undo history (so undo works after a reload), the saves one after another
 * over the revision the last one left, so a stale tab is refused instead of overwriting. Until a save lands the plan is `unsaved`, and leaving the page asks
 * first; a failed save says why and the plan in the page is kept.
 */
import type { StoreApi } from 'zustand/vanilla';
import { applyEdit, isEmptyEdit, type DatabaseEdit, type EditDirection } from '../commands/village-database/database-edit.ts';
import { record, redo, undo, type DatabaseHistory } from '../commands/village-database/database-history.ts';
import { failure, success, type Result } from '../domain/message.ts';
import { openDatabaseDrafts, type DatabaseDraftId, type DatabaseDraftMeta, type DatabaseDraftRead, type DatabaseDrafts, type DatabaseDraftSource } from '../persist/database-drafts.ts';
import type { VillageDatabase } from '../profiles/zhejiang-2026/village-database.ts';
import { workerFailed, type DatabaseSessionState } from './database-state.ts';

/** Long enough to gather a run of quick edits into one write of the whole plan (a few megabytes). */
const SAVE_DELAY_MS = 600;
/** After a failed save (a full disk), tried again this often while the plan in the page is newer. */
const SAVE_RETRY_MS = 5_000;

export interface DatabaseDrafting {
  keep(name: string, source: DatabaseDraftSource): Promise<Result<DatabaseDraftMeta>>;
  read(id: DatabaseDraftId): Promise<Result<DatabaseDraftRead>>;
  edit(make: (db: VillageDatabase) => Result<DatabaseEdit>): void;
  /** An edit made elsewhere (the worker) from the plan as it is now; refused if the plan changed meanwhile. */
  editMade(making: Promise<Result<DatabaseEdit>>): Promise<void>;
  undo(): void;
  redo(): void;
}

export function databaseDrafting(
  store: StoreApi<DatabaseSessionState>,
  recheck: () => Promise<void>,
  applyInWorker: (edit: DatabaseEdit, direction: EditDirection) => Promise<void>,
): DatabaseDrafting {
  let drafts: DatabaseDrafts | null = null;
  const connect = async (): Promise<Result<DatabaseDrafts>> => {
    if (drafts) return success(drafts);
    const opened = await openDatabaseDrafts();
    if (opened.ok) drafts = opened.value;
    return opened;
  };

  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing: Promise<void> = Promise.resolve();
  const saveNow = async () => {
    // The history is saved with the plan it was read from, never with a newer one.
    const { draft, database, history } = store.getState();
    if (!draft || !database) return;
    store.setState({ saving: 'saving' });
    const connected = await connect();
    const saved = connected.ok ? await connected.value.save(draft.id, database, draft.revision, history) : connected;
    if (!saved.ok) {
      store.setState({ saving: 'failed', saveError: saved.error });
      // A stale tab's plan is not retried over the newer one; anything else (space, a closed connection) may pass later.
      if (saved.error.key !== 'databaseDrafts.save.stale') retry();
      return;
    }
    // An edit made while this one was written is still to save.
    const current = store.getState().database === database;
    store.setState({ draft: saved.value, saveError: null, ...(current ? { saving: 'idle', unsaved: false } : {}) });
  };
  const later = (ms: number) => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      writing = writing.then(saveNow);
    }, ms);
  };
  const retry = () => {
    if (timer === null) later(SAVE_RETRY_MS);
  };
  const scheduleSave = () => {
    store.setState({ saving: 'pending', unsaved: true });
    later(SAVE_DELAY_MS);
  };

  const apply = (database: VillageDatabase, edit: DatabaseEdit, direction: EditDirection, history: DatabaseHistory) => {
    store.setState({ database: applyEdit(database, edit, direction), history, check: null, tables: null });
    // The worker takes its messages in order: the edit is in its copy before the checks are asked for.
    void applyInWorker(edit, direction).then(recheck, (error: unknown) => store.setState({ workFailed: workerFailed(error) }));
    scheduleSave();
  };

  const edit = (make: (db: VillageDatabase) => Result<DatabaseEdit>): void => {
    const { database, draft, history } = store.getState();
    if (!database) return;
    if (!draft) return store.setState({ editMessages: { level: 'error', messages: [{ key: 'database.edit.notKept' }] } });
    const made = make(database);
    if (!made.ok) return store.setState({ editMessages: { level: 'error', messages: [made.error] } });
    store.setState({ editMessages: made.notes.length > 0 ? { level: 'warning', messages: made.notes } : null });
    if (!isEmptyEdit(made.value)) apply(database, made.value, 'forward', record(history, made.value));
  };

  return {
    async keep(name, source) {
      const { database } = store.getState();
      if (!database) return failure('database.edit.nothingOpen');
      const connected = await connect();
      const kept = connected.ok ? await connected.value.create(database, { name, source }) : connected;
      if (kept.ok) store.setState({ draft: kept.value, unsaved: false, saveError: null });
      else store.setState({ unsaved: true, saving: 'failed', saveError: kept.error });
      return kept;
    },
    async read(id) {
      const connected = await connect();
      return connected.ok ? connected.value.read(id) : connected;
    },
    edit,
    async editMade(making) {
      const from = store.getState().database;
      const made = await making.catch((error: unknown): Result<DatabaseEdit> => ({ ok: false, error: workerFailed(error) }));
      edit(() => (store.getState().database === from ? made : failure('database.edit.changedMeanwhile')));
    },
    undo() {
      const { database, history } = store.getState();
      const last = history.done.at(-1);
      const step = database ? undo(database, history) : null;
      if (database && last && step) apply(database, last, 'back', step.history);
    },
    redo() {
      const { database, history } = store.getState();
      const undone = history.undone.at(-1);
      const step = database ? redo(database, history) : null;
      if (database && undone && step) apply(database, undone, 'forward', step.history);
    },
  };
}
