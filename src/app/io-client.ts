/**
 * The UI side of the import/export worker. An export is a job in a fresh worker, so that cancel can simply
 * terminate it (a synchronous read or write cannot be interrupted any other way); an import is held in a
 * worker of its own until the dialog lets it go (`HeldImport`), terminated the same way. Files are
 * transferred, not copied. Every call is typed by the worker's API (`Remote<IoApi>`), slices included.
 */
import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { FeatureOf } from '../domain/features.ts';
import { failure, success } from '../domain/message.ts';
import { applyPatch, putFeature } from '../domain/patch.ts';
import { emptyLayers, type Plan } from '../domain/plan.ts';
import type { DxfArea } from '../io/dxf/dxf-preview.ts';
import type { ImportChoices, ImportedArea, PreviewOptions } from '../io/into-plan/preview-types.ts';
import type { ImportSummary, PackageSummary, PreviewSummary } from '../io/into-plan/import-session.ts';
import type { Result } from '../io/result.ts';
import type { OutputEncoding } from '../io/text/encode-text.ts';
import type { PrintFonts } from '../print/pdf.ts';
import type { IoApi } from '../worker/io.worker.ts';

type Cancelled = { readonly ok: false; readonly cancelled: true };
export type Settled<T> = Result<T> | Cancelled;

const failed = (error: unknown) => failure('io.ui.workerFailed', { detail: error instanceof Error ? error.message : String(error) });

export interface IoJob<T> {
  readonly done: Promise<Settled<T>>;
  cancel(): void;
}

function start<T>(run: (api: Remote<IoApi>) => Promise<Result<T>>): IoJob<T> {
  const worker = new Worker(new URL('../worker/io.worker.ts', import.meta.url), { type: 'module', name: 'io' });
  let settle: (value: Cancelled) => void = () => {};
  const cancelled = new Promise<Cancelled>((resolve) => (settle = resolve));
  const done = Promise.race([run(wrap<IoApi>(worker)).catch(failed), cancelled]).finally(() => worker.terminate());
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
  /** Encoding, datum parameters, the plan's boundary and outlines, and the planner's choices so far (a re-read keeps them). */
  readonly options: Omit<PreviewOptions, 'onProgress'>;
  readonly onProgress?: (done: number) => void;
}

/** Features per message when an import's features come over: ~10 ms of unpacking each. */
const SLICE = 1000;

/** Each answer to an import, in benchmark builds: how many times the worker has parsed files so far (its `detail`). */
export const IMPORT_PARSES = 'io-import-parses';

/**
 * One import held in an io worker of its own: the files parsed once (`open`), then previews with other
 * choices (`apply`) and, once confirmed, the features the plan gets, in slices. `close` terminates the
 * worker, which stops whatever it is doing; every pending answer then settles as cancelled.
 */
export class HeldImport {
  static #ids = 0;
  readonly #worker = new Worker(new URL('../worker/io.worker.ts', import.meta.url), { type: 'module', name: 'io' });
  readonly #api = wrap<IoApi>(this.#worker);
  readonly #id = ++HeldImport.#ids;
  #stop: (cancelled: Cancelled) => void = () => {};
  readonly #stopped = new Promise<Cancelled>((resolve) => (this.#stop = resolve));

  /** Parses the files; `done` settles with the summary of what is now held (or why nothing is). */
  static open(request: ReadRequest): { readonly held: HeldImport; readonly done: Promise<Settled<ImportSummary>> } {
    const held = new HeldImport();
    // Copies are transferred so the dialog keeps its own bytes for a re-read with another encoding or datum.
    const files = request.files.map((f) => ({ name: f.name, bytes: f.bytes.slice() }));
    const progress = request.onProgress ? proxy(request.onProgress) : undefined;
    const done = held.#ask(async (api, id) => held.#counted(await api.openImport(id, transfer(files, files.map((f) => f.bytes.buffer as ArrayBuffer)), request.options, progress)));
    return { held, done };
  }

  /** The layer's preview with these choices, made from what the worker holds. */
  apply(choices: ImportChoices): Promise<Settled<PreviewSummary>> {
    return this.#ask(async (api, id) => this.#counted(success(await api.applyImport(id, choices))));
  }

  parcels(count: number): Promise<Settled<FeatureOf<'base'>[]>> {
    return this.#ask((api, id) => inSlices(count, (from, to) => api.importParcels(id, from, to)));
  }

  areas(count: number): Promise<Settled<ImportedArea[]>> {
    return this.#ask((api, id) => inSlices(count, (from, to) => api.importAreas(id, from, to)));
  }

  dxfAreas(count: number): Promise<Settled<DxfArea[]>> {
    return this.#ask((api, id) => inSlices(count, (from, to) => api.importDxfAreas(id, from, to)));
  }

  /** A package's plan, its features put back into their layers in the order they came. */
  plan(summary: PackageSummary): Promise<Settled<Plan>> {
    const count = summary.counts.reduce((n, c) => n + c.count, 0);
    return this.#ask(async (api, id) => {
      const features = await inSlices(count, (from, to) => api.importPlanFeatures(id, from, to));
      if (!features.ok) return features;
      return success(applyPatch({ ...summary.plan, layers: emptyLayers() }, { features: features.value.map(putFeature) }).plan);
    });
  }

  close(): void {
    this.#worker.terminate();
    this.#stop({ ok: false, cancelled: true });
  }

  #ask<T>(work: (api: Remote<IoApi>, id: number) => Promise<Result<T>>): Promise<Settled<T>> {
    return Promise.race([work(this.#api, this.#id).catch(failed), this.#stopped]);
  }

  async #counted<T>(answer: Result<T>): Promise<Result<T>> {
    if (import.meta.env.VITE_VILLAGE_BENCH === '1') performance.mark(IMPORT_PARSES, { detail: await this.#api.parses() });
    return answer;
  }
}

async function inSlices<T>(count: number, slice: (from: number, to: number) => Promise<T[]>): Promise<Result<T[]>> {
  const list: T[] = [];
  for (let from = 0; from < count; from += SLICE) list.push(...(await slice(from, from + SLICE)));
  return success(list);
}

export function exportInWorker(plan: Plan, encoding: OutputEncoding, fonts: PrintFonts | null, onProgress: (done: number) => void): IoJob<Uint8Array> {
  return start((api) => api.exportPackage(plan, encoding, fonts, proxy(onProgress)));
}

export function exportDxfInWorker(plan: Plan, onProgress: (done: number) => void): IoJob<Uint8Array> {
  return start((api) => api.exportDxf(plan, proxy(onProgress)));
}

/** The io worker as the session hands it to the UI: an import held open, an export as a job (tests give fakes). */
export interface IoLink {
  hold(request: ReadRequest): { readonly held: HeldImport; readonly done: Promise<Settled<ImportSummary>> };
  exportPackage: typeof exportInWorker;
  exportDxf: typeof exportDxfInWorker;
}

export const ioWorkers: IoLink = { hold: (request) => HeldImport.open(request), exportPackage: exportInWorker, exportDxf: exportDxfInWorker };
