/**
 * Finding the edge two parcels share, even after jitter has moved each parcel's copy of the shared
 * vertices a fraction of a millimetre apart, and checking that a planted triangle fits inside a parcel.
 */
import type { Position } from 'geojson';
import { pointInPolygonRings, pointInRing } from '../../src/geo/point-in-ring.ts';
import { segmentIntersection } from '../../src/geo/segments.ts';
import type { PlanePoint } from './gk-plane.ts';

/** Copies of one vertex are matched within this (degrees, about a centimetre): far above jitter, far below an edge. */
const MATCH_DEGREES = 1e-7;
const CELL_DEGREES = 2 * MATCH_DEGREES;
/** The triangle's legs start this far (m) from the shared edge's ends, where they meet the host's edges by design. */
const LEG_TRIM_METRES = 0.02;

interface Occurrence {
  readonly shell: number;
  readonly vertex: number;
}

/** The shells' vertices (the closing position left out) in a grid of centimetre cells. */
export class VertexIndex {
  private readonly cells = new Map<string, Occurrence[]>();

  constructor(readonly shells: readonly (readonly Position[])[]) {
    shells.forEach((ring, shell) => {
      for (let vertex = 0; vertex + 1 < ring.length; vertex++) {
        const key = cellKey(ring[vertex] as Position, 0, 0);
        const list = this.cells.get(key);
        if (list) list.push({ shell, vertex });
        else this.cells.set(key, [{ shell, vertex }]);
      }
    });
  }

  /** Occurrences of vertices within MATCH_DEGREES of `p` along both axes. */
  near(p: Position): Occurrence[] {
    const found: Occurrence[] = [];
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const o of this.cells.get(cellKey(p, dx, dy)) ?? []) {
          if (sameVertex(this.shells[o.shell]![o.vertex]!, p)) found.push(o);
        }
      }
    }
    return found;
  }
}

/** The other shell that has edge `edge` of shell `shell` (either direction), if any. */
export function findSharedEdge(index: VertexIndex, shell: number, edge: number): number | undefined {
  const ring = index.shells[shell] as readonly Position[];
  const b = ring[edge + 1] as Position;
  for (const o of index.near(ring[edge] as Position)) {
    if (o.shell === shell) continue;
    const other = index.shells[o.shell] as readonly Position[];
    const n = other.length - 1;
    if (sameVertex(other[(o.vertex + 1) % n]!, b) || sameVertex(other[(o.vertex + n - 1) % n]!, b)) return o.shell;
  }
  return undefined;
}

/**
 * Whether the triangle a–apex–b lies inside the host polygon (plane coordinates, shell then holes, closed
 * rings), touching it only along a–b: the apex is inside, the legs cross no ring, and no vertex of any
 * ring is inside the triangle (so no hole, where another parcel lies, is either).
 */
export function triangleFitsInside(a: PlanePoint, apex: PlanePoint, b: PlanePoint, host: readonly (readonly Position[])[]): boolean {
  if (pointInPolygonRings(apex, host) !== 'inside') return false;
  const legs = [
    [towards(a, apex, LEG_TRIM_METRES), apex],
    [apex, towards(b, apex, LEG_TRIM_METRES)],
  ] as const;
  const triangle = [a, apex, b, a];
  const nearEnd = (v: Position) => distance(v, a) < LEG_TRIM_METRES || distance(v, b) < LEG_TRIM_METRES;
  for (const ring of host) {
    for (let i = 0; i + 1 < ring.length; i++) {
      for (const [from, to] of legs) if (segmentIntersection(from, to, ring[i]!, ring[i + 1]!).kind !== 'none') return false;
    }
    if (!ring.every((v) => nearEnd(v) || pointInRing(v, triangle) === 'outside')) return false;
  }
  return true;
}

function cellKey(p: Position, dx: number, dy: number): string {
  return `${Math.floor((p[0] as number) / CELL_DEGREES) + dx},${Math.floor((p[1] as number) / CELL_DEGREES) + dy}`;
}

function sameVertex(p: Position, q: Position): boolean {
  return Math.abs((p[0] as number) - (q[0] as number)) <= MATCH_DEGREES && Math.abs((p[1] as number) - (q[1] as number)) <= MATCH_DEGREES;
}

function towards(from: PlanePoint, to: PlanePoint, metres: number): PlanePoint {
  const share = metres / distance(from, to);
  return [from[0] + (to[0] - from[0]) * share, from[1] + (to[1] - from[1]) * share];
}

function distance(p: Position, q: Position): number {
  return Math.hypot((p[0] as number) - (q[0] as number), (p[1] as number) - (q[1] as number));
}
