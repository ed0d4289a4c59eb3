/**
 * The same path measured in the Gauss-Krüger plane (高斯平面) of its 3° zone, as a surveyor's plane
 * coordinates give it: longer than the geodesic by the projection's scale factor (about 1 + y²/2R², y the
 * distance from the central meridian). Apart from `measure.ts` because it needs proj4, which the editor
 * loads only after start.
 */
import type { Position } from 'geojson';
import { gkZoneForLongitude, toGaussKruger, type GkZone } from './projection.ts';

export interface PlaneLength {
  readonly zone: GkZone;
  /** Metres in the plane: the straight GK chords between the points, summed. */
  readonly total: number;
}

/** The polyline's plane length in the zone of its first point (a village lies within one zone). */
export function gkPlaneLength(points: readonly Position[]): PlaneLength | undefined {
  const first = points[0];
  if (!first) return undefined;
  const zone = gkZoneForLongitude(first[0] as number);
  const plane = points.map((p) => toGaussKruger(p, { zone, zonePrefix: false }));
  let total = 0;
  for (let i = 0; i + 1 < plane.length; i++) {
    const [e1, n1] = plane[i] as [number, number];
    const [e2, n2] = plane[i + 1] as [number, number];
    total += Math.hypot(e2 - e1, n2 - n1);
  }
  return { zone, total };
}
