/**
 * Merging planned parcels (GHDLTB) that lie side by side into one: the first picked keeps its ref, BSM,
 * TBBH and class, the others are removed, GHDLMJ is the area of the union. Parcels of different classes
 * are refused rather than one class silently winning: the planner reclassifies first, then merges.
 * Parcels that do not share an edge are refused too: a parcel is one piece of land.
 *
 * Real parcels were digitised one by one, so neighbours' edges differ by fractions of a millimetre and a
 * vertex of one may sit on the middle of the other's edge; an exact union of such parcels leaves slivers
 * between them or falls apart into pieces. They are snapped together first (within 1 mm, as the coverage
 * repair does), then united; the union takes back the vertices the parcels beside it have on its edges,
 * which the overlay drops from straight runs.
 */
import { failure, listSome, success, type Result } from '../../domain/message.ts';
import { snapCoverage } from '../../geo/coverage-snap.ts';
import { union } from '../../geo/overlay.ts';
import { YDYH_2023_INDEX } from '../../profiles/ydyh/classes-2023.ts';
import type { VillageDatabase, VillageFeature } from '../../profiles/zhejiang-2026/village-database.ts';
import { isAreaGeometry } from '../../rules/ydyh/database-parcels.ts';
import { geometryProblem } from '../geometry-checks.ts';
import { vertices } from '../shared-boundaries.ts';
import { featuresNear, nearBox, type ShapedFeature } from './cut-parcels.ts';
import type { DatabaseEdit, FeatureChange } from './database-edit.ts';
import { reshaped, withPoints } from './parcel-shape.ts';
import { selectFeatures } from './set-fields.ts';

const codeOf = (feature: VillageFeature) => String(feature.properties.GHDLBM ?? '').trim();

/** A class as the planner reads it: the code with its 2023 name, or the name the parcel gives. */
function className(feature: VillageFeature): string {
  const code = codeOf(feature);
  const name = YDYH_2023_INDEX.get(code)?.zh ?? String(feature.properties.GHDLMC ?? '').trim();
  return code === '' ? name : `${code} ${name}`.trim();
}

/** The picked parcels in the order picked, with their shapes; refused unless they are two or more of one class. */
function pickedParcels(db: VillageDatabase, refs: readonly string[]): Result<ShapedFeature[]> {
  const picked = [...new Set(refs)];
  if (picked.length < 2) return failure('database.shape.merge.needTwo');
  const selected = selectFeatures(db, 'GHDLTB', picked);
  if (!selected.ok) return selected;
  const byRef = new Map(selected.value.map((f) => [f.ref, f]));
  const ordered = picked.flatMap((ref) => byRef.get(ref) ?? []);
  const shaped = ordered.flatMap((feature) => (isAreaGeometry(feature.geometry) ? [{ feature, geometry: feature.geometry }] : []));
  const unshaped = ordered.filter((f) => !isAreaGeometry(f.geometry));
  if (unshaped.length > 0) return failure('database.shape.merge.noShape', { refs: listSome(unshaped.map((f) => f.ref)) });
  if (new Set(ordered.map(codeOf)).size > 1) return failure('database.shape.merge.differentClasses', { classes: listSome([...new Set(ordered.map(className))]) });
  return success(shaped);
}

/** The edit merging the picked planned parcels into the first picked. */
export function mergeParcels(db: VillageDatabase, refs: readonly string[]): Result<DatabaseEdit> {
  const picked = pickedParcels(db, refs);
  if (!picked.ok) return picked;
  const parcels = picked.value;
  const snapped = snapCoverage(parcels).features;
  const merged = union(snapped.map((p) => p.geometry));
  if (!merged.ok) return failure('geometry.overlayFailed', { detail: merged.error });
  if (merged.value === null || merged.value.type === 'MultiPolygon') return failure('database.shape.merge.notAdjacent', { count: parcels.length });

  const mergedFeatures = new Set(parcels.map((p) => p.feature));
  const features = db.layers.GHDLTB?.features ?? [];
  const beside = featuresNear(features, nearBox(merged.value)).filter((n) => !mergedFeatures.has(n.feature));
  // Its own parcels' vertices too: a corner where two of them met on a straight outer edge keeps the
  // outline's ellipsoidal area the sum of theirs.
  const points = [...snapped, ...beside].flatMap((p) => vertices(p.geometry));
  const geometry = withPoints(merged.value, points) ?? merged.value;
  const problem = geometryProblem(geometry);
  if (problem) return { ok: false, error: problem };

  const [kept, ...absorbed] = parcels.map((p) => p.feature);
  if (kept === undefined) return failure('database.shape.merge.needTwo');
  const changes: FeatureChange[] = [
    { layer: 'GHDLTB', before: kept, after: reshaped(kept, geometry) },
    ...absorbed.map((feature): FeatureChange => ({ layer: 'GHDLTB', before: feature, after: null, index: features.indexOf(feature) })),
  ];
  return success({ labelKey: 'database.shape.merge.label', params: { count: parcels.length, tbbh: String(kept.properties.TBBH ?? kept.ref) }, changes: [], features: changes });
}
