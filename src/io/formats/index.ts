/**
 * The format registry (style.md): an explicit list, one file per format. `importFiles` is the one entry
 * for whatever a planner drops or picks (loose files, zips, several layers at once): sizes checked before
 * reading, zips opened safely, files grouped into datasets by the formats, each dataset read; the first
 * error stops the whole import, so nothing is imported half-way.
 */
import { extensionOf, fileName, type FileInfo, type InputFile } from '../files.ts';
import { checkSizes, DEFAULT_LIMITS } from '../limits.ts';
import { failure, listSome, note, success, type Result } from '../result.ts';
import { readZip } from '../zip/zip-read.ts';
import { dxfFormat } from './dxf.format.ts';
import { geojsonFormat } from './geojson.format.ts';
import { parcelCoordsFormat } from './parcel-coords.format.ts';
import { shapefileFormat } from './shapefile.format.ts';
import type { LayerRead } from './georeference.ts';
import type { FileFormat, ImportedLayer, ReadOptions } from './types.ts';

export const FORMATS: readonly FileFormat[] = [shapefileFormat, geojsonFormat, parcelCoordsFormat, dxfFormat];

/** Extensions a file picker offers: every format's, plus zip. */
export const IMPORT_EXTENSIONS: readonly string[] = ['zip', ...new Set(FORMATS.flatMap((f) => f.extensions))];

/** Sidecar files of Shapefiles and GIS tools that carry nothing an import needs; not worth a note. */
export const QUIET = ['sbn', 'sbx', 'qpj', 'xml', 'qix', 'cst', 'qmd', 'fix', 'atx', 'ain', 'aih', 'idx'];

/** For the UI: refuse before reading a byte (a browser `File` knows its size up front). */
export function checkBeforeReading(files: readonly FileInfo[], options: ReadOptions = {}): Result<void> {
  return checkSizes(files, options.limits ?? DEFAULT_LIMITS);
}

export interface ExpandedFiles {
  /** Loose files as given, and the members of every zip (`村.zip/图层/DLTB.shp`) a format may read. */
  readonly files: readonly InputFile[];
  /** Zip members no format reads (named for the "ignored" note). */
  readonly unread: readonly string[];
}

/**
 * Sizes checked, then zips opened (safely: declared sizes before inflating) into their members. Shared by
 * `importFiles` and the package reader (package/read-files.ts), which picks its layers from the members.
 */
export function expandFiles(files: readonly InputFile[], options: ReadOptions = {}): Result<ExpandedFiles> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const sized = checkSizes(files.map((f) => ({ name: f.name, size: f.bytes.length })), limits);
  if (!sized.ok) return sized;
  const expanded: InputFile[] = [];
  const unread: string[] = [];
  for (const file of files) {
    if (extensionOf(file.name) !== 'zip') {
      expanded.push(file);
      continue;
    }
    const members = readZip(file, { limits, wanted: (path) => IMPORT_EXTENSIONS.includes(extensionOf(path)) && extensionOf(path) !== 'zip' });
    if (!members.ok) return members;
    expanded.push(...members.value.files);
    unread.push(...members.value.skipped.map((path) => `${fileName(file.name)}/${path}`));
  }
  return success({ files: expanded, unread });
}

export function importFiles(files: readonly InputFile[], options: ReadOptions = {}): Result<ImportedLayer[]> {
  const read = readLayers(files, options);
  if (!read.ok) return read;
  return success(
    read.value.map((r) => r.layer),
    [...read.value.flatMap((r) => r.notes), ...read.notes],
  );
}

/**
 * What `importFiles` reads, each layer with its own notes (the import applies the GCJ-02 conversion to a
 * layer it holds, which changes that layer's notes: `convertedFromGcj02`); the result's notes are the
 * files' own (ignored files).
 */
export function readLayers(files: readonly InputFile[], options: ReadOptions = {}): Result<LayerRead[]> {
  const opened = expandFiles(files, options);
  if (!opened.ok) return opened;
  const expanded = opened.value.files;
  const unread = opened.value.unread;

  const layers: LayerRead[] = [];
  const claimed = new Set<InputFile>();
  const datasets: { format: FileFormat; dataset: readonly InputFile[] }[] = [];
  for (const format of FORMATS) {
    for (const dataset of format.claim(expanded.filter((f) => !claimed.has(f)))) {
      dataset.forEach((f) => claimed.add(f));
      datasets.push({ format, dataset });
    }
  }
  const progress = options.onProgress;
  for (const [i, { format, dataset }] of datasets.entries()) {
    // Each dataset its share of the bar; a format reports within its share (shapefile: per 1,000 records).
    const within = progress ? { ...options, onProgress: (done: number) => progress((i + done) / datasets.length) } : options;
    const layer = readSafely(format, dataset, within);
    if (!layer.ok) return layer;
    layers.push({ layer: layer.value, notes: layer.notes });
  }
  const ignored = [...expanded.filter((f) => !claimed.has(f)).map((f) => f.name), ...unread].filter((name) => !QUIET.includes(extensionOf(name)));
  if (layers.length === 0) {
    // A zip inside the zip (村.zip holding 成果.zip, as counties often pass packages on) is not opened: say so.
    const inner = unread.filter((name) => extensionOf(name) === 'zip');
    if (inner.length) return failure('io.zip.zipInZip', { file: listSome(files.map((f) => fileName(f.name))), inner: listSome(inner.map(fileName)) });
    return failure('io.import.nothingToImport', { files: listSome(files.map((f) => fileName(f.name))) });
  }
  return success(layers, ignored.length ? [note('io.import.ignoredFiles', { files: listSome(ignored) })] : []);
}

/**
 * Readers check what they read, so an exception here is a bug; but a planner's file must never take the
 * app or the CLI down with it: the bug becomes a message naming the file, and the import stops cleanly.
 */
function readSafely(format: FileFormat, dataset: readonly InputFile[], options: ReadOptions): Result<ImportedLayer> {
  try {
    return format.read(dataset, options);
  } catch (error) {
    return failure('io.import.unexpected', { file: fileName(dataset[0]?.name ?? ''), detail: error instanceof Error ? error.message : String(error) });
  }
}
