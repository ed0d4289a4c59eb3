/**
 * How two area geometries lie relative to each other, decided with exact predicates and without clipping
 * when their outlines meet only at common vertices and common edges, as they do in data with shared
 * boundaries (the survey's parcels, the zones traced on them, changes built from whole parcels). Anything
 * less clear-cut (a proper crossing, a vertex of one on the inside of an edge of the other) answers
 * 'overlap', which callers take as "clip to find out": the fast path is never wrong, only sometimes absent.
 */
import type { Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import { bboxIntersects, type BBox } from './bbox.ts';
import { interiorPoint } from './interior-point.ts';
import { PreparedArea } from './prepared-area.ts';
import { positionsEqual } from './rings.ts';
import { segmentIntersection } from './segments.ts';

/** within: a ⊆ b (equal included); contains: b ⊆ a; disjoint: interiors apart; overlap: anything else, or unsure. */
export type Relation = 'disjoint' | 'within' | 'contains' | 'overlap';

export function relate(a: AreaGeometry, b: AreaGeometry): Relation {
  const pa = PreparedArea.of(a);
  const pb = PreparedArea.of(b);
  if (!bboxIntersects(pa.bbox, pb.bbox)) return 'disjoint';
  const apart = relationAcrossBoxes(pa, pb);
  if (apart) return apart;
  const sharedA = new Set<number>();
  const sharedB = new Set<number>();
  if (!contactsAtCommonVerticesOnly(pa, pb, sharedA, sharedB)) return 'overlap';
  const aSide = probe(pa, pb, sharedA);
  const bSide = probe(pb, pa, sharedB);
  const aOnBoundary = !aSide.inside && !aSide.outside;
  const bOnBoundary = !bSide.inside && !bSide.outside;
  if (aOnBoundary && bOnBoundary) return 'within';
  // An outline lying wholly on the other's boundary says nothing of which side its area is on: a parcel
  // that fills the other's hole has every vertex and edge on it too. Its interior decides.
  if (!aSide.outside && !bSide.inside) return aOnBoundary ? relationByInterior(a, pb, 'within') : 'within';
  if (!bSide.outside && !aSide.inside) return bOnBoundary ? relationByInterior(b, pa, 'contains') : 'contains';
  if (!aSide.inside && !bSide.inside) return 'disjoint';
  return 'overlap';
}

/**
 * The answer when one outline comes nowhere near the other's box, else undefined. Then that outline cannot
 * meet the other geometry: the other lies wholly on one side of it, and one of its vertices says which.
 * Most pairs a box search yields are of this kind (a parcel deep inside a large zone, or in its box but away
 * from it), so they cost one band of edges and one point location instead of the full test.
 */
function relationAcrossBoxes(pa: PreparedArea, pb: PreparedArea): Relation | undefined {
  if (!pb.hasEdgeIn(pa.bbox)) {
    const vertex = pa.firstVertex();
    if (vertex) return pb.locate(vertex) === 'inside' ? 'within' : 'disjoint';
  }
  if (!pa.hasEdgeIn(pb.bbox)) {
    const vertex = pb.firstVertex();
    if (vertex) return pa.locate(vertex) === 'inside' ? 'contains' : 'disjoint';
  }
  return undefined;
}

/**
 * For `g` whose outline lies wholly on `other`'s boundary: `inside` when every part of `g` has its interior
 * in `other`, disjoint when none has, else unsure.
 */
export function relationByInterior(g: AreaGeometry, other: PreparedArea, inside: 'within' | 'contains'): Relation {
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const where = parts.map((coordinates) => {
    const point = interiorPoint({ type: 'Polygon', coordinates });
    return point ? other.locate(point) : 'boundary';
  });
  if (where.every((w) => w === 'inside')) return inside;
  if (where.every((w) => w === 'outside')) return 'disjoint';
  return 'overlap';
}

/** Every contact between the outlines is a shared vertex or an identical edge; identical edges' indices go into the sets. */
function contactsAtCommonVerticesOnly(pa: PreparedArea, pb: PreparedArea, sharedA: Set<number>, sharedB: Set<number>): boolean {
  for (const i of pa.edgesIn(pb.bbox)) {
    const s0 = pa.edgeStart(i);
    const s1 = pa.edgeEnd(i);
    const box: BBox = [Math.min(s0[0] as number, s1[0] as number), Math.min(s0[1] as number, s1[1] as number), Math.max(s0[0] as number, s1[0] as number), Math.max(s0[1] as number, s1[1] as number)];
    for (const j of pb.edgesIn(box)) {
      const t0 = pb.edgeStart(j);
      const t1 = pb.edgeEnd(j);
      // The same edge in both (shared boundaries' usual case), told without the four orientations.
      if ((positionsEqual(s0, t0) && positionsEqual(s1, t1)) || (positionsEqual(s0, t1) && positionsEqual(s1, t0))) {
        sharedA.add(i);
        sharedB.add(j);
        continue;
      }
      const hit = segmentIntersection(s0, s1, t0, t1);
      if (hit.kind === 'none') continue;
      if (hit.kind === 'cross') return false;
      if (hit.kind === 'touch') {
        if (!isEndpoint(hit.point, s0, s1) || !isEndpoint(hit.point, t0, t1)) return false;
        continue;
      }
      // Collinear along a stretch without being the same edge: a vertex of one lies inside an edge of the other.
      return false;
    }
  }
  return true;
}

function isEndpoint(p: Position, a: Position, b: Position): boolean {
  return positionsEqual(p, a) || positionsEqual(p, b);
}

interface Sides {
  inside: boolean;
  outside: boolean;
}

/**
 * A computed midpoint is off its edge by up to ~1e-14° (rounding at these coordinates). One closer than
 * this to `other`'s outline may lie on either side of it, so it says nothing. Found on a demolition joined
 * from two misaligned pieces: its outline ran a notch 1e-20 off a parcel's edge, the edge's rounded
 * midpoint fell into the notch, and `relate` called the parcel under the demolition disjoint from it.
 */
const MIDPOINT_DOUBT_DEG = 1e-12;

/**
 * Where the vertices and edge midpoints of `g` fall in `other`. Only those within `other`'s box are located
 * (found through the edge bands); a vertex beyond the box is outside. A shared edge's midpoint is skipped:
 * it lies on the boundary, but rounding the midpoint can put it a hair to either side; so does any other
 * midpoint within MIDPOINT_DOUBT_DEG of the outline.
 */
function probe(g: PreparedArea, other: PreparedArea, shared: ReadonlySet<number>): Sides {
  const box = other.bbox;
  const sides: Sides = { inside: false, outside: g.bbox[0] < box[0] || g.bbox[1] < box[1] || g.bbox[2] > box[2] || g.bbox[3] > box[3] };
  const note = (x: number, y: number, computed: boolean) => {
    if (x < box[0] || x > box[2] || y < box[1] || y > box[3]) {
      sides.outside = true;
      return;
    }
    const where = computed ? other.locateNear(x, y, 1, 1, MIDPOINT_DOUBT_DEG) : other.locateXY(x, y);
    if (where === 'inside') sides.inside = true;
    else if (where === 'outside') sides.outside = true;
  };
  for (const i of g.edgesIn(box)) {
    const a = g.edgeStart(i);
    const b = g.edgeEnd(i);
    note(a[0] as number, a[1] as number, false);
    note(b[0] as number, b[1] as number, false);
    if (!shared.has(i)) note(((a[0] as number) + (b[0] as number)) / 2, ((a[1] as number) + (b[1] as number)) / 2, true);
    if (sides.inside && sides.outside) return sides;
  }
  return sides;
}
