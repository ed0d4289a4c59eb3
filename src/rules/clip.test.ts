import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../geo/area.ts';
import { GkPlane } from '../geo/gk-plane.ts';
import { metric, metricPolygon, polygon, square } from '../geo/test-support.ts';
import { combine, partInside, partOutside, split, type ClipLimits } from './clip.ts';

const limits: ClipLimits = { plane: GkPlane.forLongitude(120), minWidthM: 0.001, minAreaM2: 0.01 };
const cell = square(120, 30, 120.001, 30.001);
const left = polygon([[120, 30], [120.0005, 30], [120.0005, 30.001], [120, 30.001]]);

describe('clip', () => {
  it('answers from shared vertices without clipping, and clips when it must', () => {
    const withVertices = polygon([[120, 30], [120.0005, 30], [120.001, 30], [120.001, 30.001], [120.0005, 30.001], [120, 30.001]]);
    const { inside, outside } = split(left, withVertices, limits);
    expect(inside.ok && inside.value).toBe(left);
    expect(outside.ok && outside.value).toBeNull();
    const rest = split(withVertices, left, limits).outside;
    expect(rest.ok && rest.value && ellipsoidalArea(rest.value)).toBeCloseTo(ellipsoidalArea(cell) / 2, 0);
  });

  it('finds the part outside and inside several covers, with one union', () => {
    const out = partOutside(cell, [left], limits);
    expect(out.ok && out.value && ellipsoidalArea(out.value)).toBeCloseTo(ellipsoidalArea(cell) / 2, 0);
    const inside = partInside(cell, [left], limits);
    expect(inside.ok && inside.value && ellipsoidalArea(inside.value)).toBeCloseTo(ellipsoidalArea(cell) / 2, 0);
    const allIn = partInside(left, [cell], limits);
    expect(allIn.ok && allIn.value && ellipsoidalArea(allIn.value)).toBeCloseTo(ellipsoidalArea(left), 1);
    const quarters = [0, 1, 2, 3].map((i) => square(120 + (i % 2) * 0.0005, 30 + Math.floor(i / 2) * 0.0005, 120.0005 + (i % 2) * 0.0005, 30.0005 + Math.floor(i / 2) * 0.0005));
    const covered = partOutside(cell, quarters.slice(0, 3), limits);
    expect(covered.ok && covered.value && ellipsoidalArea(covered.value)).toBeCloseTo(ellipsoidalArea(cell) / 4, 0);
    expect(combine([null, left, square(121, 30, 121.001, 30.001)])?.type).toBe('MultiPolygon');
  });

  it('drops what is thinner than the tolerance: a change drawn on a parcel, both moved 0.3 mm, leaves no sliver', () => {
    const parcel = metricPolygon([[0, 0], [80, 0], [80, 60], [0, 60]]);
    const moved = (_: Position, i: number): Position => metric(...([[0.0003, -0.0002], [80.0002, 0.0003], [79.9997, 60.0001], [-0.0002, 59.9997]][i] as [number, number]));
    const change: Polygon = { type: 'Polygon', coordinates: [[...(parcel.coordinates[0] as Position[]).slice(0, 4).map(moved), moved([0, 0], 0)]] };
    const { inside, outside } = split(parcel, change, limits);
    expect(inside.ok && inside.value).toBe(parcel);
    expect(outside.ok && outside.value).toBeNull();
    const exactly = partOutside(parcel, [change], { ...limits, minWidthM: 0, minAreaM2: 0 });
    expect(exactly.ok && exactly.value).not.toBeNull();
  });
});
