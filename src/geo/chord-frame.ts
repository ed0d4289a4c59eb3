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
   * Where the GK chord of one edge lies at its middle relative to its lon/lat chord, as [east, north] metres
   * of the frame: H(d, d) / 8 for the GK projection's second derivatives H (the GK image of the lon/lat chord
   * bows by that from the GK chord; mapped back, the GK chord bows by it from the lon/lat chord, up to the
   * meridian convergence, a rotation of ~0.2°). A fraction t along the edge the offset is 4·t·(1 − t) times
   * this. Zero far outside the zone (test data at 0°E), where the projection has no meaning.
   */
  chordBend(dLon: number, dLat: number): [number, number] {
    const e = this.second(dLon, dLat, 0) / 8;
    const n = this.second(dLon, dLat, 1) / 8;
    return Number.isFinite(e) && Number.isFinite(n) ? [e, n] : [0, 0];
  }

  /**
   * How far (metres) the GK chord and the lon/lat chord of one edge lie apart at most: the length of its
   * `chordBend` (the along-edge part included: an upper bound).
   */
  chordSagitta(dLon: number, dLat: number): number {
    const sagitta = Math.hypot(this.second(dLon, dLat, 0), this.second(dLon, dLat, 1)) / 8;
    // Far outside the zone (test data at 0°E) the projection has no meaning: allow no bend rather than NaN.
    return Number.isFinite(sagitta) ? sagitta : 0;
  }

  /** The GK projection's second derivative along (dLon, dLat), east (0) or north (1), in metres. */
  private second(dLon: number, dLat: number, axis: 0 | 1): number {
    return dLon * dLon * this.hll[axis] + 2 * dLon * dLat * this.hlp[axis] + dLat * dLat * this.hpp[axis];
  }
}
