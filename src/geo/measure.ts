/**
 * What the measure tool shows, from the lon/lat points the planner clicked: geodesic lengths on the
 * CGCS2000 ellipsoid (GeographicLib's Inverse, as survey software measures), and for a closed outline its
 * ellipsoidal area (`area.ts`) and perimeter. Pure: the map and the panel only pass points in.
 */
import type { Position } from 'geojson';
import { ellipsoidalArea } from './area.ts';
import { cgcs2000Geodesic } from './geodesic.ts';
import { validateAreaGeometry } from './validity.ts';

/** Length of the geodesic from a to b on the CGCS2000 ellipsoid, in metres. */
export function geodesicLength(a: Position, b: Position): number {
  return cgcs2000Geodesic.Inverse(a[1] as number, a[0] as number, b[1] as number, b[0] as number).s12 ?? 0;
}

export interface LineMeasure {
  /** Length of each segment in metres, in drawing order. */
  readonly segments: readonly number[];
  readonly total: number;
}

/** A polyline through the points: each segment's length and the total. */
export function measureLine(points: readonly Position[]): LineMeasure {
  const segments: number[] = [];
  for (let i = 0; i + 1 < points.length; i++) segments.push(geodesicLength(points[i] as Position, points[i + 1] as Position));
  return { segments, total: segments.reduce((sum, s) => sum + s, 0) };
}

export type AreaMeasure =
  | {
      readonly kind: 'polygon';
      /** m², ellipsoidal. */
      readonly area: number;
      /** Every edge including the closing one, metres. */
      readonly perimeter: number;
      /** The outline crosses itself: the area GeographicLib gives is the lobes' signed sum, not what the planner sees. */
      readonly selfIntersecting: boolean;
    }
  /** Fewer than three different points enclose nothing. */
  | { readonly kind: 'tooFewPoints'; readonly distinctPoints: number };

/** The outline through the points, closed back to the first (a closing copy of the first point may be present or not). */
export function measurePolygon(points: readonly Position[]): AreaMeasure {
  const distinct = new Set(points.map((p) => `${p[0]},${p[1]}`)).size;
  if (distinct < 3) return { kind: 'tooFewPoints', distinctPoints: distinct };
  const ring = closed(points);
  const polygon = { type: 'Polygon' as const, coordinates: [ring] };
  return {
    kind: 'polygon',
    area: ellipsoidalArea(polygon),
    perimeter: measureLine(ring).total,
    selfIntersecting: validateAreaGeometry(polygon).some((p) => p.kind === 'selfIntersection'),
  };
}

function closed(points: readonly Position[]): Position[] {
  const first = points[0] as Position;
  const last = points[points.length - 1] as Position;
  return first[0] === last[0] && first[1] === last[1] ? [...points] : [...points, first];
}
