/**
 * The import/export worker: reading files (a 20,000-parcel Shapefile takes seconds) and writing the
 * delivery package run here so the map never freezes. Progress goes back through a Comlink proxy;
 * cancelling terminates the worker (io-client.ts), which stops a read wherever it is.
 */
import { expose } from 'comlink';
import { localDate } from '../domain/calendar.ts';
import type { Plan } from '../domain/plan.ts';
import { createI18n } from '../i18n/index.ts';
import type { InputFile } from '../io/files.ts';
import { previewFiles, type FilesPreview, type PreviewOptions } from '../io/into-plan/import-preview.ts';
import { holdsDxf, previewDxfFiles, type DxfFilesPreview } from '../io/dxf/dxf-preview.ts';
import { splitDxfPreview } from '../io/dxf/dxf-slices.ts';
import { writeDxf } from '../io/dxf/dxf-write.ts';
import { splitPreview } from '../io/into-plan/preview-slices.ts';
import { writeDelivery } from '../io/package/write-delivery.ts';
import type { Result } from '../io/result.ts';
import type { OutputEncoding } from '../io/text/encode-text.ts';
import { writeZip } from '../io/zip/zip-write.ts';
import { loadGeos } from '../geo/geos/geos-module.ts';
import type { PrintFonts } from '../print/pdf.ts';
import { RuleEngine } from '../rules/engine.ts';

const chinese = createI18n('zh-CN');

/**
 * The features of the last read, sent to the page in slices (io-client.ts `readInWorker`): 20,000 parcels
 * in one message take the page a few hundred milliseconds to unpack in one task; slices of a few
 * thousand keep each task short, so the map stays responsive while the preview arrives.
 */
let held: Record<string, readonly unknown[]> = {};

const api = {
  read(files: InputFile[], options: Omit<PreviewOptions, 'onProgress'>, onProgress?: (done: number) => void): Result<FilesPreview | DxfFilesPreview> {
    // Each report is a message to the page: one per percent is enough for a bar and costs the page nothing.
    let shown = -1;
    const report = (done: number) => {
      const percent = Math.floor(done * 100);
      if (percent <= shown) return;
      shown = percent;
      void onProgress?.(done);
    };
    // A CAD drawing has its own preview: its layers are mapped to plan layers one by one (io/dxf/).
    if (holdsDxf(files)) {
      const dxf = previewDxfFiles(files, { ...(options.encoding ? { encoding: options.encoding } : {}), ...(options.expectedLongitude !== undefined ? { expectedLongitude: options.expectedLongitude } : {}), ...(onProgress ? { onProgress: report } : {}) });
      if (!dxf.ok) return dxf;
      const { summary, lists } = splitDxfPreview(dxf.value);
      held = lists;
      return { ...dxf, value: summary };
    }
    const result = previewFiles(files, { ...options, ...(onProgress ? { onProgress: report } : {}) });
    if (!result.ok) return result;
    const { summary, lists } = splitPreview(result.value);
    held = lists;
    return { ...result, value: summary };
  },

  /** How many items each held list has (names as `splitPreview` gives them). */
  heldSizes(): Record<string, number> {
    return Object.fromEntries(Object.entries(held).map(([name, list]) => [name, list.length]));
  },

  heldSlice(name: string, from: number, to: number): unknown[] {
    return held[name]?.slice(from, to) ?? [];
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
