/**
 * A 2026 village planning database (domain-2026.md §3) as the files a planner delivers, so that it opens in
 * ArcGIS or QGIS with the fields CCTool writes: one Shapefile per database layer (CGCS2000 3° GK zone of the
 * village, `.prj`, `.cpg`, GBK unless UTF-8 is asked for) or one RFC 7946 GeoJSON per layer (lon/lat, every
 * coordinate as the database holds it, so the files read back as the same database), all in
 * a folder `村庄规划数据库/`, named as the gdb's feature classes. A Shapefile folder has no feature datasets,
 * and the database readers look one folder down only, so JJYZQ/JQXZ/MBNGH do not become sub-folders.
 *
 * Each layer gets exactly its declared fields (layers.ts), in order; YSDM, BSM and the constants are filled,
 * the values CCTool blanks are blanked and the area fields (GHDLMJ, MJ, JSMJ) are the shape's ellipsoidal area
 * to 0.01 m², each said in a note. CJDCQJX, when the database has none, is the CJDCQ outlines as lines
 * (survey-area-lines.ts), written as PolyLine Shapefile or GeoJSON LineStrings. The reference layers (YJJBNT, STBHHX,
 * CZKFBJ) are inputs, not the database's, and are not written. A value that does not fit its field is
 * refused, naming the feature: a deliverable never holds a silently cut value.
 *
 * With the layers, the village workbook `村庄信息.xlsx` (village-workbook-xlsx.ts: CCTool's sheet1 and our 上级下达),
 * so the folder reads back with the village's figures. Beside the database, in `表格/`, the three tables as .xlsx
 * (database-tables-xlsx.ts), computed from the same database. CCTool puts them in `<村>表格+图集/` with the
 * atlas; the package has no atlas, and its database folder carries no village name either, so the folder is
 * named for what it holds.
 */
import { DATABASE_LAYERS, bsm, type DatabaseField, type DatabaseLayer, type DatabaseLayerName } from '../../profiles/zhejiang-2026/layers.ts';
import type { FieldValue, VillageDatabase, VillageFeature, VillageLayer } from '../../profiles/zhejiang-2026/village-database.ts';
import { villageXzqdm } from '../../profiles/zhejiang-2026/village-xzqdm.ts';
import type { Translate } from '../../rules/render.ts';
import { roundM2 } from '../../commands/village-database/parcel-shape.ts';
import { areaM2, isAreaGeometry } from '../../rules/ydyh/database-parcels.ts';
import { computeDatabaseTables } from '../../rules/ydyh/database-tables.ts';
import type { OutputFile } from '../files.ts';
import { writeGeoJson } from '../formats/geojson.format.ts';
import { crsForLayer, writeShapefile } from '../formats/shapefile-write.ts';
import type { ExportField, ExportFeature, ExportGeometry, ExportLayer, ExportValue } from '../formats/types.ts';
import { failure, listSome, note, success, type Message, type Result } from '../result.ts';
import { encodeText, type OutputEncoding } from '../text/encode-text.ts';
import { writeZip } from '../zip/zip-write.ts';
import { databaseTableFiles } from './database-tables-xlsx.ts';
import { surveyAreaLines } from './survey-area-lines.ts';
import { VILLAGE_WORKBOOK_NAME, villageWorkbook } from './village-workbook-xlsx.ts';

/** Kept importable from here, where the package's tests look for it. */
export { villageXzqdm };

/** The gdb's name without `.gdb` (CCTool: `<村>数据库/村庄规划数据库.gdb`, domain-2026.md §3). */
export const VILLAGE_DATABASE_FOLDER = '村庄规划数据库';
/** The tables' folder beside it. */
export const DATABASE_TABLES_FOLDER = '表格';

export interface VillageDatabaseWriteOptions {
  readonly format: 'shapefile' | 'geojson';
  /** Shapefile text; GBK by default (what Chinese desktop GIS expects). */
  readonly encoding?: OutputEncoding;
  /** DBF date; fixed by callers that want the same bytes for the same database. */
  readonly date?: Date;
  /** Renders the tables' footnotes: the package's language, Chinese for a deliverable. */
  readonly t: Translate;
}

/**
 * Every Double the gdb declares is an area in m², which CCTool rounds to 0.01 m²; the one Single (KCXS) is a
 * deduction coefficient below 1; the one Int16 (SJNF) a year, 6 wide for any Int16 with its sign.
 */
const NUMBER_FIELDS = { Double: { length: 16, decimals: 2 }, Single: { length: 6, decimals: 4 }, Int16: { length: 6, decimals: 0 } } as const;
/** A DBF text field holds at most 254 bytes; the gdb's 255-character BZ and MSSM get that. */
const DBF_MAX_TEXT = 254;

/** The DBF field a database field becomes: String → C of its length, the numbers → N. */
export function exportField(field: DatabaseField): ExportField {
  if (field.type === 'String') return { name: field.name, type: 'C', length: Math.min(field.length, DBF_MAX_TEXT), decimals: 0, alias: field.alias };
  return { name: field.name, type: 'N', ...NUMBER_FIELDS[field.type], alias: field.alias };
}

interface WritableGeometry {
  readonly kind: ExportLayer['geometryType'];
  /** GeoJSON types a feature of the layer may have. */
  readonly types: readonly string[];
}

/** How each layer's shapes are written. */
const WRITABLE_GEOMETRY: Record<DatabaseLayer['geometry'], WritableGeometry> = {
  MultiPolygon: { kind: 'polygon', types: ['Polygon', 'MultiPolygon'] },
  MultiLineString: { kind: 'polyline', types: ['LineString', 'MultiLineString'] },
  Point: { kind: 'point', types: ['Point'] },
};

/** The layers the package's GK zone is taken from, the village's outline first. */
const ZONE_LAYERS: readonly DatabaseLayerName[] = ['CJDCQ', 'JQDLTB', 'GHDLTB'];

/** How long a text is against its field's limit: bytes in a DBF, characters (as the gdb counts them) in GeoJSON. */
type TextSize = (text: string) => number;

/** What rounding to 0.01 m² alone can change: a held area further from the shape's is not the shape's. */
const AREA_ROUNDING_M2 = 0.005 + 1e-9;

const isEmpty = (value: FieldValue | undefined): value is null | undefined => value === null || value === undefined || String(value).trim() === '';

/** Each feature's BSM: its own when it is 20 digits and the first in the layer to have it, else made from the XZQDM and the next unused number. */
function layerBsms(layer: DatabaseLayer, features: readonly VillageFeature[], xzqdm: string | null): Result<string[]> {
  const own = features.map((f) => String(f.properties.BSM ?? '').trim());
  const used = new Set<string>();
  const kept = own.map((value) => {
    if (!/^\d{20}$/.test(value) || used.has(value)) return false;
    used.add(value);
    return true;
  });
  const made: string[] = [];
  let sequence = 0;
  const bsms: string[] = [];
  for (const [i, feature] of features.entries()) {
    if (kept[i]) {
      bsms.push(own[i] as string);
      continue;
    }
    if (xzqdm === null) return failure('villageDb.write.noXzqdm', { layer: layer.name, feature: feature.ref });
    let next = bsm(xzqdm, ++sequence);
    while (next.ok && used.has(next.value)) next = bsm(xzqdm, ++sequence);
    if (!next.ok) return failure('villageDb.write.bsmNotMade', { layer: layer.name, feature: feature.ref });
    used.add(next.value);
    made.push(feature.ref);
    bsms.push(next.value);
  }
  const notes = made.length ? [note('villageDb.write.madeBsm', { layer: layer.name, count: made.length, xzqdm: xzqdm ?? '', features: listSome(made, 5) })] : [];
  return success(bsms, notes);
}

/** Counts what was filled in, per field, for one note each. */
class FillCounts {
  private readonly counts = new Map<string, { key: string; params: Record<string, string | number>; count: number }>();
  add(key: string, params: Record<string, string | number>): void {
    const id = `${key}:${String(params.field)}`;
    const entry = this.counts.get(id) ?? { key, params, count: 0 };
    entry.count++;
    this.counts.set(id, entry);
  }
  notes(): Message[] {
    return [...this.counts.values()].map(({ key, params, count }) => note(key, { ...params, count }));
  }
}

/** One field's value as written, or the refusal naming the feature, the field and its limit. */
function fieldValue(layer: DatabaseLayer, field: DatabaseField, feature: VillageFeature, textSize: TextSize, fills: FillCounts): Result<ExportValue> {
  const raw = feature.properties[field.name];
  if (field.name === 'YSDM') {
    if (String(raw ?? '').trim() !== layer.ysdm) fills.add('villageDb.write.filledYsdm', { layer: layer.name, field: field.name, value: layer.ysdm });
    return success(layer.ysdm);
  }
  if (field.shapeArea && isAreaGeometry(feature.geometry)) {
    // A database from another tool may hold the area in 公顷 or 亩, none at all, or the area before an edit.
    const area = roundM2(areaM2(feature));
    const held = typeof raw === 'number' ? raw : Number(String(raw ?? '').trim());
    if (isEmpty(raw) || !Number.isFinite(held) || Math.abs(held - area) > AREA_ROUNDING_M2) fills.add('villageDb.write.areaFromShape', { layer: layer.name, field: field.name });
    return success(area);
  }
  if (isEmpty(raw)) {
    if (field.constant === undefined) return success(null);
    fills.add('villageDb.write.filledConstant', { layer: layer.name, field: field.name, value: field.constant });
    return success(field.constant);
  }
  if (field.type !== 'String') {
    const number = typeof raw === 'number' ? raw : Number(String(raw).trim());
    if (!Number.isFinite(number)) return failure('villageDb.write.notANumber', { layer: layer.name, feature: feature.ref, field: field.name, value: String(raw) });
    return success(number);
  }
  const text = String(raw);
  if (field.blankedOnExport?.includes(text.trim())) {
    fills.add('villageDb.write.blanked', { layer: layer.name, field: field.name, values: field.blankedOnExport.join('/') });
    return success(null);
  }
  const limit = exportField(field).length;
  const size = textSize(text);
  if (size > limit) return failure('villageDb.write.textTooLong', { layer: layer.name, feature: feature.ref, field: field.name, limit, size });
  return success(text);
}

/** The layer as the formats write it: its declared fields only, filled and checked; notes say what changed. */
function exportLayer(layer: DatabaseLayer, source: VillageLayer, geometry: WritableGeometry, xzqdm: string | null, textSize: TextSize): Result<ExportLayer> {
  const bsms = layerBsms(layer, source.features, xzqdm);
  if (!bsms.ok) return bsms;
  const fills = new FillCounts();
  const features: ExportFeature[] = [];
  for (const [i, feature] of source.features.entries()) {
    if (feature.geometry && !geometry.types.includes(feature.geometry.type)) {
      return failure('io.write.wrongGeometry', { layer: layer.name, feature: feature.ref, type: feature.geometry.type });
    }
    const properties: Record<string, ExportValue> = {};
    for (const field of layer.fields) {
      if (field.name === 'BSM') {
        properties.BSM = bsms.value[i] as string;
        continue;
      }
      const value = fieldValue(layer, field, feature, textSize, fills);
      if (!value.ok) return value;
      properties[field.name] = value.value;
    }
    features.push({ geometry: feature.geometry as ExportGeometry | null, properties });
  }
  const declared = new Set(layer.fields.map((f) => f.name));
  const undeclared = [...new Set([...source.fieldNames, ...source.features.flatMap((f) => Object.keys(f.properties))])].filter((name) => !declared.has(name));
  const notes = [...bsms.notes, ...fills.notes()];
  if (undeclared.length) notes.push(note('villageDb.write.undeclaredFields', { layer: layer.name, fields: listSome(undeclared) }));
  return success({ name: layer.name, geometryType: geometry.kind, fields: layer.fields.map(exportField), features }, notes);
}

function textSizeFor(options: VillageDatabaseWriteOptions): TextSize {
  if (options.format === 'geojson') return (text) => [...text].length;
  const encoding = options.encoding ?? 'gbk';
  return (text) => encodeText(text, encoding).bytes.length;
}

/**
 * A layer the database does not hold but its other layers give: CJDCQJX from the CJDCQ outlines (a county
 * checker expects all eight layers, and the 界线 are the survey areas' boundaries). Its attributes are left
 * empty for the writer to fill as for any layer: the constants JXLX/JXXZ (meanings unconfirmed ⚠), JXSM and BZ
 * blank for the planner to edit; the note says so.
 */
function derivedLayer(name: DatabaseLayerName, db: VillageDatabase, notes: Message[]): VillageLayer | undefined {
  if (name !== 'CJDCQJX') return undefined;
  const areas = (db.layers.CJDCQ?.features ?? []).map((f) => f.geometry).filter(isAreaGeometry);
  if (!areas.length) return undefined;
  const lines = surveyAreaLines(areas);
  notes.push(note('villageDb.write.derivedBoundaryLines', { layer: name, from: 'CJDCQ', count: lines.length }));
  return { name, file: '', fieldNames: [], features: lines.map((geometry, i) => ({ ref: `${name}#${i + 1}`, geometry, properties: {} })) };
}

/** The database's layers as the formats write them, in the order of DATABASE_LAYERS; notes for what was left out. */
function exportLayers(db: VillageDatabase, textSize: TextSize): Result<ExportLayer[]> {
  const xzqdm = villageXzqdm(db);
  const layers: ExportLayer[] = [];
  const notes: Message[] = [];
  for (const layer of DATABASE_LAYERS) {
    const source = db.layers[layer.name] ?? derivedLayer(layer.name, db, notes);
    if (!source) continue;
    const geometry = WRITABLE_GEOMETRY[layer.geometry];
    const exported = exportLayer(layer, source, geometry, xzqdm, textSize);
    if (!exported.ok) return exported;
    layers.push(exported.value);
    notes.push(...exported.notes);
  }
  const references = Object.keys(db.layers).filter((name) => !DATABASE_LAYERS.some((l) => l.name === name));
  if (references.length) notes.push(note('villageDb.write.referenceLayersLeftOut', { layers: references.join('、') }));
  if (!layers.length) return failure('villageDb.write.noLayers');
  return success(layers, notes);
}

/** The database's files under `村庄规划数据库/` and its tables under `表格/`; nothing when any layer fails. */
export async function writeVillageDatabasePackage(db: VillageDatabase, options: VillageDatabaseWriteOptions): Promise<Result<OutputFile[]>> {
  const layers = exportLayers(db, textSizeFor(options));
  if (!layers.ok) return layers;
  const notes = [...layers.notes];
  // One zone for every layer, from the village's outline or its parcels: the layers must overlay in ArcGIS.
  const zoneLayer = ZONE_LAYERS.map((name) => layers.value.find((l) => l.name === name)).find((l) => l !== undefined) ?? (layers.value[0] as ExportLayer);
  const crs = crsForLayer(zoneLayer);
  const files: OutputFile[] = [];
  for (const layer of layers.value) {
    const written = options.format === 'shapefile' ? writeShapefile(layer, { crs, encoding: options.encoding ?? 'gbk', date: options.date ?? new Date() }) : writeGeoJson(layer, { exactCoordinates: true });
    if (!written.ok) return written;
    notes.push(...written.notes);
    for (const file of written.value) files.push({ name: `${VILLAGE_DATABASE_FOLDER}/${file.name}`, bytes: file.bytes });
  }
  // Beside the layers, not in 表格/: the database folder opened alone (`check 村庄规划数据库/`) still has it.
  files.push({ name: `${VILLAGE_DATABASE_FOLDER}/${VILLAGE_WORKBOOK_NAME}`, bytes: await villageWorkbook(db) });
  const tables = computeDatabaseTables(db);
  if (!tables.control) notes.push(note('villageDb.write.noControlTable'));
  for (const file of await databaseTableFiles(tables, options.t)) files.push({ name: `${DATABASE_TABLES_FOLDER}/${file.name}`, bytes: file.bytes });
  return success(files, notes);
}

/** The same files as one .zip (its folders `村庄规划数据库/` and `表格/` inside), for a single download. */
export async function zipVillageDatabasePackage(db: VillageDatabase, options: VillageDatabaseWriteOptions): Promise<Result<Uint8Array>> {
  const files = await writeVillageDatabasePackage(db, options);
  return files.ok ? success(writeZip(files.value), files.notes) : files;
}
