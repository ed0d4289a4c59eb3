import turfArea from '@turf/area';
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ellipsoidalArea, polygonArea, ringArea } from './area.ts';
import { CGCS2000_A, CGCS2000_F } from './ellipsoid.ts';
import { cgcs2000Geodesic, geographicLib } from './geodesic.ts';
import { multi, polygon, square } from './test-support.ts';

/**
 * Independent closed form: the area between the equator and latitude φ per radian of longitude on an
 * ellipsoid of revolution, (a²/2)·q(φ), where q is the authalic-latitude function
 *   q(φ) = (1 − e²)·[ sin φ / (1 − e² sin²φ) − 1/(2e) · ln((1 − e sin φ)/(1 + e sin φ)) ]
 * (Snyder, Map Projections – A Working Manual, eq. 3-12). A lat/lon cell then has area
 * (a²/2)·Δλ·(q(φ2) − q(φ1)).
 */
const E2 = CGCS2000_F * (2 - CGCS2000_F);
const E = Math.sqrt(E2);
function q(latDeg: number): number {
  const s = Math.sin((latDeg * Math.PI) / 180);
  return (1 - E2) * (s / (1 - E2 * s * s) - (1 / (2 * E)) * Math.log((1 - E * s) / (1 + E * s)));
}
function cellArea(lon1: number, lat1: number, lon2: number, lat2: number): number {
  return ((CGCS2000_A * CGCS2000_A) / 2) * (((lon2 - lon1) * Math.PI) / 180) * (q(lat2) - q(lat1));
}

/** The cell with its parallels densified, so geodesic edges hug the parallels the closed form integrates along. */
function densifiedCell(lon1: number, lat1: number, lon2: number, lat2: number, steps: number): Polygon {
  const south: Position[] = Array.from({ length: steps }, (_, i) => [lon1 + ((lon2 - lon1) * i) / steps, lat1]);
  const north: Position[] = Array.from({ length: steps }, (_, i) => [lon2 - ((lon2 - lon1) * i) / steps, lat2]);
  return polygon([...south, [lon2, lat1], ...north, [lon1, lat2]]);
}

describe('ellipsoidalArea against the closed form', () => {
  const exact = cellArea(120, 30, 120.01, 30.01);

  it('the 0.01° × 0.01° cell at 30°N agrees to 1e-6 relative', () => {
    expect(exact).toBeGreaterThan(1.06e6); // about 965 m × 1,109 m
    expect(Math.abs(ellipsoidalArea(square(120, 30, 120.01, 30.01)) / exact - 1)).toBeLessThan(1e-6);
  });

  it('agrees to 1e-9 once the parallels are densified (the remaining gap is geodesic vs parallel edges)', () => {
    expect(Math.abs(ellipsoidalArea(densifiedCell(120, 30, 120.01, 30.01, 50)) / exact - 1)).toBeLessThan(1e-9);
  });

  it('agrees at other latitudes and sizes (village scale up to a whole degree)', () => {
    for (const [lon, lat, size] of [[118.2, 27.1, 0.001], [121.9, 31.2, 0.05], [120, 29, 1]] as const) {
      const expected = cellArea(lon, lat, lon + size, lat + size);
      expect(Math.abs(ellipsoidalArea(densifiedCell(lon, lat, lon + size, lat + size, 200)) / expected - 1)).toBeLessThan(1e-7);
    }
  });

  it('differs from turf’s spherical area by about 0.1 % at 30°N', () => {
    const cell = square(120, 30, 120.01, 30.01);
    const spherical = turfArea(cell);
    const difference = spherical / ellipsoidalArea(cell) - 1;
    expect(difference).toBeGreaterThan(0.0008);
    expect(difference).toBeLessThan(0.0014);
  });
});

describe('ring handling', () => {
  const cell = square(120, 30, 120.01, 30.01);
  const ring = cell.coordinates[0] as Position[];

  it('a clockwise ring gives the same area', () => {
    expect(ringArea([...ring].reverse())).toBeCloseTo(ringArea(ring), 6);
  });

  it('the closing position is optional', () => {
    expect(ringArea(ring.slice(0, -1))).toBeCloseTo(ringArea(ring), 6);
  });

  it('holes subtract, either winding', () => {
    const hole = square(120.002, 30.002, 120.004, 30.004).coordinates[0] as Position[];
    const expected = ellipsoidalArea(cell) - ellipsoidalArea(square(120.002, 30.002, 120.004, 30.004));
    expect(polygonArea([ring, [...hole].reverse()])).toBeCloseTo(expected, 6);
    expect(polygonArea([ring, hole])).toBeCloseTo(expected, 6);
    expect(expected).toBeCloseTo(cellArea(120, 30, 120.01, 30.01) - cellArea(120.002, 30.002, 120.004, 30.004), 0);
  });

  it('MultiPolygon members add up', () => {
    const other = square(121, 29, 121.001, 29.001);
    expect(ellipsoidalArea(multi(cell, other))).toBeCloseTo(ellipsoidalArea(cell) + ellipsoidalArea(other), 6);
  });

  it('degenerate rings have no area', () => {
    expect(ringArea([])).toBe(0);
    expect(ringArea([[120, 30], [120.001, 30.001], [120, 30]])).toBe(0);
  });
});

describe('edges are (very nearly) geodesics (worth knowing when vertices are added)', () => {
  it('a vertex put on the lon/lat midpoint of a 965 m east–west edge adds ~5 m²', () => {
    // An east–west geodesic bulges poleward from the parallel by the sagitta s = L²·tan φ / (8N);
    // the lens between them is (2/3)·s·L. Splitting the edge at the parallel's midpoint leaves two lenses
    // of 1/8 the size each: the area changes by 3/4 of the lens.
    const cell = square(120, 30, 120.01, 30.01);
    const split = polygon([[120, 30], [120.005, 30], [120.01, 30], [120.01, 30.01], [120, 30.01]]);
    const phi = (30 * Math.PI) / 180;
    const n = CGCS2000_A / Math.sqrt(1 - E2 * Math.sin(phi) ** 2);
    const length = ((0.01 * Math.PI) / 180) * n * Math.cos(phi);
    const lens = (2 / 3) * ((length * length * Math.tan(phi)) / (8 * n)) * length;
    const change = ellipsoidalArea(split) - ellipsoidalArea(cell);
    expect(lens).toBeGreaterThan(6);
    // Great circles of the authalic sphere, not geodesics: their lens is 0.5 % smaller (0.03 m² on this 1 km edge).
    expect(Math.abs(change / ((3 / 4) * lens) - 1)).toBeLessThan(0.01);
  });
});

/** GeographicLib's PolygonArea: geodesic edges, exact to round-off; an implementation independent of ours. */
function geographicLibArea(rings: readonly (readonly Position[])[]): number {
  return rings.reduce((total, ring, i) => {
    const area = new geographicLib.PolygonArea.PolygonArea(cgcs2000Geodesic, false);
    for (const [lon, lat] of ring.slice(0, -1)) area.AddPoint(lat!, lon!);
    const value = Math.abs(area.Compute(false, true).area ?? 0);
    return total + (i === 0 ? value : -value);
  }, 0);
}

/** A ring of `count` vertices on a wobbly circle of `radiusDeg` around (lon, lat): irregular like a parcel or a village. */
function wobbly(lon: number, lat: number, radiusDeg: number, count: number): Position[] {
  const ring: Position[] = Array.from({ length: count }, (_, i) => {
    const angle = (2 * Math.PI * i) / count;
    const r = radiusDeg * (1 + 0.3 * Math.sin(5 * angle) + 0.1 * Math.cos(11 * angle));
    return [lon + r * Math.cos(angle), lat + r * Math.sin(angle)];
  });
  return [...ring, ring[0]!];
}

describe('ellipsoidalArea against GeographicLib', () => {
  it('agrees on parcels, a village and a township within 1e-8 relative and 0.05 m²', () => {
    const cases: Polygon[] = [
      polygon(wobbly(120.7, 30.7, 0.0003, 9).slice(0, -1)), // a ~30 m parcel
      polygon(wobbly(118.5, 27.3, 0.002, 40).slice(0, -1)), // ~200 m, south Zhejiang
      { type: 'Polygon', coordinates: [wobbly(121.5, 30.9, 0.012, 32), wobbly(121.5, 30.9, 0.002, 12).reverse()] }, // a village with a hole, 1 km edges
      polygon(wobbly(120, 29, 0.05, 200).slice(0, -1)), // a township
    ];
    for (const geometry of cases) {
      const ours = ellipsoidalArea(geometry);
      const reference = geographicLibArea(geometry.coordinates);
      expect(Math.abs(ours - reference), `${reference} m²`).toBeLessThan(Math.max(0.05, reference * 1e-8));
    }
  });
});
