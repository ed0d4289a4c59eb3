/**
 * A metric frame for deciding "within a millimetre" on lon/lat data, and how far a straight edge may bend
 * between the two planes real data comes from.
 *
 * The frame is affine in lon/lat (ground metres per degree at its origin), so a straight lon/lat edge stays
 * straight in it. Survey data and delivery packages are made in the Gauss-Krüger plane instead, where a
 * different chord is straight: a vertex that a survey put exactly on a neighbour's 600 m GK edge lies a few
 * millimetres off that edge's lon/lat chord. `chordSagitta` bounds that bend for one edge, from the second
 * derivatives of the GK projection at the frame's origin (nearly constant across a village), so tolerance
 * tests can accept a vertex on either chord without projecting anything per vertex.
 */
import { metresPerDegree } from './local-metric.ts';
import { gkZoneForLongitude, toGaussKruger } from './projection.ts';

/** Second-derivative step in degrees: large enough that rounding of GK metres (1e-9 m) stays far below it. */
const STEP_DEG = 0.01;

export class ChordFrame {
  readonly lon0: number;
  readonly lat0: number;
  /** Ground metres per degree of longitude / latitude at the origin. */
  readonly mx: number;
  readonly my: number;
  /** GK second derivatives (metres per degree²): ∂²/∂λ², ∂²/∂λ∂φ, ∂²/∂φ², each [east, north]. */
  private readonly hll: readonly [number, number];
  private readonly hlp: readonly [number, number];
  private readonly hpp: readonly [number, number];

  constructor(lon0: number, lat0: number) {
    this.lon0 = lon0;
    this.lat0 = lat0;
    const scale = metresPerDegree(lat0);
    this.mx = scale.x;
    this.my = scale.y;
    const crs = { zone: gkZoneForLongitude(lon0), zonePrefix: false } as const;
    const f = (dl: number, dp: number) => toGaussKruger([lon0 + dl * STEP_DEG, lat0 + dp * STEP_DEG], crs);
    const h2 = STEP_DEG * STEP_DEG;
    const second = (a: [number, number], b: [number, number], c: [number, number], d: [number, number], divisor: number): [number, number] => [
      (a[0] - b[0] - c[0] + d[0]) / divisor,
      (a[1] - b[1] - c[1] + d[1]) / divisor,
    ];
    const centre = f(0, 0);
    this.hll = second(f(1, 0), centre, centre, f(-1, 0), h2);
    this.hpp = second(f(0, 1), centre, centre, f(0, -1), h2);
    this.hlp = second(f(1, 1), f(1, -1), f(-1, 1), f(-1, -1), 4 * h2);
  }

  x(lon: number): number {
    return (lon - this.lon0) * this.mx;
  }

  y(lat: number): number {
    return (lat - this.lat0) * this.my;
  }

  lon(x: number): number {
    return this.lon0 + x / this.mx;
  }

  lat(y: number): number {
    return this.lat0 + y / this.my;
  }

  /**
   * How far (metres) the GK chord and the lon/lat chord of one edge lie apart at most: the midpoint offset
   * of a quadratic curve, |f''(d, d)| / 8, across the edge (the along-edge part included: an upper bound).
   */
  chordSagitta(dLon: number, dLat: number): number {
    const e = dLon * dLon * this.hll[0] + 2 * dLon * dLat * this.hlp[0] + dLat * dLat * this.hpp[0];
    const n = dLon * dLon * this.hll[1] + 2 * dLon * dLat * this.hlp[1] + dLat * dLat * this.hpp[1];
    const sagitta = Math.hypot(e, n) / 8;
    // Far outside the zone (test data at 0°E) the projection has no meaning: allow no bend rather than NaN.
    return Number.isFinite(sagitta) ? sagitta : 0;
  }
}
