/**
 * A whole village planning database (`zhejiang-2026`) in one JSON file, for the browser to open and keep:
 * the declared edition, the village info, the 上级下达 allocations, the plan's own values of the ⚠ defaults
 * (plan-defaults.ts: 管控边界 types of classes, binding directions, 三大类, class colours; each table only when
 * it has any) and each layer as a GeoJSON FeatureCollection in CGCS2000 lon/lat,
 * under its database name.
 *
 * Written with a stable key order and one feature per line, so two saves of the same database are the same
 * bytes and a changed one gives a readable diff. Read as the folder reader reads layer files
 * (`village-fields.ts`: declared field names in any case, refs, values), and tolerant where the meaning is
 * plain: an unknown layer, a feature whose geometry is missing or broken (kept without a shape), a nested
 * value or a wrongly typed info field are notes; only a file that is not such a database fails.
 */
import type { Geometry } from 'geojson';
import { PLAN_FILE_FORMAT } from '../../domain/plan-file.ts';
import { DATABASE_LAYERS } from '../../profiles/zhejiang-2026/layers.ts';
import { INDICATORS } from '../../profiles/zhejiang-2026/indicators.ts';
import { PLAN_DEFAULT_NAMES, PLAN_DEFAULTS, type PlanDefaultName, type PlanDefaults } from '../../profiles/zhejiang-2026/plan-defaults.ts';
import { NO_VILLAGE_INFO, REFERENCE_LAYER_NAMES, type FieldValue, type VillageDatabase, type VillageFeature, type VillageInfo, type VillageLayer, type VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { forEachPosition } from '../crs/extent.ts';
import { plainJson, type Properties } from '../formats/properties.ts';
import { parseGeoJsonStructure } from '../geojson/geojson-structure.ts';
import { failure, listSome, note, success, type Message, type Result } from '../result.ts';
import { featureRef, fieldNamer, villageProperties } from './village-fields.ts';

const DATABASE_FILE_FORMAT = 'village-database';
const DATABASE_FILE_SCHEMA_VERSION = 1;
const PROFILE = 'zhejiang-2026';
const EDITIONS: readonly VillageDatabase['edition'][] = ['ydyh-2023', 'ydyh-2020'];

/** The file's layer order: the database's own layers as layers.ts lists them, then the reference layers. */
const LAYER_ORDER: readonly VillageLayerName[] = [...DATABASE_LAYERS.map((layer) => layer.name), ...REFERENCE_LAYER_NAMES];

const INFO_FIELDS = Object.keys(NO_VILLAGE_INFO) as (keyof VillageInfo)[];

// ---- writing ----

export function serialiseVillageDatabase(db: VillageDatabase): string {
  const info = Object.fromEntries(INFO_FIELDS.map((field) => [field, db.info[field]]));
  const allocations = Object.entries(db.allocations)
    .filter((entry): entry is [string, number] => entry[1] !== undefined)
    .sort(([a], [b]) => Number(a) - Number(b));
  const layers = LAYER_ORDER.flatMap((name) => {
    const layer = db.layers[name];
    return layer ? [serialiseLayer(layer)] : [];
  });
  return [
    '{',
    `  "format": ${JSON.stringify(DATABASE_FILE_FORMAT)},`,
    `  "schemaVersion": ${DATABASE_FILE_SCHEMA_VERSION},`,
    `  "profile": ${JSON.stringify(PROFILE)},`,
    `  "edition": ${JSON.stringify(db.edition)},`,
    `  "info": ${JSON.stringify(info, null, 2).split('\n').join('\n  ')},`,
    `  "allocations": ${JSON.stringify(Object.fromEntries(allocations))},`,
    ...PLAN_DEFAULT_NAMES.flatMap((name) => defaultsLine(name, db[name])),
    layers.length ? `  "layers": {\n${layers.join(',\n')}\n  }` : '  "layers": {}',
    '}',
    '',
  ].join('\n');
}

/**
 * A defaults table's values by key in key order (written entry by entry: an object would put integer-like
 * keys such as 1703 before 0103); no line at all without any, so a plan that has none keeps its bytes.
 */
function defaultsLine(name: PlanDefaultName, table: Readonly<Record<string, string>> | undefined): string[] {
  const keys = Object.keys(table ?? {}).sort();
  const entries = keys.map((key) => `${JSON.stringify(key)}:${JSON.stringify(table?.[key])}`);
  return keys.length ? [`  ${JSON.stringify(name)}: {${entries.join(',')}},`] : [];
}

function serialiseLayer(layer: VillageLayer): string {
  const features = layer.features.map((feature) => `        ${JSON.stringify({ type: 'Feature', geometry: feature.geometry, properties: orderedProperties(feature, layer.fieldNames) })}`);
  const list = features.length ? `[\n${features.join(',\n')}\n      ]` : '[]';
  return `    ${JSON.stringify(layer.name)}: {\n      "type": "FeatureCollection",\n      "features": ${list}\n    }`;
}

/** The layer's fields in its order, then any the feature has beyond them. */
function orderedProperties(feature: VillageFeature, fieldNames: readonly string[]): Record<string, FieldValue> {
  const keys = [...fieldNames.filter((field) => field in feature.properties), ...Object.keys(feature.properties).filter((field) => !fieldNames.includes(field))];
  return Object.fromEntries(keys.map((field) => [field, feature.properties[field] ?? null]));
}

// ---- reading ----

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/**
 * Whether a chosen `.json` is a village database file rather than a 2017 plan file, told from its opening
 * (the writer puts `format` first), so the start page's one import sends each file to its own profile's view
 * without parsing megabytes twice. A file that says so further down goes the 2017 way and is refused there.
 */
export function looksLikeVillageDatabase(text: string): boolean {
  return new RegExp(`"format"\\s*:\\s*"${DATABASE_FILE_FORMAT}"`).test(text.slice(0, 4096));
}

export function parseVillageDatabaseText(text: string, fileName: string): Result<VillageDatabase> {
  const file = fileName;
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    return failure('villageDb.file.notJson', { file, detail: error instanceof Error ? error.message : String(error) });
  }
  // A 2017 plan file chosen here is a known mistake: say where it opens and how it becomes a 2026 plan.
  if (isObject(root) && root.format === PLAN_FILE_FORMAT) return failure('villageDb.file.plan2017', { file });
  if (!isObject(root) || root.format !== DATABASE_FILE_FORMAT) return failure('villageDb.file.notADatabase', { file });
  const version = root.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return failure('villageDb.file.badSchemaVersion', { file, version: JSON.stringify(version) ?? kindOf(version) });
  if (version > DATABASE_FILE_SCHEMA_VERSION) return failure('villageDb.file.tooNew', { file, version, supported: DATABASE_FILE_SCHEMA_VERSION });
  if (root.profile !== PROFILE) return failure('villageDb.file.wrongProfile', { file, profile: JSON.stringify(root.profile) ?? kindOf(root.profile), expected: PROFILE });
  const edition = EDITIONS.find((e) => e === root.edition);
  if (!edition) return failure('villageDb.file.badEdition', { file, edition: JSON.stringify(root.edition) ?? kindOf(root.edition), editions: EDITIONS.join(', ') });
  if (!isObject(root.layers)) return failure('villageDb.file.noLayers', { file, found: kindOf(root.layers) });

  const notes: Message[] = [];
  const info = parseInfo(root.info, file, notes);
  const allocations = parseAllocations(root.allocations, file, notes);
  const defaults = parseDefaults(root, file, notes);
  const layers: Partial<Record<VillageLayerName, VillageLayer>> = {};
  const unknown: string[] = [];
  for (const [name, value] of Object.entries(root.layers)) {
    const known = LAYER_ORDER.find((layer) => layer === name);
    if (!known) unknown.push(name);
    else {
      const layer = parseLayer(known, value, file, notes);
      if (layer) layers[known] = layer;
    }
  }
  if (unknown.length) notes.push(note('villageDb.file.unknownLayers', { file, layers: listSome(unknown), known: LAYER_ORDER.join(', ') }));
  return success({ layers, edition, info, allocations, ...defaults }, notes);
}

/**
 * Each defaults table's entries whose key and value its description takes; the others dropped with a note
 * (those keys take the default). A table left without entries is absent.
 */
function parseDefaults(root: Json, file: string, notes: Message[]): PlanDefaults {
  const defaults: Record<string, Record<string, unknown>> = {};
  for (const name of PLAN_DEFAULT_NAMES) {
    const value = root[name];
    const spec = PLAN_DEFAULTS[name];
    if (value === undefined || value === null) continue;
    if (!isObject(value)) {
      notes.push(note(spec.texts.fileNotATable, { file, found: kindOf(value) }));
      continue;
    }
    const kept: Record<string, unknown> = {};
    const dropped: string[] = [];
    for (const [key, given] of Object.entries(value)) {
      if (spec.isKey(key) && spec.isValue(given)) kept[key] = given;
      else dropped.push(`${key} → ${JSON.stringify(given) ?? kindOf(given)}`);
    }
    if (dropped.length) notes.push(note(spec.texts.fileDropped, { file, count: dropped.length, entries: listSome(dropped), types: spec.values }));
    if (Object.keys(kept).length) defaults[name] = kept;
  }
  // Each value kept was checked by its table's own isValue.
  return defaults as PlanDefaults;
}

function parseInfo(value: unknown, file: string, notes: Message[]): VillageInfo {
  if (value === undefined || value === null) return NO_VILLAGE_INFO;
  if (!isObject(value)) {
    notes.push(note('villageDb.file.badInfo', { file, found: kindOf(value) }));
    return NO_VILLAGE_INFO;
  }
  const unknown = Object.keys(value).filter((field) => !(INFO_FIELDS as string[]).includes(field));
  if (unknown.length) notes.push(note('villageDb.file.unknownInfoFields', { file, fields: listSome(unknown), known: INFO_FIELDS.join(', ') }));
  const read = <T>(field: keyof VillageInfo, expected: 'text' | 'number', fits: (given: unknown) => given is T): T | null => {
    const given = value[field];
    if (given === undefined || given === null) return null;
    if (fits(given)) return given;
    notes.push(note('villageDb.file.badInfoField', { file, field, found: JSON.stringify(given), expectedKey: `villageDb.file.expected.${expected}` }));
    return null;
  };
  const text = (field: keyof VillageInfo) => read(field, 'text', (given): given is string => typeof given === 'string');
  const count = (field: keyof VillageInfo) => read(field, 'number', (given): given is number => typeof given === 'number' && Number.isFinite(given) && given >= 0);
  return {
    villageName: text('villageName'),
    villageType: text('villageType'),
    planPeriod: text('planPeriod'),
    basePopulation: count('basePopulation'),
    targetPopulation: count('targetPopulation'),
    baseHeritage: count('baseHeritage'),
    targetHeritage: count('targetHeritage'),
  };
}

function parseAllocations(value: unknown, file: string, notes: Message[]): VillageDatabase['allocations'] {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) {
    notes.push(note('villageDb.file.badAllocations', { file, found: kindOf(value) }));
    return {};
  }
  const allocations: Record<number, number> = {};
  for (const [key, given] of Object.entries(value)) {
    const indicator = INDICATORS.find((i) => String(i.number) === key.trim());
    if (!indicator) notes.push(note('villageDb.file.unknownIndicator', { file, indicator: key }));
    else if (typeof given !== 'number' || !Number.isFinite(given)) notes.push(note('villageDb.file.badAllocation', { file, indicator: key, name: indicator.zh, found: JSON.stringify(given) ?? kindOf(given) }));
    else allocations[indicator.number] = given;
  }
  return allocations;
}

function parseLayer(name: VillageLayerName, value: unknown, file: string, notes: Message[]): VillageLayer | null {
  if (!isObject(value) || value.type !== 'FeatureCollection' || !Array.isArray(value.features)) {
    notes.push(note('villageDb.file.badLayer', { file, layer: name }));
    return null;
  }
  const records = value.features.map((raw: unknown) => (isObject(raw) && isObject(raw.properties) ? Object.keys(raw.properties) : []));
  const rename = fieldNamer(name, [...new Set(records.flat())]);
  const fieldNames = new Set<string>();
  const features: VillageFeature[] = [];
  const notFeatures: number[] = [];
  const withoutShape: string[] = [];
  const stringified = new Set<string>();
  value.features.forEach((raw: unknown, index) => {
    const recordNo = index + 1;
    if (!isObject(raw) || raw.type !== 'Feature' || (raw.properties !== undefined && raw.properties !== null && !isObject(raw.properties))) {
      notFeatures.push(recordNo);
      return;
    }
    const record = (isObject(raw.properties) ? plainJson(raw.properties) : {}) as Properties;
    for (const [field, v] of Object.entries(record)) if (typeof v === 'boolean' || (v !== null && typeof v === 'object')) stringified.add(rename(field));
    const properties = villageProperties(record, rename);
    for (const field of Object.keys(properties)) fieldNames.add(field);
    const ref = featureRef(name, properties, recordNo);
    const geometry = lonLatGeometry(raw.geometry, file);
    if (geometry === undefined) withoutShape.push(ref);
    features.push({ ref, geometry: geometry ?? null, properties });
  });
  if (notFeatures.length) notes.push(note('villageDb.file.notFeatures', { file, layer: name, count: notFeatures.length, records: listSome(notFeatures) }));
  if (withoutShape.length) notes.push(note('villageDb.file.badGeometry', { file, layer: name, count: withoutShape.length, refs: listSome(withoutShape) }));
  if (stringified.size) notes.push(note('villageDb.file.valuesAsText', { file, layer: name, fields: listSome([...stringified]) }));
  return { name, file, fieldNames: [...fieldNames], features };
}

/** A GeoJSON geometry in lon/lat; null as written (a record without a shape); undefined when missing or broken. */
function lonLatGeometry(value: unknown, file: string): Geometry | null | undefined {
  if (value === null) return null;
  if (value === undefined) return undefined;
  const parsed = parseGeoJsonStructure({ type: 'Feature', geometry: value, properties: null }, file);
  const geometry = parsed.ok ? parsed.value.features[0]?.geometry : undefined;
  if (!geometry) return undefined;
  let lonLat = true;
  forEachPosition(geometry, ([lon, lat]) => {
    if (!(Math.abs(lon as number) <= 180 && Math.abs(lat as number) <= 90)) lonLat = false;
  });
  return lonLat ? geometry : undefined;
}
