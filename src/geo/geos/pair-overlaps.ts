/**
 * The overlaps among one cluster's features, as `no-overlap` reports them in both profiles (rules/no-overlap
 * and rules/ydyh/no-overlap): each pair whose boxes meet intersected with GEOS in the village's GK plane,
 * parts thinner than the tolerance dropped, kept when its ellipsoidal area is at least the report area.
 */
import type { AreaGeometry } from '../../domain/features.ts';
import { ellipsoidalArea } from '../area.ts';
import { rememberedBBox } from '../bbox.ts';
import type { GkPlane } from '../gk-plane.ts';
import { rewindRfc7946 } from '../rings.ts';
import { forEachOverlappingPair } from '../segments.ts';
import { clipParts, coveredTwice, meanWidth, overlapOf, type PlanarPart } from './coverage-overlay.ts';

/** Features `i` < `j` (indices into the geometries given): their overlap (RFC 7946 winding), or why GEOS could not overlay them. */
export type PairOverlap = { readonly i: number; readonly j: number } & ({ readonly geometry: AreaGeometry; readonly areaM2: number; readonly widthM: number } | { readonly error: string });

/**
 * From this many features on, one union first (coveredTwice) tells whether any pair can overlap by the
 * report area: a cluster that large is a boundary misaligned all round (the whole layer in one cluster, its
 * ~3 neighbouring pairs per feature each a GEOS overlay), not a few planted overlaps, which stay cheaper as pairs.
 */
const UNION_FIRST_FROM = 64;
/**
 * The report area is ellipsoidal, the union's excess planar: GK scales areas by at most ~1.0005 inside a 3°
 * zone, so half the report area leaves room for that and for the union's rounding.
 */
const PLANAR_MARGIN = 0.5;

/**
 * `coveredTwiceM2`, when given, tells the area the features cover twice or more where an overlap can lie
 * (a cluster's, from the union no-gap makes as well: rules/partition-clusters.ts); else it is found here.
 */
export function pairOverlaps(geometries: readonly AreaGeometry[], plane: GkPlane, toleranceM: number, minAreaM2: number, coveredTwiceM2?: () => number): PairOverlap[] {
  if (geometries.length >= UNION_FIRST_FROM && twiceCoveredBelow(PLANAR_MARGIN * minAreaM2, coveredTwiceM2 ?? (() => coveredTwice(geometries.map((g) => plane.polygons(g)))))) return [];
  const found: PairOverlap[] = [];
  for (const [i, j] of pairsWhoseBoxesMeet(geometries)) {
    const [a, b] = [geometries[i]!, geometries[j]!];
    let byB = kept.get(a);
    if (!byB) kept.set(a, (byB = new WeakMap()));
    let one = byB.get(b);
    if (!one || one.plane !== plane || one.toleranceM !== toleranceM || one.minAreaM2 !== minAreaM2) byB.set(b, (one = { plane, toleranceM, minAreaM2, overlap: overlapOfPair(a, b, plane, toleranceM, minAreaM2) }));
    if (one.overlap) found.push({ i, j, ...one.overlap });
  }
  return found;
}

export type Overlap = { readonly geometry: AreaGeometry; readonly areaM2: number; readonly widthM: number } | { readonly error: string };

/**
 * Each pair's overlay, kept by its two geometry objects while the plane, the tolerance and the report area
 * stay: an edit of a parcel in a large cluster (a corridor along a CJDCQ from another survey holds thousands)
 * re-overlays only the pairs of the features it made, not every neighbouring pair of the cluster.
 */
const kept = new WeakMap<AreaGeometry, WeakMap<AreaGeometry, { readonly plane: GkPlane; readonly toleranceM: number; readonly minAreaM2: number; readonly overlap: Overlap | null }>>();

function overlapOfPair(a: AreaGeometry, b: AreaGeometry, plane: GkPlane, toleranceM: number, minAreaM2: number): Overlap | null {
  try {
    return reportedOverlap(overlapOf(plane.polygons(a), plane.polygons(b), toleranceM), plane, toleranceM, minAreaM2);
  } catch (error) {
    return { error: String(error) };
  }
}

/**
 * The part of `overlap` (one found above) not under `before` (overlaps that take the land first), as the
 * reports give it, or null where what is left is below the report area: where a change lies under two later
 * changes that overlap each other, the land under both counts for only one of them (tables-consistent).
 */
export function overlapNotUnder(overlap: AreaGeometry, before: readonly [AreaGeometry, ...AreaGeometry[]], plane: GkPlane, toleranceM: number, minAreaM2: number): Overlap | null {
  try {
    return reportedOverlap(clipParts('difference', plane.polygons(overlap), before.map((g) => plane.polygons(g)), toleranceM), plane, toleranceM, minAreaM2);
  } catch (error) {
    return { error: String(error) };
  }
}

/** Overlay parts as the reports give them: lon/lat in RFC 7946 winding, ellipsoidal area, mean width; null below the report area. */
function reportedOverlap(parts: readonly PlanarPart[], plane: GkPlane, toleranceM: number, minAreaM2: number): Overlap | null {
  const geometry = parts.length > 0 ? plane.toLonLat(parts.map((p) => p.polygon)) : null;
  if (!geometry) return null;
  const areaM2 = ellipsoidalArea(geometry);
  return areaM2 >= minAreaM2 ? { geometry: rewindRfc7946(geometry), areaM2, widthM: meanWidth(parts, toleranceM) } : null;
}

function twiceCoveredBelow(areaM2: number, coveredTwiceM2: () => number): boolean {
  try {
    return coveredTwiceM2() < areaM2;
  } catch {
    return false; // GEOS could not union them: the pairs are overlaid one by one, and report their own failures
  }
}

/**
 * Pairs i < j whose boxes meet, in that order: by one sweep, not by testing every pair (24,000 parcels in
 * one cluster made 288 million box tests, 1.5 s).
 */
function pairsWhoseBoxesMeet(geometries: readonly AreaGeometry[]): [number, number][] {
  const boxes = new Float64Array(geometries.length * 4);
  geometries.forEach((g, k) => boxes.set(rememberedBBox(g), 4 * k));
  const pairs: [number, number][] = [];
  forEachOverlappingPair(boxes, (a, b) => pairs.push(a < b ? [a, b] : [b, a]));
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}
