/**
 * Do two parcels share a stretch of boundary? Merging is refused for parcels that only touch at a corner
 * or not at all. Exact shared edges are the common case (topology kept by snapping); near-collinear
 * overlaps within a tolerance catch boundaries digitised separately.
 */
import type { Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import { localLengthMetres } from './local-metric.ts';
import { rings } from './rings.ts';
import { distanceToSegment, forEachOverlappingPair, projectionParameter } from './segments.ts';

const DEFAULT_TOLERANCE_DEG = 1e-9;

type Seg = readonly [Position, Position];

function segmentsOf(geometry: AreaGeometry): Seg[] {
  const out: Seg[] = [];
  for (const { ring } of rings(geometry)) for (let i = 0; i + 1 < ring.length; i++) out.push([ring[i] as Position, ring[i + 1] as Position]);
  return out;
}

const edgeKey = ([a, b]: Seg): string => {
  const [p, q] = (a[0] as number) < (b[0] as number) || (a[0] === b[0] && (a[1] as number) <= (b[1] as number)) ? [a, b] : [b, a];
  return `${p[0]},${p[1]}|${q[0]},${q[1]}`;
};

/**
 * Length in metres (local metric) of boundary the two geometries have in common: exact shared edges,
 * plus stretches where an edge of one runs within `toleranceDeg` of an edge of the other.
 */
export function sharedBoundaryLength(a: AreaGeometry, b: AreaGeometry, toleranceDeg = DEFAULT_TOLERANCE_DEG): number {
  const segA = segmentsOf(a);
  const segB = segmentsOf(b);
  const all = [...segA, ...segB];
  const boxes = new Float64Array(all.length * 4);
  all.forEach(([p, q], i) => {
    boxes.set([Math.min(p[0] as number, q[0] as number) - toleranceDeg, Math.min(p[1] as number, q[1] as number) - toleranceDeg, Math.max(p[0] as number, q[0] as number) + toleranceDeg, Math.max(p[1] as number, q[1] as number) + toleranceDeg], i * 4);
  });
  let total = 0;
  forEachOverlappingPair(boxes, (i, j) => {
    const fromA = i < segA.length;
    if (fromA === j < segA.length) return; // both from the same geometry
    const s = all[fromA ? i : j] as Seg;
    const t = all[fromA ? j : i] as Seg;
    total += overlapMetres(s, t, toleranceDeg);
  });
  return total;
}

/** Length of the stretch of s that runs along t within the tolerance (0 when they only cross or touch). */
function overlapMetres([a, b]: Seg, [c, d]: Seg, tolerance: number): number {
  const tc = projectionParameter(c, a, b);
  const td = projectionParameter(d, a, b);
  const t0 = Math.max(0, Math.min(tc, td));
  const t1 = Math.min(1, Math.max(tc, td));
  if (t1 <= t0) return 0;
  const at = (t: number): Position => [(a[0] as number) + t * ((b[0] as number) - (a[0] as number)), (a[1] as number) + t * ((b[1] as number) - (a[1] as number))];
  const p0 = t0 === 0 ? a : at(t0);
  const p1 = t1 === 1 ? b : at(t1);
  if (distanceToSegment(p0, c, d) > tolerance || distanceToSegment(p1, c, d) > tolerance) return 0;
  if (Math.hypot((p1[0] as number) - (p0[0] as number), (p1[1] as number) - (p0[1] as number)) <= tolerance) return 0;
  return localLengthMetres(p0, p1);
}

/** True when the two share at least one edge (exactly, either direction) or a stretch of boundary within tolerance. */
export function areAdjacent(a: AreaGeometry, b: AreaGeometry, toleranceDeg = DEFAULT_TOLERANCE_DEG): boolean {
  const edgesA = new Set(segmentsOf(a).map(edgeKey));
  if (segmentsOf(b).some((s) => edgesA.has(edgeKey(s)))) return true;
  return sharedBoundaryLength(a, b, toleranceDeg) > 0;
}
