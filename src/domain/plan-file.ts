/**
 * Reading a plan file (saved by the editor, given to the CLI, or restored from storage). Everything in it
 * is checked before it becomes a Plan: an unreadable file gets a message that says what is wrong, and a
 * plan is never half-loaded.
 */
import type { Geometry, Position } from 'geojson';
import { sanitiseDatumParameters } from './datum-parameters.ts';
import type { PlanFeature } from './features.ts';
import { LAYER_FIELDS, validateFieldValue, type FieldSpec, type FieldValue } from '../profiles/zhejiang-2017/fields.ts';
import type { FeatureId, PlanId } from './ids.ts';
import { LAYER_IDS, LAYERS, type LayerId } from '../profiles/zhejiang-2017/layers.ts';
import { failure, type Message, type Result } from './message.ts';
import { EMPTY_QUOTAS, emptyLayers, emptyPlan, PLAN_SCHEMA_VERSION, type Justification, type Plan, type PlanMeta, type SafeguardMeasure } from './plan.ts';
import { resolveProfile, sanitiseOverrides } from '../profiles/zhejiang-2017/rule-profile.ts';

/** Keys that would reach an object's prototype if used as record keys: never valid ids. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** Listing every bad feature of a broken file helps nobody: the first few say enough. */
const MAX_LISTED = 5;

/** What a 2017 plan file says it is (`format`), so a reader of another plan type can tell it apart. */
export const PLAN_FILE_FORMAT = 'village-plan';

export function serialisePlan(plan: Plan): string {
  return JSON.stringify(plan);
}

export function parsePlanText(text: string): Result<Plan> {
  const raw = parseJsonText(text);
  return raw.ok ? parsePlan(raw.value) : raw;
}

/**
 * The JSON value of a plan or backup file's text, or why there is none. An empty file (a copy or download
 * that never finished) is said in words: the parser's own "Unexpected end of JSON input" tells a planner nothing.
 */
export function parseJsonText(text: string): Result<unknown> {
  if (text.trim() === '') return failure('planFile.empty');
  try {
    return { ok: true, value: JSON.parse(text) as unknown, notes: [] };
  } catch (error) {
    return failure('planFile.notJson', { detail: error instanceof Error ? error.message : String(error) });
  }
}

export function parsePlan(raw: unknown): Result<Plan> {
  if (!isObject(raw) || raw.format !== PLAN_FILE_FORMAT) return failure('planFile.notAPlan');
  if (typeof raw.schemaVersion !== 'number') return failure('planFile.notAPlan');
  if (raw.schemaVersion > PLAN_SCHEMA_VERSION) return failure('planFile.tooNew', { version: raw.schemaVersion, supported: PLAN_SCHEMA_VERSION });
  if (typeof raw.id !== 'string' || !ID_PATTERN.test(raw.id)) return failure('planFile.badId');

  const meta = parseMeta(raw.meta);
  if (!meta.ok) return meta;
  const profile = resolveProfile(meta.value.profileId, meta.value.profileOverrides);

  const notes: Message[] = [...meta.notes];
  const layers = emptyLayers() as Record<LayerId, Record<FeatureId, PlanFeature>>;
  const rawLayers = isObject(raw.layers) ? raw.layers : {};
  const unknownLayers = Object.keys(rawLayers).filter((k) => !(LAYER_IDS as readonly string[]).includes(k));
  if (unknownLayers.length) notes.push({ key: 'planFile.unknownLayers', params: { layers: unknownLayers.join('、') } });

  const bad: { layer: LayerId; id: string; problem: Message }[] = [];
  // Selection and most commands find a feature by its id alone: an id in two layers would let an edit of one act on the other.
  const layerOfId = new Map<string, LayerId>();
  for (const layer of LAYER_IDS) {
    const features = rawLayers[layer];
    if (features === undefined) continue;
    if (!isObject(features)) return failure('planFile.badLayer', { layer });
    for (const [key, value] of Object.entries(features)) {
      const taken = layerOfId.get(key);
      const problem = featureProblem(layer, key, value, profile) ?? (taken && idTakenProblem(taken));
      if (problem) {
        bad.push({ layer, id: key.slice(0, 40), problem });
        continue;
      }
      layerOfId.set(key, layer);
      layers[layer][key as FeatureId] = withMissingNullableFields(layer, value as PlanFeature);
    }
  }
  const [first] = bad;
  if (first) {
    // The features by layer and id, and the first one's problem in the planner's language.
    const list = bad.slice(0, MAX_LISTED).map((b) => `${b.layer}/${b.id}`).join('、');
    return failure('planFile.badFeatures', { count: bad.length, list, layerKey: `layer.${first.layer}`, id: first.id, problemKey: first.problem.key, ...first.problem.params });
  }
  return { ok: true, value: { format: PLAN_FILE_FORMAT, schemaVersion: PLAN_SCHEMA_VERSION, id: raw.id as PlanId, meta: meta.value, layers: layers as Plan['layers'] }, notes };
}

function parseMeta(raw: unknown): Result<PlanMeta> {
  if (!isObject(raw)) return failure('planFile.badMeta', { field: 'meta' });
  const defaults = emptyPlan().meta;
  const text = (key: keyof PlanMeta) => (typeof raw[key] === 'string' ? (raw[key] as string) : (defaults[key] as string));
  const count = (key: 'population' | 'households') => {
    const v = raw[key];
    return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;
  };
  const quotas = isObject(raw.quotas) ? raw.quotas : {};
  const quota = (key: keyof typeof EMPTY_QUOTAS) => {
    const v = quotas[key];
    return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
  };
  const year = (key: 'baseYear' | 'targetYear') => {
    const v = raw[key];
    return typeof v === 'number' && Number.isInteger(v) && v > 1900 && v < 2200 ? v : defaults[key];
  };
  const value: PlanMeta = {
    villageName: text('villageName'),
    villageCode: text('villageCode'),
    township: text('township'),
    county: text('county'),
    baseYear: year('baseYear'),
    targetYear: year('targetYear'),
    population: count('population'),
    households: count('households'),
    quotas: {
      cultivatedLand: quota('cultivatedLand'),
      permanentBasicFarmland: quota('permanentBasicFarmland'),
      constructionTotal: quota('constructionTotal'),
      urbanRuralConstruction: quota('urbanRuralConstruction'),
      villageConstruction: quota('villageConstruction'),
      pbfReserve: quota('pbfReserve'),
    },
    reserveQuotaKeptM2: nonNegative(raw.reserveQuotaKeptM2),
    safeguards: parseSafeguards(raw.safeguards),
    justifications: parseJustifications(raw.justifications),
    profileId: text('profileId') || 'zhejiang-2017',
    profileOverrides: sanitiseOverrides(raw.profileOverrides),
    // Plans saved before the field existed have none.
    datumParameters: sanitiseDatumParameters(raw.datumParameters),
  };
  const unreadable = unreadableMetaFields(raw, quotas, value);
  return { ok: true, value, notes: unreadable.length ? [{ key: 'planFile.metaFieldsReset', params: { fields: unreadable.join('、') } }] : [] };
}

const META_SCALARS = ['villageName', 'villageCode', 'township', 'county', 'baseYear', 'targetYear', 'population', 'households', 'reserveQuotaKeptM2'] as const;

/**
 * The meta fields a file gives a value the reader could not keep (a number in quotes, a year out of
 * range): they read as not entered or as the default, which the planner must be told, or the township's
 * quotas would silently vanish from a plan edited by hand. Named as the file names them, for whoever edits it.
 */
function unreadableMetaFields(raw: Record<string, unknown>, quotas: Record<string, unknown>, meta: PlanMeta): string[] {
  const kept = (given: unknown, read: unknown) => given === undefined || given === null || given === read;
  const fields: string[] = META_SCALARS.filter((key) => !kept(raw[key], meta[key]));
  if (raw.quotas !== undefined && raw.quotas !== null && !isObject(raw.quotas)) fields.push('quotas');
  for (const key of Object.keys(EMPTY_QUOTAS) as (keyof typeof EMPTY_QUOTAS)[]) if (!kept(quotas[key], meta.quotas[key])) fields.push(`quotas.${key}`);
  return fields;
}

function nonNegative(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
}

const MAX_TEXT = 2000;
const shortText = (v: unknown): string => (typeof v === 'string' ? v.slice(0, MAX_TEXT) : '');

/** F5 rows: anything that is not a row of three texts is dropped (they are free text; nothing depends on them). */
function parseSafeguards(raw: unknown): SafeguardMeasure[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isObject).map((row) => ({ measure: shortText(row.measure), content: shortText(row.content), responsible: shortText(row.responsible) }));
}

/** Justifications keyed by issue key; a key that could reach the prototype, or an entry without text, is dropped. */
function parseJustifications(raw: unknown): Record<string, Justification> {
  const out: Record<string, Justification> = {};
  if (!isObject(raw)) return out;
  for (const [key, value] of Object.entries(raw)) {
    if (FORBIDDEN_KEYS.has(key) || key.length > 400 || !isObject(value) || typeof value.text !== 'string' || value.text.trim() === '') continue;
    out[key] = { text: shortText(value.text), at: typeof value.at === 'string' ? value.at.slice(0, 40) : '' };
  }
  return out;
}

const problem = (kind: string, params?: Message['params']): Message => (params ? { key: `planFile.problem.${kind}`, params } : { key: `planFile.problem.${kind}` });

/** Why one stored feature is unusable (a `planFile.problem.*` message), or undefined when it is fine. */
function featureProblem(layer: LayerId, key: string, raw: unknown, profile: ReturnType<typeof resolveProfile>): Message | undefined {
  if (FORBIDDEN_KEYS.has(key) || !ID_PATTERN.test(key)) return problem('badId');
  if (!isObject(raw)) return problem('notObject');
  if (raw.id !== key || raw.layer !== layer) return problem('idOrLayerMismatch');
  const geometryProblem = checkGeometry(raw.geometry as Geometry, LAYERS[layer].geometry);
  if (geometryProblem) return geometryProblem;
  if (!isObject(raw.properties)) return problem('noProperties');
  for (const spec of LAYER_FIELDS[layer]) {
    // A nullable field added after the file was written reads as null (files from older editors stay readable).
    const value = (raw.properties[spec.key] ?? (isNullable(spec) ? null : undefined)) as FieldValue;
    if (!validateFieldValue(spec, value, profile)) return problem('badField', { field: spec.key, value: String(JSON.stringify(value)).slice(0, 40) });
  }
  return undefined;
}

/** Why a feature cannot keep its id: a feature of an earlier layer (in `LAYER_IDS` order) has it. */
export function idTakenProblem(otherLayer: LayerId): Message {
  return problem('idTaken', { otherLayerKey: `layer.${otherLayer}` });
}

function isNullable(spec: FieldSpec): boolean {
  return spec.nullable;
}

/** The feature with every nullable field it lacks set to null, so readers never meet `undefined`. */
function withMissingNullableFields(layer: LayerId, feature: PlanFeature): PlanFeature {
  const properties = feature.properties as unknown as Record<string, unknown>;
  const missing = LAYER_FIELDS[layer].filter((spec) => isNullable(spec) && !(spec.key in properties));
  if (missing.length === 0) return feature;
  return { ...feature, properties: { ...properties, ...Object.fromEntries(missing.map((spec) => [spec.key, null])) } } as unknown as PlanFeature;
}

function checkGeometry(geometry: Geometry | undefined, kind: 'area' | 'point'): Message | undefined {
  const shapeProblem = checkShape(geometry, kind);
  if (shapeProblem) return shapeProblem;
  // Positions are CGCS2000 longitude/latitude. Anything else (x and y swapped, Gauss-Krüger metres written
  // into a file by hand or by another tool) would be drawn nowhere and stops the map from opening at all.
  const outside = positionsOf(geometry as Geometry).find((p) => Math.abs(p[0] as number) > 180 || Math.abs(p[1] as number) > 90);
  return outside ? problem('notLonLat', { x: outside[0] as number, y: outside[1] as number }) : undefined;
}

function positionsOf(geometry: Geometry): Position[] {
  if (geometry.type === 'Point') return [geometry.coordinates];
  if (geometry.type === 'Polygon') return geometry.coordinates.flat();
  return geometry.type === 'MultiPolygon' ? geometry.coordinates.flat(2) : [];
}

function checkShape(geometry: Geometry | undefined, kind: 'area' | 'point'): Message | undefined {
  if (!isObject(geometry)) return problem('noGeometry');
  if (kind === 'point') return geometry.type === 'Point' && isPosition(geometry.coordinates) ? undefined : problem('notPoint');
  if (geometry.type === 'Polygon') return isRings(geometry.coordinates) ? undefined : problem('badCoordinates');
  if (geometry.type === 'MultiPolygon') {
    return Array.isArray(geometry.coordinates) && geometry.coordinates.length > 0 && geometry.coordinates.every(isRings) ? undefined : problem('badCoordinates');
  }
  return problem('notPolygon', { type: String(geometry.type).slice(0, 40) });
}

function isRings(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every((ring) => Array.isArray(ring) && ring.length >= 4 && ring.every(isPosition));
}

function isPosition(value: unknown): value is Position {
  return Array.isArray(value) && value.length >= 2 && Number.isFinite(value[0]) && Number.isFinite(value[1]);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

