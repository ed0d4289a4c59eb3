/**
 * The layers a planner's files hold, found before any is read: a county's zip often carries several
 * (三调 XZQ 村界 and DLTB 地类图斑, in sub-folders, with .sbn/.xml/.lock strays, a .dbf-only table). Each
 * layer is then read on its own (import-service.ts opens one held import per layer), so a damaged or
 * incomplete member is listed with its reason and the others still import — as QGIS and ArcGIS list what a
 * folder holds. Files that are one import as they are (one layer, a CAD drawing, a delivery package) go
 * through the single-layer import unchanged; other layers picked with a drawing or a package are named
 * (`notImported`) for the dialog to say they were left out.
 */
import { extensionOf, fileName, stemOf, type InputFile } from '../../io/files.ts';
import { FORMATS, IMPORT_EXTENSIONS, QUIET } from '../../io/formats/index.ts';
import { INPUTS_FILE_NAME } from '../../io/package/package-inputs.ts';
import { layerNameOf } from '../../io/package/package-layers.ts';
import { findPackageLayers, shapefileLayerOf } from '../../io/package/read-files.ts';
import type { Message } from '../../io/result.ts';
import { shapeFamily, shapeTypeName } from '../../io/shapefile/shape-types.ts';
import { namesInZips, readZip } from '../../io/zip/zip-read.ts';
import { DEFAULT_LIMITS } from '../../io/limits.ts';

export interface FoundLayer {
  /** The layer as the planner finds it in the zip: `三调/DLTB.shp` (folders tell same-named layers apart). */
  readonly name: string;
  /** The dataset's files (a Shapefile's .shp/.shx/.dbf/.prj/.cpg), named as in the zip. */
  readonly files: readonly InputFile[];
  /** The Shapefile header's shape type (`Polygon`, `PolygonZ`…), null for other formats or a header too short. */
  readonly geometry: string | null;
  /** Why the layer cannot be read (a damaged member, a table without shapes), or null. */
  readonly problem: Message | null;
}

export interface LayerList {
  readonly kind: 'layers';
  readonly layers: readonly FoundLayer[];
  /** Files no format reads, sidecars (.sbn, .xml, .lock…) left out. */
  readonly ignored: readonly string[];
}

/** Zips inside zips opened this deep (a township's zip of village zips of layers). */
const MAX_NESTING = 2;

/** Extensions a format claims by the text inside (parcel-coords' 界址点 .txt), not by the name alone. */
const CLAIMED_BY_CONTENT = ['txt'];
const isDxf = (name: string) => ['dxf', 'dwg'].includes(extensionOf(name));
/** ArcGIS's schema locks (`DLTB.shp.PC-01.5316.2104.sr.lock`) are sidecars too, left behind in exports. */
const quiet = (name: string) => QUIET.includes(extensionOf(name)) || extensionOf(name) === 'lock';

/**
 * `村.zip/三调/DLTB.shp` → `三调/DLTB.shp`: one zip is named once, on the file input. Of several zips picked
 * together the zip stays in the name: two villages' zips both hold a `DLTB.shp`.
 */
function shownName(path: string, zips: readonly string[]): string {
  const zip = zips.length === 1 ? zips[0] : undefined;
  return zip !== undefined && path.startsWith(`${zip}/`) ? path.slice(zip.length + 1) : path;
}

/** The `.gdb` folder a member is in (`村.zip/库.gdb/a00000001.gdbtable` → `村.zip/库.gdb`), or the `.gpkg` it is; else null. */
function databaseOf(path: string): string | null {
  if (extensionOf(path) === 'gpkg') return path;
  const parts = path.split(/[\\/]/);
  const at = parts.findIndex((p) => /\.gdb$/i.test(p));
  return at < 0 ? null : parts.slice(0, at + 1).join('/');
}

/** A damaged member's reason as its layer's: the zip's own message says the whole import stopped, which it no longer does. */
function damage(d: { readonly path: string; readonly problem: Message }, zips: readonly string[]): Message {
  const detail = d.problem.params?.['detail'];
  return d.problem.key === 'io.zip.brokenMember' && detail !== undefined ? { key: 'io.ui.layerDamaged', params: { member: shownName(d.path, zips), detail } } : d.problem;
}

/** Shape type from a .shp's 100-byte header (offset 32, little-endian), as ogrinfo reports it. */
function shpGeometry(shp: InputFile | undefined): string | null {
  if (!shp || shp.bytes.length < 100) return null;
  const type = new DataView(shp.bytes.buffer, shp.bytes.byteOffset, 100).getInt32(32, true);
  return shapeFamily(type) === undefined ? null : shapeTypeName(type);
}

/**
 * One import as the worker reads it today: the files picked, or, when they were in zips inside the zip
 * (the single import opens one level), the members, so a delivery package or drawing zipped again is found.
 */
export interface OneImport {
  readonly kind: 'one';
  readonly files: readonly InputFile[];
  /**
   * Layers picked with a drawing or a delivery package that this import leaves out (a drawing is read on
   * its own, a package opens as a new plan): named so the dialog says so instead of dropping them unseen.
   */
  readonly notImported: readonly string[];
}

/**
 * Whether the files are one import by their names alone (the zips' central directories): one dataset, a
 * drawing or a delivery package. Then the single import's worker reads them and nothing is inflated on the
 * page's thread, where a county survey zip of tens of MB would hold the page before its worker starts.
 */
function oneImportByNames(named: readonly InputFile[] | null): boolean {
  // A zip that cannot be opened at all: the single import says why.
  if (named === null) return true;
  if (named.some((f) => databaseOf(f.name) !== null)) return false;
  const importable = named.filter((f) => IMPORT_EXTENSIONS.includes(extensionOf(f.name)));
  if (importable.some((f) => extensionOf(f.name) === 'zip')) return false;
  if (importable.some((f) => isDxf(f.name)) || findPackageLayers(importable) !== null) return true;
  return new Set(importable.map((f) => stemOf(f.name).toLowerCase())).size <= 1;
}

/**
 * The layers the single import leaves out of `files` (by name): besides the first drawing, every other
 * dataset (the drawing's preview reads the drawing only); besides a package's own layers, every other one.
 */
function leftOut(files: readonly InputFile[], zips: readonly string[]): string[] {
  const drawing = files.find((f) => isDxf(f.name));
  const base = drawing ? undefined : findPackageLayers(files)?.get('JQDLTB')?.files[0];
  if (!drawing && !base) return [];
  // A package is whatever its zip holds (both copies of each layer, .shp and .geojson, its manifest and
  // field .json files, the sidecar of plan inputs); picked loose, its layers' own files.
  const zipOf = (path: string) => {
    const at = path.toLowerCase().lastIndexOf('.zip/');
    return at < 0 ? '' : path.slice(0, at + '.zip/'.length);
  };
  const root = base ? zipOf(base.name) : '';
  const ofPackage = (f: InputFile) => (root !== '' && f.name.startsWith(root)) || layerNameOf(fileName(f.name)) !== undefined || shapefileLayerOf(f.name) !== undefined || fileName(f.name) === INPUTS_FILE_NAME;
  const kept = new Set<InputFile>(drawing ? [drawing] : files.filter(ofPackage));
  const claimed = new Set<InputFile>();
  const names: string[] = [];
  for (const format of FORMATS) {
    for (const dataset of format.claim(files.filter((f) => !claimed.has(f)))) {
      dataset.forEach((f) => claimed.add(f));
      if (dataset.some((f) => kept.has(f))) continue;
      const first = dataset.find((f) => extensionOf(f.name) === 'shp') ?? (dataset[0] as InputFile);
      names.push(shownName(format.id === 'shapefile' ? `${first.name.slice(0, first.name.length - extensionOf(first.name).length - 1)}.shp` : first.name, zips));
    }
  }
  return names;
}

/** The layers in `files` when there are several (or any that cannot be read), else the files as one import. */
export function listLayers(files: readonly InputFile[]): LayerList | OneImport {
  const zips = files.filter((f) => extensionOf(f.name) === 'zip').map((f) => f.name);
  const one: OneImport = { kind: 'one', files, notImported: [] };
  const named = namesInZips(files);
  if (files.some((f) => isDxf(f.name)) || oneImportByNames(named)) return { ...one, notImported: named ? leftOut(named, zips) : [] };
  const expanded: InputFile[] = [];
  const unread: string[] = [];
  const damaged: { path: string; problem: Message }[] = [];
  let unpacked = 0;
  let nested = false;
  /** A zip's members; zips inside it (a county's delivery of one zip per layer, zipped again) opened in turn. */
  const open = (file: InputFile, depth: number): boolean => {
    const members = readZip(file, { wanted: (path) => IMPORT_EXTENSIONS.includes(extensionOf(path)), skipDamaged: true });
    if (!members.ok) {
      if (depth === 0) return false;
      damaged.push({ path: file.name, problem: members.error });
      return true;
    }
    unread.push(...members.value.skipped.map((path) => `${file.name}/${path}`));
    damaged.push(...members.value.damaged.map((d) => ({ path: `${file.name}/${d.path}`, problem: d.problem })));
    for (const member of members.value.files) {
      unpacked += member.bytes.length;
      if (extensionOf(member.name) !== 'zip') expanded.push(member);
      // Each zip's sizes are checked by readZip; nesting must not multiply them past what a browser can hold.
      else if (depth >= MAX_NESTING || unpacked > DEFAULT_LIMITS.maxTotalBytes) unread.push(member.name);
      else nested = open(member, depth + 1) || nested;
    }
    return true;
  };
  for (const file of files) {
    if (extensionOf(file.name) !== 'zip') expanded.push(file);
    // A zip that cannot be opened at all: the single import says why, as before.
    else if (!open(file, 0)) return one;
  }
  if (expanded.some((f) => isDxf(f.name)) || findPackageLayers(expanded) !== null) return { kind: 'one', files: nested ? expanded : files, notImported: leftOut(expanded, zips) };

  const claimed = new Set<InputFile>();
  const layers: FoundLayer[] = [];
  for (const format of FORMATS) {
    for (const dataset of format.claim(expanded.filter((f) => !claimed.has(f)))) {
      dataset.forEach((f) => claimed.add(f));
      const shp = dataset.find((f) => extensionOf(f.name) === 'shp');
      const first = shp ?? (dataset[0] as InputFile);
      const stem = stemOf(first.name).toLowerCase();
      // A damaged member takes its whole dataset out: a Shapefile read without its damaged .dbf would import shapes without attributes.
      const broken = damaged.find((d) => stemOf(d.path).toLowerCase() === stem);
      const tableOnly = format.id === 'shapefile' && !shp && !broken;
      layers.push({
        name: shownName(format.id === 'shapefile' && !shp ? `${stemOf(first.name)}.shp` : first.name, zips),
        files: dataset,
        geometry: shpGeometry(shp),
        problem: broken ? damage(broken, zips) : tableOnly ? { key: 'io.ui.layerTableOnly', params: { files: dataset.map((f) => shownName(f.name, zips)).join(', ') } } : null,
      });
    }
  }
  // A damaged member of no dataset found (e.g. the .shp itself, so nothing else of the layer is there to claim).
  // A .txt is a layer only when its text is a 界址点 file, which a damaged one cannot show: most are readmes,
  // so it goes to the ignored files rather than a damaged "layer" row.
  const damagedStrays: string[] = [];
  for (const d of damaged) {
    const stem = stemOf(d.path).toLowerCase();
    if (layers.some((l) => l.files.some((f) => stemOf(f.name).toLowerCase() === stem))) continue;
    if (CLAIMED_BY_CONTENT.includes(extensionOf(d.path))) damagedStrays.push(d.path);
    else layers.push({ name: shownName(d.path, zips), files: [], geometry: null, problem: damage(d, zips) });
  }
  // A File Geodatabase or GeoPackage in the zip: one row saying how to get its layers out, not its hundred table files.
  const left = [...expanded.filter((f) => !claimed.has(f)).map((f) => f.name), ...unread, ...damagedStrays];
  const databases = [...new Set(left.map(databaseOf).filter((d): d is string => d !== null))];
  for (const database of databases) layers.push({ name: shownName(database, zips), files: [], geometry: null, problem: { key: 'io.ui.layerGeodatabase', params: { name: shownName(database, zips) } } });
  // A layer inside a zip inside the zip: the single import does not open nested zips, so it is listed even alone.
  // With a damaged stray the single import would refuse the whole zip for it, so the one layer is listed.
  if (layers.length === 0 || (layers.length === 1 && !nested && databases.length === 0 && damagedStrays.length === 0)) return one;
  const ignored = left.filter((name) => !quiet(name) && databaseOf(name) === null).map((name) => shownName(name, zips));
  return { kind: 'layers', layers, ignored };
}
