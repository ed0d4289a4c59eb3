/**
 * Reading the files of an import, in the io worker: a delivery package rebuilt into a plan, or the layers
 * read for a held layer (held-layer.ts) to preview with the planner's choices. Runs in the worker.
 */
import { LAYER_IDS } from '../../profiles/zhejiang-2017/layers.ts';
import { readLayers } from '../formats/index.ts';
import type { ReadOptions } from '../formats/types.ts';
import type { InputFile } from '../files.ts';
import { success, type Result } from '../result.ts';
import { readPackageFiles } from '../package/read-files.ts';
import type { LayersRead } from './held-layer.ts';
import type { PackagePreview, PreviewOptions } from './preview-types.ts';

function readOptionsOf(options: PreviewOptions): ReadOptions {
  const { encoding, crs, expectedLongitude, convertGcj02, datumParameters } = options;
  return { ...(encoding ? { encoding } : {}), ...(crs ? { crs } : {}), ...(expectedLongitude !== undefined ? { expectedLongitude } : {}), ...(convertGcj02 ? { convertGcj02 } : {}), ...(datumParameters?.length ? { datumParameters } : {}) };
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

/**
 * The files parsed for a layer import (most of the work: the progress bar's first 70 %), before any of the
 * choices a held layer applies: GCJ-02 is converted afterwards, when asked (held-layer.ts).
 */
export function readForImport(files: readonly InputFile[], options: PreviewOptions): Result<LayersRead> {
  const { onProgress } = options;
  const read = readLayers(files, { ...readOptionsOf({ ...options, convertGcj02: false }), ...(onProgress ? { onProgress: (done: number) => onProgress(done * 0.7) } : {}) });
  return read.ok ? success({ layers: read.value, notes: read.notes }, []) : read;
}
