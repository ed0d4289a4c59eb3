/**
 * Reads a package folder from disk (Node only): finds the layer files by name anywhere a few levels down
 * (provincial packages keep them in `3.规划图形数据/`), and the sidecar `规划参数.json` (in `6.其他数据/`,
 * package-inputs.ts), parses them and rebuilds the plan. Every failure names the file and the reason; a
 * sidecar that cannot be used is a note, never a failure.
 *
 * A package with every layer as GeoJSON (ours, and any that carries RFC 7946 copies) is read here, layer by
 * layer, leaving out the rows the plan does not use as it goes. A package whose layers are Shapefiles, as
 * ArcGIS and most other tools deliver them (CRS from the `.prj`, text from the `.cpg`), is read as the
 * editor reads one (read-files.ts): each layer from its GeoJSON when there is one, else its Shapefile. A
 * layer whose GeoJSON cannot be read is read from its Shapefile when it has one, with a note (orShapefile).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Message, Result } from '../../domain/message.ts';
import type { SourceCrs } from '../crs/source-crs.ts';
import type { InputFile } from '../files.ts';
import { readGeoJsonLayer } from './geojson-layer.ts';
import { INPUTS_FILE_NAME, readPlanInputs, type PlanInputs } from './package-inputs.ts';
import { layerFileNote, layerNameOf, PACKAGE_LAYER_NAMES, REQUIRED_LAYERS, type KeepRow, type PackageLayer, type PackageLayerName, type PackageLayers } from './package-layers.ts';
import { orShapefile, readPackageFiles, readShapefileLayer, shapefileLayerOf, shapefileParts } from './read-files.ts';
import { reconstructPlan, type ReconstructedPlan } from './reconstruct.ts';
import { changePiecesOf, rowsUsed } from './rows-used.ts';
import { twoPackages } from './two-packages.ts';

/**
 * Folders looked into below the one given. A package's layers are two down (`3.规划图形数据/Shapefile/`);
 * Windows' “Extract All” of 成果.zip puts the zip's own folders (`村庄规划成果/<村>/`) inside one more, so
 * a package zipped and then extracted is four down, and read as its zip is (a zip is searched at any depth).
 */
const MAX_DEPTH = 5;
const MAX_ENTRIES = 5_000;
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

interface FolderFiles {
  /** Each layer's GeoJSON file. */
  readonly layers: Map<PackageLayerName, string>;
  /** The parts (.shp, .dbf, .prj …) of the package layers' Shapefiles, and the layers they are of. */
  readonly shapefileParts: readonly string[];
  readonly shapefileLayers: ReadonlySet<PackageLayerName>;
  readonly inputs: string | null;
  /** Every GeoJSON layer file and package layer .shp found, for twoPackages. */
  readonly layerPaths: readonly string[];
}

function layerFiles(root: string): FolderFiles {
  const found = new Map<PackageLayerName, string>();
  const shapefileParts: string[] = [];
  const shapefileLayers = new Set<PackageLayerName>();
  let inputs: string | null = null;
  const layerPaths: string[] = [];
  let seen = 0;
  // Breadth first: the layers two folders down are found before the budget of entries goes on the
  // sub-folders of 1.规划文档数据 or 4.图像文件, however deep those are.
  const folders: { readonly dir: string; readonly depth: number }[] = [{ dir: root, depth: 0 }];
  const walk = (dir: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      return; // an unreadable sub-folder is not where the layers are; a missing layer is reported below
    }
    for (const entry of entries) {
      if (++seen > MAX_ENTRIES) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory() && depth < MAX_DEPTH) folders.push({ dir: path, depth: depth + 1 });
      const name = entry.isFile() ? layerNameOf(entry.name) : undefined;
      if (name && !found.has(name)) found.set(name, path);
      if (name || (shapefileLayerOf(entry.name) && entry.name.toLowerCase().endsWith('.shp'))) layerPaths.push(path);
      const shapefileLayer = entry.isFile() ? shapefileLayerOf(entry.name) : undefined;
      if (shapefileLayer) {
        shapefileParts.push(path);
        if (entry.name.toLowerCase().endsWith('.shp')) shapefileLayers.add(shapefileLayer);
      }
      if (entry.isFile() && entry.name === INPUTS_FILE_NAME && inputs === null) inputs = path;
    }
  };
  for (let next = folders.shift(); next && seen <= MAX_ENTRIES; next = folders.shift()) walk(next.dir, next.depth);
  return { layers: found, shapefileParts, shapefileLayers, inputs, layerPaths };
}

/** A file's bytes, named as the user knows it, or the failure that names it. */
function readNamed(path: string): Result<InputFile> {
  const shown = relative(process.cwd(), path) || path;
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) return { ok: false, error: { key: 'cli.unreadable', params: { file: shown, reasonKey: 'cli.tooLarge', sizeMiB: Math.round(size / 2 ** 20), limitMiB: MAX_FILE_BYTES / 2 ** 20 } } };
    return { ok: true, value: { name: shown, bytes: readFileSync(path) }, notes: [] };
  } catch {
    // Gone or unreadable between listing and reading: a message, never a stack trace.
    return { ok: false, error: { key: 'cli.unreadable', params: { file: shown, reasonKey: 'cli.notFound' } } };
  }
}

/**
 * A package some of whose layers are Shapefiles only: read as the editor reads one (read-files.ts), which
 * takes a layer's GeoJSON where there is one. The Shapefiles of the layers with GeoJSON are read from disk
 * too, for the reader to fall back on when a GeoJSON cannot be read: the files are held until the plan is
 * built, which costs memory only in this mixed case (a folder all GeoJSON reads a layer's Shapefile only then).
 */
function readWithShapefiles(folder: string, found: FolderFiles, profileId: string | undefined, crs: SourceCrs | undefined): Result<ReconstructedPlan> {
  const files: InputFile[] = [];
  for (const path of [...found.layers.values(), ...found.shapefileParts, ...(found.inputs ? [found.inputs] : [])]) {
    const file = readNamed(path);
    if (!file.ok) return file;
    files.push(file.value);
  }
  const hasParcels = found.layers.has('JQDLTB') || found.shapefileLayers.has('JQDLTB');
  return readPackageFiles(files, crs ? { crs } : {}, profileId) ?? { ok: false, error: { key: 'cli.unreadable', params: { file: folder, reasonKey: hasParcels ? 'package.parcelsOnly' : 'package.noLayers' } } };
}

/** A layer from its Shapefile parts on disk, as the editor reads one (read-files.ts). */
function shapefileFromDisk(name: PackageLayerName, paths: readonly string[], keep: KeepRow | undefined, crs: SourceCrs | undefined): Result<PackageLayer> {
  const files: InputFile[] = [];
  for (const path of paths) {
    const file = readNamed(path);
    if (!file.ok) return file;
    files.push(file.value);
  }
  return readShapefileLayer(name, files, crs ? { crs } : {}, keep);
}

/** The sidecar, or null with a note when it is missing from disk, too large or unusable. */
function readInputs(path: string | null, notes: Message[]): PlanInputs | null {
  if (path === null) return null;
  const shown = relative(process.cwd(), path) || path;
  let bytes: Uint8Array;
  try {
    if (statSync(path).size > MAX_FILE_BYTES) {
      notes.push({ key: 'package.inputs.damaged', params: { file: shown, detail: 'too large' } });
      return null;
    }
    bytes = readFileSync(path);
  } catch {
    notes.push({ key: 'package.inputs.damaged', params: { file: shown, detail: 'unreadable' } });
    return null;
  }
  const read = readPlanInputs(shown, bytes);
  notes.push(...read.notes);
  return read.inputs;
}

/** `crs`: the system of every layer, whatever the files say (the command line's --crs). */
export function readPackageFolder(folder: string, profileId?: string, crs?: SourceCrs): Result<ReconstructedPlan> {
  const found = layerFiles(folder);
  const copies = twoPackages([...found.layerPaths].map((path) => relative(process.cwd(), path) || path));
  if (copies) return { ok: false, error: copies };
  const files = found.layers;
  if ([...found.shapefileLayers].some((name) => !files.has(name))) return readWithShapefiles(folder, found, profileId, crs);
  if (!REQUIRED_LAYERS.every((name) => files.has(name))) return { ok: false, error: { key: 'cli.unreadable', params: { file: folder, reasonKey: 'package.noLayers' } } };
  const layers: PackageLayers = {};
  const notes: Message[] = [];
  // The sidecar first: the GHYT rows it names as change pieces are kept while GHYT is read (rows-used.ts).
  // Its notes follow the layers', as they always have.
  const inputNotes: Message[] = [];
  const inputs = readInputs(found.inputs, inputNotes);
  const changePieces = changePiecesOf(inputs?.changes ?? []);
  const shapefiles = shapefileParts(found.shapefileParts.map((path) => ({ name: path })));
  // In the package's layer order, so each keep test knows the layers it depends on.
  for (const name of PACKAGE_LAYER_NAMES) {
    const path = files.get(name);
    if (!path) continue;
    const file = readNamed(path);
    if (!file.ok) return file;
    const shown = file.value.name;
    const keep = rowsUsed(name, { layers, changePieces });
    const geojson = readGeoJsonLayer(name, shown, file.value.bytes, keep, crs);
    // As the zip reader says it (read-files.ts): which file, that a package's GeoJSON must be UTF-8, and to export it again;
    // or, with the layer's Shapefile beside it, read from that with a note. Its parts are read from disk only then.
    const parts = shapefiles.get(name);
    const layer = orShapefile(geojson, shown, parts && (() => shapefileFromDisk(name, parts.map((p) => p.name), keep, crs)));
    if (!layer.ok) return layer;
    const named = layerFileNote(name, layer.value.file);
    notes.push(...(named ? [named] : []), ...layer.notes);
    layers[layer.value.name] = layer.value;
  }
  notes.push(...inputNotes);
  const plan = reconstructPlan(layers, { ...(profileId ? { profileId } : {}), inputs, inputsFound: found.inputs !== null });
  return plan.ok ? { ...plan, notes: [...notes, ...plan.notes] } : plan;
}
