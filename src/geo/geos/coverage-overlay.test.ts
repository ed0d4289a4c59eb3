import { describe, expect, it } from 'vitest';
import { gapsIn, meanWidth, overlapOf, partsOutside } from './coverage-overlay.ts';
import type { FlatPolygon } from './planar-geometry.ts';

/** An axis-aligned rectangle in plane metres, closed, as GEOS wants it. */
const rect = (x0: number, y0: number, x1: number, y1: number): FlatPolygon => [Float64Array.of(x0, y0, x1, y0, x1, y1, x0, y1, x0, y0)];
const MM = 0.001;
const village = [rect(0, 0, 100, 50)];

describe('coverage overlays (GEOS)', () => {
  it('finds a gap between two parcels by one union and one difference, with its area and mean width', () => {
    const gaps = gapsIn(village, [-1, -1, 101, 51], [[rect(0, 0, 49.995, 50)], [rect(50, 0, 100, 50)]], MM);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.area).toBeCloseTo(0.25, 6);
    expect(meanWidth(gaps)).toBeCloseTo(0.005, 4);
  });

  it('drops a gap or an overlap thinner than the tolerance, however long', () => {
    expect(gapsIn(village, [-1, -1, 101, 51], [[rect(0, 0, 49.9995, 50)], [rect(50, 0, 100, 50)]], MM)).toEqual([]);
    expect(overlapOf([rect(0, 0, 50.0005, 50)], [rect(50, 0, 100, 50)], MM)).toEqual([]);
  });

  it('keeps a part wide somewhere though its mean width is a sliver’s, and drops the sliver alone', () => {
    // Below the village's edge: a 0.5 mm tail 10 m long, with (or without) a 5 mm square at its end.
    const withSquare: FlatPolygon = [Float64Array.of(0, 0, 60, 0, 60, -0.0005, 69.995, -0.0005, 69.995, -0.005, 70, -0.005, 70, 50, 0, 50, 0, 0)];
    const tailOnly: FlatPolygon = [Float64Array.of(0, 0, 60, 0, 60, -0.0005, 70, -0.0005, 70, 50, 0, 50, 0, 0)];
    const outside = partsOutside([withSquare], village, MM);
    expect(outside).toHaveLength(1);
    expect(meanWidth(outside)).toBeLessThan(MM);
    expect(outside[0]!.area).toBeCloseTo(10 * 0.0005 + 0.005 * 0.0045, 7);
    expect(partsOutside([tailOnly], village, MM)).toEqual([]);
  });

  it('finds nothing where parcels share their edges', () => {
    expect(overlapOf([rect(0, 0, 50, 50)], [rect(50, 0, 100, 50)], MM)).toEqual([]);
    expect(gapsIn(village, [-1, -1, 101, 51], [[rect(0, 0, 50, 50)], [rect(50, 0, 100, 50)]], MM)).toEqual([]);
  });
});
