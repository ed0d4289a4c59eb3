import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { overlappingPairs, tJunctions } from './plan-geometry-checks.ts';

// Two 0.001° squares side by side near the sample's latitude (≈ 96 m × 111 m each).
const square = (x0: number, extra: number[][] = []): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x0, 30.6], [x0 + 0.001, 30.6], ...extra, [x0 + 0.001, 30.601], [x0, 30.601], [x0, 30.6]]],
});

describe('the checks the generator tests rely on', () => {
  it('see no overlap and no T-junction between neighbours that share an edge', () => {
    const pair = [square(120.8), square(120.801)];
    expect(overlappingPairs(pair, 0.01)).toEqual([]);
    expect(tJunctions(pair)).toEqual([]);
  });

  it('find an overlap', () => {
    const found = overlappingPairs([square(120.8), square(120.8005)], 0.01);
    expect(found).toHaveLength(1);
    expect(found[0]!.m2).toBeGreaterThan(5000);
  });

  it('find a vertex on a neighbour’s edge that the neighbour lacks', () => {
    const withMidpoint = square(120.8, [[120.801, 30.6005]]);
    const found = tJunctions([withMidpoint, square(120.801)]);
    expect(found.map((f) => f.vertex)).toEqual([[120.801, 30.6005]]);
  });
});
