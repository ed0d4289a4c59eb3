/**
 * The UI side of the import/export worker: one job at a time, a fresh worker per job so that cancel can
 * simply terminate it (a synchronous read cannot be interrupted any other way). Files are transferred,
 * not copied.
 */
import { proxy, transfer, wrap } from 'comlink';
import type { Plan } from '../domain/plan.ts';
import type { FilesPreview, PreviewOptions } from '../io/into-plan/import-preview.ts';
import type { DxfFilesPreview } from '../io/dxf/dxf-preview.ts';
import { joinDxfPreview } from '../io/dxf/dxf-slices.ts';
import type { Result } from '../io/result.ts';
import type { OutputEncoding } from '../io/text/encode-text.ts';
import type { IoApi } from './io.worker.ts';
import { joinPreview } from '../io/into-plan/preview-slices.ts';
import type { PrintFonts } from '../print/pdf.ts';
import { failure } from '../domain/message.ts';

export interface IoJob<T> {
  readonly done: Promise<Result<T> | { readonly ok: false; readonly cancelled: true }>;
  cancel(): void;
}

function start<T>(run: (api: ReturnType<typeof wrap<IoApi>>) => Promise<Result<T>>): IoJob<T> {
  const worker = new Worker(new URL('./io.worker.ts', import.meta.url), { type: 'module', name: 'io' });
  let settle: (value: { readonly ok: false; readonly cancelled: true }) => void = () => {};
  const cancelled = new Promise<{ readonly ok: false; readonly cancelled: true }>((resolve) => (settle = resolve));
  const work = run(wrap<IoApi>(worker)).catch((error: unknown): Result<T> => (failure('io.ui.workerFailed', { detail: error instanceof Error ? error.message : String(error) })));
  const done = Promise.race([work, cancelled]).finally(() => worker.terminate());
  return {
    done,
    cancel() {
      worker.terminate();
      settle({ ok: false, cancelled: true });
    },
  };
}

export interface ReadRequest {
  readonly files: readonly { readonly name: string; readonly bytes: Uint8Array }[];
  /** Encoding, GCJ-02 conversion, repair, topology alignment (with the plan's boundary as reference), mapping choices: what the planner set in the dialog. */
  readonly options: Omit<PreviewOptions, 'onProgress'>;
  readonly onProgress?: (done: number) => void;
}

/** Features per message when the preview's lists come over (io/into-plan/preview-slices.ts): ~10 ms of unpacking each. */
const SLICE = 1000;

export function readInWorker(request: ReadRequest): IoJob<FilesPreview | DxfFilesPreview> {
  // Copies are transferred so the dialog keeps its own bytes for a re-read with other options.
  const files = request.files.map((f) => ({ name: f.name, bytes: f.bytes.slice() }));
  const progress = request.onProgress ? proxy(request.onProgress) : undefined;
  return start(async (api) => {
    const summary = await api.read(transfer(files, files.map((f) => f.bytes.buffer as ArrayBuffer)), request.options, progress);
    if (!summary.ok) return summary;
    const lists: Record<string, unknown[]> = {};
    for (const [name, size] of Object.entries(await api.heldSizes())) {
      const list: unknown[] = [];
      for (let from = 0; from < size; from += SLICE) list.push(...(await api.heldSlice(name, from, from + SLICE)));
      lists[name] = list;
    }
    return { ...summary, value: summary.value.kind === 'dxf' ? joinDxfPreview(summary.value, lists) : joinPreview(summary.value, lists) };
  });
}

export function exportInWorker(plan: Plan, encoding: OutputEncoding, fonts: PrintFonts | null, onProgress: (done: number) => void): IoJob<Uint8Array> {
  return start((api) => api.exportPackage(plan, encoding, fonts, proxy(onProgress)));
}

export function exportDxfInWorker(plan: Plan, onProgress: (done: number) => void): IoJob<Uint8Array> {
  return start((api) => api.exportDxf(plan, proxy(onProgress)));
}
