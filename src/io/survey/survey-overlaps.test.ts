import type { Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../../geo/area.ts';
import { loadGeos } from '../../geo/geos/geos-module.ts';
import { metricPolygon } from '../../geo/test-support.ts';
import { emptyProperties, type Properties } from '../formats/properties.ts';
import { surveyOverlaps, type OverlapParcel } from './survey-overlaps.ts';

const props = (values: Record<string, string | number>): Properties => Object.assign(emptyProperties(), values);
const parcel = (geometry: Polygon, values: Record<string, string | number>): OverlapParcel => ({ geometry, areaM2: ellipsoidalArea(geometry), properties: props(values) });
/** A rectangle in ground metres, each corner moved by up to ±`jitterM` (a fixed pattern, as a snap or a reprojection leaves it). */
function rect(e0: number, n0: number, e1: number, n1: number, jitterM = 0): Polygon {
  const j = [0.3, -0.3, -0.2, 0.25].map((d) => (d / 0.3) * jitterM);
  const [a = 0, b = 0, c = 0, d = 0] = j;
  return metricPolygon([[e0 + a, n0 + b], [e1 + c, n0 + a], [e1 + d, n1 + c], [e0 + b, n1 + d]]);
}

// A row of three 20 × 30 m parcels sharing their edges.
const ROW = [rect(0, 0, 20, 30), rect(20, 0, 40, 30), rect(40, 0, 60, 30)];

describe('surveyOverlaps', () => {
  beforeAll(async () => {
    await loadGeos();
  });

  it('finds nothing in a partition, even with every vertex jittered by ±0.3 mm', () => {
    const jittered = [rect(0, 0, 20, 30, 0.0003), rect(20, 0, 40, 30, -0.0003), rect(40, 0, 60, 30, 0.0003)];
    for (const row of [ROW, jittered]) {
      const found = surveyOverlaps(row.map((g, i) => parcel(g, { DLBM: '0101', TBBH: String(i + 1) })));
      expect(found.pairs).toEqual([]);
      expect(found.doubleCountedM2).toBe(0);
    }
  });

  it('finds nothing between a parcel with a hole and the parcel filling it (a pond in a wood), both jittered by ±0.3 mm', () => {
    const wood = metricPolygon(
      [[0, 0], [60, 0], [60, 60], [0, 60]],
      [[20.0003, 20], [20, 40.0003], [40, 39.9997], [39.9997, 20.0002]],
    );
    const pond = metricPolygon([[19.9998, 20.0001], [40.0002, 19.9998], [40.0003, 40.0002], [20.0002, 39.9998]]);
    const found = surveyOverlaps([parcel(wood, { DLBM: '0301', TBBH: '1' }), parcel(pond, { DLBM: '1104', TBBH: '2' })]);
    expect(found.pairs).toEqual([]);
    // The same pond drawn 2 m too large does overlap the wood, by the 2 m ring around the hole.
    const tooLarge = metricPolygon([[18, 18], [42, 18], [42, 42], [18, 42]]);
    const overlapping = surveyOverlaps([parcel(wood, { DLBM: '0301', TBBH: '1' }), parcel(tooLarge, { DLBM: '1104', TBBH: '2' })]);
    expect(overlapping.overlapM2).toBeCloseTo(24 * 24 - 20 * 20, 0);
  });

  it('calls a copy jittered by ±0.3 mm with the same attributes but its BSM a duplicate, counted twice in full', () => {
    const parcels = [...ROW.map((g, i) => parcel(g, { BSM: i + 1, DLBM: '0101', TBBH: String(i + 1) })), parcel(rect(20, 0, 40, 30, 0.0003), { BSM: 4, DLBM: '0101', TBBH: '2' })];
    const found = surveyOverlaps(parcels);
    expect(found.pairs).toHaveLength(1);
    expect(found.pairs[0]).toMatchObject({ a: 1, b: 3, duplicate: true });
    expect(found.pairs[0]?.areaM2).toBeCloseTo(600, 1);
    expect(found.duplicateM2).toBeCloseTo(600, 1);
    expect(found.overlapM2).toBe(0);
  });

  it('calls the same outline with another code an overlap, not a duplicate', () => {
    const found = surveyOverlaps([parcel(ROW[0] as Polygon, { DLBM: '0101', TBBH: '1' }), parcel(ROW[0] as Polygon, { DLBM: '0702', TBBH: '1' })]);
    expect(found.pairs).toMatchObject([{ a: 0, b: 1, duplicate: false }]);
    expect(found.overlapM2).toBeCloseTo(600, 1);
  });

  it('measures a re-digitised parcel left in across two parcels once, however many pairs it makes', () => {
    // 10 × 10 m straddling the first two parcels' shared edge: two pairs, 100 m² counted twice.
    const redrawn = rect(15, 10, 25, 20);
    const found = surveyOverlaps([...ROW.map((g, i) => parcel(g, { DLBM: '0101', TBBH: String(i + 1) })), parcel(redrawn, { DLBM: '0702', TBBH: '9' })]);
    expect(found.pairs.map((p) => [p.a, p.b])).toEqual([[0, 3], [1, 3]]);
    expect(found.pairs[0]?.areaM2).toBeCloseTo(50, 1);
    expect(found.pairs[1]?.areaM2).toBeCloseTo(50, 1);
    expect(found.doubleCountedM2).toBeCloseTo(ellipsoidalArea(redrawn), 1);
  });

  it('counts land stored three times twice over, not three times', () => {
    const found = surveyOverlaps([1, 2, 3].map((bsm) => parcel(ROW[0] as Polygon, { BSM: bsm, DLBM: '0101', TBBH: '1' })));
    expect(found.pairs).toHaveLength(3);
    expect(found.duplicateM2).toBeCloseTo(1200, 1);
  });
});
