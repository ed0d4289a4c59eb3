/**
 * Ellipsoidal (geodesic) area on CGCS2000, as the national land survey computes parcel areas (椭球面积).
 * GeographicLib's PolygonArea is exact to round-off; turf's `area` is spherical and ~0.1 % off.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { cgcs2000Geodesic, geographicLib } from './geodesic.ts';

/** Area enclosed by one ring in m², unsigned. The closing position may be present or not. */
export function ringArea(ring: readonly Position[]): number {
  const polygon = new geographicLib.PolygonArea.PolygonArea(cgcs2000Geodesic, false);
  const last = ring.length - 1;
  const closed = last > 0 && ring[0]![0] === ring[last]![0] && ring[0]![1] === ring[last]![1];
  const count = closed ? last : ring.length;
  for (let i = 0; i < count; i++) polygon.AddPoint(ring[i]![1]!, ring[i]![0]!);
  // sign=true: a clockwise ring gives a negative area instead of "earth minus ring".
  return Math.abs(polygon.Compute(false, true).area ?? 0);
}

/** Area of a polygon in m²: the shell minus its holes. */
export function polygonArea(rings: readonly (readonly Position[])[]): number {
  let total = 0;
  rings.forEach((ring, i) => {
    total += i === 0 ? ringArea(ring) : -ringArea(ring);
  });
  return total;
}

export function ellipsoidalArea(geometry: Polygon | MultiPolygon): number {
  if (geometry.type === 'Polygon') return polygonArea(geometry.coordinates);
  return geometry.coordinates.reduce((sum, rings) => sum + polygonArea(rings), 0);
}
