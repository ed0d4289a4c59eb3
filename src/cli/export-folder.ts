/**
 * `export --out <folder>`: afterwards the folder holds exactly the new package, never a layer of an earlier
 * one (a stale JBNTZBQ.shp would be read back by `check` as the plan's 整备区, and no manifest would list it).
 *
 * - A folder that does not exist, or is empty, gets the package.
 * - A folder holding a package of ours (its `5.电子数据说明/manifest.json` says `village-plan-delivery`) has
 *   that package replaced: the files its manifest lists, the manifest and its text, and any file in the
 *   layer folders (`3.规划图形数据/Shapefile/`, `GeoJSON/`) named as a package layer are removed. Nothing
 *   else is, but for the indexes other tools build beside a layer's Shapefile (ArcGIS's `.sbn`/`.sbx`,
 *   QGIS's and GDAL's `.qix`…): they describe the old geometry, and GDAL, QGIS and ArcGIS trust them, so a
 *   spatial query on the new layer missed every parcel that had moved off its old box. A file the planner
 *   put there (the approval PDF in `1.规划文档数据/`, ArcGIS's `.shp.xml` metadata) stays, and a note says so,
 *   unless the package reader would read it as a layer or as `规划参数.json`: then the export is refused,
 *   naming it, and nothing is touched.
 * - Any other non-empty folder is refused: we cannot tell our files from the planner's.
 *
 * The new package is written into a hidden sibling folder first and moved in once complete, so a failed
 * write (a full disk) leaves the previous package as it was.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { listSome, type Message, type Result } from '../domain/message.ts';
import type { OutputFile } from '../io/files.ts';
import { INPUTS_FILE_NAME } from '../io/package/package-inputs.ts';
import { layerNameOf } from '../io/package/package-layers.ts';
import { shapefileLayerOf } from '../io/package/read-files.ts';
import { DELIVERY_FOLDERS } from '../io/package/write-delivery.ts';

const MANIFEST = `${DELIVERY_FOLDERS.description}/manifest.json`;
const MANIFEST_TEXT = `${DELIVERY_FOLDERS.description}/电子数据说明.txt`;
const LAYER_FOLDERS: readonly string[] = [`${DELIVERY_FOLDERS.data}/Shapefile`, `${DELIVERY_FOLDERS.data}/GeoJSON`];
const PACKAGE_FOLDERS: readonly string[] = Object.values(DELIVERY_FOLDERS);
/** More files than a package of ours ever has (about a hundred): not a folder to walk through. */
const MAX_FILES = 5_000;

export interface FolderWritten {
  /** Files of the previous package removed (0 for a new or empty folder). */
  readonly replaced: number;
  /** Files the tool did not write, left in the folder (paths inside it, `/`-separated). */
  readonly kept: readonly string[];
}

type FolderPlan = { readonly remove: readonly string[]; readonly kept: readonly string[] };

const cannotWrite = (file: string, reason: string): { ok: false; error: Message } => ({ ok: false, error: { key: 'cli.cannotWrite', params: { file, reason } } });

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : String(error);
}

/** The files under `folder`, as `/`-separated paths inside it; null when there are more than MAX_FILES. */
function filesUnder(folder: string): string[] | null {
  const found: string[] = [];
  const walk = (dir: string, prefix: string): boolean => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!walk(join(dir, entry.name), path)) return false;
      } else if (found.push(path) > MAX_FILES) return false;
    }
    return true;
  };
  return walk(folder, '') ? found : null;
}

/** The files the previous package's manifest lists, kept only where a package writes (no `..`, no absolute path). */
function listedFiles(folder: string): Set<string> | null {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(join(folder, MANIFEST), 'utf8'));
  } catch {
    return null;
  }
  if (typeof manifest !== 'object' || manifest === null || (manifest as { format?: unknown }).format !== 'village-plan-delivery') return null;
  const files = (manifest as { files?: unknown }).files;
  const listed = new Set<string>();
  for (const file of Array.isArray(files) ? files : []) {
    const path = typeof file === 'object' && file !== null ? (file as { path?: unknown }).path : undefined;
    if (typeof path !== 'string') continue;
    const parts = path.split('/');
    if (PACKAGE_FOLDERS.includes(parts[0] as string) && parts.every((part) => part !== '' && part !== '.' && part !== '..' && !part.includes('\\'))) listed.add(path);
  }
  return listed;
}

/**
 * Spatial and attribute indexes that GIS tools write beside a Shapefile and read instead of it: ArcGIS
 * `.sbn`/`.sbx`, `.fbn`/`.fbx`, `.ain`/`.aih`, `LAYER.FIELD.atx`; QGIS/GDAL/MapServer `.qix`. Rebuilt by
 * the tool from the new `.shp` when missing.
 */
const SHAPEFILE_INDEXES: readonly string[] = ['sbn', 'sbx', 'fbn', 'fbx', 'ain', 'aih', 'atx', 'qix'];

/** An index of a package layer's Shapefile (`JQDLTB.qix`, `GHYT.BSM.atx`): stale once the layer is rewritten. */
function layerIndex(path: string): boolean {
  const parts = basename(path).split('.');
  const extension = parts.length > 1 ? (parts[parts.length - 1] as string).toLowerCase() : '';
  return SHAPEFILE_INDEXES.includes(extension) && shapefileLayerOf(`${parts[0] as string}.shp`) !== undefined;
}

/** A file the package reader (io/package/read-folder.ts) would take as a layer or as the plan's inputs. */
function readAsPackage(path: string): boolean {
  const name = basename(path);
  return layerNameOf(name) !== undefined || shapefileLayerOf(name) !== undefined || name === INPUTS_FILE_NAME;
}

/** What to remove before the new package moves in, and what stays; or why the folder is refused. */
function planFolder(out: string): Result<FolderPlan> {
  let isFolder: boolean;
  try {
    isFolder = statSync(out).isDirectory();
  } catch (error) {
    const code = errorCode(error);
    return code === 'ENOENT' ? { ok: true, value: { remove: [], kept: [] }, notes: [] } : cannotWrite(out, code);
  }
  // A file where the folder should be: the write below fails with the system's reason.
  if (!isFolder || readdirSync(out).length === 0) return { ok: true, value: { remove: [], kept: [] }, notes: [] };
  const listed = listedFiles(out);
  const present = listed ? filesUnder(out) : null;
  if (!listed || !present) return { ok: false, error: { key: 'cli.export.notPackageFolder', params: { folder: out } } };
  const ours = (path: string) => listed.has(path) || path === MANIFEST || path === MANIFEST_TEXT || (LAYER_FOLDERS.includes(dirname(path)) && (readAsPackage(path) || layerIndex(path)));
  const remove = present.filter(ours);
  const kept = present.filter((path) => !ours(path));
  const misleading = kept.filter(readAsPackage);
  if (misleading.length > 0) return { ok: false, error: { key: 'cli.export.foreignPackageFiles', params: { folder: out, count: misleading.length, files: listSome(misleading) } } };
  return { ok: true, value: { remove, kept }, notes: [] };
}

/** Removes `paths` (inside `folder`), then the folders below `folder` they leave empty. */
function removeFiles(folder: string, paths: readonly string[]): void {
  const emptied = new Set<string>();
  for (const path of paths) {
    rmSync(join(folder, path), { force: true });
    for (let dir = dirname(path); dir !== '.'; dir = dirname(dir)) emptied.add(dir);
  }
  // Deepest first; a folder that still holds something (a kept file) stays.
  for (const dir of [...emptied].sort((a, b) => b.split('/').length - a.split('/').length)) {
    if (readdirSync(join(folder, dir)).length === 0) rmdirSync(join(folder, dir));
  }
}

function moveFile(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    renameSync(from, to);
  } catch (error) {
    if (errorCode(error) !== 'EXDEV') throw error;
    copyFileSync(from, to);
  }
}

/** Writes the package's files into `out` as the module comment says; a refusal or a failed write is a message naming the folder. */
export function writePackageFolder(out: string, files: readonly OutputFile[]): Result<FolderWritten> {
  let plan: Result<FolderPlan>;
  try {
    plan = planFolder(out);
  } catch (error) {
    return cannotWrite(out, errorCode(error));
  }
  if (!plan.ok) return plan;
  let staging: string | null = null;
  try {
    const parent = dirname(resolve(out));
    mkdirSync(parent, { recursive: true });
    staging = mkdtempSync(join(parent, `.${basename(resolve(out))}.village-plan-`));
    for (const file of files) {
      const path = join(staging, file.name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.bytes);
    }
    // Complete: only now does the previous package go.
    removeFiles(out, plan.value.remove);
    for (const file of files) moveFile(join(staging, file.name), join(out, file.name));
  } catch (error) {
    return cannotWrite(out, errorCode(error));
  } finally {
    if (staging) rmSync(staging, { recursive: true, force: true });
  }
  return { ok: true, value: { replaced: plan.value.remove.length, kept: plan.value.kept }, notes: [] };
}
