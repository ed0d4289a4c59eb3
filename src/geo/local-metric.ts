/**
 * Local metric of lon/lat degrees on the CGCS2000 ellipsoid: how many metres one degree spans at a
 * latitude. Used to turn metre tolerances (0.05 m, domain.md §6) into degree tolerances and to measure
 * short lengths without a projection. Closed-form radii of curvature; no library exposes just these.
 */
import { CGCS2000_A, CGCS2000_F } from './ellipsoid.ts';

const E2 = CGCS2000_F * (2 - CGCS2000_F);
const RADIANS_PER_DEGREE = Math.PI / 180;

export interface MetresPerDegree {
  /** East–west: metres per degree of longitude (the parallel's radius N·cos φ). */
  readonly x: number;
  /** North–south: metres per degree of latitude (the meridian radius M). */
  readonly y: number;
}

export function metresPerDegree(latitudeDeg: number): MetresPerDegree {
  const phi = latitudeDeg * RADIANS_PER_DEGREE;
  const sin = Math.sin(phi);
  const w2 = 1 - E2 * sin * sin;
  const primeVertical = CGCS2000_A / Math.sqrt(w2); // N
  const meridian = (CGCS2000_A * (1 - E2)) / (w2 * Math.sqrt(w2)); // M
  return { x: primeVertical * Math.cos(phi) * RADIANS_PER_DEGREE, y: meridian * RADIANS_PER_DEGREE };
}

/**
 * A degree tolerance that covers `metres` in every direction at this latitude: metres over the shorter
 * of the two degree lengths (longitude, away from the equator), so nothing within `metres` is missed.
 * In latitude it is therefore up to ~15 % looser at 30°N; use `toleranceDegreesXY` where that matters.
 */
export function toleranceDegrees(metres: number, latitudeDeg: number): number {
  const { x, y } = metresPerDegree(latitudeDeg);
  return metres / Math.min(x, y);
}

export function toleranceDegreesXY(metres: number, latitudeDeg: number): { readonly x: number; readonly y: number } {
  const { x, y } = metresPerDegree(latitudeDeg);
  return { x: metres / x, y: metres / y };
}

/** Approximate ground length of a short lon/lat segment in metres (local metric at its mid-latitude). */
export function localLengthMetres(a: readonly number[], b: readonly number[]): number {
  const ax = a[0] ?? NaN;
  const ay = a[1] ?? NaN;
  const bx = b[0] ?? NaN;
  const by = b[1] ?? NaN;
  const scale = metresPerDegree((ay + by) / 2);
  return Math.hypot((bx - ax) * scale.x, (by - ay) * scale.y);
}

/**
 * Distance in ground metres from (x, y) to the segment (ax, ay)–(bx, by), all in degrees, with `mx`, `my`
 * metres per degree east and north (metresPerDegree at the place): a plane around the segment, which over a
 * few metres is off by far less than a millimetre.
 */
export function distanceToSegmentM(x: number, y: number, ax: number, ay: number, bx: number, by: number, mx: number, my: number): number {
  // In metres relative to a: the segment runs from (0, 0) to (ex, ey).
  const ex = (bx - ax) * mx;
  const ey = (by - ay) * my;
  const px = (x - ax) * mx;
  const py = (y - ay) * my;
  const length2 = ex * ex + ey * ey;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, (px * ex + py * ey) / length2));
  const qx = px - t * ex;
  const qy = py - t * ey;
  return Math.sqrt(qx * qx + qy * qy);
}
