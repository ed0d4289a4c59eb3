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
import { PreparedArea } from './prepared-area.ts';
import type { Location } from './point-in-ring.ts';
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
  return relationFromSides(pa, probe(pa, pb, sharedA), pb, probe(pb, pa, sharedB), (p, other) => other.locate(p));
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
 * Where the probes of one geometry (its vertices and edge midpoints) fell in the other: `inside` / `outside`
 * when any fell clearly there; `doubt` when one could not be placed (so `inside` and `outside` may miss a
 * side); `witnessed[k]` when a probe of polygon part k fell clearly inside or outside.
 */
export interface Sides {
  inside: boolean;
  outside: boolean;
  doubt: boolean;
  readonly witnessed: Uint8Array;
}

export function emptySides(g: PreparedArea, outside: boolean): Sides {
  return { inside: false, outside, doubt: false, witnessed: new Uint8Array(g.partCount) };
}

/**
 * The relation from both geometries' probes, where their outlines do not cross (every contact is a common
 * vertex or a common edge, or within the tolerance for `tolerantRelate`). When no probe of b fell inside a
 * (and none was in doubt), b's outline does not enter a's interior, so each part of a lies wholly inside b
 * or wholly outside it: a part's probe says which, and a part with none (its outline all on b's boundary,
 * as an island filling b's hole, or a part b has too) is told by a point of its interior. The same the
 * other way round. Parts, not whole geometries: a multipolygon can have one part on b's boundary and
 * another inside or outside b, and its sides taken as one said 'disjoint' for two multipolygons sharing a
 * whole part, and 'within' for an island with a second part inside the other's solid area.
 */
export function relationFromSides(pa: PreparedArea, aSides: Sides, pb: PreparedArea, bSides: Sides, locate: (p: Position, other: PreparedArea) => Location): Relation {
  if ((aSides.inside && aSides.outside) || (bSides.inside && bSides.outside)) return 'overlap';
  // Both outlines wholly on the other's boundary: the same boundary, so (both being valid) the same area.
  if (!aSides.doubt && !bSides.doubt && !aSides.inside && !aSides.outside && !bSides.inside && !bSides.outside) return 'within';
  // A probe of b clearly inside a: interiors meet, and a is not within b.
  const aParts = bSides.inside ? 'met' : bSides.doubt ? 'doubt' : partsSide(pa, aSides, pb, locate);
  if (aParts === 'inside') return 'within';
  const bParts = aSides.inside ? 'met' : aSides.doubt ? 'doubt' : partsSide(pb, bSides, pa, locate);
  if (bParts === 'inside') return 'contains';
  // Disjoint when both say so, or one does and the other is in doubt. One side alone would do for exact
  // contacts, but within a tolerance a part can have a corner clearly outside (a spike) and the rest inside.
  if ((aParts === 'outside' && (bParts === 'outside' || bParts === 'doubt')) || (aParts === 'doubt' && bParts === 'outside')) return 'disjoint';
  return 'overlap';
}

/** Which side of `other` all of g's parts are on (those without a probe told by an interior point); undefined when mixed or unsure. */
function partsSide(g: PreparedArea, sides: Sides, other: PreparedArea, locate: (p: Position, other: PreparedArea) => Location): 'inside' | 'outside' | undefined {
  let { inside, outside } = sides;
  for (let k = 0; k < sides.witnessed.length && !(inside && outside); k++) {
    if (sides.witnessed[k]) continue;
    const point = g.partInteriorPoint(k);
    const where = point ? locate(point, other) : 'boundary';
    if (where === 'boundary') return undefined;
    if (where === 'inside') inside = true;
    else outside = true;
  }
  if (inside === outside) return undefined;
  return inside ? 'inside' : 'outside';
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

/**
 * A computed midpoint is off its edge by up to ~1e-14° (rounding at these coordinates). One closer than
 * this to `other`'s outline may lie on either side of it, so it says nothing, and its geometry's sides are
 * in doubt. Found on a demolition joined from two misaligned pieces: its outline ran a notch 1e-20 off a
 * parcel's edge, the edge's rounded midpoint fell into the notch, and `relate` called the parcel under the
 * demolition disjoint from it. In doubt, an edge may lie on either side, so `relationFromSides` concludes
 * nothing from the other geometry's probes that this edge could contradict: an island with a vertex
 * inserted on its edge (lon/lat interpolation, 1e-15° off the hole's edge) had the hole's edge in doubt,
 * and was called within the parcel whose hole it fills.
 */
const MIDPOINT_DOUBT_DEG = 1e-12;

/**
 * Where the vertices and edge midpoints of `g` fall in `other`. Only those within `other`'s box are located
 * (found through the edge bands); a vertex beyond the box is outside. A shared edge's midpoint is skipped:
 * it lies on the boundary, but rounding the midpoint can put it a hair to either side; any other midpoint
 * within MIDPOINT_DOUBT_DEG of the outline is in doubt.
 */
function probe(g: PreparedArea, other: PreparedArea, shared: ReadonlySet<number>): Sides {
  const box = other.bbox;
  const sides = emptySides(g, g.bbox[0] < box[0] || g.bbox[1] < box[1] || g.bbox[2] > box[2] || g.bbox[3] > box[3]);
  const note = (x: number, y: number, computed: boolean, part: number): Location => {
    const where = x < box[0] || x > box[2] || y < box[1] || y > box[3] ? 'outside' : computed ? other.locateNear(x, y, 1, 1, MIDPOINT_DOUBT_DEG) : other.locateXY(x, y);
    if (where === 'inside') sides.inside = true;
    else if (where === 'outside') sides.outside = true;
    else if (computed) sides.doubt = true;
    if (where !== 'boundary') sides.witnessed[part] = 1;
    return where;
  };
  for (const i of g.edgesIn(box)) {
    const a = g.edgeStart(i);
    const b = g.edgeEnd(i);
    const part = g.partOf(i);
    const atA = note(a[0] as number, a[1] as number, false, part);
    const atB = note(b[0] as number, b[1] as number, false, part);
    // The edge lies wholly on one side (no contact but at common vertices): an end off the outline says
    // which, so only an edge between two points of the outline needs its midpoint.
    if (atA === 'boundary' && atB === 'boundary' && !shared.has(i)) note(((a[0] as number) + (b[0] as number)) / 2, ((a[1] as number) + (b[1] as number)) / 2, true, part);
    if (sides.inside && sides.outside) return sides;
  }
  return sides;
}
