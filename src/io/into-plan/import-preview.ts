/**
 * Files → what the import dialog shows and what the plan will get, in one value a Worker can send back
 * (plain data): the layers read with their CRS and encoding reports, the survey mapping when the first
 * layer is a land survey, what aligning its topology would do, and the features ready for each layer a
 * planner may choose. Runs in the worker.
 */
import { LAYER_IDS } from '../../domain/layers.ts';
import { readLayers } from '../formats/index.ts';
import type { ReadOptions } from '../formats/types.ts';
import type { InputFile } from '../files.ts';
import { success, type Result } from '../result.ts';
import { readPackageFiles } from '../package/read-files.ts';
import { HeldLayer, type LayersRead } from './held-layer.ts';
import type { FilesPreview, ImportPreview, PackagePreview, PreviewOptions } from './preview-types.ts';

function readOptionsOf(options: PreviewOptions): ReadOptions {
  const { encoding, expectedLongitude, convertGcj02, datumParameters } = options;
  return { ...(encoding ? { encoding } : {}), ...(expectedLongitude !== undefined ? { expectedLongitude } : {}), ...(convertGcj02 ? { convertGcj02 } : {}), ...(datumParameters?.length ? { datumParameters } : {}) };
}

/** Files → a delivery package when they hold one (JQDLTB and another package layer), else null. */
export function previewPackage(files: readonly InputFile[], options: PreviewOptions = {}): Result<PackagePreview> | null {
  const { onProgress } = options;
  const pkg = readPackageFiles(files, readOptionsOf(options), undefined, onProgress ? (done, total) => onProgress(done / total) : undefined);
  if (pkg === null || !pkg.ok) return pkg;
  const plan = pkg.value.plan;
  const counts = LAYER_IDS.map((layer) => ({ layer, count: Object.keys(plan.layers[layer]).length })).filter((c) => c.count > 0);
  return success({ files: files.map((f) => f.name).join(', '), plan, layers: pkg.value.layers, counts }, pkg.notes);
}

/** Files → a delivery package when they hold one, else the first layer's preview. */
export function previewFiles(files: readonly InputFile[], options: PreviewOptions = {}): Result<FilesPreview> {
  const pkg = previewPackage(files, options);
  if (pkg === null) {
    const layer = previewImport(files, options);
    return layer.ok ? success({ kind: 'layer', preview: layer.value }, layer.notes) : layer;
  }
  return pkg.ok ? success({ kind: 'package', package: pkg.value }, pkg.notes) : pkg;
}

/**
 * The files parsed for a layer import (most of the work: the progress bar's first 70 %), before any of the
 * choices a held layer applies: GCJ-02 is converted afterwards, when asked (held-layer.ts).
 */
export function readForImport(files: readonly InputFile[], options: PreviewOptions): Result<LayersRead> {
  const { onProgress } = options;
  const read = readLayers(files, { ...readOptionsOf({ ...options, convertGcj02: false }), ...(onProgress ? { onProgress: (done: number) => onProgress(done * 0.7) } : {}) });
  return read.ok ? success({ layers: read.value, notes: read.notes }, []) : read;
}

/** One read, one preview: what the io worker's held layer gives for the same files and choices. */
export function previewImport(files: readonly InputFile[], options: PreviewOptions): Result<ImportPreview> {
  const read = readForImport(files, options);
  if (!read.ok) return read;
  return success(new HeldLayer(read.value, options).preview(options, options.onProgress), []);
}
