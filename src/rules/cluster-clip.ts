/**
 * A cluster's features cut to its outline (its corridor, or its box grown by the tolerance) before they are
 * unioned, in both profiles: the 2017 plan's (partition-clusters.ts clusterCover) and the 2026 database's
 * (ydyh/cluster-union.ts). What a cluster reports lies inside its outline (the outline bounds its
 * stretches), so its overlays need the features only there: a corridor along a village boundary from
 * another survey holds the few zones traced on its parcels (GKBJ) whole, and a cluster along a simplified
 * coastline whole districts of thousands of vertices each.
 */
import type { BBox } from '../geo/bbox.ts';
import { clipParts } from '../geo/geos/coverage-overlay.ts';
import type { FlatPolygon } from '../geo/geos/planar-geometry.ts';

/**
 * Below this many vertices the 2026 checks union a feature whole: its cut costs an overlay with the whole
 * outline (a corridor's has thousands of vertices) and saves the union a few vertices. A corridor of 2,041
 * parcels along a CJDCQ 0.3 m off was unioned in the same time cut or whole, and the cuts cost 0.15 s more;
 * its zones (GKBJ, 7 of 85,280 vertices) cut are a tenth of their union whole. The 2017 checks still cut
 * every feature reaching out (0): whole parcels there moved a gap on a ±0.3 mm jittered plan by its slits,
 * 1,599.48 → 1,599.49 m², and its findings are kept as they were.
 */
export const CUT_FROM_VERTICES = 256;

/**
 * A feature (its GK polygons, its lon/lat box) for the union inside the outline: as it is where its box lies
 * inside one of `whole` (lon/lat boxes the outline holds, such as a box cluster's own box) or it has fewer
 * than `cutFromVertices` vertices, else intersected with the outline. Either is the same inside the outline,
 * all the rules look at.
 */
export function clippedToOutline(polygons: readonly FlatPolygon[], box: BBox, whole: readonly BBox[], outline: readonly FlatPolygon[], cutFromVertices = 0): readonly FlatPolygon[] {
  if (whole.some((w) => bboxWithin(box, w)) || vertexCount(polygons) < cutFromVertices) return polygons;
  return clipParts('intersection', polygons, [outline], 0).map((part) => part.polygon);
}

function vertexCount(polygons: readonly FlatPolygon[]): number {
  let count = 0;
  for (const polygon of polygons) for (const ring of polygon) count += ring.length / 2;
  return count;
}

function bboxWithin(inner: BBox, outer: BBox): boolean {
  return inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];
}
