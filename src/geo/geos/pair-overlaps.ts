/**
 * The overlaps among one cluster's features, as `no-overlap` reports them in both profiles (rules/no-overlap
 * and rules/ydyh/no-overlap): each pair whose boxes meet intersected with GEOS in the village's GK plane,
 * parts thinner than the tolerance dropped, kept when its ellipsoidal area is at least the report area.
 */
import type { AreaGeometry } from '../../domain/features.ts';
import { ellipsoidalArea } from '../area.ts';
import { bboxIntersects, geometryBBox } from '../bbox.ts';
import type { GkPlane } from '../gk-plane.ts';
import { rewindRfc7946 } from '../rings.ts';
import { meanWidth, overlapOf } from './coverage-overlay.ts';

/** Features `i` < `j` (indices into the geometries given): their overlap (RFC 7946 winding), or why GEOS could not overlay them. */
export type PairOverlap = { readonly i: number; readonly j: number } & ({ readonly geometry: AreaGeometry; readonly areaM2: number; readonly widthM: number } | { readonly error: string });

export function pairOverlaps(geometries: readonly AreaGeometry[], plane: GkPlane, toleranceM: number, minAreaM2: number): PairOverlap[] {
  const found: PairOverlap[] = [];
  const boxes = geometries.map((g) => geometryBBox(g));
  for (let i = 0; i < geometries.length; i++) {
    for (let j = i + 1; j < geometries.length; j++) {
      if (!bboxIntersects(boxes[i]!, boxes[j]!)) continue;
      let parts;
      try {
        parts = overlapOf(plane.polygons(geometries[i]!), plane.polygons(geometries[j]!), toleranceM);
      } catch (error) {
        found.push({ i, j, error: String(error) });
        continue;
      }
      const geometry = parts.length > 0 ? plane.toLonLat(parts.map((p) => p.polygon)) : null;
      if (!geometry) continue;
      const areaM2 = ellipsoidalArea(geometry);
      if (areaM2 >= minAreaM2) found.push({ i, j, geometry: rewindRfc7946(geometry), areaM2, widthM: meanWidth(parts, toleranceM) });
    }
  }
  return found;
}
