/**
 * Screen-space snapping without the DOM: the caller passes the map's lon/lat → pixel projection.
 * terra-draw snaps only to its own features; ours snaps to the plan's, found through the spatial index.
 */
import type { LineString, Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import { metresPerDegree } from './local-metric.ts';
import { isClosed, rings } from './rings.ts';

export interface Snap {
  readonly kind: 'vertex' | 'edge';
  /** kind vertex: a copy of the vertex (bit-identical numbers); kind edge: the foot of the perpendicular, in lon/lat, on the segment. */
  readonly position: Position;
  readonly featureId: string;
  readonly polygonIndex: number;
  readonly ringIndex: number;
  /** kind vertex: the vertex index; kind edge: the index of the segment's first vertex. */
  readonly segmentIndex: number;
  readonly distancePx: number;
}

export interface SnapCandidate {
  readonly id: string;
  /** The plan layer the feature belongs to, for `SnapOptions.layers`. */
  readonly layer?: string;
  readonly geometry: AreaGeometry | LineString;
}

export interface SnapOptions {
  readonly vertices?: boolean;
  readonly edges?: boolean;
  /** Only features of these layers attract; absent: every candidate does. */
  readonly layers?: ReadonlySet<string>;
  readonly exclude?: ReadonlySet<string>;
}

type ScreenPoint = readonly [number, number];

/**
 * The vertex or edge point nearest the pointer within `tolerancePx`. A vertex within tolerance wins over
 * any edge, even a nearer one: corners are what users aim for, and snapping to a corner keeps topology.
 */
export function findSnap(
  pointer: Position,
  candidates: Iterable<SnapCandidate>,
  project: (p: Position) => [number, number],
  tolerancePx: number,
  options: SnapOptions = {},
): Snap | undefined {
  const wantVertices = options.vertices ?? true;
  const wantEdges = options.edges ?? true;
  const at = project(pointer);
  const reach = reachInDegrees(pointer, at, project, tolerancePx);
  let vertex: Snap | undefined;
  let edge: Snap | undefined;

  for (const candidate of candidates) {
    if (options.exclude?.has(candidate.id)) continue;
    if (options.layers && !(candidate.layer !== undefined && options.layers.has(candidate.layer))) continue;
    for (const { polygonIndex, ringIndex, ring } of linesOf(candidate.geometry)) {
      const vertexCount = isClosed(ring) && candidate.geometry.type !== 'LineString' ? ring.length - 1 : ring.length;
      const screen = new Map<number, ScreenPoint>(); // projected lazily: only vertices near the pointer
      const px = (i: number): ScreenPoint => {
        let p = screen.get(i);
        if (!p) screen.set(i, (p = project(ring[i] as Position)));
        return p;
      };
      if (wantVertices) {
        for (let i = 0; i < vertexCount; i++) {
          if (!near(ring[i] as Position, ring[i] as Position, pointer, reach)) continue;
          const d = distance(px(i), at);
          if (d <= tolerancePx && (!vertex || d < vertex.distancePx)) {
            vertex = { kind: 'vertex', position: [...(ring[i] as Position)], featureId: candidate.id, polygonIndex, ringIndex, segmentIndex: i, distancePx: d };
          }
        }
      }
      if (wantEdges && !vertex) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const a = ring[i] as Position;
          const b = ring[i + 1] as Position;
          if (!near(a, b, pointer, reach)) continue;
          const d = distanceToScreenSegment(at, px(i), px(i + 1));
          if (d > tolerancePx || (edge && d >= edge.distancePx)) continue;
          const foot = footOnSegment(pointer, a, b);
          edge = { kind: 'edge', position: foot, featureId: candidate.id, polygonIndex, ringIndex, segmentIndex: i, distancePx: distance(project(foot), at) };
        }
      }
    }
  }
  return vertex ?? edge;
}

function linesOf(geometry: AreaGeometry | LineString): Iterable<{ polygonIndex: number; ringIndex: number; ring: readonly Position[] }> {
  return geometry.type === 'LineString' ? [{ polygonIndex: 0, ringIndex: 0, ring: geometry.coordinates }] : rings(geometry);
}

/**
 * The tolerance as a lon/lat box half-size, from the projection's local scale (doubled for safety), so
 * most of a 10,000-vertex outline is skipped without being projected.
 */
function reachInDegrees(pointer: Position, at: ScreenPoint, project: (p: Position) => [number, number], tolerancePx: number): { x: number; y: number } {
  const step = 1e-6;
  const east = project([(pointer[0] as number) + step, pointer[1] as number]);
  const north = project([pointer[0] as number, (pointer[1] as number) + step]);
  const pxPerDegX = distance(east, at) / step;
  const pxPerDegY = distance(north, at) / step;
  // A projection that does not move (or gives NaN) disables the shortcut rather than hiding every snap.
  const x = pxPerDegX > 0 ? (2 * tolerancePx) / pxPerDegX : Infinity;
  const y = pxPerDegY > 0 ? (2 * tolerancePx) / pxPerDegY : Infinity;
  return { x, y };
}

function near(a: Position, b: Position, pointer: Position, reach: { x: number; y: number }): boolean {
  const x = pointer[0] as number;
  const y = pointer[1] as number;
  return (
    Math.min(a[0] as number, b[0] as number) <= x + reach.x &&
    Math.max(a[0] as number, b[0] as number) >= x - reach.x &&
    Math.min(a[1] as number, b[1] as number) <= y + reach.y &&
    Math.max(a[1] as number, b[1] as number) >= y - reach.y
  );
}

function distance(p: ScreenPoint, q: ScreenPoint): number {
  return Math.hypot(p[0] - q[0], p[1] - q[1]);
}

function distanceToScreenSegment(p: ScreenPoint, a: ScreenPoint, b: ScreenPoint): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/**
 * Foot of the perpendicular from p to a–b, in lon/lat, measured in local metres (a degree of longitude
 * is shorter than one of latitude) so the foot is the nearest point on the ground; a copy of the
 * endpoint is returned when the foot falls beyond it.
 */
export function footOnSegment(p: Position, a: Position, b: Position): Position {
  const scale = metresPerDegree(((a[1] as number) + (b[1] as number)) / 2);
  const dx = ((b[0] as number) - (a[0] as number)) * scale.x;
  const dy = ((b[1] as number) - (a[1] as number)) * scale.y;
  const px = ((p[0] as number) - (a[0] as number)) * scale.x;
  const py = ((p[1] as number) - (a[1] as number)) * scale.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : (px * dx + py * dy) / len2;
  if (t <= 0) return [...a];
  if (t >= 1) return [...b];
  return [(a[0] as number) + t * ((b[0] as number) - (a[0] as number)), (a[1] as number) + t * ((b[1] as number) - (a[1] as number))];
}
