/**
 * A SPLINE given by fit points only (ezdxf, LibreCAD and some CAD tools write no control points), as CAD
 * draws it: the cubic curve through the fit points, whatever degree the entity states. As ezdxf documents
 * for `fit_points_to_cad_cv` (matching AutoCAD and BricsCAD): global cubic interpolation with the knots at
 * the fit points' chord-length parameters; the start and end tangents (12/22, 13/23) fix the end directions
 * when given, else the curve is "natural" there (no second derivative); a closed spline is periodic, as
 * smooth through its first point as anywhere else. That interpolant is the C² cubic spline through the
 * points, found here in Hermite form (one derivative per fit point) and handed to `splinePoints` as Bézier
 * spans (triple inner knots), so it is flattened at the same 4° step as a control-point spline.
 */
import type { Position } from 'geojson';
import { splinePoints, type XY } from './dxf-geometry.ts';

/** The optional end tangents of an open fit-point spline (directions; their length is ignored, as AutoCAD does). */
export interface FitTangents {
  readonly start?: XY | undefined;
  readonly end?: XY | undefined;
}

const sub = (a: XY, b: XY): XY => ({ x: a.x - b.x, y: a.y - b.y });
const scale = (a: XY, k: number): XY => ({ x: a.x * k, y: a.y * k });
const add = (a: XY, b: XY): XY => ({ x: a.x + b.x, y: a.y + b.y });
const length = (a: XY) => Math.hypot(a.x, a.y);
/** A tangent as the derivative along arc length (unit length), or undefined when it gives no direction. */
const unit = (t: XY | undefined): XY | undefined => (t && Number.isFinite(t.x) && Number.isFinite(t.y) && length(t) > 0 ? scale(t, 1 / length(t)) : undefined);

/** Solves a tridiagonal system (sub-diagonal a, diagonal b, super-diagonal c) for vector right sides (Thomas). */
function tridiagonal(a: readonly number[], b: readonly number[], c: readonly number[], r: readonly XY[]): XY[] {
  const n = b.length;
  const cp: number[] = [];
  const rp: XY[] = [];
  for (let i = 0; i < n; i++) {
    const m = (b[i] as number) - (i > 0 ? (a[i] as number) * (cp[i - 1] as number) : 0);
    cp.push((c[i] ?? 0) / m);
    rp.push(scale(i > 0 ? sub(r[i] as XY, scale(rp[i - 1] as XY, a[i] as number)) : (r[i] as XY), 1 / m));
  }
  const x: XY[] = new Array<XY>(n);
  for (let i = n - 1; i >= 0; i--) x[i] = i === n - 1 ? (rp[i] as XY) : sub(rp[i] as XY, scale(x[i + 1] as XY, cp[i] as number));
  return x;
}

/** Solves a cyclic tridiagonal system (corners a[0] and c[n−1]) by Sherman–Morrison. */
function cyclic(a: readonly number[], b: readonly number[], c: readonly number[], r: readonly XY[]): XY[] {
  const n = b.length;
  const alpha = c[n - 1] as number;
  const beta = a[0] as number;
  const gamma = -(b[0] as number);
  const bb = b.map((v, i) => (i === 0 ? v - gamma : i === n - 1 ? v - (alpha * beta) / gamma : v));
  const x = tridiagonal(a, bb, c, r);
  const u = Array.from({ length: n }, (_, i) => ({ x: i === 0 ? gamma : i === n - 1 ? alpha : 0, y: 0 }));
  const z = tridiagonal(a, bb, c, u).map((p) => p.x);
  const denominator = 1 + (z[0] as number) + (beta * (z[n - 1] as number)) / gamma;
  const numerator = add(x[0] as XY, scale(x[n - 1] as XY, beta / gamma));
  const k = scale(numerator, 1 / denominator);
  return x.map((p, i) => sub(p, scale(k, z[i] as number)));
}

/**
 * The derivatives (along the chord-length parameter) at each point of the C² cubic through `points`: the
 * continuity of the second derivative at each inner point, and at the ends the given tangent or a zero
 * second derivative; for a closed curve the conditions wrap round.
 */
function derivatives(points: readonly XY[], h: readonly number[], closed: boolean, tangents: FitTangents): XY[] {
  const n = points.length;
  const slope = (i: number) => scale(sub(points[(i + 1) % n] as XY, points[i] as XY), 1 / (h[i] as number));
  const a: number[] = [];
  const b: number[] = [];
  const c: number[] = [];
  const r: XY[] = [];
  for (let i = 0; i < n; i++) {
    const inner = closed || (i > 0 && i < n - 1);
    if (inner) {
      const before = h[(i - 1 + n) % n] as number;
      const after = h[i] as number;
      a.push(after);
      b.push(2 * (before + after));
      c.push(before);
      r.push(scale(add(scale(slope((i - 1 + n) % n), after), scale(slope(i), before)), 3));
      continue;
    }
    const given = unit(i === 0 ? tangents.start : tangents.end);
    if (given) {
      a.push(0);
      b.push(1);
      c.push(0);
      r.push(given);
    } else if (i === 0) {
      a.push(0);
      b.push(2);
      c.push(1);
      r.push(scale(slope(0), 3));
    } else {
      a.push(1);
      b.push(2);
      c.push(0);
      r.push(scale(slope(n - 2), 3));
    }
  }
  return closed ? cyclic(a, b, c, r) : tridiagonal(a, b, c, r);
}

/** The fit points' curve, flattened; the points themselves (straight) when there are too few to bend. */
export function fitSplinePoints(fits: readonly XY[], closed: boolean, tangents: FitTangents = {}): Position[] {
  // Repeated points (a closing point written again, a double click) carry no chord to parametrise by.
  const points = fits.filter((p, i) => i === 0 || length(sub(p, fits[i - 1] as XY)) > 0);
  if (closed && points.length > 1 && length(sub(points[0] as XY, points[points.length - 1] as XY)) === 0) points.pop();
  const periodic = closed && points.length >= 3;
  if (points.length < 2 || (points.length === 2 && !unit(tangents.start) && !unit(tangents.end))) return fits.map((p) => [p.x, p.y]);
  const n = points.length;
  const spans = periodic ? n : n - 1;
  const h = Array.from({ length: spans }, (_, i) => length(sub(points[(i + 1) % n] as XY, points[i] as XY)));
  const d = derivatives(points, h, periodic, tangents);
  // Each span as a Bézier: its end points and a third of the span's derivative inward from each.
  const controls: XY[] = [points[0] as XY];
  const knots: number[] = [0, 0, 0, 0];
  let t = 0;
  for (let i = 0; i < spans; i++) {
    const from = points[i] as XY;
    const to = points[(i + 1) % n] as XY;
    const hi = h[i] as number;
    controls.push(add(from, scale(d[i] as XY, hi / 3)), sub(to, scale(d[(i + 1) % n] as XY, hi / 3)), to);
    t += hi;
    knots.push(...(i === spans - 1 ? [t, t, t, t] : [t, t, t]));
  }
  return splinePoints(3, knots, controls);
}
