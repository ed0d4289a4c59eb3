/**
 * Undo and redo of a village database's edits as plain data: each edit holds its fields and whole features
 * before and after, so the same value is applied back to undo and forward to redo. A history kept with its plan
 * (persist/database-drafts.ts) is read back through `historyOfJson` and `historyFits`. Pure: every function returns new values.
 */
import { DATABASE_LAYERS } from '../../profiles/zhejiang-2026/layers.ts';
import { PLAN_DEFAULT_NAMES, PLAN_DEFAULTS } from '../../profiles/zhejiang-2026/plan-defaults.ts';
import { NO_VILLAGE_INFO, type FieldValue, type VillageDatabase, type VillageInfo, type VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { applyEdit, isEmptyEdit, type DatabaseEdit, type EditDirection } from './database-edit.ts';
import { ALLOCATED_INDICATORS } from './set-village-info.command.ts';

export interface DatabaseHistory {
  /** Applied edits, oldest first: undo takes the last. */
  readonly done: readonly DatabaseEdit[];
  /** Undone edits, the most recently undone last: redo takes it. */
  readonly undone: readonly DatabaseEdit[];
}

export interface HistoryStep {
  readonly db: VillageDatabase;
  readonly history: DatabaseHistory;
}

export const EMPTY_DATABASE_HISTORY: DatabaseHistory = { done: [], undone: [] };

/** Deep enough for a session of reclassifying; the oldest steps drop off first. */
export const MAX_DATABASE_HISTORY_STEPS = 200;

/** The history after an applied edit: redo is forgotten. An edit that changed nothing is no step. */
export function record(history: DatabaseHistory, edit: DatabaseEdit): DatabaseHistory {
  if (isEmptyEdit(edit)) return history;
  return { done: [...history.done, edit].slice(-MAX_DATABASE_HISTORY_STEPS), undone: [] };
}

/** The database before the last edit and the history with that edit to redo; null when there is nothing to undo. */
export function undo(db: VillageDatabase, history: DatabaseHistory): HistoryStep | null {
  const edit = history.done.at(-1);
  if (edit === undefined) return null;
  return { db: applyEdit(db, edit, 'back'), history: { done: history.done.slice(0, -1), undone: [...history.undone, edit] } };
}

/** The database with the last undone edit applied again; null when there is nothing to redo. */
export function redo(db: VillageDatabase, history: DatabaseHistory): HistoryStep | null {
  const edit = history.undone.at(-1);
  if (edit === undefined) return null;
  return { db: applyEdit(db, edit, 'forward'), history: { done: [...history.done, edit], undone: history.undone.slice(0, -1) } };
}

/**
 * A history read back from storage (plain JSON), or null unless it has the shape this version writes: each
 * edit with its labels, field changes of field values, whole features with a GeoJSON geometry and, where it
 * has one, a village change naming the same entries on both sides (info, allocations, the plan's defaults
 * tables), so an edit of another version or a damaged record never reaches the plan. Edits stored before
 * village changes, or before their defaults tables, existed read as they were.
 */
export function historyOfJson(raw: unknown): DatabaseHistory | null {
  if (!isRecord(raw) || !Array.isArray(raw['done']) || !Array.isArray(raw['undone'])) return null;
  const { done, undone } = raw;
  return done.every(isEdit) && undone.every(isEdit) ? { done, undone } : null;
}

/**
 * Whether the history belongs to the database: every done edit, taken back newest first, starts from the
 * state it left (taking it back and applying it again gives that state), and so does every undone edit,
 * applied again in the order redo takes them. A history saved with its plan always fits; one that does not
 * was made against another plan.
 */
export function historyFits(db: VillageDatabase, history: DatabaseHistory): boolean {
  const walk = (edits: readonly DatabaseEdit[], direction: EditDirection) => {
    let state: VillageDatabase | null = db;
    for (const edit of [...edits].reverse()) state = state && movedIfInverse(state, edit, direction);
    return state !== null;
  };
  return walk(history.done, 'back') && walk(history.undone, 'forward');
}

/** The database moved by the edit, or null when moving it back does not give the database again. */
function movedIfInverse(db: VillageDatabase, edit: DatabaseEdit, direction: EditDirection): VillageDatabase | null {
  try {
    const moved = applyEdit(db, edit, direction);
    const returned = applyEdit(moved, edit, direction === 'back' ? 'forward' : 'back');
    const sameDefaults = PLAN_DEFAULT_NAMES.every((name) => sameJson(returned[name] ?? {}, db[name] ?? {}));
    const sameVillage = sameJson(returned.info, db.info) && sameJson(returned.allocations, db.allocations) && sameDefaults;
    return sameFeatures(returned, db) && sameVillage ? moved : null;
  } catch {
    // applyEdit throws on a feature it cannot find, a bug for an edit made here; a stored edit may be of another plan.
    return null;
  }
}

/** The same layers holding equal features in the same order (a layer's file name and field list are for messages). */
function sameFeatures(a: VillageDatabase, b: VillageDatabase): boolean {
  const names = Object.keys(a.layers) as VillageLayerName[];
  if (names.length !== Object.keys(b.layers).length) return false;
  return names.every((name) => {
    const [x, y] = [a.layers[name]?.features, b.layers[name]?.features];
    return x === y || (x !== undefined && y !== undefined && x.length === y.length && x.every((feature, i) => sameJson(feature, y[i])));
  });
}

/** Equal as JSON values, whatever the order of their keys; shared parts compare by identity first. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((value, i) => sameJson(value, b[i]));
  if (!isRecord(a) || !isRecord(b) || Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]));
}

const GEOMETRY_TYPES: readonly unknown[] = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'];
const NEW_LAYER_NAMES: readonly unknown[] = DATABASE_LAYERS.map((layer) => layer.name);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const isFinite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isFieldValue = (value: unknown): value is FieldValue => value === null || typeof value === 'string' || isFinite(value);
const isFields = (value: unknown) => isRecord(value) && !Array.isArray(value) && Object.values(value).every(isFieldValue);
const isStrings = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === 'string');
/** A position, or nested lists of them. */
const isCoordinates = (value: unknown): boolean => Array.isArray(value) && (value.length >= 2 && value.every(isFinite) ? true : value.every((item) => Array.isArray(item) && isCoordinates(item)));

function isGeometry(value: unknown): boolean {
  if (!isRecord(value)) return false;
  if (value['type'] === 'GeometryCollection') return Array.isArray(value['geometries']) && value['geometries'].every(isGeometry);
  return GEOMETRY_TYPES.includes(value['type']) && isCoordinates(value['coordinates']);
}

const isFeature = (value: unknown) => isRecord(value) && typeof value['ref'] === 'string' && isFields(value['properties']) && (value['geometry'] === null || isGeometry(value['geometry']));

function isFeatureChange(value: unknown): boolean {
  if (!isRecord(value) || typeof value['layer'] !== 'string') return false;
  const { before, after } = value;
  if (before === null) return isFeature(after);
  if (after === null) return isFeature(before) && Number.isInteger(value['index']) && (value['index'] as number) >= 0;
  return isFeature(before) && isFeature(after);
}

const isFieldChange = (value: unknown) => isRecord(value) && typeof value['layer'] === 'string' && typeof value['ref'] === 'string' && isFields(value['before']) && isFields(value['after']);
const isNewLayer = (value: unknown) => isRecord(value) && NEW_LAYER_NAMES.includes(value['name']) && typeof value['file'] === 'string' && isStrings(value['fieldNames']);
const isListOf = (value: unknown, isItem: (item: unknown) => boolean) => Array.isArray(value) && value.every(isItem);

const INFO_FIELDS: readonly string[] = Object.keys(NO_VILLAGE_INFO);
const ALLOCATED: readonly string[] = ALLOCATED_INDICATORS.map((indicator) => String(indicator.number));
const COUNT_FIELDS: readonly string[] = ['basePopulation', 'targetPopulation', 'baseHeritage', 'targetHeritage'] satisfies (keyof VillageInfo)[];
const isInfoValue = (field: string, value: unknown) => value === null || (COUNT_FIELDS.includes(field) ? isFinite(value) : typeof value === 'string');

/** A defaults table's entries as its description takes them (plan-defaults.ts), each named `<table>.<key>`; null when one is not. */
function defaultsKeys(value: Record<string, unknown>): string[] | null {
  const keys: string[] = [];
  for (const name of PLAN_DEFAULT_NAMES) {
    const entries = value[name] ?? {};
    if (!isRecord(entries) || Array.isArray(entries)) return null;
    const spec = PLAN_DEFAULTS[name];
    if (!Object.entries(entries).every(([key, given]) => spec.isKey(key) && (given === null || spec.isValue(given)))) return null;
    keys.push(...Object.keys(entries).map((key) => `${name}.${key}`));
  }
  return keys;
}

/** One side's entries: info fields of their type, allocations of binding indicators, the plan's defaults tables; returns the keys it names. */
function entryKeys(value: unknown): string[] | null {
  if (!isRecord(value) || !isRecord(value['info']) || !isRecord(value['allocations'])) return null;
  const { info, allocations } = value;
  const infoOk = Object.entries(info).every(([field, given]) => INFO_FIELDS.includes(field) && isInfoValue(field, given));
  const allocationsOk = Object.entries(allocations).every(([number, given]) => ALLOCATED.includes(number) && (given === null || isFinite(given)));
  const defaults = defaultsKeys(value);
  const keys = [...Object.keys(info).map((field) => `info.${field}`), ...Object.keys(allocations).map((number) => `allocation.${number}`), ...(defaults ?? [])];
  return infoOk && allocationsOk && defaults !== null ? keys.sort() : null;
}

function isVillageChange(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const [before, after] = [entryKeys(value['before']), entryKeys(value['after'])];
  return before !== null && after !== null && sameJson(before, after);
}

function isEdit(value: unknown): value is DatabaseEdit {
  if (!isRecord(value) || typeof value['labelKey'] !== 'string' || !isRecord(value['params'])) return false;
  const params = Object.values(value['params']).every((param) => typeof param === 'string' || isFinite(param));
  const optional = (key: string, isItem: (item: unknown) => boolean) => value[key] === undefined || isListOf(value[key], isItem);
  const village = value['village'] === undefined || isVillageChange(value['village']);
  return params && village && isListOf(value['changes'], isFieldChange) && optional('features', isFeatureChange) && optional('newLayers', isNewLayer);
}
