/**
 * Splitting planned parcels (GHDLTB) by a drawn line: each parcel the line crosses from edge to edge
 * becomes two or more. The largest piece keeps the parcel (its ref, BSM, TBBH); the others are new parcels
 * with the next BSM and TBBH; all keep the class, GHDLMJ is each piece's own area. The pieces share the
 * cut's vertices bit for bit (geo/split.ts), and the parcels beside a crossed one get the points where the
 * line met the shared edge, so boundaries stay shared. One edit, one undo step.
 *
 * A piece under SLIVER_M2 is refused, not absorbed: it comes from a line drawn just past a corner or along
 * an edge, and only the planner knows which side was meant, so the planner draws the line again.
 */
import type { LineString, Position } from 'geojson';
import { failure, listSome, success, type Result } from '../../domain/message.ts';
import type { AreaGeometry } from '../../domain/features.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { expandBBox, geometryBBox, unionBBox } from '../../geo/bbox.ts';
import { splitPolygonByLine } from '../../geo/split.ts';
import { COVERAGE_NUMBERS } from '../../profiles/zhejiang-2026/coverage.ts';
import type { VillageDatabase, VillageFeature } from '../../profiles/zhejiang-2026/village-database.ts';
import { villageXzqdm } from '../../profiles/zhejiang-2026/village-xzqdm.ts';
import { layerKey } from '../../rules/ydyh/database-rule.ts';
import { VERTEX_TOLERANCE_DEG } from '../shared-boundaries.ts';
import { featuresNear, nearBox, SLIVER_M2, type ShapedFeature } from './cut-parcels.ts';
import type { DatabaseEdit, FeatureChange } from './database-edit.ts';
import { newParcelIds } from './new-parcel-ids.ts';
import { newVertices, refCounts, reshaped, roundM2, withPoints } from './parcel-shape.ts';
import { selectFeatures } from './set-fields.ts';

interface Split {
  readonly parcel: ShapedFeature;
  /** Largest first: it keeps the parcel. */
  readonly pieces: readonly AreaGeometry[];
}

type Outcome = { readonly kind: 'split'; readonly split: Split } | { readonly kind: 'notCrossed' } | { readonly kind: 'sliver'; readonly areaM2: number };

const tbbhOf = (feature: VillageFeature) => String(feature.properties.TBBH ?? feature.ref);

function splitOne(parcel: ShapedFeature, line: Position[]): Result<Outcome> {
  const result = splitPolygonByLine(parcel.geometry, line, { reachM: COVERAGE_NUMBERS.toleranceM });
  if (!result.ok) return result.reason === 'lineDoesNotCross' ? success({ kind: 'notCrossed' }) : failure('geometry.overlayFailed', { detail: result.detail ?? '' });
  const sized = result.pieces.map((piece) => ({ piece, areaM2: ellipsoidalArea(piece) })).sort((a, b) => b.areaM2 - a.areaM2);
  if (sized.length < 2) return success({ kind: 'notCrossed' });
  const smallest = sized[sized.length - 1]?.areaM2 ?? 0;
  if (smallest < SLIVER_M2) return success({ kind: 'sliver', areaM2: smallest });
  return success({ kind: 'split', split: { parcel, pieces: sized.map((s) => s.piece) } });
}

/**
 * The parcels to split: the picked ones, each of which the line must cross; without a pick, every parcel
 * the line crosses (one whose ref is not its own is left alone: undo could not tell it from its twin).
 */
function splitsOf(db: VillageDatabase, refs: readonly string[], line: Position[]): Result<Split[]> {
  const features = db.layers.GHDLTB?.features ?? [];
  const counts = refCounts(features);
  const picked = refs.length > 0 ? selectFeatures(db, 'GHDLTB', refs) : success(features.filter((f) => counts.get(f.ref) === 1));
  if (!picked.ok) return picked;
  const candidates = featuresNear(picked.value, expandBBox(geometryBBox({ type: 'LineString', coordinates: line }), VERTEX_TOLERANCE_DEG * 10));
  const missed = refs.length > 0 ? picked.value.filter((f) => !candidates.some((c) => c.feature === f)) : [];
  if (missed.length > 0) return failure('database.shape.split.notCrossed', { count: missed.length, parcels: listSome(missed.map(tbbhOf)) });
  const splits: Split[] = [];
  const notCrossed: VillageFeature[] = [];
  for (const parcel of candidates) {
    const outcome = splitOne(parcel, line);
    if (!outcome.ok) return outcome;
    const { value } = outcome;
    if (value.kind === 'sliver') return failure('database.shape.split.sliver', { parcel: tbbhOf(parcel.feature), areaM2: roundM2(value.areaM2), minM2: SLIVER_M2 });
    if (value.kind === 'split') splits.push(value.split);
    else notCrossed.push(parcel.feature);
  }
  if (refs.length > 0 && notCrossed.length > 0) return failure('database.shape.split.notCrossed', { count: notCrossed.length, parcels: listSome(notCrossed.map(tbbhOf)) });
  if (splits.length === 0) return failure('database.shape.split.crossesNone');
  return success(splits);
}

/**
 * The edit's feature changes: each split parcel its largest piece in place and its other pieces added at
 * the end; every piece takes the cut points of the other split parcels lying on its edges (a line crossing
 * a shared edge is noded once in each parcel), and so does each unsplit parcel beside them.
 */
function changesOf(db: VillageDatabase, splits: readonly Split[]): Result<FeatureChange[]> {
  const features = db.layers.GHDLTB?.features ?? [];
  const ids = newParcelIds(features, villageXzqdm(db), splits.reduce((sum, s) => sum + s.pieces.length - 1, 0));
  if (!ids.ok) return ids;
  const made = newVertices(splits.map((s) => s.parcel.geometry), splits.flatMap((s) => s.pieces));
  const shared = (geometry: AreaGeometry) => withPoints(geometry, made) ?? geometry;
  const changes: FeatureChange[] = splits.map(({ parcel, pieces }) => ({ layer: 'GHDLTB', before: parcel.feature, after: reshaped(parcel.feature, shared(pieces[0] as AreaGeometry)) }));
  const added: FeatureChange[] = splits
    .flatMap(({ parcel, pieces }) => pieces.slice(1).map((piece) => ({ parcel, piece })))
    .map(({ parcel, piece }, k) => {
      const id = ids.value[k] as (typeof ids.value)[number];
      return { layer: 'GHDLTB', before: null, after: { ...reshaped(parcel.feature, shared(piece), { BSM: id.BSM, TBBH: id.TBBH }), ref: id.ref } };
    });
  const split = new Set(splits.map((s) => s.parcel.feature));
  const counts = refCounts(features);
  const near = featuresNear(features, splits.map((s) => nearBox(s.parcel.geometry)).reduce(unionBBox));
  for (const neighbour of near) {
    if (split.has(neighbour.feature) || counts.get(neighbour.feature.ref) !== 1) continue;
    const geometry = withPoints(neighbour.geometry, made);
    // A vertex put on a straight run bends it on the ellipsoid: the neighbour's GHDLMJ follows its shape.
    if (geometry) changes.push({ layer: 'GHDLTB', before: neighbour.feature, after: reshaped(neighbour.feature, geometry) });
  }
  return success([...changes, ...added]);
}

/** The edit splitting the picked planned parcels (all those the line crosses when none is picked) along `line`. */
export function splitParcels(db: VillageDatabase, refs: readonly string[], line: LineString): Result<DatabaseEdit> {
  if (db.layers.GHDLTB === undefined) return failure('databaseEdit.noLayer', { layerKey: layerKey('GHDLTB') });
  const points = line.coordinates;
  if (points.length < 2) return failure('database.shape.split.lineTooShort');
  const splits = splitsOf(db, [...new Set(refs)], points);
  if (!splits.ok) return splits;
  const features = changesOf(db, splits.value);
  if (!features.ok) return features;
  const pieces = splits.value.reduce((sum, s) => sum + s.pieces.length, 0);
  return success({ labelKey: 'database.shape.split.label', params: { count: splits.value.length, pieces }, changes: [], features: features.value });
}
