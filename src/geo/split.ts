/**
 * Splitting a polygon by a drawn polyline, by noding the line into the rings and walking the faces of
 * the resulting planar graph. Chosen over "intersect and subtract a cutting polygon" because (1) both
 * pieces take each vertex along the cut from the same graph node, so they share bit-identical
 * coordinates, (2) a line crossing several times needs no cutting polygon (which a wandering line makes
 * self-intersecting), and (3) no collinear vertex is dropped, so shared boundaries with neighbours stay.
 */
import type { Polygon, Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import { distanceToSegmentM, metresPerDegree } from './local-metric.ts';
import { cycleSignedArea, PlanarGraph, type FaceCycle } from './planar-graph.ts';
import { pointInPolygonRings, pointInRing } from './point-in-ring.ts';
import { polygonsOf, positionsEqual, rings, ringSignedAreaPlanar } from './rings.ts';
import { forEachOverlappingPair, projectionParameter, segmentBoxes, segmentIntersection } from './segments.ts';
import { validateAreaGeometry } from './validity.ts';

export type SplitResult =
  | { readonly ok: true; readonly pieces: AreaGeometry[] }
  | { readonly ok: false; readonly reason: 'lineDoesNotCross' | 'overlayFailed'; readonly detail?: string };

/** Relative area difference above which a split is refused as numerically broken. */
const AREA_TOLERANCE = 1e-6;

/** Metres within which two computed points are one node: far above the rounding of a crossing (nanometres), far below any drawn distance. */
const ROUNDING_M = 1e-6;

/** Below this sine of the angle between the line and the edge it stops short of, the line runs along the edge rather than towards it. */
const MIN_REACH_SINE = 0.1;

export interface SplitOptions {
  /**
   * Metres: a line that ends inside the polygon this close to its outline is taken to end on it. Real
   * neighbours' copies of a corner or an edge lie a fraction of a millimetre apart, and a line snapped to
   * the neighbour's copy can stop just short of the polygon's own; without this it cuts nothing.
   */
  readonly reachM?: number;
}

/**
 * Each face the line cuts off becomes its own Polygon piece. Members of a MultiPolygon the line does not
 * cut stay together as one more piece (so nothing is lost and no member is silently re-assigned).
 */
export function splitPolygonByLine(geometry: AreaGeometry, line: Position[], options: SplitOptions = {}): SplitResult {
  const invalid = validateAreaGeometry(geometry).find((p) => p.severity === 'error');
  if (invalid) return { ok: false, reason: 'overlayFailed', detail: `invalid geometry: ${invalid.kind}` };
  if (!line.every((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]))) return { ok: false, reason: 'overlayFailed', detail: 'the line has a coordinate that is not a finite number' };
  const cutLine = line.filter((p, i) => i === 0 || !positionsEqual(p, line[i - 1] as Position));
  if (cutLine.length < 2) return { ok: false, reason: 'lineDoesNotCross' };

  const pieces: Polygon[] = [];
  const untouched: Position[][][] = [];
  for (const polygon of polygonsOf(geometry)) {
    const line = options.reachM ? ontoOutline(polygon, reachingOutline(polygon, cutLine, options.reachM), options.reachM) : cutLine;
    const faces = splitOnePolygon(polygon, line, options.reachM);
    if (faces) pieces.push(...faces);
    else untouched.push(polygon.map((ring) => ring.map((p) => [...p])));
  }
  if (pieces.length === 0) return { ok: false, reason: 'lineDoesNotCross' };
  const all: AreaGeometry[] = [...pieces];
  if (untouched.length === 1) all.push({ type: 'Polygon', coordinates: untouched[0] as Position[][] });
  if (untouched.length > 1) all.push({ type: 'MultiPolygon', coordinates: untouched });
  return checked(geometry, all);
}

/**
 * The safety net: floating-point crossing points must not have produced invalid or lossy pieces. Areas
 * are compared in the lon/lat plane, where the pieces tile the original exactly; ellipsoidal areas
 * would differ slightly because a vertex added on an edge bends the geodesic between its ends.
 */
function checked(original: AreaGeometry, pieces: AreaGeometry[]): SplitResult {
  for (const piece of pieces) {
    const problem = validateAreaGeometry(piece).find((p) => p.severity === 'error');
    if (problem) return { ok: false, reason: 'overlayFailed', detail: `split produced an invalid piece: ${problem.kind}` };
  }
  const before = planarArea(original);
  const after = pieces.reduce((sum, piece) => sum + planarArea(piece), 0);
  if (Math.abs(after - before) > AREA_TOLERANCE * before) return { ok: false, reason: 'overlayFailed', detail: `pieces cover ${after} of ${before} square degrees` };
  return { ok: true, pieces };
}

function planarArea(geometry: AreaGeometry): number {
  let total = 0;
  for (const { ring, ringIndex } of rings(geometry)) total += (ringIndex === 0 ? 1 : -1) * Math.abs(ringSignedAreaPlanar(ring));
  return total;
}

/**
 * The line with each end that stops inside the polygon within `reachM` of its outline brought onto it: to
 * the polygon's own vertex when one is that close (its numbers, so the pieces share it), else carried on
 * in its direction across the nearest edge, where noding finds the crossing exactly.
 */
function reachingOutline(polygon: readonly (readonly Position[])[], line: readonly Position[], reachM: number): Position[] {
  const reached = [...line];
  const last = line.length - 1;
  for (const [end, previous] of [[0, 1], [last, last - 1]] as const) {
    const p = line[end] as Position;
    if (pointInPolygonRings(p, polygon) !== 'inside') continue;
    const m = metresPerDegree(p[1] as number);
    const toMetres = (q: Position): [number, number] => [((q[0] as number) - (p[0] as number)) * m.x, ((q[1] as number) - (p[1] as number)) * m.y];
    const vertex = polygon.flat().find((q) => Math.hypot(...toMetres(q)) <= reachM);
    if (vertex) {
      reached[end] = vertex;
      continue;
    }
    const edge = nearestEdge(polygon, p, m);
    if (!edge || edge.distanceM > reachM) continue;
    // The direction the line was going when it stopped: from the vertex before its end.
    const [qx, qy] = toMetres(line[previous] as Position);
    const length = Math.hypot(qx, qy);
    const [ux, uy] = [-qx / length, -qy / length];
    const [ax, ay] = toMetres(edge.a);
    const [bx, by] = toMetres(edge.b);
    const [ex, ey] = [bx - ax, by - ay];
    const sine = (ux * ey - uy * ex) / Math.hypot(ex, ey);
    if (Math.abs(sine) < MIN_REACH_SINE) continue;
    // How far along the line's direction its end is from the edge's line, then as far again as the reach.
    const along = (ax * ey - ay * ex) / (ux * ey - uy * ex);
    if (!(along > 0)) continue;
    const beyond = along + reachM;
    reached[end] = [(p[0] as number) + (beyond * ux) / m.x, (p[1] as number) + (beyond * uy) / m.y];
  }
  return reached;
}

/**
 * The line with each vertex within `reachM` of the outline put on it: on the polygon's own vertex when one
 * is that close (its numbers), else on the foot of the nearest edge (noded into that edge, see
 * nodeLineVerticesOnOutline). A line drawn along the outline, snapped to it or to a neighbour's copy of it
 * a fraction of a millimetre off, then runs along the outline itself and cuts nothing there, where it cut
 * off tongues thinner than the tolerance, or left a piece with a spike along the edge. The outline does not
 * move: the feet lie on its edges to the last bit, so the pieces still add up to the polygon.
 */
function ontoOutline(polygon: readonly (readonly Position[])[], line: readonly Position[], reachM: number): Position[] {
  const own = polygon.flat();
  const snapped = line.map((p) => {
    const m = metresPerDegree(p[1] as number);
    const vertex = own.find((q) => Math.hypot(((q[0] as number) - (p[0] as number)) * m.x, ((q[1] as number) - (p[1] as number)) * m.y) <= reachM);
    if (vertex) return vertex;
    const edge = nearestEdge(polygon, p, m);
    if (!edge || edge.distanceM > reachM) return p;
    const t = projectionParameter(p, edge.a, edge.b);
    if (!(t > 0 && t < 1)) return p;
    return [(edge.a[0] as number) + t * ((edge.b[0] as number) - (edge.a[0] as number)), (edge.a[1] as number) + t * ((edge.b[1] as number) - (edge.a[1] as number))];
  });
  return snapped.filter((p, i) => i === 0 || !positionsEqual(p, snapped[i - 1] as Position));
}

function nearestEdge(polygon: readonly (readonly Position[])[], p: Position, m: { x: number; y: number }): { a: Position; b: Position; distanceM: number } | undefined {
  let best: { a: Position; b: Position; distanceM: number } | undefined;
  for (const ring of polygon) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i] as Position;
      const b = ring[i + 1] as Position;
      const distanceM = distanceToSegmentM(p[0] as number, p[1] as number, a[0] as number, a[1] as number, b[0] as number, b[1] as number, m.x, m.y);
      if (!best || distanceM < best.distanceM) best = { a, b, distanceM };
    }
  }
  return best;
}

interface Segment {
  readonly a: Position;
  readonly b: Position;
  readonly kind: 'boundary' | 'line';
  /** Points where other segments meet this one, to be sorted along it. */
  readonly cuts: Position[];
}

/** The faces of one polygon cut by the line, or undefined when the line cuts nothing off. */
function splitOnePolygon(polygon: readonly (readonly Position[])[], line: readonly Position[], reachM?: number): Polygon[] | undefined {
  // Shell counter-clockwise, holes clockwise: then the interior is left of every boundary edge.
  const rings = polygon.map((ring, i) => {
    const clean = ring.filter((p, k) => k === 0 || !positionsEqual(p, ring[k - 1] as Position));
    const area = ringSignedAreaPlanar(clean);
    return (i === 0 ? area < 0 : area > 0) ? clean.reverse() : clean;
  });
  const segments: Segment[] = [];
  for (const ring of rings) for (let i = 0; i + 1 < ring.length; i++) segments.push({ a: ring[i] as Position, b: ring[i + 1] as Position, kind: 'boundary', cuts: [] });
  for (let i = 0; i + 1 < line.length; i++) segments.push({ a: line[i] as Position, b: line[i + 1] as Position, kind: 'line', cuts: [] });

  nodeSegments(segments);
  if (reachM) nodeLineVerticesOnOutline(segments, reachM);
  const graph = new PlanarGraph();
  const ringVertices = new Set(rings.flatMap((ring) => ring.map((p) => graph.node(p))));
  for (const s of segments) {
    const along = [s.a, ...s.cuts.sort((p, q) => projectionParameter(p, s.a, s.b) - projectionParameter(q, s.a, s.b)), s.b];
    for (let i = 0; i + 1 < along.length; i++) graph.addEdge(graph.node(along[i] as Position), graph.node(along[i + 1] as Position), s.kind);
  }
  // Keep only the parts of the line inside the polygon; pieces of it outside or in holes cut nothing.
  for (const e of graph.edges) {
    if (e.kind !== 'line') continue;
    const a = graph.nodes[e.from] as Position;
    const b = graph.nodes[e.to] as Position;
    const mid: Position = [((a[0] as number) + (b[0] as number)) / 2, ((a[1] as number) + (b[1] as number)) / 2];
    if (pointInPolygonRings(mid, rings) !== 'inside') e.removed = true;
  }
  const faces = facesWithoutBridges(graph);
  if (!graph.edges.some((e) => !e.removed && e.kind === 'line')) return undefined;
  // Nodes the noding put on the outline where no cut remains (the line touched it, or its piece was
  // pruned) would add vertices a neighbour along that edge does not have.
  const onCut = new Set<number>();
  for (const e of graph.edges) {
    if (e.removed || e.kind !== 'line') continue;
    onCut.add(e.from);
    onCut.add(e.to);
  }
  return assemble(graph, faces, (n) => ringVertices.has(n) || onCut.has(n));
}

/** Records every contact between two segments on both (crossings, touches, ends of overlaps). */
function nodeSegments(segments: Segment[]): void {
  const boxes = segmentBoxes(segments.map((s) => [s.a, s.b] as const));
  forEachOverlappingPair(boxes, (i, j) => {
    const s = segments[i] as Segment;
    const t = segments[j] as Segment;
    const hit = segmentIntersection(s.a, s.b, t.a, t.b);
    if (hit.kind === 'none') return;
    const points = hit.kind === 'overlap' ? [hit.from, hit.to] : [hit.point];
    for (const p of points) {
      if (!positionsEqual(p, s.a) && !positionsEqual(p, s.b)) s.cuts.push(p);
      if (!positionsEqual(p, t.a) && !positionsEqual(p, t.b)) t.cuts.push(p);
    }
  });
}

/**
 * The line's vertices that ontoOutline put on an edge's foot are on it only to the nearest double, so exact
 * noding may miss them: each becomes a node of the nearest edge within `reachM`. The line's part along the
 * outline between such nodes is then the outline itself (the graph keeps one edge), not a cut beside it.
 */
function nodeLineVerticesOnOutline(segments: readonly Segment[], reachM: number): void {
  const boundary = segments.filter((s) => s.kind === 'boundary');
  const lineVertices = segments.filter((s) => s.kind === 'line').flatMap((s) => [s.a, s.b]);
  const onOutline: Position[] = [];
  for (const p of lineVertices) {
    const m = metresPerDegree(p[1] as number);
    let nearest: Segment | undefined;
    let nearestM = reachM;
    for (const s of boundary) {
      if (positionsEqual(p, s.a) || positionsEqual(p, s.b)) {
        nearest = undefined;
        break;
      }
      const t = projectionParameter(p, s.a, s.b);
      if (!(t > 0 && t < 1)) continue;
      const d = distanceToSegmentM(p[0] as number, p[1] as number, s.a[0] as number, s.a[1] as number, s.b[0] as number, s.b[1] as number, m.x, m.y);
      if (d <= nearestM) [nearest, nearestM] = [s, d];
    }
    if (!nearest) continue;
    nearest.cuts.push(p);
    onOutline.push(p);
  }
  if (onOutline.length === 0) return;
  // Exact noding may have put its own rounding of such a vertex on the edge and the line (the end of their
  // overlap, an ulp away): that is the same node, or the two make a face of no area. Only roundings: a
  // real crossing a millimetre off stays where it is.
  for (const s of segments) {
    const cuts = s.cuts.map((q) => onOutline.find((p) => distanceM(p, q) <= ROUNDING_M) ?? q).filter((q) => !positionsEqual(q, s.a) && !positionsEqual(q, s.b));
    s.cuts.length = 0;
    for (const q of cuts) if (!s.cuts.some((r) => positionsEqual(r, q))) s.cuts.push(q);
  }
}

function distanceM(p: Position, q: Position): number {
  const m = metresPerDegree(p[1] as number);
  return Math.hypot(((p[0] as number) - (q[0] as number)) * m.x, ((p[1] as number) - (q[1] as number)) * m.y);
}

/**
 * Faces after removing line edges that have the same face on both sides (a cut from the outline into a
 * hole, or a tail left after pruning): such an edge separates nothing.
 */
function facesWithoutBridges(graph: PlanarGraph): FaceCycle[] {
  for (;;) {
    graph.pruneDanglingLines();
    const faces = graph.faces();
    const faceOf = new Map<number, number>();
    faces.forEach((face, f) => face.halfEdges.forEach((h) => faceOf.set(h, f)));
    let removed = false;
    graph.edges.forEach((e, i) => {
      if (!e.removed && e.kind === 'line' && faceOf.get(2 * i) === faceOf.get(2 * i + 1)) {
        e.removed = true;
        removed = true;
      }
    });
    if (!removed) return faces;
  }
}

/**
 * Inside faces become shells, inside clockwise walks become holes, each hole goes to the smallest shell
 * around it. Containment is judged at a hole vertex that is not on the shell: faces never cross, so
 * one such vertex decides, and a loop that is both a shell and (reversed) a hole never contains itself.
 */
function assemble(graph: PlanarGraph, faces: readonly FaceCycle[], keep: (node: number) => boolean): Polygon[] {
  const shells: number[][] = [];
  const holes: number[][] = [];
  for (const face of faces) {
    if (!isInside(graph, face)) continue;
    for (const loop of splitAtRepeatedNodes(face.nodes)) {
      const area = cycleSignedArea(graph, loop);
      if (area > 0) shells.push(loop);
      else if (area < 0) holes.push(loop);
    }
  }
  const toRing = (loop: readonly number[]): Position[] => {
    const kept = loop.filter(keep);
    return [...kept, kept[0] as number].map((n) => graph.nodes[n] as Position);
  };
  const shellRings = shells.map((loop) => [...loop, loop[0] as number].map((n) => graph.nodes[n] as Position));
  const shellNodes = shells.map((loop) => new Set(loop));
  const shellAreas = shells.map((loop) => cycleSignedArea(graph, loop));
  const pieces: Position[][][] = shells.map((loop) => [toRing(loop)]);
  for (const hole of holes) {
    let best = -1;
    shells.forEach((_, i) => {
      const probe = hole.find((n) => !(shellNodes[i] as Set<number>).has(n));
      if (probe === undefined || pointInRing(graph.nodes[probe] as Position, shellRings[i] as Position[]) !== 'inside') return;
      if (best < 0 || (shellAreas[i] as number) < (shellAreas[best] as number)) best = i;
    });
    pieces[best]?.push(toRing(hole));
  }
  return pieces.map((coordinates) => ({ type: 'Polygon', coordinates }));
}

/** A face is inside the polygon when its boundary edges run with the ring direction; all-line faces are inside. */
function isInside(graph: PlanarGraph, face: FaceCycle): boolean {
  for (const h of face.halfEdges) {
    const edge = graph.edges[h >> 1];
    if (edge?.kind === 'boundary') return (h & 1) === 0;
  }
  return true;
}

/** Splits a closed walk that passes a node twice (a hole touching the shell at a point) into simple loops. */
function splitAtRepeatedNodes(nodes: readonly number[]): number[][] {
  const loops: number[][] = [];
  const stack: number[] = [];
  const at = new Map<number, number>();
  for (const n of nodes) {
    const seen = at.get(n);
    if (seen !== undefined) {
      const loop = stack.splice(seen);
      for (const m of loop) at.delete(m);
      if (loop.length >= 3) loops.push(loop);
    }
    at.set(n, stack.length);
    stack.push(n);
  }
  if (stack.length >= 3) loops.push(stack);
  return loops;
}
