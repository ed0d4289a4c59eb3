/**
 * An edit of a village database (a 2026 plan) as plain data: the fields each touched feature had and has,
 * so one value both redoes and undoes it, and a history is a list of these (`database-history.ts`).
 * Applying one shares every untouched layer and feature with the database it came from, so a view or a
 * check that compares by identity sees only what changed.
 */
import type { FieldValue, VillageDatabase, VillageFeature, VillageLayer, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';

/** One feature's fields before and after; a field missing from `before` was absent and is removed again on undo. */
export interface FieldChange {
  readonly layer: VillageLayerName;
  readonly ref: string;
  readonly before: Readonly<Record<string, FieldValue>>;
  readonly after: Readonly<Record<string, FieldValue>>;
}

export interface DatabaseEdit {
  /** i18n key naming the step in the undo history, with its parameters. */
  readonly labelKey: string;
  readonly params: Record<string, string | number>;
  readonly changes: readonly FieldChange[];
}

export type EditDirection = 'forward' | 'back';

/** The properties with `values` set and the fields of `absent` that `values` does not give removed, keeping their prototype. */
function withValues(properties: Readonly<Record<string, FieldValue>>, values: Readonly<Record<string, FieldValue>>, absent: Readonly<Record<string, FieldValue>>): Record<string, FieldValue> {
  const out = Object.assign(Object.create(Object.getPrototypeOf(properties) as object | null) as Record<string, FieldValue>, properties, values);
  for (const field of Object.keys(absent)) if (!Object.hasOwn(values, field)) delete out[field];
  return out;
}

function groupBy<K>(changes: readonly FieldChange[], keyOf: (change: FieldChange) => K): Map<K, FieldChange[]> {
  const groups = new Map<K, FieldChange[]>();
  for (const change of changes) {
    const group = groups.get(keyOf(change));
    if (group === undefined) groups.set(keyOf(change), [change]);
    else group.push(change);
  }
  return groups;
}

/** A layer with its changes applied in order; a change whose ref names no feature, or several, is a bug. */
function editLayer(layer: VillageLayer, changes: readonly FieldChange[], direction: EditDirection): VillageLayer {
  const byRef = groupBy(changes, (change) => change.ref);
  const found = new Map<string, number>();
  const features = layer.features.map((feature): VillageFeature => {
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
  for (const ref of byRef.keys()) {
    const count = found.get(ref) ?? 0;
    if (count !== 1) throw new Error(`database edit: ${layer.name} has ${count} features ${ref}`);
  }
  return { ...layer, features };
}

/** The database with the edit applied (`forward`) or taken back (`back`); only the touched layers and features are new objects. */
export function applyEdit(db: VillageDatabase, edit: DatabaseEdit, direction: EditDirection): VillageDatabase {
  if (edit.changes.length === 0) return db;
  const byLayer = groupBy(edit.changes, (change) => change.layer);
  const layers = { ...db.layers };
  for (const [name, changes] of byLayer) {
    const layer = db.layers[name];
    if (layer === undefined) throw new Error(`database edit: no layer ${name}`);
    layers[name] = editLayer(layer, changes, direction);
  }
  return { ...db, layers };
}
