import { describe, expect, it } from 'vitest';
import { PreparedArea } from './prepared-area.ts';
import { relate } from './relate.ts';
import { multi, polygon, square } from './test-support.ts';

describe('PreparedArea', () => {
  it('locates points inside, outside, on the boundary and in holes', () => {
    const donut = polygon([[0, 0], [10, 0], [10, 10], [0, 10]], [[3, 3], [3, 7], [7, 7], [7, 3]]);
    const prepared = PreparedArea.of(donut);
    expect(prepared.locate([1, 1])).toBe('inside');
    expect(prepared.locate([5, 5])).toBe('outside');
    expect(prepared.locate([10, 5])).toBe('boundary');
    expect(prepared.locate([3, 5])).toBe('boundary');
    expect(prepared.locate([11, 5])).toBe('outside');
    expect(PreparedArea.of(donut)).toBe(prepared);
  });

  it('finds the edges near a box', () => {
    const prepared = PreparedArea.of(square(0, 0, 10, 10));
    expect(prepared.edgesIn([9, 4, 11, 6]).length).toBe(1);
    expect(prepared.edgesIn([20, 20, 21, 21])).toEqual([]);
  });
});

describe('relate', () => {
  const big = square(0, 0, 4, 4);
  it('tells within, contains, disjoint and equal from shared vertices alone', () => {
    const left = polygon([[0, 0], [2, 0], [2, 4], [0, 4]]);
    const right = polygon([[2, 0], [4, 0], [4, 4], [2, 4]]);
    const bigWithVertices = polygon([[0, 0], [2, 0], [4, 0], [4, 4], [2, 4], [0, 4]]);
    expect(relate(left, bigWithVertices)).toBe('within');
    expect(relate(bigWithVertices, left)).toBe('contains');
    expect(relate(left, right)).toBe('disjoint');
    expect(relate(big, square(0, 0, 4, 4))).toBe('within');
    expect(relate(square(10, 10, 11, 11), big)).toBe('disjoint');
  });

  it('says overlap (clip to find out) for crossings and T-junctions', () => {
    expect(relate(square(1, 1, 5, 5), big)).toBe('overlap');
    // A vertex of one on the inside of the other's edge: unsure, so overlap.
    expect(relate(square(0, 0, 2, 2), big)).toBe('overlap');
  });

  it('sees a hole inside the other geometry', () => {
    const donut = polygon([[0, 0], [4, 0], [4, 4], [0, 4]], [[1, 1], [1, 3], [3, 3], [3, 1]]);
    expect(relate(donut, big)).toBe('within');
    expect(relate(big, donut)).toBe('contains');
    expect(relate(square(1.5, 1.5, 2.5, 2.5), donut)).toBe('disjoint');
  });

  it('tells a parcel filling a hole of the other from one within it, though its whole outline lies on that boundary', () => {
    const donut = polygon([[0, 0], [4, 0], [4, 4], [0, 4]], [[1, 1], [1, 3], [3, 3], [3, 1]]);
    const inHole = square(1, 1, 3, 3);
    expect(relate(inHole, donut)).toBe('disjoint');
    expect(relate(donut, inHole)).toBe('disjoint');
    // The same outline, now the other's outer ring: within.
    expect(relate(inHole, square(1, 1, 3, 3))).toBe('within');
    // Two parts, one in the hole and one filling a part of the other: unsure.
    const twoHoles = multi(polygon([[0, 0], [4, 0], [4, 4], [0, 4]], [[1, 1], [1, 3], [3, 3], [3, 1]]), square(5, 0, 6, 1));
    expect(relate(multi(square(1, 1, 3, 3), square(5, 0, 6, 1)), twoHoles)).toBe('overlap');
  });

  it('handles multipolygons', () => {
    const two = multi(square(0, 0, 1, 1), square(3, 3, 4, 4));
    expect(relate(square(5, 5, 6, 6), two)).toBe('disjoint');
    expect(relate(square(1.2, 1.2, 1.4, 1.4), square(0, 0, 4, 4))).toBe('within');
  });
});
