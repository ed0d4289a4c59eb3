/**
 * A delivery package from files in memory (the editor's worker: a dropped zip or the files of a package
 * folder), the browser's counterpart of read-folder.ts. Zips are opened by the format registry's
 * `expandFiles`; each package layer (JQDLTB, GHYT, TDGHDL, JSYDGZQ, XZQ, JBNTBHTB) is taken from its GeoJSON
 * file when the package has one (lon/lat, UTF-8: nothing to guess), else from its Shapefile read through
 * `importFiles` (CRS from the `.prj`, text from the `.cpg`), or from the Shapefile when the GeoJSON cannot be
 * read (orShapefile); a layer's files are found by its code or its Chinese name (package-layers.ts
 * `layerOfStem`); the sidecar `规划参数.json` (package-inputs.ts) is read when the package has one; then
 * reconstruct.ts rebuilds the plan.
 */
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import type { BBox } from '../../geo/bbox.ts';
import { expandFiles, importFiles } from '../formats/index.ts';
import type { ImportedLayer, ReadOptions, RecordPeek } from '../formats/types.ts';
import type { SourceCrs } from '../crs/source-crs.ts';
import { extensionOf, fileName, stemOf, type InputFile } from '../files.ts';
import { failure, listSome, note, success, type Message, type Result } from '../result.ts';
import { storableGeometry } from '../into-plan/storable-geometry.ts';
import { aliasNote, aliasOf, aliasRenames, renamedFields } from './field-aliases.ts';
import { readGeoJsonLayer } from './geojson-layer.ts';
import { INPUTS_FILE_NAME, readPlanInputs } from './package-inputs.ts';
import { PACKAGE_LAYER_NAMES, REQUIRED_LAYERS, layerFileNote, layerNameOf, layerOfStem, type FieldValue, type KeepRow, type PackageFeature, type PackageLayer, type PackageLayerName, type PackageLayers, type RowSummary } from './package-layers.ts';
import { reconstructPlan, type ReconstructedPlan } from './reconstruct.ts';
import { upperCaseFields } from './package-values.ts';
import { changePiecesOf, rowsUsed } from './rows-used.ts';
import { twoPackages } from './two-packages.ts';
import { namesInZips } from '../zip/zip-read.ts';

const SHAPEFILE_PARTS = ['shp', 'shx', 'dbf', 'prj', 'cpg'];

interface LayerSource {
  readonly kind: 'geojson' | 'shapefile';
  readonly files: readonly InputFile[];
  /** The layer's Shapefile parts beside its GeoJSON: read when the GeoJSON cannot be (orShapefile). */
  readonly shapefile?: readonly InputFile[];
}

/** The package layer a Shapefile part stands for (`…/JQDLTB.shp`, `…/基期地类图斑.dbf`: layerOfStem), or undefined. */
export function shapefileLayerOf(path: string): PackageLayerName | undefined {
  if (!SHAPEFILE_PARTS.includes(extensionOf(path))) return undefined;
  return layerOfStem(fileName(stemOf(path)));
}

/**
 * Each package layer's Shapefile parts: those sharing folder and name with the first `.shp` of the layer
 * among `files` (a second one is refused before by twoPackages).
 */
export function shapefileParts<F extends { readonly name: string }>(files: readonly F[]): Map<PackageLayerName, F[]> {
  const groups = new Map<string, { name: PackageLayerName; files: F[] }>();
  for (const file of files) {
    const layer = shapefileLayerOf(file.name);
    if (!layer) continue;
    const key = stemOf(file.name).toLowerCase();
    const group = groups.get(key) ?? { name: layer, files: [] };
    group.files.push(file);
    groups.set(key, group);
  }
  const parts = new Map<PackageLayerName, F[]>();
  for (const group of groups.values()) if (!parts.has(group.name) && group.files.some((f) => extensionOf(f.name) === 'shp')) parts.set(group.name, group.files);
  return parts;
}

/**
 * Where each package layer is, or null when the files are not a package: a package has its base parcels
 * (JQDLTB) and at least one more package layer, so a lone survey layer is never taken for a plan.
 */
export function findPackageLayers(files: readonly InputFile[]): Map<PackageLayerName, LayerSource> | null {
  const found = new Map<PackageLayerName, LayerSource>();
  for (const file of files) {
    const json = layerNameOf(fileName(file.name));
    if (json && !found.has(json)) found.set(json, { kind: 'geojson', files: [file] });
  }
  for (const [name, parts] of shapefileParts(files)) {
    const geojson = found.get(name);
    found.set(name, geojson ? { ...geojson, shapefile: parts } : { kind: 'shapefile', files: parts });
  }
  if (!REQUIRED_LAYERS.every((name) => found.has(name)) || found.size < 2) return null;
  return found;
}

/**
 * A layer from its GeoJSON, or, when that cannot be read (Esri JSON under a `.json` name, GeoJSON saved in
 * GBK, a broken file) and the layer's Shapefile sits beside it, from the Shapefile, with a note saying the
 * GeoJSON was skipped and why: the planner's check goes on from the form that can be read. The GeoJSON's
 * refusal stands when there is no Shapefile or it cannot be read either. Both readers (read-folder.ts too).
 */
export function orShapefile(geojson: Result<PackageLayer>, file: string, shapefile: (() => Result<PackageLayer>) | undefined): Result<PackageLayer> {
  if (geojson.ok || !shapefile) return geojson;
  const read = shapefile();
  if (!read.ok) return geojson;
  const skipped = note('package.geojsonSkipped', { ...geojson.error.params, file, shapefile: read.value.file, reasonKey: geojson.error.key });
  return success(read.value, [skipped, ...read.notes]);
}

export interface PackageRead extends ReconstructedPlan {
  /** Each layer read and the file it came from, for the dialog's summary. */
  readonly layers: readonly { readonly name: PackageLayerName; readonly file: string; readonly count: number }[];
}

/**
 * The plan of a package, `null` when the files are not a package (they are then read as layers), or an
 * error naming the file. `onLayer` is told each layer as it is read (progress for the dialog).
 */
export function readPackageFiles(files: readonly InputFile[], options: ReadOptions = {}, profileId?: string, onLayer?: (done: number, total: number) => void): Result<PackageRead> | null {
  // Most imports are not packages: decide from the names (zip directories listed, nothing inflated) first.
  // A broken zip is not a package; read as layers, importFiles names the file and what is wrong.
  const names = namesInZips(files);
  if (!names || !findPackageLayers(names)) return null;
  const copies = twoPackages(names.map((f) => f.name));
  if (copies) return { ok: false, error: copies };
  const opened = expandFiles(files, options);
  if (!opened.ok) return opened;
  const sources = findPackageLayers(opened.value.files);
  if (!sources) return null;
  const layers: PackageLayers = {};
  const notes: Message[] = [];
  const summary: PackageRead['layers'][number][] = [];
  let done = 0;
  // The sidecar first: the GHYT rows it names as change pieces are kept while GHYT is read (rows-used.ts).
  // The first file of that name (a package has one, in 6.其他数据/); unusable → a note, never a failure.
  const sidecar = opened.value.files.find((f) => fileName(f.name) === INPUTS_FILE_NAME);
  const inputs = sidecar ? readPlanInputs(sidecar.name, sidecar.bytes) : null;
  const changePieces = changePiecesOf(inputs?.inputs?.changes ?? []);
  // A package's GeoJSON is in CGCS2000 or is refused (the command line's --crs names only those; the import
  // dialog offers no choice of system for a package), so an older datum chosen for a layer never reaches it.
  const geojsonCrs = options.crs?.kind === 'foreign' ? undefined : options.crs;
  // In the package's layer order, so each keep test knows the layers it depends on.
  for (const name of PACKAGE_LAYER_NAMES) {
    const source = sources.get(name);
    if (!source) continue;
    const keep = rowsUsed(name, { layers, changePieces });
    const layer = readLayer(name, source, options, keep, geojsonCrs);
    if (!layer.ok) return layer;
    const named = layerFileNote(name, layer.value.file);
    notes.push(...(named ? [named] : []), ...layer.notes);
    layers[name] = layer.value;
    summary.push({ name, file: layer.value.file, count: layer.value.rows });
    onLayer?.(++done, sources.size);
  }
  if (inputs) notes.push(...inputs.notes);
  const plan = reconstructPlan(layers, { ...(profileId ? { profileId } : {}), inputs: inputs?.inputs ?? null, inputsFound: sidecar !== undefined });
  if (!plan.ok) return plan;
  const order = (n: PackageLayerName) => PACKAGE_LAYER_NAMES.indexOf(n);
  return success({ ...plan.value, layers: summary.sort((a, b) => order(a.name) - order(b.name)) }, [...notes, ...plan.notes]);
}

function readLayer(name: PackageLayerName, source: LayerSource, options: ReadOptions, keep: KeepRow | undefined, geojsonCrs: SourceCrs | undefined): Result<PackageLayer> {
  if (source.kind === 'shapefile') return readShapefileLayer(name, source.files, options, keep);
  const file = source.files[0] as InputFile;
  const parts = source.shapefile;
  return orShapefile(readGeoJsonLayer(name, file.name, file.bytes, keep, geojsonCrs), file.name, parts && (() => readShapefileLayer(name, parts, options, keep)));
}

/** A package layer from its Shapefile parts (read-folder.ts too, when a layer's GeoJSON cannot be read). */
export function readShapefileLayer(name: PackageLayerName, parts: readonly InputFile[], options: ReadOptions, keep: KeepRow | undefined): Result<PackageLayer> {
  // Rows left out are decided before they are reprojected and their text decoded; only polygons are
  // asked about, the rest are kept to be counted as skipped below, as before.
  let leftOut = 0;
  const keepRecord = (record: RecordPeek) => {
    if (!keep || !isArea(record.geometry) || keep(new PeekedRow(name, record))) return true;
    leftOut++;
    return false;
  };
  const read = importFiles(parts, keep ? { ...options, keepRecord } : options);
  if (!read.ok) return read;
  const layer = read.value[0] as ImportedLayer;
  // A package layer is its attributes (codes, numbers, areas): without its .dbf there is nothing to rebuild.
  if (layer.missingDbf) return failure('io.shp.missingParts', { file: layer.name, missing: layer.missingDbf });
  const renames = aliasRenames(name, layer.fields.map((f) => f.name));
  const features: PackageFeature[] = [];
  const skipped: number[] = [];
  const shortRings: number[] = [];
  for (const f of layer.features) {
    // Rings that enclose nothing are left out as in a GeoJSON layer (geojson-layer.ts), not the record; a
    // record that encloses nothing at all stays as it was, for geometry-valid to name.
    const geometry = isArea(f.geometry) ? (storableGeometry(f.geometry) ?? f.geometry) : null;
    if (!geometry) {
      skipped.push(f.recordNo);
      continue;
    }
    if (geometry !== f.geometry) shortRings.push(f.recordNo);
    features.push({ recordNo: f.recordNo, geometry, properties: renames ? renamedFields(fieldValues(f.properties), renames) : fieldValues(f.properties) });
  }
  const notes = [...read.notes];
  if (renames) notes.push(aliasNote(layer.file, renames));
  if (shortRings.length) notes.push(note('io.import.shortRings', { file: layer.file, count: shortRings.length, list: listSome(shortRings.map((n) => `#${n}`)) }));
  if (skipped.length) notes.push(note('package.skippedFeatures', { file: layer.file, count: skipped.length, list: skipped.slice(0, 5).map((n) => `#${n}`).join('; ') }));
  return success({ name, file: layer.file, features, rows: features.length + leftOut }, notes);
}

function isArea(geometry: Geometry | null): geometry is Polygon | MultiPolygon {
  return geometry?.type === 'Polygon' || geometry?.type === 'MultiPolygon';
}

/** A record not yet reprojected, as the package's keep test sees a row. */
class PeekedRow implements RowSummary {
  constructor(
    private readonly layer: PackageLayerName,
    private readonly record: RecordPeek,
  ) {}

  field(name: string): FieldValue | undefined {
    // A field named by its alias (field-aliases.ts) is asked for by its name.
    let value = this.record.field(name);
    const alias = value === undefined ? aliasOf(this.layer, name) : undefined;
    if (alias) value = this.record.field(alias);
    return value === undefined ? undefined : packageValue(value);
  }

  box(): BBox {
    return this.record.box();
  }
}

/** DBF values as the package model holds them (dates as ISO text, names in upper case); the record stays null-prototype data. */
function fieldValues(properties: Readonly<Record<string, unknown>>): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = Object.create(null) as Record<string, FieldValue>;
  for (const key of Object.keys(properties)) out[key] = packageValue(properties[key]);
  return upperCaseFields(out);
}

function packageValue(value: unknown): FieldValue {
  return value === null || value === undefined ? null : typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}
