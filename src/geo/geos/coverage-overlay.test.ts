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
    expect(meanWidth(gaps, MM)).toBeCloseTo(0.005, 4);
  });

  it('drops a gap or an overlap thinner than the tolerance, however long', () => {
    expect(gapsIn(village, [-1, -1, 101, 51], [[rect(0, 0, 49.9995, 50)], [rect(50, 0, 100, 50)]], MM)).toEqual([]);
    expect(overlapOf([rect(0, 0, 50.0005, 50)], [rect(50, 0, 100, 50)], MM)).toEqual([]);
  });

  it('keeps a part wide somewhere though its mean width is a sliver’s, measures it without the sliver, and drops the sliver alone', () => {
    // Below the village's edge: a 0.5 mm tail 10 m long, with (or without) a 5 mm square at its end.
    const withSquare: FlatPolygon = [Float64Array.of(0, 0, 60, 0, 60, -0.0005, 69.995, -0.0005, 69.995, -0.005, 70, -0.005, 70, 50, 0, 50, 0, 0)];
    const tailOnly: FlatPolygon = [Float64Array.of(0, 0, 60, 0, 60, -0.0005, 70, -0.0005, 70, 50, 0, 50, 0, 0)];
    const outside = partsOutside([withSquare], village, MM);
    expect(outside).toHaveLength(1);
    // The 5 mm square's: the tail's 20 m of outline do not count.
    expect(meanWidth(outside, MM)).toBeCloseTo(0.0025, 5);
    expect(outside[0]!.area).toBeCloseTo(10 * 0.0005 + 0.005 * 0.0045, 7);
    expect(partsOutside([tailOnly], village, MM)).toEqual([]);
  });

  it('measures a strip pushed out along a 100 m edge by its width, not by the hairline tails an overlay leaves along the edges shared within the tolerance', () => {
    // The east parcel of a 200 × 100 m village, pushed out by 9 cm; its south edge a hair (1e-9 m, a
    // reprojection's rounding) or 0.3 mm (jitter) below the village's, so the part outside comes back with a
    // tail 100 m long.
    for (const below of [1e-9, 0.0003]) {
      const outside = partsOutside([rect(100, -below, 200.09, 100)], [rect(0, 0, 200, 100)], MM);
      expect(outside).toHaveLength(1);
      expect(meanWidth(outside, MM)).toBeCloseTo(0.09, 3);
    }
  });

  it('finds nothing where parcels share their edges', () => {
    expect(overlapOf([rect(0, 0, 50, 50)], [rect(50, 0, 100, 50)], MM)).toEqual([]);
    expect(gapsIn(village, [-1, -1, 101, 51], [[rect(0, 0, 50, 50)], [rect(50, 0, 100, 50)]], MM)).toEqual([]);
  });
});
