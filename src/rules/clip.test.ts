import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../geo/area.ts';
import { polygon, square } from '../geo/test-support.ts';
import { combine, intersect, partInside, partOutside, subtract } from './clip.ts';

const cell = square(120, 30, 120.001, 30.001);
const left = polygon([[120, 30], [120.0005, 30], [120.0005, 30.001], [120, 30.001]]);

describe('clip', () => {
  it('answers from shared vertices without clipping, and clips when it must', () => {
    const withVertices = polygon([[120, 30], [120.0005, 30], [120.001, 30], [120.001, 30.001], [120.0005, 30.001], [120, 30.001]]);
    const inter = intersect(left, withVertices, 0.01);
    expect(inter.ok && inter.value).toBe(left);
    const rest = subtract(withVertices, left, 0.01);
    expect(rest.ok && rest.value && ellipsoidalArea(rest.value)).toBeCloseTo(ellipsoidalArea(cell) / 2, 0);
  });

  it('finds the part outside and inside several covers', () => {
    const out = partOutside(cell, [left], 0.01);
    expect(out.ok && out.value && ellipsoidalArea(out.value)).toBeCloseTo(ellipsoidalArea(cell) / 2, 0);
    const inside = partInside(cell, [left], 0.01);
    expect(inside.ok && inside.value && ellipsoidalArea(inside.value)).toBeCloseTo(ellipsoidalArea(cell) / 2, 0);
    const allIn = partInside(left, [cell], 0.01);
    expect(allIn.ok && allIn.value).toBe(left);
    expect(combine([null, left, square(121, 30, 121.001, 30.001)])?.type).toBe('MultiPolygon');
  });
});
