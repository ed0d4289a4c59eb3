/**
 * One 2026 village database in this page: read in the database worker, or made there by converting a 三调
 * DLTB or a 2017 plan once the planner has decided the review list; drawn from the copy the worker hands
 * back, checked and tabulated there. The page's state is a zustand store the database view (ui/database/)
 * reads: the review, or the database and the notes on reading it, or the message that says why it could
 * not be had; then the checks, then the tables, each as soon as it is ready. A database made here is kept
 * on this computer at once (database-drafting.ts), and one opened from files when the planner asks; where
 * the browser cannot keep it, it stays `unsaved` and leaving the page asks first. The worker is the
 * session's: `dispose` terminates it, and a worker that fails is a message, never a blank page.
 */
import { transfer, wrap, type Remote } from 'comlink';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { failure, success } from '../domain/message.ts';
import type { Plan } from '../domain/plan.ts';
import type { Result } from '../io/result.ts';
import type { VirtualFile } from '../io/village-database/read-village-files.ts';
import type { ConversionReview, ReviewDecisions } from '../io/village-database/review-groups.ts';
import type { VillageDatabase } from '../profiles/zhejiang-2026/village-database.ts';
import type { DatabaseApi } from '../worker/database.worker.ts';
import type { DatabaseEdit } from '../commands/village-database/database-edit.ts';
import type { DatabaseDraftId, DatabaseDraftMeta, DatabaseDraftSource } from '../persist/database-drafts.ts';
import { databaseDrafting } from './database-drafting.ts';
import { START, workerFailed, type DatabaseSessionState } from './database-state.ts';

export type { DatabaseSessionState };

export interface DatabaseSession {
  readonly store: StoreApi<DatabaseSessionState>;
  openText(text: string, source: string): Promise<void>;
  /** A database file on this site (the sample, a link a county shares on its intranet). */
  openUrl(url: string, source: string): Promise<void>;
  /** Files chosen on this computer: loose layers, a folder's files (their relative paths kept), a zip. */
  openFiles(files: readonly File[], edition: VillageDatabase['edition'], source: string): Promise<void>;
  /** A new 2026 plan from a 三调 DLTB (and the village boundary, if among the files): the review list first. */
  reviewSurvey(files: readonly File[], source: string): Promise<void>;
  /** A 2026 plan from a 2017 plan: the review list first. */
  review2017(plan: Plan, source: string): Promise<void>;
  /** The review's decisions: the database is made, or the refusal says which groups still need one. */
  confirmReview(decisions: ReviewDecisions): Promise<void>;
  /** The package, zipped (write-village-database.ts); a failure names what cannot be written. */
  exportPackage(format: 'shapefile' | 'geojson'): Promise<Result<Uint8Array>>;
  /** The database as one `.database.json` file; a plan not kept on this computer is then no longer `unsaved`. */
  databaseText(): Promise<string>;
  /** Keeps the open plan on this computer, so it can be edited and survives a reload. */
  keep(name: string, source: DatabaseDraftSource): Promise<Result<DatabaseDraftMeta>>;
  /** A plan kept on this computer, opened to edit with the undo history saved with it. */
  openDraft(id: DatabaseDraftId): Promise<void>;
  /** An edit made from the open plan: applied, checked, tabulated and saved; a refusal is said and changes nothing. */
  edit(make: (db: VillageDatabase) => Result<DatabaseEdit>): void;
  /** The 管控边界 derived again from the planned parcels, in the worker; one undo step. */
  deriveControlBoundaries(): Promise<void>;
  undo(): void;
  redo(): void;
  dispose(): void;
}



export function openDatabaseSession(): DatabaseSession {
  const worker = new Worker(new URL('../worker/database.worker.ts', import.meta.url), { type: 'module', name: 'database' });
  const api: Remote<DatabaseApi> = wrap<DatabaseApi>(worker);
  const store = createStore<DatabaseSessionState>(() => ({ ...START, source: '' }));
  const restart = (source: string, conversion: DatabaseSessionState['conversion'] = null) => store.setState({ ...START, source, conversion, opened: store.getState().opened });

  /** Awaits the worker; a worker that throws or dies becomes a message. */
  const settle = async <T,>(call: Promise<Result<T>>): Promise<Result<T>> => call.catch((error: unknown): Result<T> => ({ ok: false, error: workerFailed(error) }));

  /** Checks and tables of the worker's database; an answer for a database the page has since left is dropped. */
  const recheck = async () => {
    const asked = store.getState().database;
    try {
      const check = await api.check();
      if (store.getState().database === asked) store.setState({ check });
      const tables = await api.tables();
      if (store.getState().database === asked) store.setState({ tables });
    } catch (error) {
      store.setState({ workFailed: workerFailed(error) });
    }
  };
  const show = async (read: Result<VillageDatabase>, unsaved: boolean) => {
    if (!read.ok) return store.setState({ phase: 'failed', error: read.error });
    const { notes, opened } = store.getState();
    store.setState({ phase: 'open', review: null, database: read.value, opened: opened + 1, notes: [...notes, ...read.notes], error: null, unsaved });
    await recheck();
  };
  const drafting = databaseDrafting(store, recheck, (edit, direction) => api.applyEdit(edit, direction));
  const open = async (reading: Promise<Result<VillageDatabase>>, source: string) => {
    restart(source);
    await show(await settle(reading), false);
  };
  const review = async (reviewing: Promise<Result<ConversionReview>>, source: string, conversion: DatabaseSessionState['conversion']) => {
    restart(source, conversion);
    const read = await settle(reviewing);
    if (!read.ok) return store.setState({ phase: 'failed', error: read.error });
    store.setState({ phase: 'reviewing', review: read.value, notes: [...read.notes, ...read.value.notes] });
  };

  const fetchText = async (url: string): Promise<Result<string>> => {
    try {
      const response = await fetch(url);
      if (!response.ok) return failure('database.fetchFailed', { url, status: response.status });
      return success(await response.text());
    } catch (error) {
      return failure('database.fetchFailed', { url, status: String(error) });
    }
  };

  return {
    store,
    openText: (text, source) => open(api.openText(text, source), source),
    openUrl: (url, source) => open(fetchText(url).then((text): Promise<Result<VillageDatabase>> | Result<VillageDatabase> => (text.ok ? api.openText(text.value, source) : text)), source),
    openFiles: (files, edition, source) => open(virtualFilesOf(files).then((virtual): Promise<Result<VillageDatabase>> => api.openFiles(transfer(virtual, buffersOf(virtual)), edition)), source),
    reviewSurvey: (files, source) => review(virtualFilesOf(files).then((virtual): Promise<Result<ConversionReview>> => api.reviewSurvey(transfer(virtual, buffersOf(virtual)))), source, 'survey'),
    review2017: (plan, source) => review(api.review2017(plan).then((value) => success(value)), source, 'plan2017'),
    async confirmReview(decisions) {
      const made = await settle(api.confirmReview(decisions));
      // Refused decisions keep the list open with the reason; the planner's choices are not lost.
      if (!made.ok) return store.setState({ error: made.error });
      const { source, conversion } = store.getState();
      await show(made, true);
      // A plan made here is kept at once; where the browser cannot keep it, it stays `unsaved` and says why.
      await drafting.keep(source, conversion === 'survey' ? 'survey' : 'plan2017');
    },
    exportPackage: (format) => settle(api.exportPackage(format)),
    async databaseText() {
      const text = await api.databaseText();
      if (store.getState().draft === null) store.setState({ unsaved: false });
      return text;
    },
    keep: (name, source) => drafting.keep(name, source),
    async openDraft(id) {
      restart('');
      const read = await drafting.read(id);
      if (!read.ok) return store.setState({ phase: 'failed', error: read.error });
      store.setState({ source: read.value.meta.name, draft: read.value.meta, history: read.value.history });
      const held = await settle(api.hold(read.value.database).then(() => success(read.value.database)));
      await show(held.ok ? success(held.value, read.value.notes) : held, false);
    },
    edit: (make) => drafting.edit(make),
    deriveControlBoundaries: () => drafting.editMade(api.deriveControlBoundaries()),
    undo: () => drafting.undo(),
    redo: () => drafting.redo(),
    dispose: () => worker.terminate(),
  };
}

/** The chosen files with their paths inside the chosen folder; the bytes then move to the worker, not copied. */
async function virtualFilesOf(files: readonly File[]): Promise<VirtualFile[]> {
  return Promise.all(files.map(async (file) => ({ path: file.webkitRelativePath || file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
}

const buffersOf = (files: readonly VirtualFile[]) => files.map((f) => f.bytes.buffer as ArrayBuffer);
