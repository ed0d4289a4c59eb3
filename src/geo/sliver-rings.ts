/**
 * Rings an overlay leaves that are no land: a union of parcels digitised a fraction of a millimetre apart
 * keeps every hair-thin seam between them as a hole (a 0.3 mm × 10 m hole is 0.003 m²), and rounding its
 * vertices to the plan's precision then collapses it into a ring with too few positions or one crossing its
 * shell. Dropped by width, not by area (mean width 2·area/perimeter, local metres): a real hole, however
 * small, is wider than the survey's tolerance.
 */
import type { Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import { localLengthMetres, metresPerDegree } from './local-metric.ts';
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

const isSliver = (ring: readonly Position[], widthM: number) => distinctPositions(ring) < 3 || meanWidthMetres(ring) < widthM;

/** The geometry without holes and parts narrower than `widthM`; null when nothing wider is left. */
export function withoutSliverRings(geometry: AreaGeometry, widthM: number): AreaGeometry | null {
  const polygons = polygonsOf(geometry)
    .filter((rings) => rings[0] !== undefined && !isSliver(rings[0], widthM))
    .map(([shell, ...holes]) => [[...(shell as readonly Position[])], ...holes.filter((hole) => !isSliver(hole, widthM)).map((hole) => [...hole])]);
  const [only] = polygons;
  if (!only) return null;
  return polygons.length === 1 ? { type: 'Polygon', coordinates: only } : { type: 'MultiPolygon', coordinates: polygons };
}
