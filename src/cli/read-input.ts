/**
 * The checker's input: a plan file saved by the editor, a package folder, or a package zipped (io/package).
 * Node only. Anything unreadable is a message naming the file and the reason.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import type { FeatureId } from '../domain/ids.ts';
import type { Message, Result } from '../domain/message.ts';
import { parsePlanText } from '../domain/plan-file.ts';
import type { Plan } from '../domain/plan.ts';
import { PROFILES } from '../profiles/zhejiang-2017/rule-profile.ts';
import { MAX_FILE_BYTES, readPackageFolder } from '../io/package/read-folder.ts';
import { NEEDS_PARAMETERS } from '../io/crs/datum-settle.ts';
import type { SourceCrs } from '../io/crs/source-crs.ts';
import { readPackageFiles, shapefileLayerOf } from '../io/package/read-files.ts';
import { layerNameOf } from '../io/package/package-layers.ts';
import { databaseFileKind, findGeodatabase, geodatabaseInZip, geodatabaseRefusal, zippedGeodatabaseRefusal } from '../io/geodatabase-folder.ts';
import { listZip } from '../io/zip/zip-read.ts';
import { listSome } from '../io/result.ts';
import type { ReconstructedPlan } from '../io/package/reconstruct.ts';

export interface Input {
  readonly plan: Plan;
  /** How to name features in reports: a package's `layer#BSM` (`GHYT#40`, io/package/package-refs.ts), otherwise the feature id. */
  readonly labels: Readonly<Record<FeatureId, string>>;
  readonly notes: readonly Message[];
}

const unreadable = (file: string, reasonKey: string, params: Record<string, string | number> = {}): Result<Input> => ({ ok: false, error: { key: 'cli.unreadable', params: { file, reasonKey, ...params } } });

function fromPackage(read: Result<ReconstructedPlan>): Result<Input> {
  if (read.ok) return { ok: true, value: { plan: read.value.plan, labels: read.value.refs, notes: read.notes }, notes: [] };
  // The editor asks for a Xian 1980 / Beijing 1954 package's county parameters; a command line cannot.
  return read.error.key === NEEDS_PARAMETERS ? { ok: false, error: { ...read.error, key: 'cli.needsDatumParameters' } } : read;
}

/** Layer files (Shapefile parts, GeoJSON, GeoJSONSeq) that are not package layers: a survey layer, say. */
const LAYER_FILE = /\.(shp|shx|dbf|prj|cpg|geojson|geojsonl|geojsons)$/i;

/** The package a layer file is in: the folder holding its `3.规划图形数据`, else the layer's own folder. */
function packageFolderOf(path: string): string {
  const parts = resolve(path).split(sep);
  const at = parts.findIndex((part) => /^3\.\s*规划图形数据$/.test(part));
  return at > 0 ? parts.slice(0, at).join(sep) || sep : dirname(path);
}

/** `crs`: the system of a package's layers, whatever the files say (--crs); a plan file is lon/lat by its format and refuses one. */
export function readInput(path: string, profileId: string, crs?: SourceCrs): Result<Input> {
  if (!PROFILES[profileId]) return { ok: false, error: { key: 'cli.unknownProfile', params: { profile: profileId, known: Object.keys(PROFILES).join(', ') } } };
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return unreadable(path, 'cli.notFound');
  }
  if (stats.isDirectory()) {
    const read = fromPackage(readPackageFolder(path, profileId, crs));
    // No layers where a File Geodatabase or GeoPackage is: say what it is and how to export it, not "no layer".
    const found = !read.ok && read.error.params?.reasonKey === 'package.noLayers' ? findGeodatabase(path) : null;
    return found ? { ok: false, error: geodatabaseRefusal(path, found) } : read;
  }
  const databaseFile = databaseFileKind(path) ? findGeodatabase(path) : null;
  if (databaseFile) return { ok: false, error: geodatabaseRefusal(path, databaseFile) };
  if (stats.size > MAX_FILE_BYTES) return unreadable(path, 'cli.tooLarge', { sizeMiB: Math.round(stats.size / 2 ** 20), limitMiB: MAX_FILE_BYTES / 2 ** 20 });
  if (/\.zip$/i.test(path)) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch {
      return unreadable(path, 'cli.notFound');
    }
    // A zipped package, as a township sends one: its layers found and read as the editor reads them.
    const zip = { name: path, bytes };
    const read = readPackageFiles([zip], crs ? { crs } : {}, profileId);
    if (read) return fromPackage(read);
    const listed = listZip(zip);
    if (!listed.ok) return { ok: false, error: { key: 'cli.unreadable', params: { file: path, reasonKey: listed.error.key, ...listed.error.params } } };
    // A zipped File Geodatabase or GeoPackage (CCTool's 村庄规划数据库.gdb) holds the layers: say what it is and how to export it.
    const geodatabase = geodatabaseInZip(listed.value.map((entry) => entry.path));
    if (geodatabase) return { ok: false, error: zippedGeodatabaseRefusal(path, geodatabase) };
    // A zip inside the zip is not opened (as in the editor, io/formats/index.ts): say which to unzip.
    const inner = listed.value.filter((entry) => /\.zip$/i.test(entry.path)).map((entry) => basename(entry.path));
    return inner.length ? { ok: false, error: { key: 'io.zip.zipInZip', params: { file: basename(path), inner: listSome(inner) } } } : unreadable(path, 'package.zipNoLayers');
  }
  // One layer of a package, or any other layer file, given instead of a plan or a package: said so, with what
  // to give instead, not "not UTF-8 text" (a .shp) or "not a plan file saved by this editor". A `.json` is
  // taken for a layer (`JQDLTB.json`) only when it is not a plan file.
  const layer = layerNameOf(basename(path)) ?? shapefileLayerOf(path);
  const layerGiven = layer ? unreadable(path, 'cli.packageLayerGiven', { layer, folder: packageFolderOf(path) }) : LAYER_FILE.test(path) ? unreadable(path, 'cli.layerFileGiven') : null;
  if (layerGiven && !/\.json$/i.test(path)) return layerGiven;
  if (crs) return { ok: false, error: { key: 'cli.crsForPlanFile', params: { file: path } } };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
  } catch (error) {
    return layerGiven ?? (error instanceof TypeError ? unreadable(path, 'cli.notUtf8') : unreadable(path, 'cli.notFound'));
  }
  const parsed = parsePlanText(text);
  if (!parsed.ok) return layerGiven ?? { ok: false, error: { key: 'cli.unreadable', params: { file: path, reasonKey: parsed.error.key, ...parsed.error.params } } };
  // The command line's --profile decides which rule numbers apply; the plan's own overrides stay.
  const plan = { ...parsed.value, meta: { ...parsed.value.meta, profileId } };
  return { ok: true, value: { plan, labels: {}, notes: parsed.notes }, notes: [] };
}
