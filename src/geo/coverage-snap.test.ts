import type { Polygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../domain/features.ts';
import { layerFeatures } from '../domain/plan.ts';
import { districtsPlan, zhejiangDistricts } from '../../scripts/sample/real-districts.ts';
import { jitterVertices } from '../../scripts/sample/real-looking.ts';
import { snapCoverage } from './coverage-snap.ts';
import { loadGeos } from './geos/geos-module.ts';
import { withoutSpikes } from './coverage-snap-rings.ts';
import { metresPerDegree } from './local-metric.ts';
import { positionsEqual } from './rings.ts';
import { isValidAreaGeometry } from './validity.ts';

// Small hand-made cases in metres around a point in Zhejiang, turned into lon/lat as the data would be.
const LON0 = 120.5;
const LAT0 = 30.2;
const SCALE = metresPerDegree(LAT0);
const at = (x: number, y: number): Position => [LON0 + x / SCALE.x, LAT0 + y / SCALE.y];
/** A closed counter-clockwise ring from open metre points. */
const area = (...points: [number, number][]): Polygon => ({ type: 'Polygon', coordinates: [[...points.map(([x, y]) => at(x, y)), at(...(points[0] as [number, number]))]] });
const rect = (x0: number, y0: number, x1: number, y1: number) => area([x0, y0], [x1, y0], [x1, y1], [x0, y1]);
const parcel = (id: string, geometry: AreaGeometry) => ({ id, geometry, properties: { parcelNo: id } });
const ring = (g: AreaGeometry) => (g as Polygon).coordinates[0] as Position[];
const has = (g: AreaGeometry, p: Position) => ring(g).some((q) => positionsEqual(p, q));
/** The edge p→q (either way) is an edge of the geometry's shell. */
const hasEdge = (g: AreaGeometry, p: Position, q: Position) =>
  ring(g).some((a, i, r) => i + 1 < r.length && ((positionsEqual(a, p) && positionsEqual(r[i + 1] as Position, q)) || (positionsEqual(a, q) && positionsEqual(r[i + 1] as Position, p))));

// The districts' boundary is their union, which GEOS makes.
beforeAll(() => loadGeos());

describe('snapCoverage', () => {
  it('makes two squares 0.3 mm apart share their edge exactly', () => {
    const a = parcel('a', rect(0, 0, 10, 10));
    const b = parcel('b', rect(10.0003, 0, 20, 10));
    const { features, report } = snapCoverage([a, b]);
    expect(features[0]).toBe(a); // first seen: a's vertices are the ones kept
    expect(features[1]).toMatchObject({ id: 'b', properties: { parcelNo: 'b' } });
    const [aRight, aTop] = [ring(a.geometry)[1] as Position, ring(a.geometry)[2] as Position];
    expect(hasEdge(features[1]!.geometry, aRight, aTop)).toBe(true);
    expect(report).toMatchObject({ verticesSnapped: 2, vertexInsertions: 0, sliversClosed: 1, featuresChanged: 1, featuresKept: 0 });
    expect(report.maxShiftM).toBeCloseTo(0.0003, 6);
  });

  it('inserts a T-junction vertex 0.2 mm off a neighbour’s edge into that edge', () => {
    const a = parcel('a', rect(0, 0, 10, 20));
    const b1 = parcel('b1', area([10, 0], [20, 0], [20, 10], [10.0002, 10]));
    const b2 = parcel('b2', area([10.0002, 10], [20, 10], [20, 20], [10, 20]));
    const { features, report } = snapCoverage([a, b1, b2]);
    const junction = ring(b1.geometry)[3] as Position;
    expect(has(features[0]!.geometry, junction)).toBe(true);
    // Both lower and upper halves of a's edge are now b1's and b2's edges.
    expect(hasEdge(features[0]!.geometry, ring(b1.geometry)[0] as Position, junction)).toBe(true);
    expect(hasEdge(features[0]!.geometry, junction, ring(b2.geometry)[3] as Position)).toBe(true);
    expect(features.slice(1)).toEqual([b1, b2]);
    // Two slivers: the thin triangles between a and b1 and between a and b2.
    expect(report).toMatchObject({ verticesSnapped: 0, vertexInsertions: 1, featuresChanged: 1, sliversClosed: 2 });
    expect(report.maxShiftM).toBeCloseTo(0.0002, 6);
  });

  it('closes a sliver gap 0.5 mm wide along a bent boundary, counted once', () => {
    const side: [number, number][] = [[10, 0], [10.5, 3], [10, 7], [10, 10]];
    const a = parcel('a', area([0, 0], ...side, [0, 10]));
    const b = parcel('b', area(...(side.map(([x, y]) => [x + 0.0005, y]).reverse() as [number, number][]), [20, 0], [20, 10]));
    // The same boundary as b's, the gap in between.
    expect(isValidAreaGeometry(b.geometry)).toBe(true);
    const { features, report } = snapCoverage([a, b]);
    for (let i = 0; i + 1 < side.length; i++) expect(hasEdge(features[1]!.geometry, at(...side[i]!), at(...side[i + 1]!))).toBe(true);
    expect(report).toMatchObject({ verticesSnapped: 4, sliversClosed: 1, featuresChanged: 1 });
  });

  it('closes a gap where the neighbours’ vertices do not face each other, by inserting them', () => {
    const a = parcel('a', rect(0, 0, 10, 10));
    const b = parcel('b', rect(10.0005, -5, 20, 15));
    const { features, report } = snapCoverage([a, b]);
    expect(hasEdge(features[1]!.geometry, at(10, 0), at(10, 10))).toBe(true);
    expect(report).toMatchObject({ verticesSnapped: 0, vertexInsertions: 2, sliversClosed: 1 });
  });

  it('leaves things 5 mm apart alone', () => {
    const a = parcel('a', rect(0, 0, 10, 10));
    const b = parcel('b', rect(10.005, 0, 20, 10));
    const c = parcel('c', area([0, 10.005], [10, 10.005], [5, 20]));
    const { features, report } = snapCoverage([a, b, c]);
    expect(features).toEqual([a, b, c]);
    expect(features[1]).toBe(b);
    expect(report).toEqual({ verticesSnapped: 0, vertexInsertions: 0, sliversClosed: 0, featuresChanged: 0, featuresKept: 0, maxShiftM: 0 });
  });

  it('leaves a feature as it was when snapping would make it invalid, and says so', () => {
    // A waist 0.8 mm wide: merging its two sides would pinch the ring into a figure eight.
    const waist = parcel('w', area([0, 0], [10, 0], [5.0004, 5], [10, 10], [0, 10], [4.9996, 5]));
    expect(isValidAreaGeometry(waist.geometry)).toBe(true);
    const { features, report } = snapCoverage([waist]);
    expect(features[0]).toBe(waist);
    expect(report).toMatchObject({ featuresChanged: 0, featuresKept: 1, verticesSnapped: 0 });
  });

  it('snaps to the reference boundary’s vertices and never inserts into the boundary', () => {
    const boundary = rect(0, 0, 20, 10);
    // A parcel corner 0.4 mm from the boundary's corner; another parcel's vertex on the boundary's edge.
    const a = parcel('a', area([0.0004, 0], [10, 0], [10, 10], [0, 10]));
    const b = parcel('b', rect(10, 0, 20, 10));
    const { features, report } = snapCoverage([a, b], { reference: [boundary] });
    expect(ring(features[0]!.geometry)[0]).toEqual(ring(boundary)[0]);
    expect(has(features[0]!.geometry, ring(boundary)[0] as Position)).toBe(true);
    expect(features[1]).toBe(b);
    expect(ring(boundary)).toHaveLength(5);
    expect(report).toMatchObject({ verticesSnapped: 1, vertexInsertions: 0, featuresChanged: 1 });
  });

  it('inserts a vertex of the reference into a parcel edge that passes within the tolerance of it', () => {
    const boundary = area([0, 0], [5, -0.0003], [20, 0], [20, 10], [0, 10]);
    const a = parcel('a', rect(0, 0, 10, 10));
    const { features, report } = snapCoverage([a], { reference: [boundary] });
    const bend = ring(boundary)[1] as Position;
    expect(hasEdge(features[0]!.geometry, ring(boundary)[0] as Position, bend)).toBe(true);
    expect(report).toMatchObject({ vertexInsertions: 1, sliversClosed: 1 });
  });

  it('removes a hole that collapses and keeps holes wider than the tolerance', () => {
    const shell = [at(0, 0), at(10, 0), at(10, 10), at(0, 10), at(0, 0)];
    const thin = [at(2, 2), at(2.0006, 5), at(2, 8), at(1.9998, 5), at(2, 2)];
    const wide = [at(6, 2), at(6, 8), at(8, 8), at(8, 2), at(6, 2)];
    const holed = parcel('h', { type: 'Polygon', coordinates: [shell, thin, wide] });
    const { features, report } = snapCoverage([holed]);
    expect((features[0]!.geometry as Polygon).coordinates).toEqual([shell, wide]);
    expect(report).toMatchObject({ verticesSnapped: 1, sliversClosed: 1, featuresChanged: 1 });
  });

  it('does not let a chain of vertices each under the tolerance drift further than the tolerance', () => {
    const squares = [0, 0.0009, 0.0018, 0.0027].map((dx, i) => parcel(`s${i}`, rect(dx, 0, dx + 10, -10 - i)));
    const { report } = snapCoverage(squares);
    expect(report.maxShiftM).toBeLessThanOrEqual(0.001);
  });

  it('never inserts a vertex further than the tolerance from the edge as it was, however far its ends moved', () => {
    // Found by the seeded property test (coverage-snap-fuzz.test.ts): f's top corners move 0.9 mm up onto
    // g1's and g2's; h's tip, 1.8 mm above f's top edge (a real gap), is then 0.9 mm from the moved edge and
    // was inserted into it, moving f's outline 1.8 mm there, while the report said 0.9 mm.
    const g1 = parcel('g1', rect(-10, 0.0009, 0, 10));
    const g2 = parcel('g2', rect(10, 0.0009, 20, 10));
    const f = parcel('f', rect(0, -10, 10, 0));
    const h = parcel('h', area([5, 0.0018], [8, 10], [2, 10]));
    const { features, report } = snapCoverage([g1, g2, f, h]);
    expect(ring(features[2]!.geometry)).toHaveLength(5);
    expect(has(features[2]!.geometry, ring(h.geometry)[0] as Position)).toBe(false);
    expect(report).toMatchObject({ verticesSnapped: 2, vertexInsertions: 0, featuresChanged: 1 });
    expect(report.maxShiftM).toBeCloseTo(0.0009, 6);
  });

  it('leaves malformed geometry to validation (an unclosed ring, NaN)', () => {
    const open = parcel('o', { type: 'Polygon', coordinates: [[at(0, 0), at(10, 0), at(10, 10), at(0, 10)]] });
    const nan = parcel('n', { type: 'Polygon', coordinates: [[at(0, 0), [NaN, NaN], at(10, 10), at(0, 0)]] });
    const { features, report } = snapCoverage([open, nan, parcel('ok', rect(10.0002, 0, 20, 10))]);
    expect(features[0]).toBe(open);
    expect(features[1]).toBe(nan);
    expect(report.featuresChanged).toBe(0);
  });
});

describe('withoutSpikes', () => {
  it('drops repeats and back-and-forth runs, also across the ring’s start', () => {
    expect(withoutSpikes([1, 2, 2, 3, 4])).toEqual([1, 2, 3, 4]);
    expect(withoutSpikes([1, 2, 3, 9, 3, 4])).toEqual([1, 2, 3, 4]);
    expect(withoutSpikes([9, 1, 2, 3, 1])).toEqual([1, 2, 3]);
    expect(withoutSpikes([1, 2, 3, 4, 9, 1])).toEqual([1, 2, 3, 4, 9]);
    expect(withoutSpikes([1, 2, 3, 1, 9])).toEqual([1, 2, 3]);
    expect(withoutSpikes([1, 2, 1])).toEqual([1]);
  });
});

describe('snapCoverage on a survey-like layer', () => {
  it('makes a jittered 30 × 30 grid of parcels an exact coverage', () => {
    let seed = 3;
    const jitter = () => (((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.0006);
    const parcels = [];
    for (let i = 0; i < 30; i++) {
      for (let j = 0; j < 30; j++) {
        // Each parcel has its own copy of every corner, off by up to 0.3 mm each way (copies under 1 mm
        // apart), as after a reprojection.
        const c = (x: number, y: number): [number, number] => [x * 20 + (x > 0 && x < 30 ? jitter() : 0), y * 20 + (y > 0 && y < 30 ? jitter() : 0)];
        parcels.push(parcel(`${i}-${j}`, area(c(i, j), c(i + 1, j), c(i + 1, j + 1), c(i, j + 1))));
      }
    }
    const { features, report } = snapCoverage(parcels);
    // Every interior corner is one position shared by its four parcels: count distinct positions.
    const distinct = new Set(features.flatMap((f) => ring(f.geometry).map((p) => `${p[0]},${p[1]}`)));
    expect(distinct.size).toBe(31 * 31);
    expect(report.featuresKept).toBe(0);
    expect(report.maxShiftM).toBeLessThanOrEqual(0.001);
    // Every pair of neighbours had a sliver: 2 × 30 × 29 shared sides.
    expect(report.sliversClosed).toBe(2 * 30 * 29);
    expect(features.every((f) => isValidAreaGeometry(f.geometry))).toBe(true);
  });

  it('makes Zhejiang’s 90 real districts, every vertex moved ±0.3 mm, share their vertices exactly as the file had them', () => {
    // A real coverage nobody here made (scripts/sample/real-districts.ts): each district's copy of the 42,264
    // positions two districts share is moved on its own; snapping must bring back the file's own sharing.
    const sharing = (geometries: readonly AreaGeometry[]) => {
      const owners = new Map<string, Set<number>>();
      geometries.forEach((g, k) => {
        for (const polygon of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
          for (const r of polygon) for (const p of r.slice(0, -1)) owners.set(`${p[0]},${p[1]}`, (owners.get(`${p[0]},${p[1]}`) ?? new Set()).add(k));
        }
      });
      const byCount = new Map<number, number>();
      for (const set of owners.values()) byCount.set(set.size, (byCount.get(set.size) ?? 0) + 1);
      return Object.fromEntries([...byCount].sort(([a], [b]) => a - b));
    };
    const clean = districtsPlan(zhejiangDistricts());
    const jittered = jitterVertices(clean, { seed: 2017 }).plan;
    const geometriesOf = (plan: typeof clean) => layerFeatures(plan, 'base').map((f) => f.geometry as AreaGeometry);
    expect(sharing(geometriesOf(jittered))[2]).toBeUndefined();
    const { features, report } = snapCoverage(layerFeatures(jittered, 'base').map((f) => ({ id: f.id, geometry: f.geometry as AreaGeometry })));
    expect(sharing(features.map((f) => f.geometry))).toEqual(sharing(geometriesOf(clean)));
    expect(report.featuresKept).toBe(0);
    expect(report.maxShiftM).toBeLessThanOrEqual(0.001);
    expect(features.every((f) => isValidAreaGeometry(f.geometry))).toBe(true);
  }, 60_000);
});
