import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { relate } from './relate.ts';
import { metric, metricPolygon, multi } from './test-support.ts';
import { tolerantRelate } from './tolerant-relate.ts';

const MM = 0.001;
const parcel = metricPolygon([[0, 0], [80, 0], [80, 60], [0, 60]]);

/** The same outline with each corner moved by the given [east, north] metres. */
function moved(offsets: [number, number][]): Polygon {
  const corners: [number, number][] = [[0, 0], [80, 0], [80, 60], [0, 60]];
  const ring: Position[] = corners.map(([e, n], i) => metric(e + offsets[i]![0], n + offsets[i]![1]));
  return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
}

describe('tolerantRelate', () => {
  it('keeps the exact answer for exact data, and sees through a T-junction', () => {
    const half = metricPolygon([[0, 0], [40, 0], [40, 60], [0, 60]]);
    const withVertices = metricPolygon([[0, 0], [40, 0], [80, 0], [80, 60], [40, 60], [0, 60]]);
    expect(relate(half, withVertices)).toBe('within');
    expect(tolerantRelate(half, withVertices, MM)).toBe('within');
    expect(relate(half, parcel)).toBe('overlap');
    expect(tolerantRelate(half, parcel, MM)).toBe('within');
  });

  it('calls a copy moved by 0.3 mm the same area, where exact relate must clip', () => {
    const copy = moved([[0.0003, -0.0002], [0.0002, 0.0003], [-0.0003, 0.0001], [-0.0002, -0.0003]]);
    expect(relate(parcel, copy)).toBe('overlap');
    expect(tolerantRelate(parcel, copy, MM)).toBe('within');
    expect(tolerantRelate(copy, parcel, MM)).toBe('within');
  });

  it('calls a parcel filling a hole of the other, its outline 0.3 mm off the hole, disjoint (not within)', () => {
    const donut: Polygon = { type: 'Polygon', coordinates: [metricPolygon([[-20, -20], [100, -20], [100, 80], [-20, 80]]).coordinates[0]!, [...moved([[0.0003, 0], [0, 0.0003], [-0.0003, 0], [0, -0.0002]]).coordinates[0]!].reverse()] };
    expect(tolerantRelate(parcel, donut, MM)).toBe('disjoint');
    expect(tolerantRelate(donut, parcel, MM)).toBe('disjoint');
  });

  it('calls a neighbour 0.3 mm off the shared edge disjoint', () => {
    const neighbour = metricPolygon([[80.0003, 0.0002], [120, 0], [120, 60], [79.9997, 59.9998]]);
    expect(relate(parcel, neighbour)).toBe('overlap');
    expect(tolerantRelate(parcel, neighbour, MM)).toBe('disjoint');
  });

  it('still sees a real overlap, and one that no vertex shows (two crossing strips)', () => {
    const intruder = metricPolygon([[70, 10], [100, 10], [100, 20], [70, 20]]);
    expect(tolerantRelate(parcel, intruder, MM)).toBe('overlap');
    const across = metricPolygon([[30, -20], [50, -20], [50, 80], [30, 80]]);
    expect(tolerantRelate(parcel, across, MM)).toBe('overlap');
  });

  // Found by the differential test against GEOS (relate.differential.test.ts).
  it('does not call two copies of a parcel disjoint when one has a spike out and the other a bump out', () => {
    const spiked = metricPolygon([[0, 0], [40, 0], [40, 30], [20.001, 30], [20, 35], [19.999, 30], [0, 30]]);
    const bumped = metricPolygon([[0, 0], [40, 0], [40, 30], [22.5, 30.0015], [20, 30], [0, 30]]);
    expect(tolerantRelate(spiked, bumped, MM)).toBe('overlap');
    expect(tolerantRelate(bumped, spiked, MM)).toBe('overlap');
  });

  it('sees a sliver parcel running 1.4 mm under a bump of its neighbour, though every vertex and midpoint is within 1 mm of the other', () => {
    const bumped = metricPolygon([[0, 0], [40, 0], [40, 30], [22, 30.0014], [20, 30], [0, 30]]);
    const sliver = metricPolygon([[0, 30], [40, 30], [21, 30.0015]]);
    expect(tolerantRelate(bumped, sliver, MM)).toBe('overlap');
    expect(tolerantRelate(sliver, bumped, MM)).toBe('overlap');
  });

  it('sees a part two multipolygons share within the tolerance, though their other parts are apart', () => {
    const a = multi(parcel, metricPolygon([[100, 0], [120, 0], [120, 20], [100, 20]]));
    const b = multi(moved([[0.0003, 0], [0, 0.0002], [0, 0], [0, 0]]), metricPolygon([[200, 0], [220, 0], [220, 20], [200, 20]]));
    expect(tolerantRelate(a, b, MM)).toBe('overlap');
    expect(tolerantRelate(b, a, MM)).toBe('overlap');
    // A whole multipolygon moved by 0.3 mm is still the same area.
    expect(tolerantRelate(multi(parcel, metricPolygon([[100, 0], [120, 0], [120, 20], [100, 20]])), a, MM)).toBe('within');
  });

  it('sees a part 5 mm outside as outside (beyond the tolerance)', () => {
    const grown = moved([[0, 0], [0.005, 0], [0.005, 0], [0, 0]]);
    expect(tolerantRelate(grown, parcel, MM)).not.toBe('within');
    expect(tolerantRelate(parcel, grown, MM)).toBe('within');
  });
});
