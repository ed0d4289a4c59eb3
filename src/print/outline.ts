/**
 * The village's outline in its Gauss-Krüger zone, and how much of it falls in a rectangle of the plane:
 * what decides which standard sheets and which tiles a village needs.
 */
import { layerFeatures, type Plan } from '../domain/plan.ts';
import { toGaussKruger, type GkCrs } from '../geo/projection.ts';
import { polygonsOf } from '../geo/rings.ts';
import { crsFor } from './project.ts';
import { emptyBBox, extendBBox, flatBBox, geometryBBox, isEmptyBBox } from '../geo/bbox.ts';

/** [minE, minN, maxE, maxN] in metres. */
export type Extent = readonly [number, number, number, number];

/** Polygons as lists of rings, each ring [e0, n0, e1, n1, …] in GK metres; the first ring is the shell. */
export type GkPolygons = readonly (readonly (readonly number[])[])[];

export interface VillageOutline {
  readonly crs: GkCrs;
  readonly extent: Extent;
  readonly polygons: GkPolygons;
}

/** The village's outline (its boundary, else its parcels) in its GK zone: what a sheet must hold. */
export function villageOutline(plan: Plan): VillageOutline | null {
  const outline = layerFeatures(plan, 'boundary').length ? layerFeatures(plan, 'boundary') : layerFeatures(plan, 'base');
  if (outline.length === 0) return null;
  const crs = crsFor(packageLongitude(plan));
  const polygons = outline.flatMap((f) => polygonsOf(f.geometry).map((rings) => rings.map((ring) => ring.flatMap((p) => toGaussKruger(p, crs)))));
  return { crs, extent: shellExtent(polygons), polygons };
}

/**
 * The longitude whose zone the sheet is drawn in: the middle of the base parcels (else the outline), as the
 * delivery package chooses its one zone (io/package/write-delivery.ts, `crsForLayer`), so the printed grid
 * and its zone note give the coordinates of the shapefiles delivered with the plan. The boundary's first
 * vertex decided before, and for a village across 121.5°E (宁波, 宁海) the map then said zone 40 while the
 * package said 41.
 */
function packageLongitude(plan: Plan): number {
  const features = layerFeatures(plan, 'base').length ? layerFeatures(plan, 'base') : layerFeatures(plan, 'boundary');
  const box = emptyBBox();
  for (const f of features) {
    const [west, south, east, north] = geometryBBox(f.geometry);
    extendBBox(box, [west, south]);
    extendBBox(box, [east, north]);
  }
  return isEmptyBBox(box) ? 120 : (box[0] + box[2]) / 2;
}

function shellExtent(polygons: GkPolygons): Extent {
  return flatBBox(polygons.map((rings) => rings[0] ?? []));
}

/**
 * Shoelace area of a flat ring, signed (counter-clockwise positive in a y-up plane), taken about the first
 * vertex: products of raw GK coordinates (4·10⁷ × 3·10⁶) would keep only centimetres of the answer.
 */
function signedArea(ring: readonly number[]): number {
  const [x0, y0] = [ring[0] ?? 0, ring[1] ?? 0];
  let twice = 0;
  for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) twice += ((ring[j] as number) - x0) * ((ring[i + 1] as number) - y0) - ((ring[i] as number) - x0) * ((ring[j + 1] as number) - y0);
  return twice / 2;
}

/**
 * Sutherland–Hodgman against one side of an axis-aligned rectangle. On a convex window the output may run
 * along the window's edge where the ring leaves and re-enters, but those stretches enclose no area, so the
 * clipped ring's area is exactly the area of ring ∩ window.
 */
function clipSide(ring: readonly number[], axis: 0 | 1, limit: number, keepBelow: boolean): number[] {
  const out: number[] = [];
  const inside = (v: number) => (keepBelow ? v <= limit : v >= limit);
  for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
    const [ax, ay, bx, by] = [ring[j] as number, ring[j + 1] as number, ring[i] as number, ring[i + 1] as number];
    const [a, b] = axis === 0 ? [ax, bx] : [ay, by];
    if (inside(a) !== inside(b)) {
      const f = (limit - a) / (b - a);
      out.push(axis === 0 ? limit : ax + f * (bx - ax), axis === 0 ? ay + f * (by - ay) : limit);
    }
    if (inside(b)) out.push(bx, by);
  }
  return out;
}

/** Area (m²) of the polygons inside the rectangle [minE, minN, maxE, maxN]. */
export function areaInside(polygons: GkPolygons, box: Extent): number {
  const [e0, n0, e1, n1] = box;
  const clipped = (ring: readonly number[]) => Math.abs(signedArea(clipSide(clipSide(clipSide(clipSide(ring, 0, e0, false), 0, e1, true), 1, n0, false), 1, n1, true)));
  let total = 0;
  for (const [shell, ...holes] of polygons) {
    if (!shell) continue;
    total += clipped(shell) - holes.reduce((sum, hole) => sum + clipped(hole), 0);
  }
  return total;
}

/**
 * Less than this much of the village in a rectangle does not need the rectangle printed: a boundary drawn
 * on a kilometre line comes back from lon/lat a fraction of a millimetre to either side, which over a
 * 1 km sheet edge is well under a square metre.
 */
const MIN_AREA_M2 = 1;

export function touches(polygons: GkPolygons, box: Extent): boolean {
  return areaInside(polygons, box) >= MIN_AREA_M2;
}
