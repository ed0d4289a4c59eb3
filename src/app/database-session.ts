/**
 * One 2026 village database open for review in this page: read in the database worker, drawn from the copy
 * it hands back, checked and tabulated there. The page's state is a zustand store the reviewer's view
 * (ui/database/) reads: the database and the notes on reading it, or the message that says why it could
 * not be opened; then the checks, then the tables, each as soon as it is ready. The worker is the session's:
 * `dispose` terminates it, and a worker that fails is a message, never a blank page.
 */
import { transfer, wrap, type Remote } from 'comlink';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { failure, success, type Message } from '../domain/message.ts';
import type { VirtualFile } from '../io/village-database/read-village-files.ts';
import type { Result } from '../io/result.ts';
import type { VillageDatabase } from '../profiles/zhejiang-2026/village-database.ts';
import type { DatabaseTables } from '../rules/ydyh/database-tables.ts';
import type { DatabaseCheck } from '../rules/ydyh/index.ts';
import type { DatabaseApi } from '../worker/database.worker.ts';

export interface DatabaseSessionState {
  readonly phase: 'opening' | 'open' | 'failed';
  /** What was opened, for the title: a file or folder name. */
  readonly source: string;
  readonly database: VillageDatabase | null;
  /** What reading left out or assumed (a duplicate layer, no workbook …). */
  readonly notes: readonly Message[];
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
  /** The package, zipped (write-village-database.ts); a failure names what cannot be written. */
  exportPackage(format: 'shapefile' | 'geojson'): Promise<Result<Uint8Array>>;
  /** The database as one `.database.json` file. */
  databaseText(): Promise<string>;
  dispose(): void;
}

const workerFailed = (error: unknown): Message => ({ key: 'database.workerFailed', params: { detail: error instanceof Error ? error.message : String(error) } });

export function openDatabaseSession(): DatabaseSession {
  const worker = new Worker(new URL('../worker/database.worker.ts', import.meta.url), { type: 'module', name: 'database' });
  const api: Remote<DatabaseApi> = wrap<DatabaseApi>(worker);
  const store = createStore<DatabaseSessionState>(() => ({ phase: 'opening', source: '', database: null, notes: [], error: null, check: null, tables: null, workFailed: null }));

  const afterRead = async (reading: Promise<Result<VillageDatabase>>, source: string) => {
    store.setState({ phase: 'opening', source, database: null, notes: [], error: null, check: null, tables: null, workFailed: null });
    let read: Result<VillageDatabase>;
    try {
      read = await reading;
    } catch (error) {
      store.setState({ phase: 'failed', error: workerFailed(error) });
      return;
    }
    if (!read.ok) {
      store.setState({ phase: 'failed', error: read.error });
      return;
    }
    store.setState({ phase: 'open', database: read.value, notes: read.notes });
    try {
      store.setState({ check: await api.check() });
      store.setState({ tables: await api.tables() });
    } catch (error) {
      store.setState({ workFailed: workerFailed(error) });
    }
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
    openText: (text, source) => afterRead(api.openText(text, source), source),
    openUrl: (url, source) =>
      afterRead(
        fetchText(url).then((text): Promise<Result<VillageDatabase>> | Result<VillageDatabase> => (text.ok ? api.openText(text.value, source) : text)),
        source,
      ),
    openFiles: (files, edition, source) =>
      afterRead(
        virtualFilesOf(files).then((virtual): Promise<Result<VillageDatabase>> => api.openFiles(transfer(virtual, virtual.map((f) => f.bytes.buffer as ArrayBuffer)), edition)),
        source,
      ),
    exportPackage: (format) => api.exportPackage(format).catch((error: unknown): Result<Uint8Array> => ({ ok: false, error: workerFailed(error) })),
    databaseText: () => api.databaseText(),
    dispose: () => worker.terminate(),
  };
}

/** The chosen files with their paths inside the chosen folder; the bytes then move to the worker, not copied. */
async function virtualFilesOf(files: readonly File[]): Promise<VirtualFile[]> {
  return Promise.all(files.map(async (file) => ({ path: file.webkitRelativePath || file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
}
