import { describe, expect, it } from 'vitest';
import { bboxContainsPosition, bboxIntersects, emptyBBox, expandBBox, flatBBox, geometryBBox, isEmptyBBox, positionsBBox, rememberedBBox, unionBBox } from './bbox.ts';
import { multi, square } from './test-support.ts';

describe('geometryBBox', () => {
  it('covers polygons, multipolygons, lines and points', () => {
    expect(geometryBBox(square(1, 2, 3, 4))).toEqual([1, 2, 3, 4]);
    expect(geometryBBox(multi(square(0, 0, 1, 1), square(5, -2, 6, 0)))).toEqual([0, -2, 6, 1]);
    expect(geometryBBox({ type: 'LineString', coordinates: [[3, 1], [-1, 7]] })).toEqual([-1, 1, 3, 7]);
    expect(geometryBBox({ type: 'Point', coordinates: [120, 30] })).toEqual([120, 30, 120, 30]);
    expect(geometryBBox({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [0, 0] }, square(1, 1, 2, 2)] })).toEqual([0, 0, 2, 2]);
  });

  it('gives the empty box for an empty geometry', () => {
    const box = geometryBBox({ type: 'MultiPolygon', coordinates: [] });
    expect(isEmptyBBox(box)).toBe(true);
    expect(bboxIntersects(box, [-1e9, -1e9, 1e9, 1e9])).toBe(false);
  });
});

describe('rememberedBBox', () => {
  it('is geometryBBox, made once per geometry object', () => {
    const geometry = multi(square(0, 0, 1, 1), square(3, -2, 4, 2));
    const box = rememberedBBox(geometry);
    expect(box).toEqual(geometryBBox(geometry));
    expect(rememberedBBox(geometry)).toBe(box);
    expect(rememberedBBox(structuredClone(geometry))).not.toBe(box); // an edit makes a new geometry, boxed anew
  });
});

describe('bboxIntersects', () => {
  it('counts touching boxes and rejects separate ones', () => {
    expect(bboxIntersects([0, 0, 1, 1], [1, 1, 2, 2])).toBe(true);
    expect(bboxIntersects([0, 0, 1, 1], [0.5, -1, 0.6, 3])).toBe(true);
    expect(bboxIntersects([0, 0, 1, 1], [1.0000001, 0, 2, 1])).toBe(false);
    expect(bboxIntersects([0, 0, 1, 1], [0, 1.5, 1, 2])).toBe(false);
  });
});

describe('expandBBox and friends', () => {
  it('grows and shrinks', () => {
    expect(expandBBox([0, 0, 1, 1], 0.5)).toEqual([-0.5, -0.5, 1.5, 1.5]);
    expect(expandBBox([0, 0, 1, 1], -0.25)).toEqual([0.25, 0.25, 0.75, 0.75]);
  });

  it('unions, contains, and starts empty', () => {
    expect(unionBBox([0, 0, 1, 1], [2, -1, 3, 0])).toEqual([0, -1, 3, 1]);
    expect(bboxContainsPosition([0, 0, 1, 1], [1, 0.5])).toBe(true);
    expect(bboxContainsPosition([0, 0, 1, 1], [1.1, 0.5])).toBe(false);
    expect(isEmptyBBox(emptyBBox())).toBe(true);
    expect(positionsBBox([[2, 3]])).toEqual([2, 3, 2, 3]);
  });
});

describe('flatBBox', () => {
  it('spans every list of x, y pairs; nothing gives the empty box', () => {
    expect(flatBBox([[3, 4, -1, 9], new Float64Array([10, -2])])).toEqual([-1, -2, 10, 9]);
    expect(isEmptyBBox(flatBBox([]))).toBe(true);
  });
});
