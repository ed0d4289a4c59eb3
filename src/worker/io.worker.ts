/**
 * The import/export worker: reading files (a 20,000-parcel Shapefile takes seconds) and writing the
 * delivery package run here so the map never freezes. Progress goes back through a Comlink proxy;
 * cancelling terminates the worker (app/io-client.ts), which stops a read wherever it is. An import is parsed
 * once and held (io/into-plan/import-session.ts): the planner's later choices are applied to what was
 * read, and the features come over in slices only when the import is confirmed. The API is typed end to
 * end: the page calls it through Comlink's `Remote<IoApi>`.
 */
import { expose } from 'comlink';
import { localDate } from '../domain/calendar.ts';
import type { FeatureOf, PlanFeature } from '../domain/features.ts';
import type { Plan } from '../domain/plan.ts';
import { createI18n } from '../i18n/index.ts';
import type { InputFile } from '../io/files.ts';
import type { ImportChoices, ImportedArea, PreviewOptions } from '../io/into-plan/preview-types.ts';
import { ImportSession, type ImportSummary, type PreviewSummary } from '../io/into-plan/import-session.ts';
import type { DxfArea } from '../io/dxf/dxf-preview.ts';
import { writeDxf } from '../io/dxf/dxf-write.ts';
import { writeDelivery } from '../io/package/write-delivery.ts';
import type { Result } from '../io/result.ts';
import type { OutputEncoding } from '../io/text/encode-text.ts';
import { writeZip } from '../io/zip/zip-write.ts';
import { loadGeos } from '../geo/geos/geos-module.ts';
import type { PrintFonts } from '../print/pdf.ts';
import { RuleEngine } from '../rules/engine.ts';

const chinese = createI18n('zh-CN');

/** What each import read, by session id (app/io-client.ts `HeldImport`), until the page terminates the worker. */
const sessions = new Map<number, ImportSession>();
/** How many times this worker parsed files: `bench:io` shows that confirming a mapping change adds none. */
let parses = 0;

function session(id: number): ImportSession {
  const held = sessions.get(id);
  if (!held) throw new Error(`no import session ${id}`);
  return held;
}

const api = {
  /** Parses the files and holds what was read as session `id`; the page gets the summary (no features). */
  openImport(id: number, files: InputFile[], options: Omit<PreviewOptions, 'onProgress'>, onProgress?: (done: number) => void): Result<ImportSummary> {
    // Each report is a message to the page: one per percent is enough for a bar and costs the page nothing.
    let shown = -1;
    const report = (done: number) => {
      const percent = Math.floor(done * 100);
      if (percent <= shown) return;
      shown = percent;
      void onProgress?.(done);
    };
    parses++;
    const opened = ImportSession.open(files, { ...options, ...(onProgress ? { onProgress: report } : {}) });
    if (!opened.ok) return opened;
    sessions.set(id, opened.value);
    return { ok: true, value: opened.value.summary, notes: opened.notes };
  },

  /** The held layer's preview with other GCJ-02, alignment, repair or mapping choices: nothing is parsed again. */
  applyImport(id: number, choices: ImportChoices): PreviewSummary {
    return session(id).apply(choices);
  },

  importParcels(id: number, from: number, to: number): FeatureOf<'base'>[] {
    return session(id).parcels(from, to);
  },

  importAreas(id: number, from: number, to: number): ImportedArea[] {
    return session(id).areas(from, to);
  },

  importDxfAreas(id: number, from: number, to: number): DxfArea[] {
    return session(id).dxfAreas(from, to);
  },

  importPlanFeatures(id: number, from: number, to: number): PlanFeature[] {
    return session(id).planFeatures(from, to);
  },

  parses(): number {
    return parses;
  },

  /** The delivery package; with the print fonts, 4.图像文件/ holds the 现状图 and 规划图 JPGs (io/package/delivery-maps.ts). */
  async exportPackage(plan: Plan, encoding: OutputEncoding, fonts: PrintFonts | null, onProgress: (done: number) => void): Promise<Result<Uint8Array>> {
    await loadGeos();
    // One engine for the derived layers and the QC summary: the plan is derived and checked once.
    const engine = new RuleEngine(plan);
    const check = engine.result();
    onProgress(0.1);
    const maps = fonts ? { maps: { fonts, date: localDate(new Date()) } } : {};
    const written = await writeDelivery(engine.checkState, { t: (key, params) => chinese.t(key, params ?? {}), encoding, check, ...maps, onProgress: (done) => onProgress(0.1 + done * 0.8) });
    if (!written.ok) return written;
    const zip = writeZip(written.value.files);
    onProgress(1);
    return { ok: true, value: zip, notes: written.notes };
  },

  /** The plan as a CAD drawing (io/dxf/dxf-write.ts), layer and class names in Chinese. */
  exportDxf(plan: Plan, onProgress: (done: number) => void): Result<Uint8Array> {
    const written = writeDxf(plan, { t: (key, params) => chinese.t(key, params ?? {}), onProgress: (done) => void onProgress(done) });
    return written.ok ? { ok: true, value: written.value.bytes, notes: written.notes } : written;
  },
};

export type IoApi = typeof api;

expose(api);
