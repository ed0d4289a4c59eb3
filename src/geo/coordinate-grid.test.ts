import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { coordinateGrid } from './coordinate-grid.ts';
import { fromGaussKruger } from './projection.ts';

const CM_120 = { zone: 40, zonePrefix: false } as const;

/** 50 jittered squares of a village near Huzhou, given as Gauss-Krüger corners rounded by `round`. */
function squaresInGk(round: (metres: number) => number): Polygon[] {
  let seed = 11;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  return Array.from({ length: 50 }, (_, i) => {
    const e = 512_000 + (i % 10) * 37.123456 + random();
    const n = 3_395_000 + Math.floor(i / 10) * 41.654321 + random();
    const corners: Position[] = [[e, n], [e + 30.3, n], [e + 30.3, n + 29.7], [e, n + 29.7]].map(([x, y]) => fromGaussKruger([round(x as number), round(y as number)], CM_120));
    return { type: 'Polygon', coordinates: [[...corners, corners[0] as Position]] };
  });
}

const toDecimals = (polygons: readonly Polygon[], decimals: number): Polygon[] => polygons.map((p) => ({ type: 'Polygon', coordinates: p.coordinates.map((ring) => ring.map(([x, y]) => [Number((x as number).toFixed(decimals)), Number((y as number).toFixed(decimals))])) }));

describe('coordinateGrid: how finely a layer was written', () => {
  const exact = squaresInGk((m) => m);

  it('finds nothing in full-precision data', () => {
    expect(coordinateGrid(exact)).toBeNull();
  });

  it('finds lon/lat kept to 7 decimals (RFC 7946 GeoJSON: ~8 mm of rounding), 6 and 8', () => {
    expect(coordinateGrid(toDecimals(exact, 7))).toMatchObject({ kind: 'lonLat', step: 1e-7 });
    expect(coordinateGrid(toDecimals(exact, 7))?.roundingM).toBeCloseTo(0.0078, 4);
    expect(coordinateGrid(toDecimals(exact, 6))).toMatchObject({ kind: 'lonLat', step: 1e-6 });
    expect(coordinateGrid(toDecimals(exact, 8))?.roundingM).toBeLessThan(0.001);
  });

  it('finds Gauss-Krüger kept to the centimetre or the millimetre, through the lon/lat the plan holds', () => {
    expect(coordinateGrid(squaresInGk((m) => Math.round(m * 100) / 100))).toMatchObject({ kind: 'gk', step: 0.01 });
    expect(coordinateGrid(squaresInGk((m) => Math.round(m * 100) / 100))?.roundingM).toBeCloseTo(0.00707, 5);
    expect(coordinateGrid(squaresInGk((m) => Math.round(m * 1000) / 1000))).toMatchObject({ kind: 'gk', step: 0.001 });
  });

  it('says nothing from too few vertices', () => {
    expect(coordinateGrid(toDecimals(exact, 7).slice(0, 1))).toBeNull();
  });
});
