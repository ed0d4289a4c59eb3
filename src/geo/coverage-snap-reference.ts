/**
 * Layer vertices put onto the reference's edges in a coverage snap (coverage-snap.ts), when asked: a
 * parcel corner that lay on the village boundary's edge (parcels clipped to a boundary from another
 * layer) and was then rounded — 7 decimals of a degree move it up to 8 mm — stays that far off the edge,
 * and every parcel edge ending there leaves a thin gap or overlap against the boundary, which is never
 * changed. Snapping it to the nearest point of the edge within the tolerance closes them. This makes new
 * lon/lat numbers (a foot of a perpendicular), so it is only done where the rounding already made the
 * data's own numbers meaningless at that scale; the moved vertex is one node, so every parcel sharing it
 * still gets the same numbers.
 */
import { PointGrid } from './coverage-snap-grid.ts';
import type { NodeTable } from './coverage-snap-nodes.ts';
import type { IdPolygons } from './coverage-snap-rings.ts';

/** Moves each layer representative within the tolerance of a reference edge (and not on a reference vertex) onto that edge. */
export function ontoReferenceEdges(nodes: NodeTable, reference: readonly IdPolygons[], fixed: (id: number) => boolean): void {
  const { rep, x, y, tolerance } = nodes;
  const free: number[] = [];
  for (let id = 0; id < nodes.size; id++) if (rep[id] === id && !fixed(id)) free.push(id);
  if (free.length === 0) return;
  const grid = new PointGrid(x, y, free);
  /** Per free node: the nearest edge's foot found so far, and its distance. */
  const best = new Map<number, { x: number; y: number; d: number }>();
  const near: number[] = [];
  for (const polygons of reference) {
    for (const rings of polygons) {
      for (const ring of rings) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const a = ring[i] as number;
          const b = ring[i + 1] as number;
          const ax = x[a] as number;
          const ay = y[a] as number;
          const dx = (x[b] as number) - ax;
          const dy = (y[b] as number) - ay;
          const length2 = dx * dx + dy * dy;
          if (length2 === 0) continue;
          near.length = 0;
          grid.nearSegment(ax, ay, ax + dx, ay + dy, tolerance, near);
          for (const c of near) {
            const t = (((x[c] as number) - ax) * dx + ((y[c] as number) - ay) * dy) / length2;
            if (t <= 0 || t >= 1) continue;
            const fx = ax + t * dx;
            const fy = ay + t * dy;
            const d = Math.hypot((x[c] as number) - fx, (y[c] as number) - fy);
            const seen = best.get(c);
            if (d > 0 && d <= tolerance && (!seen || d < seen.d)) best.set(c, { x: fx, y: fy, d });
          }
        }
      }
    }
  }
  for (const [id, foot] of best) nodes.moveTo(id, foot.x, foot.y);
}
