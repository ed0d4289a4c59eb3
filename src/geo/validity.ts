/**
 * OGC simple-feature validity of plan geometries, with the place of each problem so the editor can
 * show it at the cursor. Written here because the libraries at hand fall short: turf's booleanValid
 * never tests a ring's edges against each other (a bow-tie passes; it also calls a ring closed when
 * only x or only y of its ends agree), and @turf/kinks compares all n² edge pairs in floating point
 * and is blind to collinear overlaps (spikes). Exactness comes from robust-predicates (segments.ts).
 */
import type { Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import { positionsEqual } from './rings.ts';
import { forEachOverlappingPair, orientation, segmentIntersection } from './segments.ts';
import { nestingProblems, type CleanRing } from './validity-nesting.ts';
import type { RingAddress, ValidityProblem } from './validity-problem.ts';

export function validateAreaGeometry(geometry: AreaGeometry): ValidityProblem[] {
  const problems = new ProblemList();
  const polygons = polygonList(geometry);
  if (polygons.length === 0) {
    problems.add({ kind: 'tooFewPositions', severity: 'error', polygonIndex: 0, ringIndex: 0 });
    return problems.list;
  }
  const clean: CleanRing[] = [];
  polygons.forEach((polygon, polygonIndex) => {
    if (!Array.isArray(polygon) || polygon.length === 0) {
      problems.add({ kind: 'tooFewPositions', severity: 'error', polygonIndex, ringIndex: 0 });
      return;
    }
    polygon.forEach((ring, ringIndex) => {
      const points = checkRing(ring, { polygonIndex, ringIndex }, problems);
      if (points) clean.push({ polygonIndex, ringIndex, points });
    });
  });
  const { crossed, touchingMembers } = checkIntersections(clean, problems);
  for (const problem of nestingProblems(clean, crossed, touchingMembers)) problems.add(problem);
  return problems.list;
}

export function isValidAreaGeometry(geometry: AreaGeometry): boolean {
  return validateAreaGeometry(geometry).every((p) => p.severity !== 'error');
}

/** The polygons as [rings] lists, tolerating malformed input (imports hand us anything). */
function polygonList(geometry: AreaGeometry): readonly unknown[][] {
  const coordinates: unknown = (geometry as { coordinates?: unknown } | null)?.coordinates;
  if (!Array.isArray(coordinates)) return [];
  if (geometry.type === 'Polygon') return [coordinates];
  if (geometry.type === 'MultiPolygon') return coordinates.map((p: unknown) => (Array.isArray(p) ? p : []));
  return [];
}

class ProblemList {
  readonly list: ValidityProblem[] = [];
  private readonly seen = new Set<string>();
  add(problem: ValidityProblem): void {
    const at = problem.at ? `${problem.at[0]},${problem.at[1]}` : '';
    const key = `${problem.kind}|${problem.polygonIndex}|${problem.ringIndex}|${at}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(problem);
  }
}

function isFinitePosition(p: unknown): p is Position {
  return Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);
}

function checkRing(ring: unknown, address: RingAddress, problems: ProblemList): Position[] | undefined {
  if (!Array.isArray(ring)) {
    problems.add({ kind: 'tooFewPositions', severity: 'error', ...address });
    return undefined;
  }
  const bad = ring.find((p) => !isFinitePosition(p));
  if (bad !== undefined) {
    problems.add({ kind: 'nonFinite', severity: 'error', ...address });
    return undefined;
  }
  const positions = ring as Position[];
  const first = positions[0];
  const last = positions[positions.length - 1];
  if (positions.length < 4) problems.add({ kind: 'tooFewPositions', severity: 'error', ...address, ...(first ? { at: first } : {}) });
  if (!first || !last || !positionsEqual(first, last)) {
    problems.add({ kind: 'unclosedRing', severity: 'error', ...address, ...(last ? { at: last } : {}) });
    return undefined;
  }
  const points: Position[] = [first];
  for (let i = 1; i < positions.length; i++) {
    const p = positions[i] as Position;
    if (positionsEqual(p, points[points.length - 1] as Position)) {
      problems.add({ kind: 'duplicateConsecutive', severity: 'info', ...address, at: p });
    } else {
      points.push(p);
    }
  }
  if (points.length < 4) {
    problems.add({ kind: 'tooFewPositions', severity: 'error', ...address, at: first });
    return undefined;
  }
  if (allCollinear(points)) {
    problems.add({ kind: 'zeroArea', severity: 'error', ...address, at: first });
    return undefined;
  }
  return points;
}

function allCollinear(points: readonly Position[]): boolean {
  const a = points[0] as Position;
  const b = points[1] as Position; // distinct from a: consecutive duplicates are gone
  return points.every((p) => orientation(a, b, p) === 0);
}

interface Contacts {
  /** Polygons with crossing edges: nesting tests are meaningless for them. */
  readonly crossed: Set<number>;
  /** MultiPolygon member pairs "i|j" (i < j) whose outlines touch at points. */
  readonly touchingMembers: Set<string>;
}

/** Finds every contact between edges and reports the wrong ones. */
function checkIntersections(clean: readonly CleanRing[], problems: ProblemList): Contacts {
  // Every parcel of a plan passes through here on each full check: the segments are kept as flat
  // (ring, index) arrays and their boxes written in place, not as one object and one array per edge.
  let count = 0;
  for (const r of clean) count += r.points.length - 1;
  const segmentRing = new Int32Array(count);
  const segmentIndex = new Int32Array(count);
  const boxes = new Float64Array(count * 4);
  let s = 0;
  clean.forEach((r, ring) => {
    const points = r.points;
    for (let index = 0; index + 1 < points.length; index++, s++) {
      const a = points[index] as Position;
      const b = points[index + 1] as Position;
      segmentRing[s] = ring;
      segmentIndex[s] = index;
      boxes[s * 4] = Math.min(a[0] as number, b[0] as number);
      boxes[s * 4 + 1] = Math.min(a[1] as number, b[1] as number);
      boxes[s * 4 + 2] = Math.max(a[0] as number, b[0] as number);
      boxes[s * 4 + 3] = Math.max(a[1] as number, b[1] as number);
    }
  });
  const crossed = new Set<number>();
  const touchingMembers = new Set<string>();
  const touches = new Map<string, { ring1: number; ring2: number; point: Position }>();
  const selfTouches = new Map<string, { ring: CleanRing; point: Position }>();
  const report = (ring: CleanRing, kind: 'selfIntersection' | 'selfTouch' | 'ringsCross', at: Position, other?: CleanRing) => {
    crossed.add(ring.polygonIndex);
    if (other) crossed.add(other.polygonIndex);
    const address = { polygonIndex: ring.polygonIndex, ringIndex: ring.ringIndex };
    problems.add({ kind, severity: 'error', ...address, at, ...(other ? { other: { polygonIndex: other.polygonIndex, ringIndex: other.ringIndex } } : {}) });
  };

  forEachOverlappingPair(boxes, (i, j) => {
    const ringS = clean[segmentRing[i] as number] as CleanRing;
    const ringT = clean[segmentRing[j] as number] as CleanRing;
    const si = segmentIndex[i] as number;
    const ti = segmentIndex[j] as number;
    const sa = ringS.points[si] as Position;
    const sb = ringS.points[si + 1] as Position;
    const ta = ringT.points[ti] as Position;
    const tb = ringT.points[ti + 1] as Position;
    const sameRing = ringS === ringT;
    const edges = ringS.points.length - 1;
    const gap = Math.abs(si - ti);
    const adjacent = sameRing && (gap === 1 || gap === edges - 1);
    // Neighbouring edges always share their common vertex; when the far end of one is off the other's
    // line that vertex is all they share (one orientation instead of segmentIntersection's four).
    if (adjacent && orientation(sa, sb, positionsEqual(sb, ta) ? tb : ta) !== 0) return;
    const hit = segmentIntersection(sa, sb, ta, tb);
    if (hit.kind === 'none') return;
    const at = hit.kind === 'overlap' ? hit.from : hit.point;
    if (sameRing) {
      // Only folding back onto each other (a spike) is wrong for neighbouring edges.
      if (adjacent && hit.kind !== 'overlap') return;
      // Two passes of the ring through one point: crossing or touching, told once all its edges there are seen.
      if (!adjacent && hit.kind === 'touch') selfTouches.set(`${segmentRing[i]}|${at[0]},${at[1]}`, { ring: ringS, point: at });
      else report(ringS, 'selfIntersection', adjacent ? sharedVertex(sa, sb, ta, tb) : at);
    } else if (ringS.polygonIndex === ringT.polygonIndex) {
      if (hit.kind === 'touch') {
        const [ring1, ring2] = segmentRing[i]! < segmentRing[j]! ? [segmentRing[i]!, segmentRing[j]!] : [segmentRing[j]!, segmentRing[i]!];
        touches.set(`${ring1}|${ring2}|${at[0]},${at[1]}`, { ring1, ring2, point: at });
      } else {
        report(ringS, 'ringsCross', at, ringT);
      }
    } else {
      // Members of a MultiPolygon may touch at points but not cross or share an edge.
      const [later, earlier] = ringS.polygonIndex > ringT.polygonIndex ? [ringS, ringT] : [ringT, ringS];
      if (hit.kind === 'touch') touchingMembers.add(`${earlier.polygonIndex}|${later.polygonIndex}`);
      else report(later, 'ringsCross', at, earlier);
    }
  });
  for (const { ring, point } of selfTouches.values()) report(ring, touchesWithoutCrossing(ring.points, point) ? 'selfTouch' : 'selfIntersection', point);
  if (touches.size > 0) checkTouchesKeepInteriorConnected(clean, touches, report);
  return { crossed, touchingMembers };
}

/**
 * Whether the ring passes through `at` twice without crossing itself there: a loop closed at one vertex,
 * ESRI's "inverted ring" that holds a hole (valid to ArcGIS, not to OGC or GEOS), or a vertex resting on
 * its own edge. Crossing when one pass's two arms lie on either side of the other's; anything else (three
 * passes, arms along one another) is not told apart and counts as crossing.
 */
function touchesWithoutCrossing(points: readonly Position[], at: Position): boolean {
  const n = positionsEqual(points[0] as Position, points[points.length - 1] as Position) ? points.length - 1 : points.length;
  const vertex = (k: number) => points[((k % n) + n) % n] as Position;
  const passes: [Position, Position][] = [];
  for (let k = 0; k < n; k++) {
    const a = vertex(k);
    const b = vertex(k + 1);
    if (positionsEqual(a, at)) passes.push([vertex(k - 1), b]);
    else if (!positionsEqual(b, at) && orientation(a, b, at) === 0 && between(a, b, at)) passes.push([a, b]);
  }
  if (passes.length !== 2) return false;
  const angle = (p: Position) => Math.atan2((p[1] as number) - (at[1] as number), (p[0] as number) - (at[0] as number));
  const [[a1, a2], [b1, b2]] = passes.map(([p, q]) => [angle(p), angle(q)]) as [[number, number], [number, number]];
  if (new Set([a1, a2, b1, b2]).size < 4) return false;
  const turn = (from: number, to: number) => (to - from + 2 * Math.PI) % (2 * Math.PI);
  const withinA = (theta: number) => turn(a1, theta) < turn(a1, a2);
  return withinA(b1) === withinA(b2);
}

/** `p` lies within the box of segment a–b (on its line, as the caller knows: between its ends). */
function between(a: Position, b: Position, p: Position): boolean {
  const [x, y] = [p[0] as number, p[1] as number];
  return x >= Math.min(a[0] as number, b[0] as number) && x <= Math.max(a[0] as number, b[0] as number) && y >= Math.min(a[1] as number, b[1] as number) && y <= Math.max(a[1] as number, b[1] as number);
}

function sharedVertex(sa: Position, sb: Position, ta: Position, tb: Position): Position {
  return positionsEqual(sb, ta) || positionsEqual(sb, tb) ? sb : sa;
}

/**
 * Rings of one polygon may touch at single points, but not so that the interior falls apart: seen as a
 * graph (rings = nodes, touch points = edges), the touches must form a forest. A second touch between
 * rings already linked (directly or through others) cuts the interior in two.
 */
function checkTouchesKeepInteriorConnected(
  clean: readonly CleanRing[],
  touches: Map<string, { ring1: number; ring2: number; point: Position }>,
  report: (ring: CleanRing, kind: 'ringsCross', at: Position, other?: CleanRing) => void,
): void {
  const parent = clean.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  for (const { ring1, ring2, point } of touches.values()) {
    const root1 = find(ring1);
    const root2 = find(ring2);
    if (root1 === root2) report(clean[ring2] as CleanRing, 'ringsCross', point, clean[ring1] as CleanRing);
    else parent[root1] = root2;
  }
}
