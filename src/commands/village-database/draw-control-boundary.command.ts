/**
 * Drawing a 管控边界 (GKBJ) by hand on a 2026 plan: a 村庄弹性发展区 the derivation cannot know, or a
 * 集中建设区 edge put right. The GKBJ features under the drawing are cut along its outline (cut-parcels.ts,
 * as drawing over the planned parcels): their parts outside keep their type and BSM, the parts inside join
 * the GKBJ of the chosen type (the one the drawing touches, else the layer's first of that type, else a new
 * one with a new BSM), so GKBJ still covers the village once. One edit, one undo step.
 *
 * 生态保护红线 (0102) and 永久基本农田 (0202) are not the planner's to draw: the derivation takes them from
 * the STBHHX and YJJBNT reference layers, over every other type (domain-2026.md, "GKBJ derivation" (2)),
 * so a hand-drawn one would disagree with its layer. Drawing either type is refused, and a drawing of
 * another type leaves the GKBJ of those two whole, with a note saying how much of it lay over them.
 */
import type { Polygon } from 'geojson';
import type { AreaGeometry } from '../../domain/features.ts';
import { failure, listSome, success, type Message, type Result } from '../../domain/message.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { union } from '../../geo/overlay.ts';
import { GKBJ_TYPES, ZONE_CONTROL_TYPES, type GkbjTypeCode } from '../../profiles/zhejiang-2026/code-lists.ts';
import { DATABASE_LAYERS } from '../../profiles/zhejiang-2026/layers.ts';
import type { FieldValue, VillageDatabase, VillageFeature, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { villageXzqdm } from '../../profiles/zhejiang-2026/village-xzqdm.ts';
import { layerKey } from '../../rules/ydyh/database-rule.ts';
import { controlTypeOfFeature, isAreaGeometry } from '../../rules/ydyh/database-parcels.ts';
import { geometryProblem, MIN_DRAWN_AREA_M2 } from '../geometry-checks.ts';
import { areaM2 } from './control-boundaries.ts';
import { clipToVillage, cutParcels, cutVertices, featuresNear, nearBox, SLIVER_M2, type CutParcels, type ParcelCut, type ShapedFeature } from './cut-parcels.ts';
import { withValues, type DatabaseEdit, type FeatureChange } from './database-edit.ts';
import { newParcelIds } from './new-parcel-ids.ts';
import { refCounts, roundM2, withPoints } from './parcel-shape.ts';

type GkbjType = (typeof GKBJ_TYPES)[number];

/** The undo step's label, by which a history tells a hand drawing (derive-control-boundaries.command.ts). */
export const DRAW_CONTROL_LABEL = 'database.boundary.draw.label';

/** The GKBJ types the derivation takes from a reference layer: never drawn by hand, never cut by a drawing. */
const FROM_REFERENCE: ReadonlyMap<GkbjTypeCode, VillageLayerName> = new Map([
  [ZONE_CONTROL_TYPES.redLine, 'STBHHX'],
  [ZONE_CONTROL_TYPES.pbf, 'YJJBNT'],
]);

/** The types a planner may draw. */
export const DRAWABLE_GKBJ_TYPES: readonly GkbjType[] = GKBJ_TYPES.filter((type) => !FROM_REFERENCE.has(type.code));

const GKBJ_YSDM = DATABASE_LAYERS.find((layer) => layer.name === 'GKBJ')?.ysdm ?? null;

const typeOf = controlTypeOfFeature;

/** The near features by what the drawing does to them: cuts the others, leaves the reference types and its own type whole. */
interface Near {
  readonly others: CutParcels;
  readonly reference: CutParcels;
  readonly own: CutParcels;
}

function cutNear(near: readonly ShapedFeature[], code: GkbjTypeCode, drawn: AreaGeometry): Result<Near> {
  const isReference = (f: ShapedFeature) => FROM_REFERENCE.has(typeOf(f.feature) as GkbjTypeCode);
  const isOwn = (f: ShapedFeature) => typeOf(f.feature) === code;
  const others = cutParcels(near.filter((f) => !isReference(f) && !isOwn(f)), drawn);
  if (!others.ok) return others;
  const reference = cutParcels(near.filter(isReference), drawn);
  if (!reference.ok) return reference;
  const own = cutParcels(near.filter(isOwn), drawn);
  if (!own.ok) return own;
  return success({ others: others.value, reference: reference.value, own: own.value });
}

/** Why nothing is taken when the drawing cuts no feature of another type. */
function nothingTaken(near: Near, type: GkbjType): Result<DatabaseEdit> {
  if (near.own.coveredM2 >= MIN_DRAWN_AREA_M2) return success({ labelKey: DRAW_CONTROL_LABEL, params: { code: type.code, name: type.zh, count: 0 }, changes: [] }, [{ key: 'database.boundary.draw.alreadyType', params: { name: type.zh } }]);
  if (near.reference.coveredM2 >= MIN_DRAWN_AREA_M2) return failure('database.boundary.draw.onlyReference');
  return failure('database.boundary.draw.onlySlivers', { minM2: SLIVER_M2 });
}

const withArea = (feature: VillageFeature, geometry: AreaGeometry): VillageFeature => ({ ...feature, geometry, properties: withValues(feature.properties, { MJ: areaM2(geometry) }) });

/** The GKBJ of the chosen type the taken land joins: one the drawing touches, else the layer's first. */
function joinedBoundary(features: readonly VillageFeature[], near: Near, code: GkbjTypeCode): ShapedFeature | undefined {
  const touched = near.own.cuts[0]?.parcel;
  if (touched) return touched;
  const feature = features.find((f) => typeOf(f) === code && isAreaGeometry(f.geometry));
  return feature && isAreaGeometry(feature.geometry) ? { feature, geometry: feature.geometry } : undefined;
}

/** A new GKBJ of the type: the layer's fields, BSM after the highest the village has in GKBJ, every other field null. */
function newBoundary(db: VillageDatabase, fieldNames: readonly string[], type: GkbjType, geometry: AreaGeometry): Result<VillageFeature> {
  const xzqdm = villageXzqdm(db);
  if (xzqdm === null) return failure('databaseEdit.deriveControl.noXzqdm');
  // The parcels' numbering serves any layer's BSM; its ref and TBBH are GHDLTB's and are not used.
  const ids = newParcelIds(db.layers.GKBJ?.features ?? [], xzqdm, 1);
  if (!ids.ok) return ids;
  const BSM = ids.value[0]?.BSM ?? '';
  const values: Record<string, FieldValue> = { BSM, YSDM: GKBJ_YSDM, GKBJLXMC: type.zh, GKBJLXDM: type.code, MJ: areaM2(geometry) };
  return success({ ref: `GKBJ#${BSM}`, geometry, properties: Object.fromEntries(fieldNames.map((field) => [field, values[field] ?? null])) });
}

/** The edit giving the land under `drawn` the GKBJ type `code`; refused for the reference types, without a GKBJ layer, for a bad drawing or one over no GKBJ. */
export function drawControlBoundary(db: VillageDatabase, drawn: Polygon, code: GkbjTypeCode): Result<DatabaseEdit> {
  const type = GKBJ_TYPES.find((t) => t.code === code);
  if (type === undefined) return failure('databaseEdit.setControlType.unknownType', { code: String(code) });
  const reference = FROM_REFERENCE.get(code);
  if (reference !== undefined) return failure('database.boundary.draw.fromReference', { code, name: type.zh, layerKey: layerKey(reference) });
  const layer = db.layers.GKBJ;
  if (layer === undefined || !layer.features.some((f) => isAreaGeometry(f.geometry))) return failure('database.boundary.draw.deriveFirst');
  const problem = geometryProblem(drawn);
  if (problem) return { ok: false, error: problem };
  const clipped = clipToVillage(db, drawn);
  if (!clipped.ok) return clipped;
  const inVillage = clipped.value.geometry;
  if (inVillage === null || ellipsoidalArea(inVillage) < MIN_DRAWN_AREA_M2) return failure('database.boundary.draw.outsideVillage');

  const cut = cutNear(featuresNear(layer.features, nearBox(inVillage)), code, inVillage);
  if (!cut.ok) return cut;
  const near = cut.value;
  if (near.others.coveredM2 + near.reference.coveredM2 + near.own.coveredM2 < MIN_DRAWN_AREA_M2) return failure('database.boundary.draw.outsideVillage');
  const taken = near.others.cuts.filter((c) => c.kind !== 'beside');
  if (taken.length === 0) return nothingTaken(near, type);
  const joined = joinedBoundary(layer.features, near, code);
  // The features left whole are neighbours of the cut: they take the vertices it made on their edges.
  const left = [...near.reference.cuts, ...near.own.cuts].map((c): ParcelCut => ({ kind: 'beside', parcel: c.parcel }));
  const applied = [...near.others.cuts, ...left];
  const counts = refCounts(layer.features);
  const unique = (ref: string) => counts.get(ref) === 1;
  const changed = [...taken.map((c) => c.parcel.feature.ref), ...(joined ? [joined.feature.ref] : [])];
  const ambiguous = changed.filter((ref) => !unique(ref));
  if (ambiguous.length > 0) return failure('databaseEdit.ambiguousFeatures', { layerKey: layerKey('GKBJ'), count: ambiguous.length, refs: listSome([...new Set(ambiguous)]) });

  const pieces = taken.map((c) => (c.kind === 'cut' ? c.inside : c.parcel.geometry));
  const merged = union(joined ? [joined.geometry, ...pieces] : pieces);
  if (!merged.ok || merged.value === null) return failure('databaseEdit.deriveControl.notDissolved', { what: `GKBJ ${code}`, reason: merged.ok ? 'empty' : merged.error });
  const { all, made } = cutVertices(applied);
  const mergedGeometry = withPoints(merged.value, all) ?? merged.value;
  const added = joined ? null : newBoundary(db, layer.fieldNames, type, mergedGeometry);
  if (added && !added.ok) return added;

  const indexOf = new Map(layer.features.map((f, k) => [f, k]));
  const features: FeatureChange[] = [
    ...taken.map((c): FeatureChange => {
      const before = c.parcel.feature;
      return c.kind === 'cut' ? { layer: 'GKBJ', before, after: withArea(before, withPoints(c.outside, all) ?? c.outside) } : { layer: 'GKBJ', before, after: null, index: indexOf.get(before) ?? 0 };
    }),
    ...(joined ? [{ layer: 'GKBJ' as const, before: joined.feature, after: withArea(joined.feature, mergedGeometry) }] : []),
    ...(added ? [{ layer: 'GKBJ' as const, before: null, after: added.value }] : []),
    ...applied.flatMap((c): FeatureChange[] => {
      if (c.kind !== 'beside' || c.parcel.feature === joined?.feature || !unique(c.parcel.feature.ref)) return [];
      const shared = withPoints(c.parcel.geometry, made);
      return shared ? [{ layer: 'GKBJ', before: c.parcel.feature, after: withArea(c.parcel.feature, shared) }] : [];
    }),
  ];
  const edit: DatabaseEdit = { labelKey: DRAW_CONTROL_LABEL, params: { code, name: type.zh, count: taken.length }, changes: [], features };
  return success(edit, notesOf(near, clipped.value.clippedM2, type, joined?.feature));
}

function notesOf(near: Near, clippedM2: number, type: GkbjType, joined: VillageFeature | undefined): Message[] {
  const cutCount = near.others.cuts.filter((c) => c.kind === 'cut').length;
  const { count, areaM2: sliverM2 } = near.others.slivers;
  return [
    ...(clippedM2 >= MIN_DRAWN_AREA_M2 ? [{ key: 'databaseEdit.drawOverPlan.clipped', params: { areaM2: roundM2(clippedM2) } }] : []),
    ...(cutCount > 0 ? [{ key: 'database.boundary.draw.cut', params: { count: cutCount, name: type.zh } }] : []),
    joined ? { key: 'database.boundary.draw.joined', params: { name: type.zh, bsm: String(joined.properties.BSM ?? joined.ref) } } : { key: 'database.boundary.draw.added', params: { name: type.zh } },
    ...(count > 0 ? [{ key: 'database.boundary.draw.slivers', params: { count, areaM2: roundM2(sliverM2), minM2: SLIVER_M2 } }] : []),
    ...(near.reference.coveredM2 >= MIN_DRAWN_AREA_M2 ? [{ key: 'database.boundary.draw.referenceKept', params: { areaM2: roundM2(near.reference.coveredM2) } }] : []),
  ];
}
