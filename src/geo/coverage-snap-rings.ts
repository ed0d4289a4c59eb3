/**
 * One feature's rings in a coverage snap (coverage-snap.ts), as lists of node ids: each vertex replaced by
 * its cluster's representative, the vertices of neighbours (and of the reference) that lie within the
 * tolerance of an edge (as it is after snapping, and as it was) inserted into it in order along the edge
 * (closing T-junctions), then the ring cleaned of what snapping made degenerate: repeated vertices, spikes
 * (A→B→A), rings with fewer than three distinct vertices.
 */
import type { NodeTable } from './coverage-snap-nodes.ts';
import type { PointGrid } from './coverage-snap-grid.ts';
import { distanceToSegmentM } from './local-metric.ts';

/** Polygons → rings → node ids; rings closed (the last id repeats the first). */
export type IdPolygons = number[][][];

/**
 * Moves below this (metres) are floating-point noise of a vertex already on the line (a T-junction made
 * exactly, then reprojected): they insert a vertex but close no sliver anyone could see.
 */
const NOISE_M = 1e-6;

export interface SnappedFeature {
  readonly polygons: IdPolygons;
  /** Any vertex moved to its representative or inserted: the feature changes. */
  readonly changed: boolean;
  readonly insertions: number;
  /** Holes and polygon members that collapsed (narrower than the tolerance everywhere). */
  readonly collapsed: number;
  /** The feature's longest vertex move (m), an inserted vertex counting its distance to the edge as it was before snapping. */
  readonly maxShift: number;
  /** Edges of the result with an end that moved more than noise, as node pairs [a0, b0, a1, b1, …]: candidates for a closed sliver. */
  readonly madeEdges: readonly number[];
}

/** What every feature's snap reads; the scratch arrays are per node and marked with the feature's stamp, so nothing is allocated per feature. */
export interface SnapContext {
  readonly nodes: NodeTable;
  readonly grid: PointGrid;
  /** The feature (its number + 1) that last had the node: its own vertices, which are never inserted into its own edges. */
  readonly owner: Int32Array;
  /** The feature (number + 1) for which `moved` holds, and how far the feature's vertex there moved. */
  readonly movedStamp: Int32Array;
  readonly moved: Float64Array;
}

export function snapFeature(polygons: IdPolygons, featureNo: number, context: SnapContext): SnappedFeature {
  const { nodes, grid, owner, movedStamp, moved } = context;
  const { rep, x, y, tolerance } = nodes;
  const stamp = featureNo + 1;
  const note = (id: number, shift: number) => {
    if (movedStamp[id] !== stamp) {
      movedStamp[id] = stamp;
      moved[id] = shift;
    } else if (shift > (moved[id] as number)) moved[id] = shift;
  };
  let anyMoved = false;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (const id of ring) {
        const r = rep[id] as number;
        owner[r] = stamp;
        // A representative's own shift is how far it was put onto the reference's edge (0 unless asked).
        const shift = (nodes.shift[r] as number) + (r !== id ? (nodes.shift[id] as number) : 0);
        if (shift > 0 || r !== id) {
          anyMoved = true;
          note(r, shift);
        }
      }
    }
  }
  let insertions = 0;
  let collapsed = 0;
  const out: IdPolygons = [];
  const near: number[] = [];
  const hits: { t: number; id: number }[] = [];
  for (const rings of polygons) {
    const kept: number[][] = [];
    for (let r = 0; r < rings.length; r++) {
      const ring = rings[r] as number[];
      const open: number[] = [];
      for (let i = 0; i + 1 < ring.length; i++) {
        const a0 = ring[i] as number;
        const b0 = ring[i + 1] as number;
        const a = rep[a0] as number;
        const b = rep[b0] as number;
        open.push(a);
        if (a === b) continue;
        const ax = x[a] as number;
        const ay = y[a] as number;
        const dx = (x[b] as number) - ax;
        const dy = (y[b] as number) - ay;
        const length2 = dx * dx + dy * dy;
        const length = Math.sqrt(length2);
        near.length = 0;
        hits.length = 0;
        grid.nearSegment(ax, ay, ax + dx, ay + dy, tolerance, near);
        for (const c of near) {
          // The feature's own vertices are never inserted into its own edges: that would pinch it.
          if (owner[c] === stamp) continue;
          const cx = (x[c] as number) - ax;
          const cy = (y[c] as number) - ay;
          const t = (cx * dx + cy * dy) / length2;
          if (t <= 0 || t >= 1) continue;
          if (Math.abs(cx * dy - cy * dx) / length > tolerance) continue;
          // Within the tolerance of the edge as it was, too: its ends may have moved up to the tolerance
          // towards c, and a vertex 1.8 mm off the feature's outline (a real gap) is no T-junction of it.
          // This is also how far the outline moves there.
          const moved = distanceToSegmentM(x[c] as number, y[c] as number, x[a0] as number, y[a0] as number, x[b0] as number, y[b0] as number, 1, 1);
          if (moved > tolerance) continue;
          hits.push({ t, id: c });
          note(c, moved);
        }
        if (hits.length === 0) continue;
        hits.sort((p, q) => p.t - q.t);
        for (const hit of hits) open.push(hit.id);
        insertions += hits.length;
      }
      const clean = withoutSpikes(open);
      if (clean.length >= 3) kept.push([...clean, clean[0] as number]);
      else if (r === 0) {
        // The shell collapsed: the member goes, with its holes.
        collapsed++;
        break;
      } else collapsed++;
    }
    if (kept.length > 0) out.push(kept);
  }
  const changed = anyMoved || insertions > 0;
  let maxShift = 0;
  const madeEdges: number[] = [];
  if (changed) {
    const shiftAt = (id: number) => (movedStamp[id] === stamp ? (moved[id] as number) : 0);
    for (const rings of out) {
      for (const ring of rings) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const a = ring[i] as number;
          const b = ring[i + 1] as number;
          const shift = Math.max(shiftAt(a), shiftAt(b));
          if (shift > maxShift) maxShift = shift;
          if (shift > NOISE_M) madeEdges.push(a, b);
        }
      }
    }
  }
  return { polygons: out, changed, insertions, collapsed, maxShift, madeEdges };
}

/**
 * An open ring without repeated vertices and without spikes (…A, B, A… becomes …A…), also across the
 * ring's start. Snapping both sides of a strip narrower than the tolerance onto one line leaves exactly
 * such back-and-forth runs.
 */
export function withoutSpikes(open: readonly number[]): number[] {
  const stack: number[] = [];
  for (const id of open) {
    const n = stack.length;
    if (n > 0 && stack[n - 1] === id) continue;
    if (n > 1 && stack[n - 2] === id) {
      stack.pop();
      continue;
    }
    stack.push(id);
  }
  // Across the start: drop a last vertex equal to the first, or a spike at either end, until stable.
  let start = 0;
  for (;;) {
    const n = stack.length - start;
    if (n < 3) break;
    const first = stack[start] as number;
    const last = stack[stack.length - 1] as number;
    if (first === last) stack.pop();
    else if (stack[stack.length - 2] === first) stack.pop();
    else if (stack[start + 1] === last) start++;
    else break;
  }
  return stack.slice(start);
}
