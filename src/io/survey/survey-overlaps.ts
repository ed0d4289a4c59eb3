/**
 * Survey parcels that overlap. A county export is meant to be a partition, but real ones sometimes hold a
 * feature twice (copied, or loaded twice) or a parcel re-digitised with the old one left in: every such
 * overlap is counted twice in any total of the parcels' areas. Found as the no-overlap rule finds them
 * (rules/no-overlap.rule.ts): pairs whose boxes meet (an R-tree, geo/spatial-index.ts), screened by
 * `tolerantRelate` so neighbours that only share a boundary (T-junctions, ±0.3 mm jitter) are never
 * clipped, then intersected with GEOS in the Gauss-Krüger plane, an overlap counting where it is wider
 * than the coverage tolerance. GEOS must be loaded (`loadGeos()`) before calling.
 */
import type { AreaGeometry } from '../../domain/features.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { geometryBBox } from '../../geo/bbox.ts';
import { overlapOf, partsOutside, unionOf } from '../../geo/geos/coverage-overlay.ts';
import { GkPlane } from '../../geo/gk-plane.ts';
import { FeatureIndex } from '../../geo/spatial-index.ts';
import { tolerantRelate } from '../../geo/tolerant-relate.ts';
import { ZHEJIANG_2017 } from '../../profiles/zhejiang-2017/rule-profile.ts';
import type { Properties } from '../formats/properties.ts';

export interface OverlapParcel {
  readonly geometry: AreaGeometry;
  /** Its ellipsoidal area (m²), as the total counts it. */
  readonly areaM2: number;
  readonly properties: Properties;
}

export interface ParcelOverlap {
  /** Indices into the parcels given, a < b. */
  readonly a: number;
  readonly b: number;
  /** Ellipsoidal area of the overlap (m²). */
  readonly areaM2: number;
  /** The two coincide within the tolerance and their attributes are the same but for their ids: one feature twice. */
  readonly duplicate: boolean;
}

export interface SurveyOverlaps {
  readonly pairs: readonly ParcelOverlap[];
  /** What a sum of the parcels' areas counts more than once: Σ areas − area of their union (m²). */
  readonly doubleCountedM2: number;
  /** The same, of the duplicate pairs alone and of the other pairs alone. */
  readonly duplicateM2: number;
  readonly overlapM2: number;
}

/**
 * Fields that tell two records apart without saying anything about the land: a feature copied gets a new
 * object id, and ArcGIS recomputes SHAPE_Area/SHAPE_Leng for a copy jittered by a snap. BSM 标识码 is the
 * survey's record id.
 */
const ID_FIELDS = new Set(['BSM', '标识码', 'OBJECTID', 'OBJECTID_1', 'FID', 'OID', 'SHAPE_AREA', 'SHAPE_LENG', 'SHAPE_LENGTH', 'SHAPE_LEN']);

function landAttributes(properties: Properties): string {
  const kept = Object.keys(properties)
    .filter((name) => !ID_FIELDS.has(name.toUpperCase()))
    .sort()
    .map((name) => [name, properties[name] ?? null]);
  return JSON.stringify(kept);
}

export function surveyOverlaps(parcels: readonly OverlapParcel[], toleranceM = ZHEJIANG_2017.coverageToleranceM, minAreaM2 = ZHEJIANG_2017.overlapReportM2): SurveyOverlaps {
  const first = parcels[0];
  if (!first) return { pairs: [], doubleCountedM2: 0, duplicateM2: 0, overlapM2: 0 };
  const box = geometryBBox(first.geometry);
  const plane = GkPlane.forLongitude((box[0] + box[2]) / 2);
  const index = new FeatureIndex<string>();
  index.load(parcels.map((p, i) => [String(i), p.geometry] as const));

  const pairs: ParcelOverlap[] = [];
  for (const [a, parcel] of parcels.entries()) {
    const near = index.search(geometryBBox(parcel.geometry)).map(Number).filter((b) => b > a).sort((x, y) => x - y);
    for (const b of near) {
      const other = parcels[b] as OverlapParcel;
      const overlap = overlapBetween(plane, parcel.geometry, other.geometry, toleranceM);
      if (overlap === null || overlap < minAreaM2) continue;
      const duplicate = landAttributes(parcel.properties) === landAttributes(other.properties) && coincide(plane, parcel.geometry, other.geometry, toleranceM);
      pairs.push({ a, b, areaM2: overlap, duplicate });
    }
  }
  const counted = (some: readonly ParcelOverlap[]) => (some.length ? doubleCounted(plane, parcels, some) : 0);
  return { pairs, doubleCountedM2: counted(pairs), duplicateM2: counted(pairs.filter((p) => p.duplicate)), overlapM2: counted(pairs.filter((p) => !p.duplicate)) };
}

/** The ellipsoidal area where the two overlap wider than the tolerance; null where they do not (or cannot be clipped). */
function overlapBetween(plane: GkPlane, a: AreaGeometry, b: AreaGeometry, toleranceM: number): number | null {
  // Neighbours sharing a boundary, however misaligned within the tolerance, are settled without clipping.
  if (tolerantRelate(a, b, toleranceM) === 'disjoint') return null;
  try {
    const parts = overlapOf(plane.polygons(a), plane.polygons(b), toleranceM);
    const geometry = plane.toLonLat(parts.map((p) => p.polygon));
    return geometry ? ellipsoidalArea(geometry) : null;
  } catch {
    // An outline GEOS cannot overlay (a self-crossing ring): no overlap claimed that cannot be measured.
    return null;
  }
}

/** Nothing of either lies outside the other wider than the tolerance. */
function coincide(plane: GkPlane, a: AreaGeometry, b: AreaGeometry, toleranceM: number): boolean {
  const pa = plane.polygons(a);
  const pb = plane.polygons(b);
  return partsOutside(pa, pb, toleranceM).length === 0 && partsOutside(pb, pa, toleranceM).length === 0;
}

/**
 * Σ areas − area of the union, per group of parcels linked by overlaps. A pair alone is its overlap; where
 * three or more overlap (a feature loaded three times) the pairs' overlaps would count some land too often.
 */
function doubleCounted(plane: GkPlane, parcels: readonly OverlapParcel[], pairs: readonly ParcelOverlap[]): number {
  const groups = linkedGroups(pairs);
  let total = 0;
  for (const members of groups) {
    if (members.length === 2) {
      total += pairs.filter((p) => p.a === members[0] && p.b === members[1]).reduce((s, p) => s + p.areaM2, 0);
      continue;
    }
    const group = members.map((i) => parcels[i] as OverlapParcel);
    const union = plane.toLonLat(unionOf(group.map((p) => plane.polygons(p.geometry))));
    total += group.reduce((s, p) => s + p.areaM2, 0) - (union ? ellipsoidalArea(union) : 0);
  }
  return total;
}

/** The parcels linked by overlapping pairs, each group sorted. */
function linkedGroups(pairs: readonly ParcelOverlap[]): number[][] {
  const parent = new Map<number, number>();
  const root = (i: number): number => {
    let r = i;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r) as number;
    parent.set(i, r);
    return r;
  };
  for (const { a, b } of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    parent.set(root(b), root(a));
  }
  const groups = new Map<number, number[]>();
  for (const i of parent.keys()) groups.set(root(i), [...(groups.get(root(i)) ?? []), i]);
  return [...groups.values()].map((g) => g.sort((x, y) => x - y));
}
