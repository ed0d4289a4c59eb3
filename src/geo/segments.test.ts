import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { compareXY, crossingPoint, distanceToSegment, forEachOverlappingPair, onSegment, orientation, projectionParameter, segmentIntersection } from './segments.ts';

describe('orientation', () => {
  it('is +1 counter-clockwise (y north), −1 clockwise, 0 collinear', () => {
    expect(orientation([0, 0], [1, 0], [0, 1])).toBe(1);
    expect(orientation([0, 0], [0, 1], [1, 0])).toBe(-1);
    expect(orientation([0, 0], [1, 1], [3, 3])).toBe(0);
  });

  it('is exact where naive floating point is not', () => {
    // A point on the line through a and b in exact arithmetic but not representable: tiny offsets must
    // give a consistent, non-zero sign, and points built exactly on the line must give 0.
    const a: Position = [120.1, 30.1];
    const b: Position = [120.3, 30.3];
    expect(orientation(a, b, [120.2, 30.2])).not.toBe(0); // 120.2/30.2 are not exactly on the binary line
    expect(orientation([0.5, 0.5], [12, 12], [24, 24])).toBe(0);
    const eps = 2 ** -40;
    expect(orientation([0.5, 0.5], [12, 12], [24, 24 + eps])).toBe(1);
    expect(orientation([0.5, 0.5], [12, 12], [24, 24 - eps])).toBe(-1);
  });
});

describe('segmentIntersection', () => {
  it('finds a proper crossing', () => {
    const hit = segmentIntersection([0, 0], [2, 2], [0, 2], [2, 0]);
    expect(hit).toEqual({ kind: 'cross', point: [1, 1] });
  });

  it('reports touches at endpoints with the exact endpoint', () => {
    expect(segmentIntersection([0, 0], [2, 0], [1, 0], [1, 5])).toEqual({ kind: 'touch', point: [1, 0] });
    expect(segmentIntersection([0, 0], [2, 0], [2, 0], [3, 1])).toEqual({ kind: 'touch', point: [2, 0] });
    expect(segmentIntersection([0, 0], [1, 0], [1, 0], [2, 0])).toEqual({ kind: 'touch', point: [1, 0] });
  });

  it('reports collinear overlaps, vertical ones included', () => {
    expect(segmentIntersection([0, 0], [3, 0], [2, 0], [5, 0])).toEqual({ kind: 'overlap', from: [2, 0], to: [3, 0] });
    expect(segmentIntersection([0, 0], [0, 3], [0, 5], [0, 1])).toEqual({ kind: 'overlap', from: [0, 1], to: [0, 3] });
  });

  it('says none for parallel, separate, and collinear-but-apart segments', () => {
    expect(segmentIntersection([0, 0], [1, 0], [0, 1], [1, 1]).kind).toBe('none');
    expect(segmentIntersection([0, 0], [1, 1], [2, 0], [3, -5]).kind).toBe('none');
    expect(segmentIntersection([0, 0], [1, 0], [2, 0], [3, 0]).kind).toBe('none');
  });

  it('treats zero-length segments as points', () => {
    expect(segmentIntersection([1, 1], [1, 1], [0, 0], [2, 2])).toEqual({ kind: 'touch', point: [1, 1] });
    expect(segmentIntersection([1, 1], [1, 1], [1, 1], [1, 1])).toEqual({ kind: 'touch', point: [1, 1] });
    expect(segmentIntersection([1, 1], [1, 1], [1, 2], [1, 2]).kind).toBe('none');
  });

  it('keeps a crossing point inside both segments boxes', () => {
    const p = crossingPoint([120, 30], [120.00001, 30.00001], [120, 30.00001], [120.00001, 30]);
    expect(p[0]).toBeGreaterThanOrEqual(120);
    expect(p[0]).toBeLessThanOrEqual(120.00001);
  });
});

describe('small helpers', () => {
  it('onSegment, projection, distance, compareXY', () => {
    expect(onSegment([1, 1], [0, 0], [2, 2])).toBe(true);
    expect(onSegment([3, 3], [0, 0], [2, 2])).toBe(false);
    expect(projectionParameter([1, 5], [0, 0], [2, 0])).toBe(0.5);
    expect(distanceToSegment([1, 5], [0, 0], [2, 0])).toBe(5);
    expect(distanceToSegment([5, 4], [0, 0], [2, 0])).toBe(5);
    expect(compareXY([0, 1], [0, 2])).toBeLessThan(0);
  });

  it('forEachOverlappingPair finds exactly the overlapping boxes', () => {
    const boxes = Float64Array.from([0, 0, 1, 1, 0.5, 0.5, 2, 2, 3, 3, 4, 4, 1, -5, 1, -4]);
    const pairs: string[] = [];
    forEachOverlappingPair(boxes, (i, j) => pairs.push([i, j].sort().join('-')));
    expect(pairs.sort()).toEqual(['0-1']);
  });

  it('forEachOverlappingPair finds the same pairs as comparing every two boxes, below and above the insertion-sort limit', () => {
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const count of [5, 20, 63, 64, 65, 150]) {
      // Coordinates on a coarse grid, so many boxes share their low end (ties must not lose or repeat pairs).
      const boxes = new Float64Array(count * 4);
      for (let i = 0; i < count; i++) {
        const x = Math.floor(random() * 10);
        const y = Math.floor(random() * 10);
        boxes.set([x, y, x + Math.floor(random() * 3), y + Math.floor(random() * 3)], i * 4);
      }
      const expected: string[] = [];
      for (let i = 0; i < count; i++) {
        for (let j = i + 1; j < count; j++) {
          if (boxes[i * 4]! <= boxes[j * 4 + 2]! && boxes[j * 4]! <= boxes[i * 4 + 2]! && boxes[i * 4 + 1]! <= boxes[j * 4 + 3]! && boxes[j * 4 + 1]! <= boxes[i * 4 + 3]!) expected.push(`${i}-${j}`);
        }
      }
      const found: string[] = [];
      forEachOverlappingPair(boxes, (i, j) => found.push(`${Math.min(i, j)}-${Math.max(i, j)}`));
      expect(found.sort(), `${count} boxes`).toEqual(expected.sort());
    }
  });
});
