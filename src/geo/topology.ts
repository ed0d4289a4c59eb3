/**
 * Shared boundaries stay shared (architecture.md): vertex-level edits that keep two neighbours' common
 * edges identical. GeoJSON features carry no topology and no JS library keeps it between independent
 * features, so these small operations are written here; commands apply them to every neighbour.
 * All functions return new geometries; rings they do not change are shared with the input.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import { isClosed, mapPositions, polygonsOf, positionsEqual } from './rings.ts';
import { distanceToSegment, projectionParameter } from './segments.ts';

export { areAdjacent, sharedBoundaryLength } from './shared-boundary.ts';

/** 1e-9° ≈ 0.1 mm: the rounding drawn coordinates go through. */
const DEFAULT_VERTEX_TOLERANCE_DEG = 1e-9;

/**
 * Inserts `point` (those exact numbers) into every edge it lies on within `toleranceDeg` and strictly
 * between the endpoints. Null when nothing changed. Used after snapping a new vertex onto a neighbour's
 * edge, so the neighbour gets the vertex too.
 */
export function insertVertexOnEdges(geometry: AreaGeometry, point: Position, toleranceDeg = DEFAULT_VERTEX_TOLERANCE_DEG): AreaGeometry | null {
  return insertVerticesOnEdges(geometry, [point], toleranceDeg);
}

/**
 * The same for many points (all vertices of a new feature): points are sorted by longitude once and
 * each edge looks up only the points in its box, O((n + m) log m) instead of n·m.
 * A point within tolerance of an edge's endpoint is taken to be that vertex and not inserted: inserting
 * it would leave two vertices 0.1 mm apart and a spike.
 */
export function insertVerticesOnEdges(geometry: AreaGeometry, points: readonly Position[], toleranceDeg = DEFAULT_VERTEX_TOLERANCE_DEG): AreaGeometry | null {
  const sorted = uniqueFinite(points).sort((p, q) => (p[0] as number) - (q[0] as number));
  if (sorted.length === 0) return null;
  const xs = Float64Array.from(sorted, (p) => p[0] as number);
  let changed = false;
  const polygons = polygonsOf(geometry).map((polygon) =>
    polygon.map((ring) => {
      const updated = insertIntoRing(ring, sorted, xs, toleranceDeg);
      if (!updated) return ring as Position[];
      changed = true;
      return updated;
    }),
  );
  return changed ? rebuild(geometry, polygons) : null;
}

/**
 * The ring with the points inserted, or undefined when none lies on it. A point goes into one edge only,
 * the nearest: near a corner it can lie within the tolerance of both edges that meet there (a jittered
 * neighbour's corner 0.13 mm inside the wedge), and inserted into both it would make the ring pass
 * through it twice, a self-touching ring that a neighbour's edit had made invalid.
 */
function insertIntoRing(ring: readonly Position[], points: readonly Position[], xs: Float64Array, tolerance: number): Position[] | undefined {
  const own = new Set(ring.map(key));
  const nearest = new Map<string, { edge: number; t: number; distance: number; p: Position }>();
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    const minY = Math.min(a[1] as number, b[1] as number) - tolerance;
    const maxY = Math.max(a[1] as number, b[1] as number) + tolerance;
    const maxX = Math.max(a[0] as number, b[0] as number) + tolerance;
    for (let k = lowerBound(xs, Math.min(a[0] as number, b[0] as number) - tolerance); k < xs.length && (xs[k] as number) <= maxX; k++) {
      const p = points[k] as Position;
      const y = p[1] as number;
      if (y < minY || y > maxY || own.has(key(p))) continue;
      const t = projectionParameter(p, a, b);
      const distance = distanceToSegment(p, a, b);
      if (t <= 0 || t >= 1 || distance > tolerance) continue;
      if (Math.hypot((p[0] as number) - (a[0] as number), y - (a[1] as number)) <= tolerance) continue;
      if (Math.hypot((p[0] as number) - (b[0] as number), y - (b[1] as number)) <= tolerance) continue;
      const found = nearest.get(key(p));
      if (!found || distance < found.distance) nearest.set(key(p), { edge: i, t, distance, p });
    }
  }
  if (nearest.size === 0) return undefined;
  const byEdge = new Map<number, { t: number; p: Position }[]>();
  for (const { edge, t, p } of nearest.values()) {
    const onEdge = byEdge.get(edge);
    if (onEdge) onEdge.push({ t, p });
    else byEdge.set(edge, [{ t, p }]);
  }
  const out: Position[] = [ring[0] as Position];
  for (let i = 0; i + 1 < ring.length; i++) {
    let last = ring[i] as Position;
    for (const { p } of (byEdge.get(i) ?? []).sort((u, v) => u.t - v.t)) {
      // Two given points closer than the tolerance are one vertex: keep the first along the edge.
      if (Math.hypot((p[0] as number) - (last[0] as number), (p[1] as number) - (last[1] as number)) <= tolerance) continue;
      out.push([p[0] as number, p[1] as number]);
      last = p;
    }
    out.push(ring[i + 1] as Position);
  }
  return out;
}

const key = (p: Position): string => `${p[0]},${p[1]}`;

function uniqueFinite(points: readonly Position[]): Position[] {
  const seen = new Map<string, Position>();
  for (const p of points) if (Number.isFinite(p[0]) && Number.isFinite(p[1])) seen.set(key(p), p);
  return [...seen.values()];
}

/** First index whose value is ≥ x. */
function lowerBound(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function rebuild(like: AreaGeometry, polygons: Position[][][]): AreaGeometry {
  if (like.type === 'Polygon') return { type: 'Polygon', coordinates: polygons[0] ?? [] } satisfies Polygon;
  return { type: 'MultiPolygon', coordinates: polygons } satisfies MultiPolygon;
}

/** Moves every vertex bit-identical to `from` (closing positions included) to `to`. Null when none matched. */
export function moveVertex(geometry: AreaGeometry, from: Position, to: Position): AreaGeometry | null {
  let moved = false;
  const result = mapPositions(geometry, (p) => {
    if (!positionsEqual(p, from)) return p;
    moved = true;
    return [...to];
  });
  return moved ? result : null;
}

export function hasVertex(geometry: AreaGeometry, p: Position): boolean {
  return polygonsOf(geometry).some((polygon) => polygon.some((ring) => ring.some((q) => positionsEqual(q, p))));
}

/** The ring at an address, or a RangeError: a wrong index is a bug in the caller, not a user error. */
function ringAt(geometry: AreaGeometry, polygonIndex: number, ringIndex: number): readonly Position[] {
  const ring = polygonsOf(geometry)[polygonIndex]?.[ringIndex];
  if (!ring) throw new RangeError(`no ring ${polygonIndex}/${ringIndex}`);
  return ring;
}

function replaceRing(geometry: AreaGeometry, polygonIndex: number, ringIndex: number, ring: Position[]): AreaGeometry {
  const polygons = polygonsOf(geometry).map((polygon, p) =>
    p === polygonIndex ? polygon.map((r, i) => (i === ringIndex ? ring : (r as Position[]))) : (polygon as Position[][]),
  );
  return rebuild(geometry, polygons);
}

/**
 * Removes one vertex; the first (or closing) vertex of a ring moves the closing position along. Refuses
 * to leave a ring with fewer than 4 positions (3 distinct vertices).
 */
export function deleteVertex(geometry: AreaGeometry, polygonIndex: number, ringIndex: number, vertexIndex: number): AreaGeometry | { error: 'ringTooSmall' } {
  const ring = ringAt(geometry, polygonIndex, ringIndex);
  if (vertexIndex < 0 || vertexIndex >= ring.length) throw new RangeError(`no vertex ${vertexIndex} in a ring of ${ring.length}`);
  const closed = isClosed(ring);
  if ((closed ? ring.length - 1 : ring.length) <= 3) return { error: 'ringTooSmall' };
  let next: Position[];
  if (closed && (vertexIndex === 0 || vertexIndex === ring.length - 1)) {
    next = ring.slice(1, ring.length - 1);
    next.push([...(next[0] as Position)]);
  } else {
    next = [...ring.slice(0, vertexIndex), ...ring.slice(vertexIndex + 1)];
  }
  return replaceRing(geometry, polygonIndex, ringIndex, next);
}

/** Inserts `p` after vertex `afterIndex` (0 … length − 2 in a closed ring: never after the closing position). */
export function insertVertex(geometry: AreaGeometry, polygonIndex: number, ringIndex: number, afterIndex: number, p: Position): AreaGeometry {
  const ring = ringAt(geometry, polygonIndex, ringIndex);
  if (afterIndex < 0 || afterIndex > ring.length - 2) throw new RangeError(`cannot insert after ${afterIndex} in a ring of ${ring.length}`);
  return replaceRing(geometry, polygonIndex, ringIndex, [...ring.slice(0, afterIndex + 1), [...p], ...ring.slice(afterIndex + 1)]);
}

/**
 * When `after` equals `before` except that one vertex (with its closing duplicate, for vertex 0) moved,
 * the move; otherwise undefined. Turns terra-draw's "here is the whole new polygon" into a shared-vertex
 * move. Any other difference (a vertex added or removed, two vertices moved) gives undefined.
 */
export function diffMovedVertex(before: AreaGeometry, after: AreaGeometry): { from: Position; to: Position } | undefined {
  if (before.type !== after.type) return undefined;
  const polygonsBefore = polygonsOf(before);
  const polygonsAfter = polygonsOf(after);
  if (polygonsBefore.length !== polygonsAfter.length) return undefined;
  let found: { ring: readonly Position[]; indices: number[]; from: Position; to: Position } | undefined;
  for (let p = 0; p < polygonsBefore.length; p++) {
    const ringsBefore = polygonsBefore[p] as readonly (readonly Position[])[];
    const ringsAfter = polygonsAfter[p] as readonly (readonly Position[])[];
    if (ringsBefore.length !== ringsAfter.length) return undefined;
    for (let r = 0; r < ringsBefore.length; r++) {
      const ringBefore = ringsBefore[r] as readonly Position[];
      const ringAfter = ringsAfter[r] as readonly Position[];
      if (ringBefore.length !== ringAfter.length) return undefined;
      for (let i = 0; i < ringBefore.length; i++) {
        const from = ringBefore[i] as Position;
        const to = ringAfter[i] as Position;
        if (positionsEqual(from, to)) continue;
        if (!found) found = { ring: ringBefore, indices: [], from, to };
        else if (found.ring !== ringBefore || !positionsEqual(found.from, from) || !positionsEqual(found.to, to)) return undefined;
        found.indices.push(i);
      }
    }
  }
  if (!found) return undefined;
  const { indices, ring } = found;
  const closingPair = indices.length === 2 && indices[0] === 0 && indices[1] === ring.length - 1;
  const single = indices.length === 1 && !(isClosed(ring) && (indices[0] === 0 || indices[0] === ring.length - 1));
  if (!closingPair && !single) return undefined;
  return { from: [...found.from], to: [...found.to] };
}
