/**
 * A point inside an area, for "take me to this parcel" (the notice's search): the middle of the widest
 * stretch of a horizontal line through the middle of the largest part, the way GEOS's InteriorPoint does
 * for areas. A bbox centre can fall outside an L-shaped or hollow parcel, and then a tap there describes
 * the neighbour.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { polygonArea } from './area.ts';

export function interiorPoint(geometry: Polygon | MultiPolygon): Position | null {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  // One part needs no areas (ellipsoidal, so not free): relate asks this of every part of every parcel it probes.
  let largest: Position[][] | undefined = parts.length === 1 ? parts[0] : undefined;
  let largestArea = -1;
  if (!largest) {
    for (const rings of parts) {
      const area = rings.length > 0 ? polygonArea(rings) : 0;
      if (area > largestArea) [largest, largestArea] = [rings, area];
    }
  }
  const shell = largest?.[0];
  if (!largest || !shell || shell.length < 4) return null;
  let south = Infinity;
  let north = -Infinity;
  for (const p of shell) {
    const lat = p[1]!;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  const y = (south + north) / 2;
  // Where the line crosses the part's rings (half-open rule: a vertex on the line counts once).
  const crossings: number[] = [];
  for (const ring of largest) {
    for (let i = 1; i < ring.length; i++) {
      const [x1, y1] = ring[i - 1] as [number, number];
      const [x2, y2] = ring[i] as [number, number];
      if (y1 > y === y2 > y) continue;
      crossings.push(x1 + ((y - y1) / (y2 - y1)) * (x2 - x1));
    }
  }
  crossings.sort((a, b) => a - b);
  let best: Position | null = null;
  let widest = 0;
  // Inside from each odd crossing to the next: the intervals alternate in, out, in…
  for (let i = 0; i + 1 < crossings.length; i += 2) {
    const width = crossings[i + 1]! - crossings[i]!;
    if (width > widest) [widest, best] = [width, [(crossings[i]! + crossings[i + 1]!) / 2, y]];
  }
  return best;
}
