/**
 * The geometry of drawing over a layer that partitions the village: the drawing clipped to the village,
 * the features near it, and each one's pieces inside and outside the drawing, then the vertices that keep
 * the cut boundaries shared. Any area layer that covers the village once: the planned parcels
 * (`draw-over-plan.command.ts`) and the 管控边界 (`draw-control-boundary.command.ts`); "parcel" below is a
 * feature of either. A piece under SLIVER_M2 is a sliver, not a parcel: it stays with the other side of the
 * same parcel, so no sliver parcel is ever made, whether from a drawing drawn slightly off a parcel edge or
 * from the overlay.
 */
import type { Position } from 'geojson';
import { failure, success, type Result } from '../../domain/message.ts';
import type { AreaGeometry } from '../../domain/features.ts';
import type { VillageDatabase, VillageFeature } from '../../profiles/zhejiang-2026/village-database.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { bboxIntersects, expandBBox, geometryBBox, type BBox } from '../../geo/bbox.ts';
import { difference, intersection, normalise, union, type OverlayResult } from '../../geo/overlay.ts';
import { polygonsOf } from '../../geo/rings.ts';
import { VERTEX_TOLERANCE_DEG, vertices } from '../shared-boundaries.ts';
import { newVertices } from './parcel-shape.ts';

/** Below this (m², ellipsoidal) a piece of a cut parcel is a sliver [ours ⚠]: 1 m² is no parcel a plan means. */
export const SLIVER_M2 = 1;

export interface ShapedFeature {
  readonly feature: VillageFeature;
  readonly geometry: AreaGeometry;
}

export type ParcelCut =
  /** Wholly under the drawing, or left outside it only by slivers. */
  | { readonly kind: 'whole'; readonly parcel: ShapedFeature }
  | { readonly kind: 'cut'; readonly parcel: ShapedFeature; readonly inside: AreaGeometry; readonly outside: AreaGeometry }
  /** Near the drawing but not under it (or under it by slivers only): a neighbour. */
  | { readonly kind: 'beside'; readonly parcel: ShapedFeature };

export interface Sliver {
  readonly count: number;
  readonly areaM2: number;
}

export interface CutParcels {
  readonly cuts: readonly ParcelCut[];
  /** The slivers, each kept with the other side of its parcel (a parcel left under the drawing by slivers only is beside it). */
  readonly slivers: Sliver;
  /** The area of the parcels under the drawing, slivers included. */
  readonly coveredM2: number;
}

function isArea(geometry: VillageFeature['geometry']): geometry is AreaGeometry {
  return geometry?.type === 'Polygon' || geometry?.type === 'MultiPolygon';
}

/** The layer's area features whose box meets `box`: a scan of boxes, no overlay. */
export function featuresNear(features: readonly VillageFeature[], box: BBox): ShapedFeature[] {
  return features.flatMap((feature) => (isArea(feature.geometry) && bboxIntersects(geometryBBox(feature.geometry), box) ? [{ feature, geometry: feature.geometry }] : []));
}

/** The box within which a parcel is under the drawing or beside it. */
export function nearBox(geometry: AreaGeometry): BBox {
  return expandBBox(geometryBBox(geometry), VERTEX_TOLERANCE_DEG * 10);
}

export interface Clipped {
  /** The drawing inside the village; null when nothing of it is. */
  readonly geometry: AreaGeometry | null;
  /** How much of the drawing lay outside the village. */
  readonly clippedM2: number;
}

/**
 * The drawing within the village survey area (CJDCQ). Without one the village is the parcels' union, and
 * cutting each parcel by the drawing itself clips it just as well: nothing is cut outside a parcel, and
 * no union of the layer is made.
 */
export function clipToVillage(db: VillageDatabase, drawn: AreaGeometry): Result<Clipped> {
  const village = featuresNear(db.layers.CJDCQ?.features ?? [], geometryBBox(drawn));
  const anyVillage = (db.layers.CJDCQ?.features ?? []).some((feature) => isArea(feature.geometry));
  if (!anyVillage) return success({ geometry: drawn, clippedM2: 0 });
  const parts: Position[][][] = [];
  for (const { geometry } of village) {
    const part = intersection(drawn, geometry);
    if (!part.ok) return failure('geometry.overlayFailed', { detail: part.error });
    if (part.value) parts.push(...polygonsOf(part.value).map((polygon) => polygon.map((ring) => [...ring])));
  }
  const inside = normalise(parts);
  return success({ geometry: inside, clippedM2: ellipsoidalArea(drawn) - (inside ? ellipsoidalArea(inside) : 0) });
}

interface Pieces {
  readonly kept: AreaGeometry[];
  readonly slivers: AreaGeometry[];
}

function piecesOf(result: AreaGeometry | null): Pieces {
  const pieces: Pieces = { kept: [], slivers: [] };
  for (const polygon of result ? polygonsOf(result) : []) {
    const piece: AreaGeometry = { type: 'Polygon', coordinates: polygon.map((ring) => [...ring]) };
    (ellipsoidalArea(piece) < SLIVER_M2 ? pieces.slivers : pieces.kept).push(piece);
  }
  return pieces;
}

/** The kept pieces with the other side's slivers joined: one union only where there is a sliver to join. */
function joined(kept: readonly AreaGeometry[], slivers: readonly AreaGeometry[]): OverlayResult {
  if (slivers.length > 0) return union([...kept, ...slivers]);
  return { ok: true, value: normalise(kept.flatMap((piece) => polygonsOf(piece))) };
}

const sumArea = (geometries: readonly AreaGeometry[]) => geometries.reduce((sum, geometry) => sum + ellipsoidalArea(geometry), 0);

/** Each parcel's pieces inside and outside the drawing, with its slivers given to the other side. */
export function cutParcels(parcels: readonly ShapedFeature[], drawn: AreaGeometry): Result<CutParcels> {
  const cuts: ParcelCut[] = [];
  const slivers: AreaGeometry[] = [];
  let coveredM2 = 0;
  for (const parcel of parcels) {
    const inside = intersection(parcel.geometry, drawn);
    if (!inside.ok) return failure('geometry.overlayFailed', { detail: inside.error });
    const inPieces = piecesOf(inside.value);
    coveredM2 += sumArea([...inPieces.kept, ...inPieces.slivers]);
    slivers.push(...inPieces.slivers);
    if (inPieces.kept.length === 0) {
      cuts.push({ kind: 'beside', parcel });
      continue;
    }
    const outside = difference(parcel.geometry, drawn);
    if (!outside.ok) return failure('geometry.overlayFailed', { detail: outside.error });
    const outPieces = piecesOf(outside.value);
    slivers.push(...outPieces.slivers);
    if (outPieces.kept.length === 0) {
      cuts.push({ kind: 'whole', parcel });
      continue;
    }
    const insideJoined = joined(inPieces.kept, outPieces.slivers);
    if (!insideJoined.ok) return failure('geometry.overlayFailed', { detail: insideJoined.error });
    const outsideJoined = joined(outPieces.kept, inPieces.slivers);
    if (!outsideJoined.ok) return failure('geometry.overlayFailed', { detail: outsideJoined.error });
    // Non-empty kept pieces never union to nothing; a null here is the overlay's bug, refused all the same.
    if (!insideJoined.value || !outsideJoined.value) return failure('geometry.overlayFailed', { detail: 'empty union' });
    cuts.push({ kind: 'cut', parcel, inside: insideJoined.value, outside: outsideJoined.value });
  }
  return success({ cuts, slivers: { count: slivers.length, areaM2: sumArea(slivers) }, coveredM2 });
}

/** The vertices that keep the boundaries a cut made shared: with the parcels cut, and with those beside the drawing. */
export interface CutVertices {
  /** Every vertex of the cut parcels before and after: each new outline takes back those on its edges, which the overlay drops from straight runs. */
  readonly all: readonly Position[];
  /** The vertices the cut made: the parcels beside the drawing take those on their edges. */
  readonly made: readonly Position[];
}

export function cutVertices(cuts: readonly ParcelCut[]): CutVertices {
  const original = cuts.map((c) => c.parcel.geometry);
  const made = newVertices(original, cuts.flatMap((c) => (c.kind === 'cut' ? [c.inside, c.outside] : [])));
  return { all: [...original.flatMap(vertices), ...made], made };
}
