import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { pointInAreaGeometry, pointInPolygonRings, pointInRing, ringLocation } from './point-in-ring.ts';
import { lShape, polygon, square } from './test-support.ts';

const ring = (g: { coordinates: Position[][] }): Position[] => g.coordinates[0] as Position[];

describe('pointInRing', () => {
  it('tells inside, outside and boundary, either winding', () => {
    const sq = ring(square(0, 0, 2, 2));
    expect(pointInRing([1, 1], sq)).toBe('inside');
    expect(pointInRing([3, 1], sq)).toBe('outside');
    expect(pointInRing([2, 1], sq)).toBe('boundary');
    expect(pointInRing([0, 0], sq)).toBe('boundary');
    expect(pointInRing([1, 1], [...sq].reverse())).toBe('inside');
  });

  it('handles the notch of an L-shape and rays through vertices', () => {
    const l = ring(lShape());
    expect(pointInRing([1.5, 1.5], l)).toBe('outside');
    expect(pointInRing([0.5, 1], l)).toBe('inside'); // the ray to the east passes through vertex (1, 1)
    expect(pointInRing([0.5, 1.5], l)).toBe('inside');
  });
});

describe('pointInPolygonRings and ringLocation', () => {
  const withHole = polygon([[0, 0], [4, 0], [4, 4], [0, 4]], [[1, 1], [1, 3], [3, 3], [3, 1]]);
  it('treats hole interiors as outside and hole outlines as boundary', () => {
    expect(pointInPolygonRings([2, 2], withHole.coordinates)).toBe('outside');
    expect(pointInPolygonRings([0.5, 2], withHole.coordinates)).toBe('inside');
    expect(pointInPolygonRings([1, 2], withHole.coordinates)).toBe('boundary');
  });

  it('locates a ring by its vertices, or its edge midpoints when all vertices are on the outline', () => {
    const outer = ring(square(0, 0, 4, 4));
    expect(ringLocation(ring(square(1, 1, 2, 2)), outer)).toBe('inside');
    expect(ringLocation(ring(square(5, 5, 6, 6)), outer)).toBe('outside');
    const diamond: Position[] = [[2, 0], [4, 2], [2, 4], [0, 2], [2, 0]];
    expect(ringLocation(diamond, outer)).toBe('inside');
    expect(ringLocation(outer, outer)).toBe('boundary');
  });
});

describe('pointInAreaGeometry', () => {
  it('finds a point in any member of a MultiPolygon, and not in a hole', () => {
    const multi = {
      type: 'MultiPolygon' as const,
      coordinates: [
        [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [1, 3], [3, 3], [3, 1], [1, 1]]],
        [[[10, 0], [12, 0], [12, 2], [10, 2], [10, 0]]],
      ],
    };
    expect(pointInAreaGeometry([11, 1], multi)).toBe('inside');
    expect(pointInAreaGeometry([2, 2], multi)).toBe('outside');
    expect(pointInAreaGeometry([0.5, 0.5], multi)).toBe('inside');
    expect(pointInAreaGeometry([4, 2], multi)).toBe('boundary');
    expect(pointInAreaGeometry([7, 1], multi)).toBe('outside');
  });
});
