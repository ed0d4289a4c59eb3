/**
 * One 2026 village database in this page: read in the database worker, or made there by converting a 三调
 * DLTB or a 2017 plan once the planner has decided the review list; drawn from the copy the worker hands
 * back, checked and tabulated there. The page's state is a zustand store the database view (ui/database/)
 * reads: the review, or the database and the notes on reading it, or the message that says why it could
 * not be had; then the checks, then the tables, each as soon as it is ready. A database made here exists
 * only in this page until it is saved as a file (`unsaved`). The worker is the session's: `dispose`
 * terminates it, and a worker that fails is a message, never a blank page.
 */
import { transfer, wrap, type Remote } from 'comlink';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { failure, success, type Message } from '../domain/message.ts';
import type { Plan } from '../domain/plan.ts';
import type { Result } from '../io/result.ts';
import type { VirtualFile } from '../io/village-database/read-village-files.ts';
import type { ConversionReview, ReviewDecisions } from '../io/village-database/review-groups.ts';
import type { VillageDatabase } from '../profiles/zhejiang-2026/village-database.ts';
import type { DatabaseTables } from '../rules/ydyh/database-tables.ts';
import type { DatabaseCheck } from '../rules/ydyh/index.ts';
import type { DatabaseApi } from '../worker/database.worker.ts';

export interface DatabaseSessionState {
  readonly phase: 'opening' | 'reviewing' | 'open' | 'failed';
  /** What was opened, for the title: a file or folder name. */
  readonly source: string;
  /** The conversion's review list while the planner decides it, and what is being converted. */
  readonly review: ConversionReview | null;
  readonly conversion: 'survey' | 'plan2017' | null;
  readonly database: VillageDatabase | null;
  /** Made in this page by a conversion and not yet saved as a file: leaving the page would lose it. */
  readonly unsaved: boolean;
  /** What reading left out or assumed (a duplicate layer, no workbook …). */
  readonly notes: readonly Message[];
  /** Why it could not be opened, or (while reviewing) why the decisions were refused. */
  readonly error: Message | null;
  readonly check: DatabaseCheck | null;
  readonly tables: DatabaseTables | null;
  /** Set when the checks or the tables could not be computed. */
  readonly workFailed: Message | null;
}

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
  /** The database as one `.database.json` file; afterwards it is no longer `unsaved`. */
  databaseText(): Promise<string>;
  dispose(): void;
}

const workerFailed = (error: unknown): Message => ({ key: 'database.workerFailed', params: { detail: error instanceof Error ? error.message : String(error) } });

const START: Omit<DatabaseSessionState, 'source'> = { phase: 'opening', review: null, conversion: null, database: null, unsaved: false, notes: [], error: null, check: null, tables: null, workFailed: null };

export function openDatabaseSession(): DatabaseSession {
  const worker = new Worker(new URL('../worker/database.worker.ts', import.meta.url), { type: 'module', name: 'database' });
  const api: Remote<DatabaseApi> = wrap<DatabaseApi>(worker);
  const store = createStore<DatabaseSessionState>(() => ({ ...START, source: '' }));

  /** Awaits the worker; a worker that throws or dies becomes a message. */
  const settle = async <T,>(call: Promise<Result<T>>): Promise<Result<T>> => call.catch((error: unknown): Result<T> => ({ ok: false, error: workerFailed(error) }));

  const show = async (read: Result<VillageDatabase>, unsaved: boolean) => {
    if (!read.ok) return store.setState({ phase: 'failed', error: read.error });
    store.setState({ phase: 'open', review: null, database: read.value, notes: [...store.getState().notes, ...read.notes], error: null, unsaved });
    try {
      store.setState({ check: await api.check() });
      store.setState({ tables: await api.tables() });
    } catch (error) {
      store.setState({ workFailed: workerFailed(error) });
    }
  };
  const open = async (reading: Promise<Result<VillageDatabase>>, source: string) => {
    store.setState({ ...START, source });
    await show(await settle(reading), false);
  };
  const review = async (reviewing: Promise<Result<ConversionReview>>, source: string, conversion: DatabaseSessionState['conversion']) => {
    store.setState({ ...START, source, conversion });
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
      await show(made, true);
    },
    exportPackage: (format) => settle(api.exportPackage(format)),
    async databaseText() {
      const text = await api.databaseText();
      store.setState({ unsaved: false });
      return text;
    },
    dispose: () => worker.terminate(),
  };
}

/** The chosen files with their paths inside the chosen folder; the bytes then move to the worker, not copied. */
async function virtualFilesOf(files: readonly File[]): Promise<VirtualFile[]> {
  return Promise.all(files.map(async (file) => ({ path: file.webkitRelativePath || file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
}

const buffersOf = (files: readonly VirtualFile[]) => files.map((f) => f.bytes.buffer as ArrayBuffer);
