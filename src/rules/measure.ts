/** Small measurements rules report with: the perimeter of a piece, the distance between outlines. */
import type { Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import { expandBBox } from '../geo/bbox.ts';
import { localLengthMetres, toleranceDegrees } from '../geo/local-metric.ts';
import { PreparedArea } from '../geo/prepared-area.ts';
import { rings } from '../geo/rings.ts';
import { distanceToSegment } from '../geo/segments.ts';

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
  const near = (from: PreparedArea, to: PreparedArea): boolean => {
    for (let i = 0; i < from.edgeCount; i++) {
      const p = from.edgeStart(i);
      if (to.locate(p) !== 'outside') return true;
      for (const j of to.edgesIn(expandBBox([p[0] as number, p[1] as number, p[0] as number, p[1] as number], tolerance))) {
        if (distanceToSegment(p, to.edgeStart(j), to.edgeEnd(j)) <= tolerance) return true;
      }
    }
    return false;
  };
  return near(pa, pb) || near(pb, pa);
}
