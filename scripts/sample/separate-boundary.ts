/**
 * A village boundary drawn as if it came from another layer (行政区 XZQ): a handful of long straight edges
 * inside the generated outline, so it cuts through the outer ring of parcels instead of following them.
 *
 * The polygon is star-shaped around the outline's centroid: one vertex per ray at (nearly) evenly spaced
 * angles, a little inside where the ray first leaves the outline. Angles only increase, so the ring is
 * simple and counter-clockwise; an edge that cuts across a bay of the outline (it would leave parcels'
 * ground uncovered) has its two ends pulled toward the centre until it no longer does.
 */
import type { Position } from 'geojson';
import { pointInRing } from '../../src/geo/point-in-ring.ts';
import { segmentIntersection } from '../../src/geo/segments.ts';
import type { PlanePoint } from './gk-plane.ts';
import type { Rng } from './prng.ts';

/** How far inside the outline each vertex is placed (m): enough to cut into the outer parcels. */
const INSET_METRES: readonly [number, number] = [8, 45];
/** How far a ray's angle may stray from even spacing, as a share of the spacing. */
const ANGLE_WOBBLE = 0.3;
/** Each pull moves an offending edge's ends this share of the way to the centre. */
const PULL = 0.03;
const MAX_PULLS = 400;

/** The new boundary ring (closed, counter-clockwise) in plane coordinates, with `edges` edges. */
export function drawSeparateBoundary(outline: readonly Position[], edges: number, rng: Rng): PlanePoint[] {
  if (!Number.isInteger(edges) || edges < 4) throw new Error(`a boundary needs at least 4 edges, not ${edges}`);
  const centre = centroid(outline);
  if (pointInRing(centre, outline) !== 'inside') throw new Error('the village outline does not contain its centroid');
  const spacing = (2 * Math.PI) / edges;
  const vertices: PlanePoint[] = [];
  for (let k = 0; k < edges; k++) {
    const angle = k * spacing + rng.float(-ANGLE_WOBBLE, ANGLE_WOBBLE) * spacing;
    const direction: PlanePoint = [Math.cos(angle), Math.sin(angle)];
    const reach = firstExit(centre, direction, outline);
    const radius = Math.max(reach * 0.5, reach - rng.float(INSET_METRES[0], INSET_METRES[1]));
    vertices.push([centre[0] + radius * direction[0], centre[1] + radius * direction[1]]);
  }
  for (let pulls = 0; ; pulls++) {
    const leaving = edgesLeaving(vertices, outline);
    if (leaving.size === 0) break;
    if (pulls === MAX_PULLS) throw new Error('could not fit the new boundary inside the village outline');
    for (const k of leaving) {
      const v = vertices[k] as PlanePoint;
      vertices[k] = [v[0] + (centre[0] - v[0]) * PULL, v[1] + (centre[1] - v[1]) * PULL];
    }
  }
  return [...vertices, [...(vertices[0] as PlanePoint)]];
}

/** Indexes of the vertices at either end of an edge that touches or crosses the outline. */
function edgesLeaving(vertices: readonly PlanePoint[], outline: readonly Position[]): Set<number> {
  const leaving = new Set<number>();
  for (let k = 0; k < vertices.length; k++) {
    const next = (k + 1) % vertices.length;
    const a = vertices[k] as PlanePoint;
    const b = vertices[next] as PlanePoint;
    for (let i = 0; i + 1 < outline.length; i++) {
      if (segmentIntersection(a, b, outline[i] as Position, outline[i + 1] as Position).kind !== 'none') {
        leaving.add(k).add(next);
        break;
      }
    }
  }
  return leaving;
}

/** Distance from `origin` along the unit `direction` to the nearest crossing with the closed ring. */
function firstExit(origin: PlanePoint, direction: PlanePoint, ring: readonly Position[]): number {
  let nearest = Infinity;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = ring[i] as PlanePoint;
    const [bx, by] = ring[i + 1] as PlanePoint;
    const ex = bx - ax;
    const ey = by - ay;
    const denominator = direction[0] * ey - direction[1] * ex;
    if (denominator === 0) continue;
    const qx = ax - origin[0];
    const qy = ay - origin[1];
    const along = (qx * ey - qy * ex) / denominator;
    const onEdge = (qx * direction[1] - qy * direction[0]) / denominator;
    if (along > 0 && onEdge >= 0 && onEdge <= 1) nearest = Math.min(nearest, along);
  }
  if (!Number.isFinite(nearest)) throw new Error('a ray from the centroid never leaves the village outline');
  return nearest;
}

/** Area centroid of a closed ring, relative to its first vertex so the large plane numbers keep their digits. */
function centroid(ring: readonly Position[]): PlanePoint {
  const [x0, y0] = ring[0] as PlanePoint;
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const ax = (ring[i]![0] as number) - x0;
    const ay = (ring[i]![1] as number) - y0;
    const bx = (ring[i + 1]![0] as number) - x0;
    const by = (ring[i + 1]![1] as number) - y0;
    const cross = ax * by - bx * ay;
    twiceArea += cross;
    cx += (ax + bx) * cross;
    cy += (ay + by) * cross;
  }
  return [x0 + cx / (3 * twiceArea), y0 + cy / (3 * twiceArea)];
}
