import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { gdal, skipWithoutGdal } from '../../tests/support/gdal.ts';
import { ellipsoidalArea } from './area.ts';
import { metresPerDegree } from './local-metric.ts';
import { CGCS2000_A, CGCS2000_F } from './ellipsoid.ts';
import { geodesicLength, measureLine, measurePolygon } from './measure.ts';
import { gkPlaneLength } from './measure-plane.ts';
import { gkZoneForLongitude, toGaussKruger } from './projection.ts';

/** A village in Zhejiang, about 70 km east of zone 40's central meridian (120°E): GK scale ≈ 1.00006. */
const ORIGIN: Position = [120.7417, 30.4542];
/** Points `east`/`north` metres from ORIGIN, by the local metric (good to ~1e-5 at a few hundred metres). */
const SCALE = metresPerDegree(ORIGIN[1] as number);
const at = (east: number, north: number): Position => [(ORIGIN[0] as number) + east / SCALE.x, (ORIGIN[1] as number) + north / SCALE.y];
const LINES: readonly (readonly [string, Position, Position])[] = [
  ['east–west, 1 km', at(0, 0), at(1000, 0)],
  ['north–south, 1 km', at(0, 0), at(0, 1000)],
  ['diagonal, 1 km', at(0, 0), at(707.1, 707.1)],
  ['short, 12 m', at(10, 20), at(22, 21)],
];

/**
 * Vincenty's inverse formula (Survey Review 1975), written here from the paper and independent of
 * GeographicLib: accurate to well under a millimetre for lines this short.
 */
function vincenty(p: Position, q: Position): number {
  const a = CGCS2000_A;
  const f = CGCS2000_F;
  const b = a * (1 - f);
  const rad = Math.PI / 180;
  const L = ((q[0] as number) - (p[0] as number)) * rad;
  const U1 = Math.atan((1 - f) * Math.tan((p[1] as number) * rad));
  const U2 = Math.atan((1 - f) * Math.tan((q[1] as number) * rad));
  const [sinU1, cosU1, sinU2, cosU2] = [Math.sin(U1), Math.cos(U1), Math.sin(U2), Math.cos(U2)];
  let lambda = L;
  for (let i = 0; i < 200; i++) {
    const sinL = Math.sin(lambda);
    const cosL = Math.cos(lambda);
    const sinSigma = Math.hypot(cosU2 * sinL, cosU1 * sinU2 - sinU1 * cosU2 * cosL);
    if (sinSigma === 0) return 0;
    const cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosL;
    const sigma = Math.atan2(sinSigma, cosSigma);
    const sinAlpha = (cosU1 * cosU2 * sinL) / sinSigma;
    const cos2Alpha = 1 - sinAlpha * sinAlpha;
    const cos2SigmaM = cos2Alpha === 0 ? 0 : cosSigma - (2 * sinU1 * sinU2) / cos2Alpha;
    const C = (f / 16) * cos2Alpha * (4 + f * (4 - 3 * cos2Alpha));
    const previous = lambda;
    lambda = L + (1 - C) * f * sinAlpha * (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
    if (Math.abs(lambda - previous) < 1e-13) {
      const u2 = (cos2Alpha * (a * a - b * b)) / (b * b);
      const A = 1 + (u2 / 16384) * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
      const B = (u2 / 1024) * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
      const deltaSigma =
        B * sinSigma * (cos2SigmaM + (B / 4) * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM) - (B / 6) * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
      return b * A * (sigma - deltaSigma);
    }
  }
  throw new Error('Vincenty did not converge');
}

/**
 * The GK projection's point scale factor k from proj4 alone: the plane length of a tiny east step over
 * its exact ground length N·cosφ·Δλ (N the prime-vertical radius). Conformal, so k holds in every direction.
 */
function gkScale(p: Position): number {
  const zone = gkZoneForLongitude(ORIGIN[0] as number);
  const lat = ((p[1] as number) * Math.PI) / 180;
  const e2 = CGCS2000_F * (2 - CGCS2000_F);
  const N = CGCS2000_A / Math.sqrt(1 - e2 * Math.sin(lat) ** 2);
  const step = 1e-5; // degrees
  const [e1, n1] = toGaussKruger([(p[0] as number) - step / 2, p[1] as number], { zone, zonePrefix: false });
  const [e2p, n2] = toGaussKruger([(p[0] as number) + step / 2, p[1] as number], { zone, zonePrefix: false });
  return Math.hypot(e2p - e1, n2 - n1) / (N * Math.cos(lat) * ((step * Math.PI) / 180));
}

const midpoint = (p: Position, q: Position): Position => [((p[0] as number) + (q[0] as number)) / 2, ((p[1] as number) + (q[1] as number)) / 2];

describe('geodesic lengths on CGCS2000', () => {
  it.each(LINES)('%s agrees with Vincenty to < 1 mm', (_name, p, q) => {
    expect(Math.abs(geodesicLength(p, q) - vincenty(p, q))).toBeLessThan(0.001);
  });

  it.each(LINES)('%s agrees with the GK plane length over the mean point scale factor to < 1 mm', (_name, p, q) => {
    const plane = gkPlaneLength([p, q])!;
    // Simpson's rule for the mean scale along the line; the curvature of the projected geodesic is
    // negligible at this length (far below a micrometre).
    const meanScale = (gkScale(p) + 4 * gkScale(midpoint(p, q)) + gkScale(q)) / 6;
    expect(meanScale).toBeGreaterThan(1.00005);
    expect(Math.abs(plane.total / meanScale - geodesicLength(p, q))).toBeLessThan(0.001);
  });

  it('the GK plane length exceeds the geodesic by the scale factor (about 6 cm per km here)', () => {
    const [, p, q] = LINES[0]!;
    const plane = gkPlaneLength([p, q])!;
    expect(plane.zone).toBe(40);
    const excess = plane.total - geodesicLength(p, q);
    expect(excess).toBeGreaterThan(0.04);
    expect(excess).toBeLessThan(0.08);
  });

  it.skipIf(skipWithoutGdal('ogrinfo'))('agrees with GDAL/SpatiaLite’s ellipsoidal ST_Length to < 1 mm', () => {
    const dir = mkdtempSync(join(tmpdir(), 'measure-'));
    try {
      const features = LINES.map(([name, p, q]) => ({ type: 'Feature', properties: { name }, geometry: { type: 'LineString', coordinates: [p, q] } }));
      const path = join(dir, 'lines.geojson');
      writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features }));
      const out = gdal('ogrinfo', [path, '-q', '-dialect', 'SQLite', '-sql', 'SELECT ST_Length(SetSRID(geometry, 4490), 1) AS len FROM lines']);
      const lengths = [...out.matchAll(/len \(Real\) = ([\d.]+)/g)].map((m) => Number(m[1]));
      expect(lengths).toHaveLength(LINES.length);
      LINES.forEach(([, p, q], i) => expect(Math.abs(geodesicLength(p, q) - (lengths[i] as number))).toBeLessThan(0.001));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('measureLine', () => {
  it('gives each segment and the running total', () => {
    const points = [at(0, 0), at(300, 0), at(300, 400), at(0, 0)];
    const line = measureLine(points);
    expect(line.segments).toHaveLength(3);
    line.segments.forEach((s, i) => expect(s).toBeCloseTo(vincenty(points[i]!, points[i + 1]!), 3));
    expect(line.total).toBeCloseTo(line.segments[0]! + line.segments[1]! + line.segments[2]!, 9);
    // A 300-400-500 triangle on the ground, to the local metric the points were placed with.
    expect(Math.abs(line.total - 1200)).toBeLessThan(0.05);
  });

  it('two identical points: one segment of length 0', () => {
    expect(measureLine([at(5, 5), at(5, 5)])).toEqual({ segments: [0], total: 0 });
  });

  it('one point or none: no segment', () => {
    expect(measureLine([at(5, 5)])).toEqual({ segments: [], total: 0 });
    expect(measureLine([])).toEqual({ segments: [], total: 0 });
  });
});

describe('measurePolygon', () => {
  const square = [at(0, 0), at(1000, 0), at(1000, 1000), at(0, 1000)];

  it('area is the ellipsoidal area and the perimeter closes the outline', () => {
    const result = measurePolygon(square);
    if (result.kind !== 'polygon') throw new Error('expected a polygon');
    expect(result.area).toBe(ellipsoidalArea({ type: 'Polygon', coordinates: [[...square, square[0]!]] }));
    const edges = [0, 1, 2, 3].map((i) => vincenty(square[i]!, square[(i + 1) % 4]!));
    expect(Math.abs(result.perimeter - edges.reduce((a, b) => a + b, 0))).toBeLessThan(0.004);
    expect(result.selfIntersecting).toBe(false);
  });

  it('area agrees with the planar GK area over the squared scale factor; the raw GK area is larger by it', () => {
    const result = measurePolygon(square);
    if (result.kind !== 'polygon') throw new Error('expected a polygon');
    const zone = gkZoneForLongitude(ORIGIN[0] as number);
    const plane = square.map((p) => toGaussKruger(p, { zone, zonePrefix: false }));
    let twice = 0;
    plane.forEach(([x1, y1], i) => {
      const [x2, y2] = plane[(i + 1) % plane.length]!;
      twice += x1 * y2 - x2 * y1;
    });
    const gkArea = Math.abs(twice) / 2;
    const k = gkScale(at(500, 500));
    // k² − 1 ≈ 1.2e-4: the GK plane area of a 1 km² square is ~120 m² larger than on the ellipsoid.
    expect(gkArea / result.area - 1).toBeGreaterThan(1e-4);
    expect(Math.abs(gkArea / (k * k) / result.area - 1)).toBeLessThan(1e-6);
  });

  it('a closing copy of the first point changes nothing', () => {
    expect(measurePolygon([...square, square[0]!])).toEqual(measurePolygon(square));
  });

  it('fewer than three different points enclose nothing', () => {
    expect(measurePolygon([at(0, 0), at(10, 0)])).toEqual({ kind: 'tooFewPoints', distinctPoints: 2 });
    expect(measurePolygon([at(0, 0), at(10, 0), at(0, 0), at(10, 0)])).toEqual({ kind: 'tooFewPoints', distinctPoints: 2 });
    expect(measurePolygon([at(3, 3), at(3, 3), at(3, 3)])).toEqual({ kind: 'tooFewPoints', distinctPoints: 1 });
    expect(measurePolygon([])).toEqual({ kind: 'tooFewPoints', distinctPoints: 0 });
  });

  it('three points in a row: an area of (nearly) 0, not an error', () => {
    // In a row in lon/lat, not on one geodesic: a 20 m parallel and its geodesic enclose ~5e-5 m².
    const result = measurePolygon([at(0, 0), at(10, 0), at(20, 0)]);
    expect(result.kind).toBe('polygon');
    if (result.kind === 'polygon') expect(result.area).toBeLessThan(0.001);
  });

  it('says when the outline crosses itself', () => {
    const bowTie = [at(0, 0), at(100, 100), at(100, 0), at(0, 100)];
    const result = measurePolygon(bowTie);
    expect(result.kind === 'polygon' && result.selfIntersecting).toBe(true);
  });
});
