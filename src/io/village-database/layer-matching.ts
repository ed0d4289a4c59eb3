/**
 * Where a village planning database's layers are among the files of a folder (pure): each layer by its file
 * name in any case (`LAYER_FILE_NAMES`), as a Shapefile or GeoJSON, in the folder or one level down (a
 * `村庄规划数据库/` sub-folder), a Shapefile with its parts beside it, and the Excel workbooks. One rule for
 * a folder on disk (layer-files.ts walks it) and for a list of files a browser was given (read-village-files.ts).
 */
import { LAYER_FILE_NAMES } from '../../profiles/zhejiang-2026/layer-file-names.ts';
import type { VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { extensionOf, fileName, stemOf, type InputFile } from '../files.ts';
import type { Message, Result } from '../result.ts';

/** A file of the opened folder. */
export interface ListedFile {
  /** As messages name it: the full path on disk, or the path in the list given (a zip's members under the zip's name). */
  readonly path: string;
  /** From the opened folder, folders separated by `/`: where the matching looks (how deep, which files lie beside it). */
  readonly relative: string;
}

export interface FolderContents<F extends ListedFile> {
  /** The first file found for each layer (the folder before its sub-folders, names in order). */
  readonly layers: ReadonlyMap<VillageLayerName, F>;
  /** Further files naming a layer already found: ignored, and said so. */
  readonly duplicates: readonly { readonly layer: VillageLayerName; readonly file: F; readonly kept: F }[];
  /** Excel workbooks (not Excel's `~$` lock files), in the same order. */
  readonly workbooks: readonly F[];
  /**
   * Shapefiles and GeoJSON files named after no layer (not `.json`: 规划参数.json and such are no layers), each
   * with the layer whose file name its own begins with (`GHDLTB_2` → GHDLTB), if one does: not read, and said so.
   */
  readonly unmatched: readonly { readonly file: F; readonly partOf: VillageLayerName | undefined }[];
}

/** The folder and one level down: CCTool's output puts the layers in `<村>数据库/`. */
export const MAX_DEPTH = 1;

const LAYER_EXTENSIONS = ['shp', 'geojson', 'json'];
/** The layer extensions no other file of a delivery has. */
const CERTAIN_LAYER_EXTENSIONS = ['shp', 'geojson'];
const SHAPEFILE_PARTS = ['shp', 'shx', 'dbf', 'prj', 'cpg'];
const WORKBOOK_EXTENSION = 'xlsx';

/** A file that cannot be used, named with the reason (the file's own path wins over a format's `file`). */
export const unreadable = (file: string, reasonKey: string, params: Message['params'] = {}): Result<never> => ({ ok: false, error: { key: 'cli.unreadable', params: { ...params, reasonKey, file } } });

const BY_FILE_NAME: ReadonlyMap<string, VillageLayerName> = new Map(
  (Object.entries(LAYER_FILE_NAMES) as [VillageLayerName, readonly string[]][]).flatMap(([layer, names]) => names.map((name) => [name.toLowerCase(), layer] as const)),
);

const stemOfName = (name: string): string => fileName(stemOf(name)).toLowerCase();

/** The layer a file is, by its name without extension in any case; undefined for any other file. */
export function layerOfFile(name: string): VillageLayerName | undefined {
  if (!LAYER_EXTENSIONS.includes(extensionOf(name))) return undefined;
  return BY_FILE_NAME.get(stemOfName(name));
}

/** The layer whose longest file name a stem begins with (`ghdltb_2`, `规划用地2`), for a file named after none. */
function layerNamePrefixOf(name: string): VillageLayerName | undefined {
  const stem = stemOfName(name);
  const prefixes = [...BY_FILE_NAME].filter(([fileStem]) => stem.startsWith(fileStem)).sort(([a], [b]) => b.length - a.length);
  return prefixes[0]?.[1];
}

/** Whether the matching could need the file: a layer, a Shapefile's part or a workbook (a zip inflates only these). */
export const mayBeNeeded = (name: string): boolean => [...LAYER_EXTENSIONS, ...SHAPEFILE_PARTS, WORKBOOK_EXTENSION].includes(extensionOf(name));

/** How many folders down from the opened folder a file is. */
export const depthOf = (relative: string): number => relative.split('/').length - 1;

const folderOf = (relative: string): string => relative.slice(0, relative.length - fileName(relative).length);

/** The folder's own files (names in order), then each sub-folder's in order, as a walk of the folder meets them. */
function walkOrder(a: ListedFile, b: ListedFile): number {
  return depthOf(a.relative) - depthOf(b.relative) || folderOf(a.relative).localeCompare(folderOf(b.relative)) || fileName(a.relative).localeCompare(fileName(b.relative));
}

/** The layer files and workbooks among a folder's files; files deeper than `MAX_DEPTH` are not looked at. */
export function findFolderContents<F extends ListedFile>(files: readonly F[]): FolderContents<F> {
  const layers = new Map<VillageLayerName, F>();
  const duplicates: { layer: VillageLayerName; file: F; kept: F }[] = [];
  const workbooks: F[] = [];
  const unmatched: { file: F; partOf: VillageLayerName | undefined }[] = [];
  for (const file of files.filter((f) => depthOf(f.relative) <= MAX_DEPTH).sort(walkOrder)) {
    const name = fileName(file.relative);
    if (extensionOf(name) === WORKBOOK_EXTENSION && !name.startsWith('~$')) workbooks.push(file);
    const layer = layerOfFile(name);
    if (!layer) {
      if (CERTAIN_LAYER_EXTENSIONS.includes(extensionOf(name))) unmatched.push({ file, partOf: layerNamePrefixOf(name) });
      continue;
    }
    const kept = layers.get(layer);
    if (kept === undefined) layers.set(layer, file);
    else duplicates.push({ layer, file, kept });
  }
  return { layers, duplicates, workbooks, unmatched };
}

/** A Shapefile's parts beside it among the files (`.shp`, `.shx`, `.dbf`, `.prj`, `.cpg` of the same name in any case); a GeoJSON alone. */
export function partsOf<F extends ListedFile>(layer: F, files: readonly F[]): readonly F[] {
  if (extensionOf(layer.relative) !== 'shp') return [layer];
  const folder = folderOf(layer.relative);
  const stem = stemOfName(layer.relative);
  return files.filter((f) => folderOf(f.relative) === folder && SHAPEFILE_PARTS.includes(extensionOf(f.relative)) && stemOfName(f.relative) === stem);
}

/** A file's bytes: from the disk, or from the list a browser was given. */
export type ReadBytes<F extends ListedFile> = (file: F) => Result<Uint8Array>;

/** A layer's files as the formats take them (named without their folders): a Shapefile with every part beside it, or a GeoJSON alone. */
export function layerInputFiles<F extends ListedFile>(layer: F, files: readonly F[], readBytes: ReadBytes<F>): Result<InputFile[]> {
  const inputs: InputFile[] = [];
  for (const part of partsOf(layer, files)) {
    const bytes = readBytes(part);
    if (!bytes.ok) return bytes;
    inputs.push({ name: fileName(part.relative), bytes: bytes.value });
  }
  return { ok: true, value: inputs, notes: [] };
}
