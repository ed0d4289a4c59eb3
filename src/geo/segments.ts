/**
 * Exact predicates on segments. Orientation comes from `robust-predicates` (Shewchuk's adaptive
 * arithmetic), so "is this point on that edge" and "do these edges cross" never flip on round-off;
 * only the coordinates of a proper crossing point are computed in floating point.
 */
import type { Position } from 'geojson';
import { orient2d } from 'robust-predicates';

export type Sign = -1 | 0 | 1;

/**
 * +1 when a→b→c turns counter-clockwise (c is left of a→b, x east and y north), −1 clockwise, 0 when
 * collinear. robust-predicates' `orient2d` has the opposite sign (it follows the y-down screen
 * convention), hence the flip.
 */
export function orientation(a: Position, b: Position, c: Position): Sign {
  const d = orient2d(a[0] as number, a[1] as number, b[0] as number, b[1] as number, c[0] as number, c[1] as number);
  return d < 0 ? 1 : d > 0 ? -1 : 0;
}

/** p lies within the closed box of a–b (used once collinearity is known). */
function withinBox(p: Position, a: Position, b: Position): boolean {
  const x = p[0] as number;
  const y = p[1] as number;
  const ax = a[0] as number;
  const ay = a[1] as number;
  const bx = b[0] as number;
  const by = b[1] as number;
  return x >= Math.min(ax, bx) && x <= Math.max(ax, bx) && y >= Math.min(ay, by) && y <= Math.max(ay, by);
}

/** p lies on the closed segment a–b, exactly. */
export function onSegment(p: Position, a: Position, b: Position): boolean {
  return orientation(a, b, p) === 0 && withinBox(p, a, b);
}

export type SegmentIntersection =
  | { readonly kind: 'none' }
  /** The interiors cross at one point that is no endpoint; `point` is rounded to the nearest double. */
  | { readonly kind: 'cross'; readonly point: Position }
  /** One point of contact that is an endpoint of at least one of them (exact: that endpoint). */
  | { readonly kind: 'touch'; readonly point: Position }
  /** Collinear with a shared piece of positive length, from `from` to `to` (both exact endpoints). */
  | { readonly kind: 'overlap'; readonly from: Position; readonly to: Position };

const NONE: SegmentIntersection = { kind: 'none' };

/** How the closed segments a–b and c–d meet. Zero-length segments are treated as points. */
export function segmentIntersection(a: Position, b: Position, c: Position, d: Position): SegmentIntersection {
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);

  if (o1 === 0 && o2 === 0 && o3 === 0 && o4 === 0) return collinear(a, b, c, d);
  if (o1 * o2 > 0 || o3 * o4 > 0) return NONE;
  if (o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) return { kind: 'cross', point: crossingPoint(a, b, c, d) };
  // One endpoint lies on the other segment's line and the other tests passed: it lies on the segment.
  if (o1 === 0 && withinBox(c, a, b)) return { kind: 'touch', point: c };
  if (o2 === 0 && withinBox(d, a, b)) return { kind: 'touch', point: d };
  if (o3 === 0 && withinBox(a, c, d)) return { kind: 'touch', point: a };
  if (o4 === 0 && withinBox(b, c, d)) return { kind: 'touch', point: b };
  return NONE;
}

function collinear(a: Position, b: Position, c: Position, d: Position): SegmentIntersection {
  // Lexicographic (x, then y) order is the order along any line, vertical ones included.
  const [lo1, hi1] = compareXY(a, b) <= 0 ? [a, b] : [b, a];
  const [lo2, hi2] = compareXY(c, d) <= 0 ? [c, d] : [d, c];
  const lo = compareXY(lo1, lo2) >= 0 ? lo1 : lo2;
  const hi = compareXY(hi1, hi2) <= 0 ? hi1 : hi2;
  const order = compareXY(lo, hi);
  if (order > 0) return NONE;
  if (order === 0) return { kind: 'touch', point: lo };
  return { kind: 'overlap', from: lo, to: hi };
}

/** Lexicographic order of positions: x first, then y. */
export function compareXY(p: Position, q: Position): number {
  return (p[0] as number) - (q[0] as number) || (p[1] as number) - (q[1] as number);
}

/** Crossing point of two properly crossing segments, computed relative to `a` and kept inside both boxes. */
export function crossingPoint(a: Position, b: Position, c: Position, d: Position): Position {
  const ax = a[0] as number;
  const ay = a[1] as number;
  const rx = (b[0] as number) - ax;
  const ry = (b[1] as number) - ay;
  const sx = (d[0] as number) - (c[0] as number);
  const sy = (d[1] as number) - (c[1] as number);
  const qx = (c[0] as number) - ax;
  const qy = (c[1] as number) - ay;
  const t = (qx * sy - qy * sx) / (rx * sy - ry * sx);
  const x = clamp(ax + t * rx, Math.max(Math.min(ax, ax + rx), Math.min(c[0] as number, d[0] as number)), Math.min(Math.max(ax, ax + rx), Math.max(c[0] as number, d[0] as number)));
  const y = clamp(ay + t * ry, Math.max(Math.min(ay, ay + ry), Math.min(c[1] as number, d[1] as number)), Math.min(Math.max(ay, ay + ry), Math.max(c[1] as number, d[1] as number)));
  return [x, y];
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/** Parameter of p's projection on a→b: 0 at a, 1 at b. */
export function projectionParameter(p: Position, a: Position, b: Position): number {
  const dx = (b[0] as number) - (a[0] as number);
  const dy = (b[1] as number) - (a[1] as number);
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return 0;
  return (((p[0] as number) - (a[0] as number)) * dx + ((p[1] as number) - (a[1] as number)) * dy) / len2;
}

/** Euclidean distance (in the coordinates' own units) from p to the closed segment a–b. */
export function distanceToSegment(p: Position, a: Position, b: Position): number {
  const t = Math.max(0, Math.min(1, projectionParameter(p, a, b)));
  const x = (a[0] as number) + t * ((b[0] as number) - (a[0] as number));
  const y = (a[1] as number) + t * ((b[1] as number) - (a[1] as number));
  return Math.hypot((p[0] as number) - x, (p[1] as number) - y);
}

/**
 * Calls `visit(i, j)` once for every pair of boxes that overlap (touching counts). Boxes are
 * [minX, minY, maxX, maxY] quadruples packed in one array.
 *
 * Sort-and-sweep along the axis where boxes overlap least: ~2 ms for a 10,000-vertex outline, and
 * O(n log n + pairs) unless long edges overlap along both axes. Measured against the alternatives on
 * 10,000-vertex adversaries: a comb of long horizontal teeth, 7 ms (a sweep along x took 135 ms); a
 * rectangular spiral, 80 ms (an rbush of the edge boxes took 270 ms: nested thin boxes defeat it).
 */
export function forEachOverlappingPair(boxes: Float64Array, visit: (i: number, j: number) => void): void {
  if (boxes.length < 8) return;
  sweep(boxes, crowding(boxes, 0) <= crowding(boxes, 1) ? 0 : 1, visit);
}

/** How many boxes cover an average line across `axis`: Σ extents / total range. */
function crowding(boxes: Float64Array, axis: 0 | 1): number {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = axis; i < boxes.length; i += 4) {
    const lo = boxes[i] as number;
    const hi = boxes[i + 2] as number;
    if (lo < min) min = lo;
    if (hi > max) max = hi;
    sum += hi - lo;
  }
  return max > min ? sum / (max - min) : boxes.length / 4;
}

function sweep(boxes: Float64Array, axis: 0 | 1, visit: (i: number, j: number) => void): void {
  const count = boxes.length / 4;
  const other = 1 - axis;
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  sortByLow(order, boxes, axis);
  for (let k = 0; k < count; k++) {
    const i = order[k] as number;
    const hi = boxes[i * 4 + 2 + axis] as number;
    const otherLo = boxes[i * 4 + other] as number;
    const otherHi = boxes[i * 4 + 2 + other] as number;
    for (let m = k + 1; m < count; m++) {
      const j = order[m] as number;
      if ((boxes[j * 4 + axis] as number) > hi) break;
      if ((boxes[j * 4 + other] as number) > otherHi || (boxes[j * 4 + 2 + other] as number) < otherLo) continue;
      visit(i, j);
    }
  }
}

/**
 * Orders box numbers by their low end on `axis`, stably. A parcel's outline has tens of edges, and
 * every parcel's validity sorts them: below 64 an insertion sort is several times cheaper than a typed
 * array's comparator sort (which copies and calls back); both keep equal lows in index order.
 */
function sortByLow(order: Uint32Array, boxes: Float64Array, axis: 0 | 1): void {
  if (order.length >= 64) {
    order.sort((i, j) => (boxes[i * 4 + axis] as number) - (boxes[j * 4 + axis] as number));
    return;
  }
  for (let k = 1; k < order.length; k++) {
    const item = order[k] as number;
    const low = boxes[item * 4 + axis] as number;
    let m = k - 1;
    while (m >= 0 && (boxes[(order[m] as number) * 4 + axis] as number) > low) {
      order[m + 1] = order[m] as number;
      m--;
    }
    order[m + 1] = item;
  }
}

/** Packs the boxes of segments p[i]–p[i+1] for the sweep. */
export function segmentBoxes(segments: readonly (readonly [Position, Position])[]): Float64Array {
  const boxes = new Float64Array(segments.length * 4);
  segments.forEach(([a, b], i) => {
    boxes[i * 4] = Math.min(a[0] as number, b[0] as number);
    boxes[i * 4 + 1] = Math.min(a[1] as number, b[1] as number);
    boxes[i * 4 + 2] = Math.max(a[0] as number, b[0] as number);
    boxes[i * 4 + 3] = Math.max(a[1] as number, b[1] as number);
  });
  return boxes;
}
