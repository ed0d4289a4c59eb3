/**
 * Where a village planning database's layers are in a folder (Node only): each layer by its file name, in
 * any case, under the database's name (JQDLTB) or the name CCTool's input folder gives it (现状用地)
 * [cct:chk], as a Shapefile or GeoJSON, in the folder or one level down (a `村庄规划数据库/` sub-folder).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import type { InputFile } from '../files.ts';
import { MAX_FILE_BYTES } from '../package/read-folder.ts';
import type { Message, Result } from '../result.ts';

/** A file that cannot be used, named with the reason (the file's own path wins over a format's `file`). */
export const unreadable = (file: string, reasonKey: string, params: Message['params'] = {}): Result<never> => ({ ok: false, error: { key: 'cli.unreadable', params: { ...params, reasonKey, file } } });

/** A file's bytes, refused past the readers' size limit. */
export function readFileBytes(path: string): Result<Uint8Array> {
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) return unreadable(path, 'cli.tooLarge', { sizeMiB: Math.round(size / 2 ** 20), limitMiB: MAX_FILE_BYTES / 2 ** 20 });
    return { ok: true, value: readFileSync(path), notes: [] };
  } catch {
    return unreadable(path, 'cli.notFound');
  }
}

/** A layer's files as the formats take them: a Shapefile with every part beside it, or a GeoJSON alone. */
export function layerInputFiles(path: string): Result<InputFile[]> {
  const files: InputFile[] = [];
  for (const part of partsOf(path)) {
    const bytes = readFileBytes(part);
    if (!bytes.ok) return bytes;
    files.push({ name: basename(part), bytes: bytes.value });
  }
  return { ok: true, value: files, notes: [] };
}

/**
 * The file names each layer is found under: its database name first, then CCTool's input name [cct:chk]
 * (the reference layers' names are ours ⚠, village-database.ts). CJDCQJX has no CCTool input.
 */
export const LAYER_FILE_NAMES: Readonly<Record<VillageLayerName, readonly string[]>> = {
  JQDLTB: ['JQDLTB', '现状用地'],
  GHDLTB: ['GHDLTB', '规划用地'],
  GKBJ: ['GKBJ', '管控边界'],
  CJDCQ: ['CJDCQ', '村级调查区'],
  CJDCQJX: ['CJDCQJX', '村级调查区界线'],
  GGJCSSD: ['GGJCSSD', '现状公服'],
  GHGGJCSSD: ['GHGGJCSSD', '规划公服'],
  LSWHBHQ: ['LSWHBHQ', '文保'],
  YJJBNT: ['YJJBNT', '永久基本农田'],
  STBHHX: ['STBHHX', '生态保护红线'],
  CZKFBJ: ['CZKFBJ', '城镇开发边界'],
};

const LAYER_EXTENSIONS = ['.shp', '.geojson', '.json'];
const WORKBOOK_EXTENSION = '.xlsx';
/** The folder and one level down: CCTool's output puts the layers in `<村>数据库/`. */
const MAX_DEPTH = 1;
const MAX_ENTRIES = 5_000;

export interface FolderContents {
  /** The first file found for each layer (the folder before its sub-folders, names in order). */
  readonly layers: ReadonlyMap<VillageLayerName, string>;
  /** Further files naming a layer already found: ignored, and said so. */
  readonly duplicates: readonly { readonly layer: VillageLayerName; readonly file: string; readonly kept: string }[];
  /** Excel workbooks (not Excel's `~$` lock files), in the same order. */
  readonly workbooks: readonly string[];
}

const BY_FILE_NAME: ReadonlyMap<string, VillageLayerName> = new Map(
  (Object.entries(LAYER_FILE_NAMES) as [VillageLayerName, readonly string[]][]).flatMap(([layer, names]) => names.map((name) => [name.toLowerCase(), layer] as const)),
);

/** The layer a file is, by its name without extension in any case; undefined for any other file. */
export function layerOfFile(fileName: string): VillageLayerName | undefined {
  const extension = extname(fileName).toLowerCase();
  if (!LAYER_EXTENSIONS.includes(extension)) return undefined;
  return BY_FILE_NAME.get(basename(fileName, extname(fileName)).toLowerCase());
}

/** The layer files and workbooks of a folder; unreadable sub-folders are skipped (a missing layer is reported by the caller). */
export function findFolderContents(root: string): FolderContents {
  const layers = new Map<VillageLayerName, string>();
  const duplicates: { layer: VillageLayerName; file: string; kept: string }[] = [];
  const workbooks: string[] = [];
  let seen = 0;
  const walk = (dir: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      return;
    }
    const folders: string[] = [];
    for (const entry of entries) {
      if (++seen > MAX_ENTRIES) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth < MAX_DEPTH) folders.push(path);
        continue;
      }
      if (!entry.isFile()) continue;
      if (extname(entry.name).toLowerCase() === WORKBOOK_EXTENSION && !entry.name.startsWith('~$')) workbooks.push(path);
      const layer = layerOfFile(entry.name);
      if (!layer) continue;
      const kept = layers.get(layer);
      if (kept === undefined) layers.set(layer, path);
      else duplicates.push({ layer, file: path, kept });
    }
    for (const folder of folders) walk(folder, depth + 1);
  };
  walk(root, 0);
  return { layers, duplicates, workbooks };
}

/** A Shapefile's parts beside it (`.shp`, `.shx`, `.dbf`, `.prj`, `.cpg` of the same name in any case); a GeoJSON alone. */
export function partsOf(path: string): readonly string[] {
  if (extname(path).toLowerCase() !== '.shp') return [path];
  const dir = join(path, '..');
  const stem = basename(path, extname(path)).toLowerCase();
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [path];
  }
  const parts = ['.shp', '.shx', '.dbf', '.prj', '.cpg'];
  return names.filter((name) => parts.includes(extname(name).toLowerCase()) && basename(name, extname(name)).toLowerCase() === stem).map((name) => join(dir, name));
}
