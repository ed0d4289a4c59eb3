/**
 * Drawing a change on a 2026 plan: the planner draws a polygon over the planned parcels (GHDLTB) and gives
 * it a 用地用海 2023 class. The parcels under it are cut along the drawn outline: a parcel wholly under it
 * changes class (its BSM kept), a cut one keeps its BSM and attributes for the part outside and its part
 * inside becomes a new parcel of the new class, so GHDLTB still covers the village once. Parcels beside
 * the drawing get the new outline's vertices lying on their edges, so boundaries stay shared. One edit,
 * one undo step.
 */
import type { Polygon } from 'geojson';
import { failure, listSome, success, type Message, type Result } from '../../domain/message.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import { villageXzqdm } from '../../profiles/zhejiang-2026/village-xzqdm.ts';
import { layerKey } from '../../rules/ydyh/database-rule.ts';
import { geometryProblem, MIN_DRAWN_AREA_M2 } from '../geometry-checks.ts';
import { clipToVillage, cutParcels, cutVertices, featuresNear, nearBox, SLIVER_M2, type ParcelCut } from './cut-parcels.ts';
import type { DatabaseEdit, FeatureChange, FieldChange } from './database-edit.ts';
import { newParcelIds } from './new-parcel-ids.ts';
import { refCounts, reshaped, roundM2, withPoints } from './parcel-shape.ts';
import { plannedClass, tableNotes, type PlannedClass } from './reclassify.command.ts';
import { changeOf } from './set-fields.ts';

interface Changes {
  readonly fields: FieldChange[];
  readonly features: FeatureChange[];
}

/**
 * The edit's changes: whole parcels a field change, cut parcels their outside part in place and their
 * inside part added at the end, parcels beside the drawing the vertices the cut made that lie on their
 * edges (only those: a defect between untouched parcels is not this edit's to mend). Every new outline
 * also takes back the parcels' vertices on its edges, which the overlay drops from straight runs.
 */
function changesOf(cuts: readonly ParcelCut[], planned: PlannedClass, db: VillageDatabase, unique: (ref: string) => boolean): Result<Changes> {
  const cut = cuts.flatMap((c) => (c.kind === 'cut' ? [c] : []));
  const ghdltb = db.layers.GHDLTB?.features ?? [];
  const ids = newParcelIds(ghdltb, villageXzqdm(db), cut.length);
  if (!ids.ok) return ids;
  const { all: points, made } = cutVertices(cuts);
  const classValues = { GHDLBM: planned.code, GHDLMC: planned.name };
  const fields = cuts.flatMap((c) => (c.kind === 'whole' ? (changeOf('GHDLTB', c.parcel.feature, classValues) ?? []) : []));
  const kept: FeatureChange[] = cut.map((c) => ({ layer: 'GHDLTB', before: c.parcel.feature, after: reshaped(c.parcel.feature, withPoints(c.outside, points) ?? c.outside) }));
  const added: FeatureChange[] = cut.map((c, k) => {
    const id = ids.value[k] as (typeof ids.value)[number];
    const inside = reshaped(c.parcel.feature, withPoints(c.inside, points) ?? c.inside, { BSM: id.BSM, TBBH: id.TBBH, ...classValues });
    return { layer: 'GHDLTB', before: null, after: { ...inside, ref: id.ref } };
  });
  const beside: FeatureChange[] = cuts.flatMap((c) => {
    if (c.kind !== 'beside' || !unique(c.parcel.feature.ref)) return [];
    const shared = withPoints(c.parcel.geometry, made);
    // A vertex put on a straight run bends it on the ellipsoid (5 m² in the middle of a 1 km east–west edge): GHDLMJ follows.
    return shared ? [{ layer: 'GHDLTB', before: c.parcel.feature, after: reshaped(c.parcel.feature, shared) }] : [];
  });
  return success({ fields, features: [...kept, ...added, ...beside] });
}

function notesOf(cuts: readonly ParcelCut[], sliverCount: number, sliverM2: number, clippedM2: number): Message[] {
  const cutCount = cuts.filter((c) => c.kind === 'cut').length;
  return [
    ...(clippedM2 >= MIN_DRAWN_AREA_M2 ? [{ key: 'databaseEdit.drawOverPlan.clipped', params: { areaM2: roundM2(clippedM2) } }] : []),
    ...(cutCount > 0 ? [{ key: 'databaseEdit.drawOverPlan.cut', params: { count: cutCount } }] : []),
    ...(sliverCount > 0 ? [{ key: 'databaseEdit.drawOverPlan.slivers', params: { count: sliverCount, areaM2: roundM2(sliverM2), minM2: SLIVER_M2 } }] : []),
  ];
}

/** The edit giving the land under `drawn` the 2023 class `code`; refused as reclassify is, and for a bad drawing or one over no parcel. */
export function drawOverPlan(db: VillageDatabase, drawn: Polygon, code: string): Result<DatabaseEdit> {
  const planned = plannedClass(db, code);
  if (!planned.ok) return planned;
  const layer = db.layers.GHDLTB;
  if (layer === undefined) return failure('databaseEdit.noLayer', { layerKey: layerKey('GHDLTB') });
  const problem = geometryProblem(drawn);
  if (problem) return { ok: false, error: problem };
  const clipped = clipToVillage(db, drawn);
  if (!clipped.ok) return clipped;
  const inVillage = clipped.value.geometry;
  if (inVillage === null || ellipsoidalArea(inVillage) < MIN_DRAWN_AREA_M2) return failure('databaseEdit.drawOverPlan.outsideVillage');

  const cut = cutParcels(featuresNear(layer.features, nearBox(inVillage)), inVillage);
  if (!cut.ok) return cut;
  const { cuts, slivers, coveredM2 } = cut.value;
  if (coveredM2 < MIN_DRAWN_AREA_M2) return failure('databaseEdit.drawOverPlan.outsideVillage');
  const under = cuts.filter((c) => c.kind !== 'beside');
  if (under.length === 0) return failure('databaseEdit.drawOverPlan.onlySlivers', { minM2: SLIVER_M2 });
  const counts = refCounts(layer.features);
  const unique = (ref: string) => counts.get(ref) === 1;
  const ambiguous = under.map((c) => c.parcel.feature.ref).filter((ref) => !unique(ref));
  if (ambiguous.length > 0) return failure('databaseEdit.ambiguousFeatures', { layerKey: layerKey('GHDLTB'), count: ambiguous.length, refs: listSome([...new Set(ambiguous)]) });

  const changes = changesOf(cuts, planned.value, db, unique);
  if (!changes.ok) return changes;
  const { fields, features } = changes.value;
  const changedCount = fields.length + under.filter((c) => c.kind === 'cut').length;
  const { name } = planned.value;
  const edit: DatabaseEdit = { labelKey: 'databaseEdit.drawOverPlan.label', params: { code, name, count: changedCount }, changes: fields, features };
  const nothing: Message[] = changedCount === 0 ? [{ key: 'databaseEdit.nothingChanged', params: { layerKey: layerKey('GHDLTB'), count: under.length, name } }] : [];
  return success(edit, [...nothing, ...notesOf(cuts, slivers.count, slivers.areaM2, clipped.value.clippedM2), ...tableNotes(code, name, db.tableGroups)]);
}
