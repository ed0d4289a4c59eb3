/**
 * Exact point-in-ring with a separate answer for "on the boundary", which validity and face
 * classification need. @turf/boolean-point-in-polygon only says inside/outside (with an
 * ignoreBoundary flag), so the three-way test is written here, on the same exact orientation.
 */
import type { Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import { onSegment, orientation } from './segments.ts';

export type Location = 'inside' | 'outside' | 'boundary';

/** Winding-number test; the ring may be open or closed and wound either way. */
export function pointInRing(p: Position, ring: readonly Position[]): Location {
  const n = ring.length;
  if (n < 3) return 'outside';
  const y = p[1] as number;
  let winding = 0;
  for (let i = 0; i < n; i++) {
    const a = ring[i] as Position;
    const b = ring[(i + 1) % n] as Position;
    if (onSegment(p, a, b)) return 'boundary';
    const ay = a[1] as number;
    const by = b[1] as number;
    if (ay <= y) {
      if (by > y && orientation(a, b, p) > 0) winding++;
    } else if (by <= y && orientation(a, b, p) < 0) {
      winding--;
    }
  }
  return winding !== 0 ? 'inside' : 'outside';
}

/** Location in a polygon given as [shell, ...holes]: inside the shell and in no hole. */
export function pointInPolygonRings(p: Position, polygon: readonly (readonly Position[])[]): Location {
  const [shell, ...holes] = polygon;
  if (!shell) return 'outside';
  const inShell = pointInRing(p, shell);
  if (inShell !== 'inside') return inShell;
  for (const hole of holes) {
    const inHole = pointInRing(p, hole);
    if (inHole === 'inside') return 'outside';
    if (inHole === 'boundary') return 'boundary';
  }
  return 'inside';
}

/**
 * Where `ring` lies relative to `container`, judged from its first vertex (or else edge midpoint)
 * that is not on the container's boundary; 'boundary' when none is off it. Meaningful only when the two rings'
 * edges do not cross (validity checks crossings first).
 */
export function ringLocation(ring: readonly Position[], container: readonly Position[]): Location {
  for (const p of ring) {
    const where = pointInRing(p, container);
    if (where !== 'boundary') return where;
  }
  // Every vertex on the container's outline: an edge's midpoint can still tell.
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    const mid: Position = [((a[0] as number) + (b[0] as number)) / 2, ((a[1] as number) + (b[1] as number)) / 2];
    const where = pointInRing(mid, container);
    if (where !== 'boundary') return where;
  }
  return 'boundary';
}

/** Location of a point in a Polygon or MultiPolygon. */
export function pointInAreaGeometry(p: Position, geometry: AreaGeometry): Location {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let onBoundary = false;
  for (const polygon of polygons) {
    const where = pointInPolygonRings(p, polygon);
    if (where === 'inside') return 'inside';
    if (where === 'boundary') onBoundary = true;
  }
  return onBoundary ? 'boundary' : 'outside';
}
