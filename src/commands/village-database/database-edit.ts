/**
 * An edit of a village database (a 2026 plan) as plain data: the fields each touched feature had and has,
 * the whole features added, removed or replaced, and the village info, 上级下达 allocations and the plan's
 * own values of the ⚠ defaults (plan-defaults.ts) it changed, so one value both redoes and undoes it, and a history
 * is a list of these (`database-history.ts`). Applying one shares every untouched layer and feature with
 * the database it came from, so a view or a check that compares by identity sees only what changed.
 */
import { PLAN_DEFAULT_NAMES, type PlanDefaultName, type PlanDefaultValues } from '../../profiles/zhejiang-2026/plan-defaults.ts';
import type { FieldValue, VillageDatabase, VillageFeature, VillageInfo, VillageLayer, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { addToList } from '../../domain/lists.ts';

/** One feature's fields before and after; a field missing from `before` was absent and is removed again on undo. */
export interface FieldChange {
  readonly layer: VillageLayerName;
  readonly ref: string;
  readonly before: Readonly<Record<string, FieldValue>>;
  readonly after: Readonly<Record<string, FieldValue>>;
}

/**
 * A whole feature added (appended to its layer), removed or replaced (found by the ref of the side it is
 * applied from). A removal keeps the index the feature had in its layer before the edit, so undo puts it
 * back there. A feature takes part in at most one feature change of an edit.
 */
export type FeatureChange =
  | { readonly layer: VillageLayerName; readonly before: null; readonly after: VillageFeature }
  | { readonly layer: VillageLayerName; readonly before: VillageFeature; readonly after: null; readonly index: number }
  | { readonly layer: VillageLayerName; readonly before: VillageFeature; readonly after: VillageFeature };

/** One side of a change to a plan's defaults table, by key; null = the profile's default (no value of the plan's). */
export type PlanDefaultEntries<N extends PlanDefaultName> = Readonly<Record<string, PlanDefaultValues[N] | null>>;

/**
 * The database-level entries one side of a `VillageChange` gives: only the changed ones. The plan's defaults
 * tables (`controlTypes`, `bindings`, `threeCategories`, `classColours`, `tableGroups`) each only when the
 * edit changes it.
 */
export type VillageEntries = {
  readonly info: Partial<VillageInfo>;
  /** 上级下达 by indicator number; null = not entered (absent from the database's allocations). */
  readonly allocations: Readonly<Partial<Record<number, number | null>>>;
} & { readonly [N in PlanDefaultName]?: PlanDefaultEntries<N> };

/** The village info fields and allocations an edit changed; `before` and `after` name the same entries. */
export interface VillageChange {
  readonly before: VillageEntries;
  readonly after: VillageEntries;
}

export interface DatabaseEdit {
  /** i18n key naming the step in the undo history, with its parameters. */
  readonly labelKey: string;
  readonly params: Record<string, string | number>;
  readonly changes: readonly FieldChange[];
  readonly features?: readonly FeatureChange[];
  /** Layers the database lacked: created empty before the edit's changes, removed again after undoing them. */
  readonly newLayers?: readonly Omit<VillageLayer, 'features'>[];
  readonly village?: VillageChange;
}

export type EditDirection = 'forward' | 'back';

/** Whether the village change gives any entry another value than it had. */
export function changesVillage(change: VillageChange | undefined): boolean {
  if (change === undefined) return false;
  const { before, after } = change;
  const infoChanged = (Object.keys(after.info) as (keyof VillageInfo)[]).some((field) => before.info[field] !== after.info[field]);
  const allocationsChanged = Object.entries(after.allocations).some(([number, value]) => (before.allocations[Number(number)] ?? null) !== (value ?? null));
  const defaultsChanged = PLAN_DEFAULT_NAMES.some((name) => Object.entries(after[name] ?? {}).some(([key, value]) => (before[name]?.[key] ?? null) !== value));
  return infoChanged || allocationsChanged || defaultsChanged;
}

function touchesLayers(edit: DatabaseEdit): boolean {
  return edit.changes.length > 0 || (edit.features?.length ?? 0) > 0 || (edit.newLayers?.length ?? 0) > 0;
}

/** An edit that changes nothing: no undo step. */
export function isEmptyEdit(edit: DatabaseEdit): boolean {
  return !touchesLayers(edit) && !changesVillage(edit.village);
}

/** The entries set over `had`, which is kept when there are none; one given as null is removed. */
function withEntries<K extends string | number, V>(had: Readonly<Record<K, V>>, entries: Readonly<Partial<Record<K, V | null>>>): Readonly<Record<K, V>> {
  if (Object.keys(entries).length === 0) return had;
  const out: Record<K, V> = { ...had };
  for (const [key, value] of Object.entries(entries) as [K, V | null | undefined][]) {
    if (value === null || value === undefined) delete out[key];
    else out[key] = value;
  }
  return out;
}

/**
 * The database with one side's entries set: an allocation given as null is removed, and so is a plan's value
 * of a defaults table (the key takes the default); a table left with no value is removed, so a plan that
 * changed no default has none, as before.
 */
function withVillageEntries(db: VillageDatabase, entries: VillageEntries): VillageDatabase {
  const out: Record<string, unknown> = { ...db, info: Object.keys(entries.info).length > 0 ? { ...db.info, ...entries.info } : db.info, allocations: withEntries<number, number | undefined>(db.allocations, entries.allocations) };
  for (const name of PLAN_DEFAULT_NAMES) {
    const given = entries[name];
    if (given === undefined || Object.keys(given).length === 0) continue;
    const table = withEntries<string, unknown>(db[name] ?? {}, given);
    if (Object.keys(table).length > 0) out[name] = table;
    else delete out[name];
  }
  // Each table was built by withEntries from checked entries of its own type.
  return out as unknown as VillageDatabase;
}

/** The properties with `values` set and the fields of `absent` that `values` does not give removed, keeping their prototype. */
export function withValues(properties: Readonly<Record<string, FieldValue>>, values: Readonly<Record<string, FieldValue>>, absent: Readonly<Record<string, FieldValue>> = {}): Record<string, FieldValue> {
  const out = Object.assign(Object.create(Object.getPrototypeOf(properties) as object | null) as Record<string, FieldValue>, properties, values);
  for (const field of Object.keys(absent)) if (!Object.hasOwn(values, field)) delete out[field];
  return out;
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) addToList(groups, keyOf(item), item);
  return groups;
}

/** Throws unless each ref was found exactly once: an edit is made from the database it is applied to. */
function expectEachOnce(layer: VillageLayerName, refs: Iterable<string>, found: ReadonlyMap<string, number>): void {
  for (const ref of refs) {
    const count = found.get(ref) ?? 0;
    if (count !== 1) throw new Error(`database edit: ${layer} has ${count} features ${ref}`);
  }
}

/** The features with their field changes applied in order; a change whose ref names no feature, or several, is a bug. */
function editFields(layer: VillageLayerName, features: readonly VillageFeature[], changes: readonly FieldChange[], direction: EditDirection): VillageFeature[] {
  const byRef = groupBy(changes, (change) => change.ref);
  const found = new Map<string, number>();
  const edited = features.map((feature): VillageFeature => {
    const own = byRef.get(feature.ref);
    if (own === undefined) return feature;
    found.set(feature.ref, (found.get(feature.ref) ?? 0) + 1);
    const ordered = direction === 'forward' ? own : [...own].reverse();
    const properties = ordered.reduce(
      (props, change) => (direction === 'forward' ? withValues(props, change.after, change.before) : withValues(props, change.before, change.after)),
      feature.properties,
    );
    return { ...feature, properties };
  });
  expectEachOnce(layer, byRef.keys(), found);
  return edited;
}

/**
 * The features with whole-feature changes applied: replaced in place and removed where they stand; an
 * added feature goes at the end (forward), a removed one back to its old index (back).
 */
function editFeatures(layer: VillageLayerName, features: readonly VillageFeature[], changes: readonly FeatureChange[], direction: EditDirection): VillageFeature[] {
  const byRef = new Map<string, VillageFeature | null>();
  const appended: VillageFeature[] = [];
  const restored: { index: number; feature: VillageFeature }[] = [];
  const replace = (from: VillageFeature, to: VillageFeature | null) => {
    if (byRef.has(from.ref)) throw new Error(`database edit: ${layer} ${from.ref} changed twice`);
    byRef.set(from.ref, to);
  };
  for (const change of changes) {
    if (change.before === null) {
      if (direction === 'forward') appended.push(change.after);
      else replace(change.after, null);
    } else if (change.after === null) {
      if (direction === 'forward') replace(change.before, null);
      else restored.push({ index: change.index, feature: change.before });
    } else if (direction === 'forward') replace(change.before, change.after);
    else replace(change.after, change.before);
  }
  const found = new Map<string, number>();
  const edited = features.flatMap((feature): VillageFeature[] => {
    if (!byRef.has(feature.ref)) return [feature];
    found.set(feature.ref, (found.get(feature.ref) ?? 0) + 1);
    const to = byRef.get(feature.ref) ?? null;
    return to === null ? [] : [to];
  });
  expectEachOnce(layer, byRef.keys(), found);
  // In ascending old index every feature before a restored one is already back in its place.
  for (const { index, feature } of restored.sort((a, b) => a.index - b.index)) edited.splice(index, 0, feature);
  return [...edited, ...appended];
}

function editLayer(layer: VillageLayer, fields: readonly FieldChange[], features: readonly FeatureChange[], direction: EditDirection): VillageLayer {
  const byFields = (list: readonly VillageFeature[]) => (fields.length === 0 ? list : editFields(layer.name, list, fields, direction));
  const byFeatures = (list: readonly VillageFeature[]) => (features.length === 0 ? list : editFeatures(layer.name, list, features, direction));
  // Undo takes the steps back in the reverse order: whole features first, then fields.
  const edited = direction === 'forward' ? byFeatures(byFields(layer.features)) : byFields(byFeatures(layer.features));
  return { ...layer, features: edited };
}

/** The database with the edit applied (`forward`) or taken back (`back`); only the touched layers and features are new objects. */
export function applyEdit(db: VillageDatabase, edit: DatabaseEdit, direction: EditDirection): VillageDatabase {
  if (isEmptyEdit(edit)) return db;
  const { village: change } = edit;
  const moved = change !== undefined && changesVillage(change) ? withVillageEntries(db, direction === 'forward' ? change.after : change.before) : db;
  return touchesLayers(edit) ? { ...moved, layers: editedLayers(db, edit, direction) } : moved;
}

function editedLayers(db: VillageDatabase, edit: DatabaseEdit, direction: EditDirection): VillageDatabase['layers'] {
  const fieldsByLayer = groupBy(edit.changes, (change) => change.layer);
  const featuresByLayer = groupBy(edit.features ?? [], (change) => change.layer);
  const layers = { ...db.layers };
  const created = edit.newLayers ?? [];
  if (direction === 'forward') for (const header of created) layers[header.name] = { ...header, features: [] };
  for (const name of new Set([...fieldsByLayer.keys(), ...featuresByLayer.keys()])) {
    const layer = layers[name];
    if (layer === undefined) throw new Error(`database edit: no layer ${name}`);
    layers[name] = editLayer(layer, fieldsByLayer.get(name) ?? [], featuresByLayer.get(name) ?? [], direction);
  }
  if (direction === 'back') for (const { name } of created) delete layers[name];
  return layers;
}
