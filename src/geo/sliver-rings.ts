/**
 * Rings an overlay leaves that are no land: a union of parcels digitised a fraction of a millimetre apart
 * keeps every hair-thin seam between them as a hole (a 0.3 mm × 10 m hole is 0.003 m²), and rounding its
 * vertices to the plan's precision then collapses it into a ring with too few positions or one crossing its
 * shell. Dropped by width, not by area (mean width 2·area/perimeter, local metres, and nowhere a disc as wide
 * as the tolerance): a real hole, however small, is wider than the survey's tolerance.
 */
import type { Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import { distanceToSegmentM, localLengthMetres, metresPerDegree } from './local-metric.ts';
import { polygonsOf, positionsEqual, ringSignedAreaPlanar } from './rings.ts';

function meanWidthMetres(ring: readonly Position[]): number {
  let perimeter = 0;
  for (let i = 1; i < ring.length; i++) perimeter += localLengthMetres(ring[i - 1] as Position, ring[i] as Position);
  if (perimeter === 0) return 0;
  const scale = metresPerDegree((ring[0] as Position)[1] as number);
  const area = Math.abs(ringSignedAreaPlanar(ring)) * scale.x * scale.y;
  return (2 * area) / perimeter;
}

function distinctPositions(ring: readonly Position[]): number {
  let count = 0;
  for (let i = 1; i < ring.length; i++) if (!positionsEqual(ring[i - 1] as Position, ring[i] as Position)) count++;
  return count;
}

/**
 * Somewhere wider than `widthM`: a point just over half the width in from an edge (at its middle or
 * quarters) that lies inside the ring and further than half the width from every edge. Asked only of rings
 * whose mean width is under `widthM`: a thin seam that runs into a real hole (or part) 20 cm wide has a
 * mean width under a millimetre when the seam is long, and the hole is no sliver. A sufficient test (it
 * finds the disc a wide place holds next to one of its edges), in local metres.
 */
function widerSomewhere(ring: readonly Position[], widthM: number): boolean {
  const origin = ring[0] as Position;
  const scale = metresPerDegree(origin[1] as number);
  const xs = ring.map((p) => ((p[0] as number) - (origin[0] as number)) * scale.x);
  const ys = ring.map((p) => ((p[1] as number) - (origin[1] as number)) * scale.y);
  // The interior is left of each edge on a counter-clockwise ring, right of it on a clockwise one.
  const side = ringSignedAreaPlanar(ring) > 0 ? 1 : -1;
  const half = widthM / 2;
  const step = half * (1 + 1e-6);
  const n = ring.length - 1;
  const clear = (qx: number, qy: number) => {
    let inside = false;
    for (let i = 0; i < n; i++) {
      const ax = xs[i] as number;
      const ay = ys[i] as number;
      const bx = xs[i + 1] as number;
      const by = ys[i + 1] as number;
      if (distanceToSegmentM(qx, qy, ax, ay, bx, by, 1, 1) <= half) return false;
      if (ay > qy !== by > qy && qx < ax + ((qy - ay) * (bx - ax)) / (by - ay)) inside = !inside;
    }
    return inside;
  };
  for (let i = 0; i < n; i++) {
    const ax = xs[i] as number;
    const ay = ys[i] as number;
    const dx = (xs[i + 1] as number) - ax;
    const dy = (ys[i + 1] as number) - ay;
    const length = Math.hypot(dx, dy);
    if (length <= widthM) continue;
    const nx = (-dy / length) * side * step;
    const ny = (dx / length) * side * step;
    for (const t of [0.25, 0.5, 0.75]) if (clear(ax + t * dx + nx, ay + t * dy + ny)) return true;
  }
  return false;
}

const isSliver = (ring: readonly Position[], widthM: number) => distinctPositions(ring) < 3 || (meanWidthMetres(ring) < widthM && !widerSomewhere(ring, widthM));

/** The geometry without holes and parts narrower than `widthM`; null when nothing wider is left. */
export function withoutSliverRings(geometry: AreaGeometry, widthM: number): AreaGeometry | null {
  const polygons = polygonsOf(geometry)
    .filter((rings) => rings[0] !== undefined && !isSliver(rings[0], widthM))
    .map(([shell, ...holes]) => [[...(shell as readonly Position[])], ...holes.filter((hole) => !isSliver(hole, widthM)).map((hole) => [...hole])]);
  const [only] = polygons;
  if (!only) return null;
  return polygons.length === 1 ? { type: 'Polygon', coordinates: only } : { type: 'MultiPolygon', coordinates: polygons };
}
