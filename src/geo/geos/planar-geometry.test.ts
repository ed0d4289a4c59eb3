import { describe, expect, it } from 'vitest';
import { polygonKey, samePolygons, type FlatPolygon } from './planar-geometry.ts';

const rect = (x0: number, y0: number, x1: number, y1: number): FlatPolygon => [Float64Array.of(x0, y0, x1, y0, x1, y1, x0, y1, x0, y0)];

describe('polygonKey', () => {
  it('is the same for the same coordinates in a new object, and differs where a coordinate does', () => {
    const a = rect(571600, 3342288, 571610.25, 3342300);
    expect(polygonKey(structuredClone(a))).toBe(polygonKey(a));
    expect(samePolygons([structuredClone(a)], [a])).toBe(true);
    // One coordinate a hair off (the last bit of 571,610.25), and a hole added.
    const moved = rect(571600, 3342288, 571610.25 + 1.2e-10, 3342300);
    expect(polygonKey(moved)).not.toBe(polygonKey(a));
    expect(polygonKey([...a, (rect(571601, 3342289, 571602, 3342290)[0] as Float64Array).reverse()])).not.toBe(polygonKey(a));
  });
});
