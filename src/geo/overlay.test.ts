import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from './area.ts';
import { difference, intersection, normalise, resultArea, union, type OverlayResult } from './overlay.ts';
import { circle, lShape, multi, polygon, square } from './test-support.ts';
import { isValidAreaGeometry } from './validity.ts';

const value = (r: OverlayResult) => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const a = square(120, 30, 120.001, 30.001);
const right = square(120.001, 30, 120.002, 30.001);

describe('intersection', () => {
  it('clips overlapping squares and returns a Polygon', () => {
    const r = value(intersection(a, square(120.0005, 30.0005, 120.002, 30.002)));
    expect(r).toEqual({ type: 'Polygon', coordinates: [[[120.0005, 30.0005], [120.001, 30.0005], [120.001, 30.001], [120.0005, 30.001], [120.0005, 30.0005]]] });
  });

  it('gives null for shapes that only share an edge or are apart', () => {
    expect(value(intersection(a, right))).toBeNull();
    expect(value(intersection(a, square(121, 31, 121.001, 31.001)))).toBeNull();
  });

  it('keeps two separate pieces as a MultiPolygon', () => {
    const band = square(119.9, 30.00025, 120.1, 30.00075);
    const r = value(intersection(lShape(120, 30, 0.0005), band));
    expect(r?.type).toBe('Polygon'); // the L's arms meet inside the band
    const u = polygon([[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3]]);
    const r2 = value(intersection(u, square(-1, 2, 4, 4)));
    expect(r2?.type).toBe('MultiPolygon');
    expect(r2?.coordinates).toHaveLength(2);
  });
});

describe('difference', () => {
  it('subtracts, cuts holes, and gives null when nothing is left', () => {
    const r = value(difference(square(0, 0, 4, 4), square(1, 1, 2, 2)));
    expect(r?.type).toBe('Polygon');
    expect((r as Polygon).coordinates).toHaveLength(2);
    expect(value(difference(a, a))).toBeNull();
    expect(value(difference(a, square(119, 29, 121, 31)))).toBeNull();
  });

  it('subtracting a neighbour along a shared edge leaves the parcel as it was', () => {
    expect(value(difference(a, right))).toEqual(a);
  });
});

describe('union', () => {
  it('merges neighbours into one Polygon and conserves the area', () => {
    const merged = value(union([a, right]));
    expect(merged).toEqual(square(120, 30, 120.002, 30.001));
    expect(ellipsoidalArea(merged as Polygon)).toBeCloseTo(ellipsoidalArea(a) + ellipsoidalArea(right), 6);
  });

  it('drops collinear vertices along the outline (polyclip does; shared-boundaries.ts restores them)', () => {
    const withMidpoint = polygon([[120, 30], [120.0005, 30], [120.001, 30], [120.001, 30.001], [120, 30.001]]);
    expect(value(union([withMidpoint]))).toEqual(a);
  });

  it('handles empty, single and many inputs', () => {
    expect(union([])).toEqual({ ok: true, value: null });
    const many = Array.from({ length: 10 }, (_, i) => square(120 + i * 0.001, 30, 120.001 + i * 0.001, 30.001));
    expect(value(union(many))).toEqual(square(120, 30, 120.01, 30.001));
    const apart = value(union([a, square(121, 31, 121.001, 31.001)]));
    expect(apart?.type).toBe('MultiPolygon');
  });

  it('accepts MultiPolygon input and collapses a one-member result to Polygon', () => {
    expect(value(union([multi(a), right]))?.type).toBe('Polygon');
  });
});

describe('never throws', () => {
  it('returns an error for NaN, Infinity and non-area geometry', () => {
    const bad = polygon([[NaN, 0], [1, 0], [1, 1]]);
    expect(intersection(bad, a)).toEqual({ ok: false, error: 'intersection: input 1: a coordinate is not a finite number' });
    expect(difference(a, polygon([[0, 0], [Infinity, 0], [1, 1]])).ok).toBe(false);
    expect(union([a, { type: 'Point', coordinates: [0, 0] } as unknown as Polygon]).ok).toBe(false);
    expect(union([a, null as unknown as Polygon]).ok).toBe(false);
  });

  it('turns a library exception into a value', () => {
    // polyclip throws on an empty ring; the message comes back as the error.
    const empty: Polygon = { type: 'Polygon', coordinates: [[]] };
    expect(intersection(empty, a)).toEqual({ ok: false, error: 'intersection: Input geometry is not a valid Polygon or MultiPolygon' });
    // Degenerate but non-empty rings are read as empty areas.
    const point: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [0, 0], [0, 0], [0, 0]]] };
    expect(union([point, square(0, 0, 1, 1)])).toEqual({ ok: true, value: square(0, 0, 1, 1) });
  });

  it('does not refuse a bow-tie: polyclip reads it even-odd (validate before overlaying)', () => {
    const bowTie = polygon([[0, 0], [2, 2], [2, 0], [0, 2]]);
    const r = value(intersection(bowTie, square(0, 0, 2, 2)));
    expect(r?.type).toBe('MultiPolygon');
    expect(isValidAreaGeometry(r as Polygon)).toBe(true);
  });
});

describe('slivers', () => {
  const s1 = square(120, 30, 120.001, 30.001);
  const s2 = square(120.000999999, 30, 120.002, 30.001); // overlaps s1 by 1e-9° ≈ 0.1 mm
  it('keeps slivers unless asked', () => {
    const sliver = value(intersection(s1, s2));
    expect(sliver).not.toBeNull();
    expect(ellipsoidalArea(sliver as Polygon)).toBeLessThan(0.02);
    expect(value(intersection(s1, s2, { minAreaM2: 0.1 }))).toBeNull();
  });

  it('drops small members and fills small holes, but keeps the rest', () => {
    const pinhole = square(120.0004, 30.0004, 120.000400001, 30.000400001).coordinates[0] as Position[];
    const withPinhole: Polygon = { type: 'Polygon', coordinates: [a.coordinates[0] as Position[], [...pinhole].reverse()] };
    const r = normalise([withPinhole.coordinates, s2.coordinates, square(121, 31, 121.00000001, 31.00000001).coordinates], { minAreaM2: 0.1 });
    expect(r?.type).toBe('MultiPolygon');
    expect(r?.coordinates).toEqual([[a.coordinates[0]], s2.coordinates]);
  });

  it('measures a result', () => {
    expect(resultArea(intersection(a, a))).toBeCloseTo(ellipsoidalArea(a), 6);
    expect(resultArea(intersection(a, right))).toBe(0);
    expect(resultArea({ ok: false, error: 'x' })).toBe(0);
  });
});

describe('output', () => {
  it('is valid and wound RFC 7946 for curved inputs', () => {
    const r = value(difference(circle(120, 30, 0.001, 64), circle(120.0005, 30, 0.001, 64)));
    expect(r).not.toBeNull();
    expect(isValidAreaGeometry(r as Polygon)).toBe(true);
  });
});
