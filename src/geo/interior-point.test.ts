import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { interiorPoint } from './interior-point.ts';
import { pointInAreaGeometry } from './point-in-ring.ts';
import { polygon, square } from './test-support.ts';

describe('interiorPoint', () => {
  it('is the centre of a rectangle', () => {
    const [x, y] = interiorPoint(square(120, 30, 120.002, 30.001))!;
    expect(x).toBeCloseTo(120.001, 12);
    expect(y).toBeCloseTo(30.0005, 12);
  });

  it('lies inside an L-shaped parcel whose box centre does not', () => {
    // An L: the box centre (120.0015, 30.0015) is in the missing corner.
    const l = polygon([[120, 30], [120.003, 30], [120.003, 30.001], [120.001, 30.001], [120.001, 30.003], [120, 30.003]]);
    expect(pointInAreaGeometry([120.0015, 30.0015], l)).toBe('outside');
    const at = interiorPoint(l)!;
    expect(pointInAreaGeometry(at, l)).toBe('inside');
  });

  it('avoids the hole of a parcel with a courtyard', () => {
    const courtyard: Polygon = { type: 'Polygon', coordinates: [[[120, 30], [120.003, 30], [120.003, 30.003], [120, 30.003], [120, 30]], [[120.0005, 30.0005], [120.0005, 30.0025], [120.0025, 30.0025], [120.0025, 30.0005], [120.0005, 30.0005]]] };
    const at = interiorPoint(courtyard)!;
    expect(pointInAreaGeometry(at, courtyard)).toBe('inside');
  });

  it('takes the largest part of a multipolygon', () => {
    const parts: MultiPolygon = { type: 'MultiPolygon', coordinates: [square(121, 30, 121.0001, 30.0001).coordinates, square(120, 30, 120.002, 30.002).coordinates] };
    const [x, y] = interiorPoint(parts)!;
    expect(x).toBeCloseTo(120.001, 12);
    expect(y).toBeCloseTo(30.001, 12);
  });

  it('is null for a ring too short to enclose anything', () => {
    expect(interiorPoint({ type: 'Polygon', coordinates: [[[120, 30], [120.001, 30], [120, 30]]] })).toBeNull();
  });
});
