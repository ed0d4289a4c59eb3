/**
 * CAD curves as the vertex lists a GIS holds, in drawing units. Arcs (ARC, bulges, hatch arc edges) are
 * cut into segments of at most 4°, the default of GDAL's `OGR_ARC_STEPSIZE`, so a circle has 90 segments
 * here as in `ogrinfo` and a 50 m radius strays at most 3 cm from the true arc (r·(1 − cos 2°)); ellipses
 * the same; splines are evaluated (de Boor) as finely as they bend, like arcs. Block inserts and the object
 * coordinate system (OCS, the extrusion direction of mirrored entities) are 2D affine transforms.
 */
import type { Position } from 'geojson';

export interface XY {
  readonly x: number;
  readonly y: number;
}

/** x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Affine = readonly [number, number, number, number, number, number];

export const IDENTITY: Affine = [1, 0, 0, 1, 0, 0];
const STEP = (4 * Math.PI) / 180;
const TWO_PI = 2 * Math.PI;

export function apply(m: Affine, x: number, y: number): Position {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** `outer ∘ inner`: first inner, then outer. */
export function compose(outer: Affine, inner: Affine): Affine {
  const [a, b, c, d, e, f] = outer;
  const [a2, b2, c2, d2, e2, f2] = inner;
  return [a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2, a * e2 + c * f2 + e, b * e2 + d * f2 + f];
}

export function translate(x: number, y: number): Affine {
  return [1, 0, 0, 1, x, y];
}

export function rotateScale(radians: number, sx: number, sy: number): Affine {
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  return [cos * sx, sin * sx, -sin * sy, cos * sy, 0, 0];
}

/**
 * OCS → WCS for an extrusion direction N (the DXF "arbitrary axis algorithm"), projected on the XY plane.
 * A point (x, y) at `elevation` (its OCS z: code 38 of a LWPOLYLINE, 30 of a CIRCLE's centre, a HATCH's
 * elevation point…) lies at x·Ax + y·Ay + elevation·N, so on a tilted plane the elevation moves it by
 * elevation·(Nx, Ny), as AutoCAD, ezdxf and GDAL place it. N = (0, 0, 1) is the identity; N = (0, 0, −1),
 * what CAD's MIRROR leaves, negates x (and the elevation, straight up or down, moves nothing).
 */
export function ocs(extrusion: { x: number; y: number; z: number } | undefined, elevation = 0): Affine {
  if (!extrusion) return IDENTITY;
  const length = Math.hypot(extrusion.x, extrusion.y, extrusion.z);
  if (!(length > 0)) return IDENTITY;
  const n = { x: extrusion.x / length, y: extrusion.y / length, z: extrusion.z / length };
  if (Math.abs(n.x) < 1e-12 && Math.abs(n.y) < 1e-12 && n.z > 0) return IDENTITY;
  const cross = (a: { x: number; y: number; z: number }, b: { x: number; y: number; z: number }) => ({ x: a.y * b.z - a.z * b.y, y: a.z * b.x - a.x * b.z, z: a.x * b.y - a.y * b.x });
  let ax = Math.abs(n.x) < 1 / 64 && Math.abs(n.y) < 1 / 64 ? cross({ x: 0, y: 1, z: 0 }, n) : cross({ x: 0, y: 0, z: 1 }, n);
  const axLength = Math.hypot(ax.x, ax.y, ax.z);
  ax = { x: ax.x / axLength, y: ax.y / axLength, z: ax.z / axLength };
  const ay = cross(n, ax);
  const z = Number.isFinite(elevation) ? elevation : 0;
  // `+ 0`: no −0 from a mirrored entity's negative elevation.
  return [ax.x, ax.y, ay.x, ay.y, z * n.x + 0, z * n.y + 0];
}

/** Points of an arc from `start` to `end` (radians), counter-clockwise or clockwise, both ends included. */
export function arcPoints(center: XY, radius: number, start: number, end: number, ccw = true): Position[] {
  let sweep = ccw ? end - start : start - end;
  while (sweep <= 0) sweep += TWO_PI;
  while (sweep > TWO_PI + 1e-12) sweep -= TWO_PI;
  const signed = ccw ? sweep : -sweep;
  const segments = Math.max(1, Math.ceil(sweep / STEP - 1e-9));
  const points: Position[] = [];
  for (let i = 0; i <= segments; i++) {
    const angle = start + (signed * i) / segments;
    points.push([center.x + radius * Math.cos(angle), center.y + radius * Math.sin(angle)]);
  }
  return points;
}

/** A full circle as a closed ring (90 segments, first point repeated). */
export function circleRing(center: XY, radius: number): Position[] {
  const ring = arcPoints(center, radius, 0, TWO_PI);
  ring[ring.length - 1] = ring[0] as Position;
  return ring;
}

/** Points of an ellipse (major axis end `major` relative to the centre, minor/major `ratio`) between parameters. */
export function ellipsePoints(center: XY, major: XY, ratio: number, start: number, end: number, ccw = true): Position[] {
  let sweep = ccw ? end - start : start - end;
  while (sweep <= 0) sweep += TWO_PI;
  while (sweep > TWO_PI + 1e-12) sweep -= TWO_PI;
  const signed = ccw ? sweep : -sweep;
  const segments = Math.max(1, Math.ceil(sweep / STEP - 1e-9));
  const minor = { x: -major.y * ratio, y: major.x * ratio };
  const points: Position[] = [];
  for (let i = 0; i <= segments; i++) {
    const t = start + (signed * i) / segments;
    points.push([center.x + major.x * Math.cos(t) + minor.x * Math.sin(t), center.y + major.y * Math.cos(t) + minor.y * Math.sin(t)]);
  }
  return points;
}

/**
 * The arc from `from` to `to` that a bulge describes (bulge = tan(θ/4), θ the included angle, positive
 * counter-clockwise), without its first point; a straight segment when the bulge is 0.
 */
export function bulgePoints(from: XY, to: XY, bulge: number): Position[] {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const chord = Math.hypot(dx, dy);
  if (bulge === 0 || !Number.isFinite(bulge) || chord === 0) return [[to.x, to.y]];
  const theta = 4 * Math.atan(bulge);
  // Centre: the chord's middle moved along its left normal by (chord/2)·cot(θ/2).
  const offset = chord / 2 / Math.tan(theta / 2);
  const center = { x: (from.x + to.x) / 2 - (dy / chord) * offset, y: (from.y + to.y) / 2 + (dx / chord) * offset };
  const radius = Math.hypot(from.x - center.x, from.y - center.y);
  const start = Math.atan2(from.y - center.y, from.x - center.x);
  const points = arcPoints(center, radius, start, start + theta, theta > 0).slice(1);
  points[points.length - 1] = [to.x, to.y];
  return points;
}

/** A polyline with bulges: each vertex's bulge shapes the segment to the next (and, closed, the last to the first). */
export function bulgedPolyline(vertices: readonly (XY & { readonly bulge?: number })[], closed: boolean): Position[] {
  const first = vertices[0];
  if (!first) return [];
  const points: Position[] = [[first.x, first.y]];
  // A closed polyline that also repeats its first vertex (GDAL's hatch loops, many CASS outlines) is
  // already closed: a closing segment of length zero would repeat that vertex, and the shape would no
  // longer match the same outline drawn without the repeat (hatch + outline counted twice).
  const last = vertices[vertices.length - 1] as XY;
  const repeatsFirst = vertices.length > 1 && last.x === first.x && last.y === first.y;
  const count = closed && !repeatsFirst ? vertices.length : vertices.length - 1;
  for (let i = 0; i < count; i++) {
    const from = vertices[i] as XY & { bulge?: number };
    const to = vertices[(i + 1) % vertices.length] as XY;
    points.push(...bulgePoints(from, to, from.bulge ?? 0));
  }
  return points;
}

/** How far the direction of a polyline turns in all, in radians. */
function turning(points: readonly Position[]): number {
  let total = 0;
  let previous: number | null = null;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Position;
    const b = points[i] as Position;
    const dx = (b[0] as number) - (a[0] as number);
    const dy = (b[1] as number) - (a[1] as number);
    if (dx === 0 && dy === 0) continue;
    const direction = Math.atan2(dy, dx);
    if (previous !== null) total += Math.abs(Math.atan2(Math.sin(direction - previous), Math.cos(direction - previous)));
    previous = direction;
  }
  return total;
}

/** Probes per knot span to measure how much it bends. */
const PROBES = 16;

/**
 * A B-spline (NURBS when weights differ) evaluated with de Boor's algorithm, each knot span cut like an arc
 * (a segment per 4° of turning, so a circle drawn as a spline has the vertices of a drawn circle), a
 * straight span into one segment.
 */
export function splinePoints(degree: number, knots: readonly number[], controls: readonly XY[], weights: readonly number[] = []): Position[] {
  const n = controls.length;
  if (n === 0) return [];
  if (degree < 1 || knots.length !== n + degree + 1) return controls.map((c) => [c.x, c.y]);
  const w = (i: number) => weights[i] ?? 1;
  const evaluate = (t: number): Position => {
    let k = degree;
    while (k < n - 1 && t >= (knots[k + 1] as number)) k++;
    const d = Array.from({ length: degree + 1 }, (_, j) => {
      const c = controls[k - degree + j] as XY;
      const weight = w(k - degree + j);
      return [c.x * weight, c.y * weight, weight] as [number, number, number];
    });
    for (let r = 1; r <= degree; r++) {
      for (let j = degree; j >= r; j--) {
        const i = k - degree + j;
        const left = knots[i] as number;
        const right = knots[i + degree - r + 1] as number;
        const alpha = right === left ? 0 : (t - left) / (right - left);
        const a = d[j - 1] as [number, number, number];
        const b = d[j] as [number, number, number];
        d[j] = [(1 - alpha) * a[0] + alpha * b[0], (1 - alpha) * a[1] + alpha * b[1], (1 - alpha) * a[2] + alpha * b[2]];
      }
    }
    const p = d[degree] as [number, number, number];
    return [p[0] / p[2], p[1] / p[2]];
  };
  const points: Position[] = [];
  for (let span = degree; span < n; span++) {
    const from = knots[span] as number;
    const to = knots[span + 1] as number;
    if (to <= from) continue;
    const at = (count: number) => Array.from({ length: count + 1 }, (_, s) => evaluate(from + ((to - from) * s) / count));
    // The probes' chords turn through all but about one probe interval of the span's turning.
    const segments = Math.min(360, Math.max(1, Math.ceil((turning(at(PROBES)) * PROBES) / (PROBES - 1) / STEP - 1e-9)));
    points.push(...at(segments).slice(points.length === 0 ? 0 : 1));
  }
  return points.length ? points : controls.map((c) => [c.x, c.y]);
}
