/**
 * What a dragged vertex takes with it, measured in a GK plane with the profile's tolerance (real parcels
 * were digitised one by one, and layers imported from CAD or reprojected carry each feature's copy of a
 * corner a fraction of a millimetre from its neighbour's): every ring with a vertex within the tolerance of
 * the old position moves that vertex; a ring whose straight edge passes through it (a T-junction) gets the
 * vertex inserted there first, so it follows too. The edges that swing round the moved vertex keep the
 * vertices other features have on them (the reverse T-junction): the boundary bends where a neighbour's
 * corner holds it instead of leaving that neighbour behind. Both editors move vertices with it: the 2017
 * drawn layers (reshape.command.ts) and the 2026 partition layers (village-database/reshape-boundary).
 */
import type { Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import { emptyBBox, extendBBox, isEmptyBBox, type BBox } from '../geo/bbox.ts';
import type { GkPlane } from '../geo/gk-plane.ts';
import type { FlatRing } from '../geo/geos/planar-geometry.ts';
import { fromGaussKruger } from '../geo/projection.ts';
import { mapRings, polygonsOf, positionsEqual } from '../geo/rings.ts';
import { distanceToSegment, projectionParameter } from '../geo/segments.ts';

/** A vertex as stored (lon/lat) and where it is in the GK plane (metres). */
export interface Pin {
  readonly at: Position;
  readonly gk: Position;
}

export interface VertexMove {
  readonly plane: GkPlane;
  readonly toleranceM: number;
  readonly from: Pin;
  readonly to: Position;
  /** Vertices of the features around the move: one lying on a swinging edge stays, and the edge bends there. */
  readonly pins: readonly Pin[];
}

const distance = (p: Position, q: Position) => Math.hypot((p[0] as number) - (q[0] as number), (p[1] as number) - (q[1] as number));

/** `p` lies on the edge a–b within the tolerance, and is neither of its ends. */
export function onEdgeInterior(p: Position, a: Position, b: Position, toleranceM: number): boolean {
  const t = projectionParameter(p, a, b);
  return t > 0 && t < 1 && distanceToSegment(p, a, b) <= toleranceM && distance(p, a) > toleranceM && distance(p, b) > toleranceM;
}

/**
 * Where the pins lying inside the edge a–b are on it, in order along it; pins within the tolerance of each
 * other are one. The edge keeps its own line up to the bend (the point on it nearest the neighbour's
 * vertex, not the vertex itself): what lay within the tolerance stays as it was, and only the part the
 * planner dragged changes the areas.
 */
function pinsOn(a: Pin, b: Pin, move: VertexMove): Pin[] {
  const along = move.pins
    .filter((pin) => onEdgeInterior(pin.gk, a.gk, b.gk, move.toleranceM))
    .map((pin) => projectionParameter(pin.gk, a.gk, b.gk))
    .sort((u, v) => u - v);
  const kept: Pin[] = [];
  for (const t of along) {
    const gk: Position = [(a.gk[0] as number) + t * ((b.gk[0] as number) - (a.gk[0] as number)), (a.gk[1] as number) + t * ((b.gk[1] as number) - (a.gk[1] as number))];
    const last = kept[kept.length - 1];
    if (!last || distance(last.gk, gk) > move.toleranceM) kept.push({ at: fromGaussKruger(gk, move.plane.crs), gk });
  }
  return kept;
}

function pinsOfRing(ring: readonly Position[], flat: FlatRing): Pin[] {
  return ring.slice(0, -1).map((at, i) => ({ at, gk: [flat[2 * i] as number, flat[2 * i + 1] as number] }));
}

/** The ring's vertices with the old position inserted where it lies inside an edge; null when the ring neither has nor passes through it. */
function withMovedVertex(ring: readonly Pin[], move: VertexMove): Pin[] | null {
  const isMoved = (p: Pin) => distance(p.gk, move.from.gk) <= move.toleranceM;
  if (ring.some(isMoved)) return [...ring];
  const edge = ring.findIndex((a, i) => onEdgeInterior(move.from.gk, a.gk, (ring[(i + 1) % ring.length] as Pin).gk, move.toleranceM));
  return edge < 0 ? null : [...ring.slice(0, edge + 1), move.from, ...ring.slice(edge + 1)];
}

/**
 * The box of what a move can change in the geometry: the old and new position and the vertices next to
 * the moved one in each ring that follows (the swinging edges lie in it); null when no ring follows.
 */
export function swingBox(geometry: AreaGeometry, move: VertexMove): BBox | null {
  const flat = move.plane.polygons(geometry);
  const box = emptyBBox();
  const isMoved = (p: Pin) => distance(p.gk, move.from.gk) <= move.toleranceM;
  polygonsOf(geometry).forEach((polygon, p) =>
    polygon.forEach((ring, r) => {
      const points = withMovedVertex(pinsOfRing(ring, flat[p]?.[r] as FlatRing), move);
      points?.forEach((point, i) => {
        if (!isMoved(point)) return;
        for (const q of [point, points[(i + 1) % points.length], points[(i + points.length - 1) % points.length]]) if (q) extendBBox(box, q.at);
      });
    }),
  );
  if (isEmptyBBox(box)) return null;
  extendBBox(box, move.to);
  return box;
}

/** The ring after the move (closed, no two consecutive positions equal), or null when it does not follow. */
function followRing(ring: readonly Position[], flat: FlatRing, move: VertexMove): Position[] | null {
  const points = withMovedVertex(pinsOfRing(ring, flat), move);
  if (!points) return null;
  const isMoved = (p: Pin) => distance(p.gk, move.from.gk) <= move.toleranceM;
  const out: Position[] = [];
  const push = (p: Position) => {
    const last = out[out.length - 1];
    if (!last || !positionsEqual(last, p)) out.push(p);
  };
  points.forEach((a, i) => {
    const b = points[(i + 1) % points.length] as Pin;
    push(isMoved(a) ? [...move.to] : a.at);
    // The edge from or to the moved vertex swings round: the vertices others have on it hold it.
    if (isMoved(a) !== isMoved(b)) for (const pin of pinsOn(a, b, move)) push(pin.at);
  });
  while (out.length > 1 && positionsEqual(out[0] as Position, out[out.length - 1] as Position)) out.pop();
  return [...out, [...(out[0] as Position)]];
}

/** The geometry after the move, or null when no ring of it has or passes through the moved vertex. */
export function followMove(geometry: AreaGeometry, move: VertexMove): AreaGeometry | null {
  const flat = move.plane.polygons(geometry);
  let followed = false;
  const moved = mapRings(geometry, (ring, { polygonIndex, ringIndex }) => {
    const after = followRing(ring, flat[polygonIndex]?.[ringIndex] as FlatRing, move);
    if (!after) return ring as Position[];
    followed = true;
    return after;
  });
  return followed ? moved : null;
}

/** Every vertex of the geometry as a pin. */
export function pinsOf(geometry: AreaGeometry, plane: GkPlane): Pin[] {
  const flat = plane.polygons(geometry);
  return polygonsOf(geometry).flatMap((polygon, p) => polygon.flatMap((ring, r) => pinsOfRing(ring, flat[p]?.[r] as FlatRing)));
}
