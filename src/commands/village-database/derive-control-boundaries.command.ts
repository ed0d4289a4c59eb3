/**
 * Regenerating a 2026 plan's 管控边界 (GKBJ) from its planned parcels, as CCTool derives it
 * (control-boundaries.ts), after reclassifying or drawing changed them: one edit that removes every GKBJ
 * feature and adds the derived ones, so one undo step brings the previous layer back exactly. The YJJBNT
 * (PBF) and STBHHX (red line) layers give 0202 and 0102, the plan's own types of classes (`controlTypes`) the
 * rest; a database without a GKBJ layer is given one.
 */
import type { AreaGeometry } from '../../domain/features.ts';
import { failure, listSome, success, type Message, type Result } from '../../domain/message.ts';
import { bsm, DATABASE_LAYERS } from '../../profiles/zhejiang-2026/layers.ts';
import type { FieldValue, VillageDatabase, VillageFeature, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { villageXzqdm } from '../../profiles/zhejiang-2026/village-xzqdm.ts';
import { layerKey } from '../../rules/ydyh/database-rule.ts';
import { isAreaGeometry, textOf } from '../../rules/ydyh/database-parcels.ts';
import { controlBoundaries, parcelControlType, type ControlBoundary } from './control-boundaries.ts';
import type { DatabaseEdit, FeatureChange } from './database-edit.ts';
import { DRAW_CONTROL_LABEL } from './draw-control-boundary.command.ts';

const GKBJ_LAYER = DATABASE_LAYERS.find((layer) => layer.name === 'GKBJ');
const DERIVE_CONTROL_LABEL = 'databaseEdit.deriveControl.label';

/**
 * How many 管控边界 drawn by hand the undo history holds since the last derivation: a derivation knows only the
 * planned parcels and replaces them, so the planner is asked first. A plan opened without its history says 0.
 */
export function drawingsSinceDerivation(done: readonly DatabaseEdit[]): number {
  const since = done.slice(done.findLastIndex((edit) => edit.labelKey === DERIVE_CONTROL_LABEL) + 1);
  return since.filter((edit) => edit.labelKey === DRAW_CONTROL_LABEL).length;
}

const areasOf = (db: VillageDatabase, name: VillageLayerName): AreaGeometry[] => (db.layers[name]?.features ?? []).flatMap((f) => (isAreaGeometry(f.geometry) ? [f.geometry] : []));

/** Whether the current GKBJ already is the derived one: the same types, each with the same geometry. */
function sameBoundaries(current: readonly VillageFeature[], derived: readonly ControlBoundary[]): boolean {
  if (current.length !== derived.length) return false;
  const byType = new Map(current.map((f) => [textOf(f.properties.GKBJLXDM), JSON.stringify(f.geometry)]));
  return derived.every((boundary) => byType.get(boundary.code) === JSON.stringify(boundary.geometry));
}

/** The derived boundaries as GKBJ features: BSM numbered from the village's XZQDM, YSDM the layer's, every other field null. */
function boundaryFeatures(derived: readonly ControlBoundary[], xzqdm: string, fieldNames: readonly string[], ysdm: string): Result<VillageFeature[]> {
  const features: VillageFeature[] = [];
  for (const [k, boundary] of derived.entries()) {
    const id = bsm(xzqdm, k + 1);
    if (!id.ok) return failure('databaseEdit.deriveControl.noXzqdm');
    const values: Record<string, FieldValue> = { BSM: id.value, YSDM: ysdm, GKBJLXMC: boundary.name, GKBJLXDM: boundary.code, MJ: boundary.areaM2 };
    features.push({ ref: `GKBJ#${id.value}`, geometry: boundary.geometry, properties: Object.fromEntries(fieldNames.map((field) => [field, values[field] ?? null])) });
  }
  return success(features);
}

/** The edit replacing GKBJ by the one derived from GHDLTB; refused in a 2020-declared database, without planned parcels or a village code. */
export function deriveControlBoundaries(db: VillageDatabase): Result<DatabaseEdit> {
  if (GKBJ_LAYER === undefined) throw new Error('no GKBJ layer declared');
  if (db.edition === 'ydyh-2020') return failure('databaseEdit.deriveControl.edition2020');
  const ghdltb = db.layers.GHDLTB;
  const parcels = (ghdltb?.features ?? []).flatMap((f) => (isAreaGeometry(f.geometry) ? [{ feature: f, geometry: f.geometry }] : []));
  if (ghdltb === undefined || parcels.length === 0) return failure('databaseEdit.deriveControl.noParcels', { layerKey: layerKey('GHDLTB') });
  const current = db.layers.GKBJ;
  const currentFeatures = current?.features ?? [];
  const refs = currentFeatures.map((f) => f.ref);
  const repeated = refs.filter((ref, k) => refs.indexOf(ref) !== k);
  if (repeated.length > 0) return failure('databaseEdit.ambiguousFeatures', { layerKey: layerKey('GKBJ'), count: repeated.length, refs: listSome([...new Set(repeated)]) });
  const xzqdm = villageXzqdm(db);
  if (xzqdm === null) return failure('databaseEdit.deriveControl.noXzqdm');

  const zones = { pbf: areasOf(db, 'YJJBNT'), redLine: areasOf(db, 'STBHHX') };
  const typed = parcels.map(({ feature, geometry }) => ({
    feature,
    geometry,
    type: parcelControlType(geometry, textOf(feature.properties.GHDLBM) ?? '', textOf(feature.properties.SSBJLX), zones, db.controlTypes),
  }));
  const untyped = typed.filter((parcel) => parcel.type === null).map((parcel) => parcel.feature.ref);
  const notes: Message[] = untyped.length > 0 ? [{ key: 'databaseEdit.deriveControl.untyped', params: { count: untyped.length, refs: listSome(untyped) } }] : [];
  const derived = controlBoundaries(typed, 'databaseEdit.deriveControl.notDissolved');
  if (!derived.ok) return derived;
  const label = { labelKey: DERIVE_CONTROL_LABEL, params: { count: derived.value.length } };
  if (current !== undefined && sameBoundaries(currentFeatures, derived.value)) return success({ ...label, changes: [] }, [{ key: 'databaseEdit.deriveControl.unchanged' }, ...notes]);

  const fieldNames = current?.fieldNames ?? GKBJ_LAYER.fields.map((field) => field.name);
  const added = boundaryFeatures(derived.value, xzqdm, fieldNames, GKBJ_LAYER.ysdm);
  if (!added.ok) return added;
  const features: FeatureChange[] = [
    ...currentFeatures.map((before, index): FeatureChange => ({ layer: 'GKBJ', before, after: null, index })),
    ...added.value.map((after): FeatureChange => ({ layer: 'GKBJ', before: null, after })),
  ];
  // A new layer is written beside the planned parcels it was derived from.
  const newLayers = current === undefined ? [{ name: 'GKBJ' as const, file: ghdltb.file, fieldNames }] : [];
  return success({ ...label, changes: [], features, newLayers }, notes);
}
