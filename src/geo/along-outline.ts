/**
 * The features along an outline made by an overlay (a gap: the village less a layer's union): those with
 * at least two of its vertices on their own outline, within the tolerance. The gap's outline is made of
 * pieces of the features' and the region's edges, each piece ending on the edge it came from, so a feature
 * beside the gap has two; one touching it at a point has one. Found by box instead, a gap along a village
 * boundary 0.3 m off all round named every parcel its box held (3,232 of them for one gap).
 */
import type { Polygon } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import { bboxIntersects, expandBBox, geometryBBox } from './bbox.ts';
import { metresPerDegree, toleranceDegreesXY } from './local-metric.ts';
import { PreparedArea } from './prepared-area.ts';
import { FeatureIndex } from './spatial-index.ts';

export function alongOutline<T extends { readonly geometry: AreaGeometry }>(candidates: readonly T[], outline: Polygon, toleranceM: number): T[] {
  const reach = expandBBox(geometryBBox(outline), 1e-7);
  const near = candidates.filter((f) => bboxIntersects(geometryBBox(f.geometry), reach));
  const index = new FeatureIndex<string>();
  index.load(near.map((f, i) => [String(i), f.geometry] as const));
  const hits = new Map<T, number>();
  const [y0, y1] = [reach[1], reach[3]];
  const m = metresPerDegree((y0 + y1) / 2);
  const { x: dx, y: dy } = toleranceDegreesXY(toleranceM, Math.max(Math.abs(y0), Math.abs(y1)));
  for (const ring of outline.coordinates) {
    let [px, py] = ring[0] as [number, number];
    for (const [x, y] of ring.slice(1) as [number, number][]) {
      // GEOS may write one vertex twice, a few nanometres apart: one point, not two.
      if (Math.abs(x - px) <= dx && Math.abs(y - py) <= dy) continue;
      [px, py] = [x, y];
      for (const key of index.search([x - dx, y - dy, x + dx, y + dy])) {
        const f = near[Number(key)] as T;
        if (PreparedArea.of(f.geometry).locateNear(x, y, m.x, m.y, toleranceM) === 'boundary') hits.set(f, (hits.get(f) ?? 0) + 1);
      }
    }
  }
  return candidates.filter((f) => (hits.get(f) ?? 0) >= 2);
}
