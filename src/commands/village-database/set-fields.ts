/**
 * What the field commands of a village database share: the features the planner selected, found by ref
 * in one layer, and the edit that gives them the same field values, leaving out those that have them.
 */
import { failure, listSome, success, type Message, type Result } from '../../domain/message.ts';
import type { FieldValue, VillageDatabase, VillageFeature, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { layerKey } from '../../rules/ydyh/database-rule.ts';
import type { DatabaseEdit, FieldChange } from './database-edit.ts';

/**
 * The selected features of a layer, each once, in the layer's order; refused when nothing is selected,
 * the layer is missing, a ref names no feature, or one names several (a duplicated BSM: which one the
 * planner meant cannot be told, and undo could not give each its own value back).
 */
export function selectFeatures(db: VillageDatabase, layer: VillageLayerName, refs: readonly string[]): Result<readonly VillageFeature[]> {
  const params = { layerKey: layerKey(layer) };
  if (refs.length === 0) return failure('databaseEdit.noSelection', params);
  const features = db.layers[layer]?.features;
  if (features === undefined) return failure('databaseEdit.noLayer', params);
  const wanted = new Set(refs);
  const found = new Map<string, number>();
  for (const feature of features) if (wanted.has(feature.ref)) found.set(feature.ref, (found.get(feature.ref) ?? 0) + 1);
  const unknown = [...wanted].filter((ref) => !found.has(ref));
  if (unknown.length > 0) return failure('databaseEdit.unknownFeatures', { ...params, count: unknown.length, refs: listSome(unknown) });
  const ambiguous = [...found].flatMap(([ref, count]) => (count > 1 ? [ref] : []));
  if (ambiguous.length > 0) return failure('databaseEdit.ambiguousFeatures', { ...params, count: ambiguous.length, refs: listSome(ambiguous) });
  return success(features.filter((feature) => wanted.has(feature.ref)));
}

export interface FieldValues {
  readonly layer: VillageLayerName;
  readonly values: Readonly<Record<string, FieldValue>>;
  /** What the values are called (a class name), for the label and the notes. */
  readonly name: string;
  /** The undo step's i18n key; its parameters are `params` and `count`, the number of features changed. */
  readonly labelKey: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** One feature's change to `values`, holding only the fields that differ; null when none does. */
export function changeOf(layer: VillageLayerName, feature: VillageFeature, values: Readonly<Record<string, FieldValue>>): FieldChange | null {
  const fields = Object.keys(values).filter((field) => !Object.hasOwn(feature.properties, field) || feature.properties[field] !== values[field]);
  if (fields.length === 0) return null;
  const before: Record<string, FieldValue> = {};
  const after: Record<string, FieldValue> = {};
  for (const field of fields) {
    if (Object.hasOwn(feature.properties, field)) before[field] = feature.properties[field] ?? null;
    after[field] = values[field] ?? null;
  }
  return { layer, ref: feature.ref, before, after };
}

/** The edit setting `values` on the features; those that already have them are left out, and a note says how many. */
export function setFields(features: readonly VillageFeature[], request: FieldValues, notes: readonly Message[] = []): Result<DatabaseEdit> {
  const changes = features.flatMap((feature) => changeOf(request.layer, feature, request.values) ?? []);
  const unchanged = features.length - changes.length;
  const noteParams = { layerKey: layerKey(request.layer), count: unchanged, name: request.name };
  const unchangedNotes: Message[] =
    changes.length === 0 ? [{ key: 'databaseEdit.nothingChanged', params: noteParams }] : unchanged > 0 ? [{ key: 'databaseEdit.someUnchanged', params: noteParams }] : [];
  const edit: DatabaseEdit = { labelKey: request.labelKey, params: { ...request.params, count: changes.length }, changes };
  return success(edit, [...unchangedNotes, ...notes]);
}
