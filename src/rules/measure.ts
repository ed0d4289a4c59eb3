/** Small measurements rules report with: the perimeter of a piece, the distance between outlines. */
import type { Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import { expandBBox, type BBox } from '../geo/bbox.ts';
import { localLengthMetres, metresPerDegree, toleranceDegrees } from '../geo/local-metric.ts';
import { PreparedArea } from '../geo/prepared-area.ts';
import { rings } from '../geo/rings.ts';
import { distanceToSegment, segmentIntersection } from '../geo/segments.ts';

export function perimeterMetres(geometry: AreaGeometry): number {
  let total = 0;
  for (const { ring } of rings(geometry)) for (let i = 0; i + 1 < ring.length; i++) total += localLengthMetres(ring[i] as Position, ring[i + 1] as Position);
  return total;
}

/** True when the outlines (or interiors) of a and b come within `metres` of each other. */
export function withinDistance(a: AreaGeometry, b: AreaGeometry, metres: number): boolean {
  const pa = PreparedArea.of(a);
  const pb = PreparedArea.of(b);
  const latitude = (pa.bbox[1] + pa.bbox[3]) / 2;
  const tolerance = toleranceDegrees(metres, latitude);
  // The distance itself in metres: a degree of latitude is longer than one of longitude, so a distance in
  // degrees held to the degree tolerance would let a north–south gap 15 % wider than `metres` pass at 30°N.
  const { x: mx, y: my } = metresPerDegree(latitude);
  const inMetres = (p: Position): Position => [(p[0] as number) * mx, (p[1] as number) * my];
  const near = (from: PreparedArea, to: PreparedArea): boolean => {
    for (let i = 0; i < from.edgeCount; i++) {
      const p = from.edgeStart(i);
      if (to.locate(p) !== 'outside') return true;
      for (const j of to.edgesIn(expandBBox([p[0] as number, p[1] as number, p[0] as number, p[1] as number], tolerance))) {
        if (distanceToSegment(inMetres(p), inMetres(to.edgeStart(j)), inMetres(to.edgeEnd(j))) <= metres) return true;
      }
    }
    return false;
  };
  // Outlines that cross where neither has a vertex near the other (two strips laid crosswise) meet all the same.
  const crossing = (): boolean => {
    for (let i = 0; i < pa.edgeCount; i++) {
      const a = pa.edgeStart(i);
      const b = pa.edgeEnd(i);
      const box: BBox = [Math.min(a[0] as number, b[0] as number), Math.min(a[1] as number, b[1] as number), Math.max(a[0] as number, b[0] as number), Math.max(a[1] as number, b[1] as number)];
      for (const j of pb.edgesIn(box)) if (segmentIntersection(a, b, pb.edgeStart(j), pb.edgeEnd(j)).kind !== 'none') return true;
    }
    return false;
  };
  return near(pa, pb) || near(pb, pa) || crossing();
}
