/**
 * Properties of the import's topology repair (snapCoverage) on seeded survey-shaped layers
 * (coverage-snap-fuzz-data.ts): T-junctions, ±0.3 mm jitter, a boundary from another layer, planted
 * slivers, holes with islands, a MultiPolygon, a 0.5 m ditch and a 2 mm strip, in a local plane and in GK
 * coordinates at a zone's edge. GEOS is the independent judge of validity, overlap and gap areas.
 */
import type { Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../domain/features.ts';
import { snapCoverage, type CoverageSnapReport } from './coverage-snap.ts';
import { fanLayer, fuzzLayer, planeOf, type FuzzFeature, type FuzzLayer, type FuzzPlane } from './coverage-snap-fuzz-data.ts';
import { loadGeos } from './geos/geos-module.ts';
import { geosArea, toGeos, withScope, type FlatPolygon } from './geos/planar-geometry.ts';
import { distanceToSegmentM, metresPerDegree } from './local-metric.ts';
import { polygonsOf } from './rings.ts';
import { isValidAreaGeometry } from './validity.ts';
import { bboxIntersects, expandBBox, geometryBBox } from './bbox.ts';

const TOLERANCE = 0.001;
/** Slack of a distance measured in this test's local plane rather than the snap's (centred elsewhere): 10 nm. */
const EPS = 1e-8;

beforeAll(() => loadGeos());

const key = (p: Position) => `${p[0]},${p[1]}`;
const openRings = (g: AreaGeometry) => polygonsOf(g).flatMap((rings) => rings.map((r) => r.slice(0, -1)));

/** The layer's metre plane: local metric at its first vertex (the snap measures the same way). */
function metricOf(features: readonly FuzzFeature[]) {
  const origin = openRings((features[0] as FuzzFeature).geometry)[0]?.[0] as Position;
  const scale = metresPerDegree(origin[1] as number);
  const flat = (g: AreaGeometry, metres: boolean): FlatPolygon[] =>
    polygonsOf(g).map((rings) => rings.map((ring) => Float64Array.from(ring.flatMap((p) => (metres ? [((p[0] as number) - (origin[0] as number)) * scale.x, ((p[1] as number) - (origin[1] as number)) * scale.y] : [p[0] as number, p[1] as number])))));
  /** Ground metres from p to the nearest edge of g. */
  const distance = (p: Position, g: AreaGeometry) => {
    let best = Infinity;
    for (const rings of polygonsOf(g)) for (const ring of rings) for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i] as Position;
      const b = ring[i + 1] as Position;
      best = Math.min(best, distanceToSegmentM(p[0] as number, p[1] as number, a[0] as number, a[1] as number, b[0] as number, b[1] as number, scale.x, scale.y));
    }
    return best;
  };
  return { flat, distance };
}

/** GEOS's own verdict, on the lon/lat numbers as they are. */
function geosValid(g: AreaGeometry, flat: (g: AreaGeometry, metres: boolean) => FlatPolygon[]): boolean {
  return withScope((scope) => scope.api.GEOSisValid(toGeos(scope, flat(g, false))) === 1);
}

/** Areas (m²) GEOS measures: of a, of a ∩ b, of a △ b, and of the holes in the union of all. */
function geosAreas(flat: (g: AreaGeometry, metres: boolean) => FlatPolygon[]) {
  const op = (name: 'GEOSIntersection' | 'GEOSSymDifference', a: AreaGeometry, b: AreaGeometry) =>
    withScope((scope) => geosArea(scope.api, scope.own(scope.api[name](toGeos(scope, flat(a, true)), toGeos(scope, flat(b, true))), name)));
  const unionHoles = (all: readonly AreaGeometry[]) =>
    withScope((scope) => {
      const api = scope.api;
      const union = scope.own(api.GEOSUnaryUnion(toGeos(scope, all.flatMap((g) => flat(g, true)))), 'union');
      const filled = scope.own(api.GEOSUnaryUnion(toGeos(scope, all.flatMap((g) => flat(g, true).map((p) => [p[0] as Float64Array])))), 'union');
      return geosArea(api, filled) - geosArea(api, union);
    });
  return { overlap: (a: AreaGeometry, b: AreaGeometry) => op('GEOSIntersection', a, b), moved: (a: AreaGeometry, b: AreaGeometry) => op('GEOSSymDifference', a, b), unionHoles };
}

function perimeterM(g: AreaGeometry, scale: { x: number; y: number }): number {
  let sum = 0;
  for (const ring of polygonsOf(g)) for (const r of ring) for (let i = 0; i + 1 < r.length; i++) sum += Math.hypot(((r[i + 1] as Position)[0]! - (r[i] as Position)[0]!) * scale.x, ((r[i + 1] as Position)[1]! - (r[i] as Position)[1]!) * scale.y);
  return sum;
}

/** Every pair of features whose boxes meet (within a metre). */
function neighbourPairs(geometries: readonly AreaGeometry[]): [number, number][] {
  const boxes = geometries.map((g) => expandBBox(geometryBBox(g), 1e-5));
  const pairs: [number, number][] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (bboxIntersects(boxes[i]!, boxes[j]!)) pairs.push([i, j]);
  return pairs;
}

/** What the report should say, counted from the geometries themselves. */
function observedChanges(before: readonly FuzzFeature[], after: readonly FuzzFeature[]) {
  const moved = new Set<string>();
  let featuresChanged = 0;
  let addedVertices = 0;
  before.forEach((f, i) => {
    const g = (after[i] as FuzzFeature).geometry;
    if (g === f.geometry) return;
    featuresChanged++;
    const now = new Set(openRings(g).flat().map(key));
    for (const p of openRings(f.geometry).flat()) if (!now.has(key(p))) moved.add(key(p));
    addedVertices += openRings(g).flat().length - openRings(f.geometry).flat().length;
  });
  return { featuresChanged, verticesSnapped: moved.size, vertexInsertions: addedVertices };
}

/**
 * Every property the repair must keep. `exact`: the layer's misalignment is all below the tolerance, so the
 * repair must leave an exact coverage (and account for every change); otherwise only what holds on any input.
 */
function checkRepair(layer: FuzzLayer, exact = true): CoverageSnapReport {
  const { features, reference } = layer;
  const { flat, distance } = metricOf(features);
  const scale = metresPerDegree((openRings(features[0]!.geometry)[0]![0]![1]) as number);
  const areas = geosAreas(flat);
  for (const f of features) expect(isValidAreaGeometry(f.geometry) && geosValid(f.geometry, flat), `input ${f.id} valid`).toBe(true);

  const referenceAsItWas = JSON.stringify(reference);
  const { features: out, report } = snapCoverage(features, { toleranceM: TOLERANCE, reference });
  expect(JSON.stringify(reference), 'the reference is never changed').toBe(referenceAsItWas);
  // Nothing dropped; every part and hole kept; valid by our check and by GEOS.
  expect(out.map((f) => f.id)).toEqual(features.map((f) => f.id));
  out.forEach((f, i) => {
    const input = features[i] as FuzzFeature;
    expect(polygonsOf(f.geometry).map((p) => p.length), `${f.id} parts and holes`).toEqual(polygonsOf(input.geometry).map((p) => p.length));
    expect(isValidAreaGeometry(f.geometry), `${f.id} valid (validity.ts)`).toBe(true);
    expect(geosValid(f.geometry, flat), `${f.id} valid (GEOS)`).toBe(true);
    // No vertex further than the tolerance from where the feature's outline was, and the other way round.
    for (const p of openRings(f.geometry).flat()) expect(distance(p, input.geometry), `${f.id} vertex moved`).toBeLessThanOrEqual(TOLERANCE + EPS);
    // (Beyond the tolerance a corner may go: a neighbour's vertex within the tolerance of both its edges cuts
    // off the wedge between them, a sliver narrower than the tolerance, and the area bound below holds it.)
    if (exact) for (const p of openRings(input.geometry).flat()) expect(distance(p, f.geometry), `${f.id} vertex left behind`).toBeLessThanOrEqual(TOLERANCE + EPS);
    // The area that changed hands is a strip no wider than the tolerance along the outline.
    expect(areas.moved(input.geometry, f.geometry), `${f.id} area moved`).toBeLessThanOrEqual(perimeterM(input.geometry, scale) * TOLERANCE);
  });
  expect(report.maxShiftM).toBeLessThanOrEqual(TOLERANCE);
  if (exact) expect(report.featuresKept).toBe(0);
  // The summary says what happened.
  if (exact) expect({ featuresChanged: report.featuresChanged, verticesSnapped: report.verticesSnapped, vertexInsertions: report.vertexInsertions }).toEqual(observedChanges(features, out));
  // The legitimately narrow features keep their width: their area is what it was, to the jitter's strip.
  for (const id of layer.narrow) {
    const i = features.findIndex((f) => f.id === id);
    const before = withScope((scope) => geosArea(scope.api, toGeos(scope, flat(features[i]!.geometry, true))));
    const after = withScope((scope) => geosArea(scope.api, toGeos(scope, flat(out[i]!.geometry, true))));
    expect(after / before, `${id} keeps its width`).toBeGreaterThan(0.5);
    expect(after / before, `${id} keeps its width`).toBeLessThan(1.5);
  }
  // The largest move reported is at least every move seen.
  out.forEach((f, i) => {
    for (const p of openRings(f.geometry).flat()) expect(distance(p, features[i]!.geometry)).toBeLessThanOrEqual(report.maxShiftM + EPS);
  });
  // An exact coverage now: neighbours overlap nowhere, and the union has no gap between them.
  const geometries = out.map((f) => f.geometry);
  if (exact) for (const [i, j] of neighbourPairs(geometries)) expect(areas.overlap(geometries[i]!, geometries[j]!), `${out[i]!.id} ∩ ${out[j]!.id}`).toBeLessThan(1e-9);
  if (exact) expect(areas.unionHoles(geometries), 'gaps in the union').toBeLessThan(1e-9);
  // Idempotent: a second run finds nothing to do. (Not beyond the tolerance: a vertex 1.1 mm off an edge is
  // within it once a neighbour's vertex, inserted into the edge, bends the edge towards it. Making that
  // converge would move it further than the tolerance from where it was, as ArcGIS's Integrate run twice does.)
  if (!exact) return report;
  const again = snapCoverage(out, { toleranceM: TOLERANCE, reference });
  expect(again.report.featuresChanged, 'second run changes').toBe(0);
  again.features.forEach((f, i) => expect(f).toBe(out[i]));
  return report;
}

describe('snapCoverage on seeded survey-shaped layers', () => {
  const planes: FuzzPlane[] = ['local', 'gk-zone-edge'];
  for (const plane of planes) {
    it(`keeps every property with ±0.3 mm jitter (${plane})`, () => {
      for (let seed = 1; seed <= 25; seed++) checkRepair(fuzzLayer({ seed, plane }));
    });
  }

  it('keeps validity and moves within the tolerance where copies of a vertex lie up to 1.4 mm apart (beyond the tolerance)', () => {
    for (let seed = 1; seed <= 25; seed++) checkRepair(fuzzLayer({ seed, jitterM: 0.0007 }), false);
  });

  it('keeps validity and moves within the tolerance on wedges as thin as 1° meeting at a point', () => {
    let checked = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const layer = fanLayer(seed);
      // Jitter can make a wedge's tip cross itself; such a layer is no test of keeping valid things valid.
      if (!layer.features.every((f) => isValidAreaGeometry(f.geometry))) continue;
      checkRepair(layer, false);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('counts exactly the planted slivers when nothing else is misaligned', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const layer = fuzzLayer({ seed, jitterM: 0 });
      expect(checkRepair(layer).sliversClosed, `seed ${seed}`).toBe(layer.plantedSlivers);
    }
  });
});

describe('snapCoverage at the edge of the tolerance', () => {
  const at = planeOf('local');
  const area = (...points: [number, number][]): AreaGeometry => ({ type: 'Polygon', coordinates: [[...points.map(at), at(points[0]!)]] });
  const rect = (x0: number, y0: number, x1: number, y1: number) => area([x0, y0], [x1, y0], [x1, y1], [x0, y1]);
  const layerOf = (features: FuzzFeature[], reference: AreaGeometry[] = []): FuzzLayer => ({ features, reference, plantedSlivers: 0, narrow: [] });

  it('snaps vertices of different features 0.9 mm apart and leaves them 1.1 mm apart', () => {
    // Side by side (the corners and the edges as close), and corner to corner on the diagonal (only the corners).
    const sideBySide = (d: number) => [{ id: 'a', geometry: rect(0, 0, 10, 10) }, { id: 'b', geometry: rect(10 + d, 0, 20, 10) }];
    const cornerToCorner = (d: number) => [{ id: 'a', geometry: rect(0, 0, 10, 10) }, { id: 'b', geometry: rect(10 + d / Math.SQRT2, 10 + d / Math.SQRT2, 20, 20) }];
    expect(checkRepair(layerOf(sideBySide(0.0009)))).toMatchObject({ verticesSnapped: 2, featuresChanged: 1 });
    expect(checkRepair(layerOf(cornerToCorner(0.0009)))).toMatchObject({ verticesSnapped: 1, featuresChanged: 1 });
    for (const apart of [sideBySide(0.0011), cornerToCorner(0.0011)]) {
      const { features, report } = snapCoverage(apart);
      expect(features).toEqual(apart);
      expect(report.featuresChanged).toBe(0);
    }
  });

  it('inserts a boundary vertex 0.9 mm off a parcel edge and not one 1.1 mm off', () => {
    const parcels = [{ id: 'a', geometry: rect(0, 0, 10, 10) }, { id: 'b', geometry: rect(10, 0, 20, 10) }];
    const boundary = (off: number) => area([0, 0], [5, -off], [10, 0], [15, off], [20, 0], [20, 10], [0, 10]);
    const { features, report } = snapCoverage(parcels, { reference: [boundary(0.0009)] });
    expect(report).toMatchObject({ vertexInsertions: 2, featuresChanged: 2 });
    expect(features.every((f) => isValidAreaGeometry(f.geometry))).toBe(true);
    expect(snapCoverage(parcels, { reference: [boundary(0.0011)] }).report.featuresChanged).toBe(0);
  });

  it('keeps every property when a vertex lies within the tolerance of two that are not (chain snapping), in any order', () => {
    // The bottom parcel's vertex at 10.0009 is 0.9 mm from the corners of both upper parcels, which lie
    // 1.8 mm apart (a real gap between them, open to the north).
    const parcels: FuzzFeature[] = [
      { id: 'bottom', geometry: area([0, 0], [20, 0], [20, 10], [10.0009, 10], [0, 10]) },
      { id: 'left', geometry: rect(0, 10, 10, 20) },
      { id: 'right', geometry: rect(10.0018, 10, 20, 20) },
    ];
    for (const order of [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]) {
      const report = checkRepair(layerOf(order.map((k) => parcels[k]!)));
      expect(report.maxShiftM).toBeLessThanOrEqual(TOLERANCE);
    }
  });

  it('keeps a 2 mm strip 50 m long between two parcels, and its neighbours’ T-junctions on it', () => {
    const strip = { id: 'strip', geometry: area([10, 0], [10.002, 0], [10.002, 50], [10, 50]) };
    const left = { id: 'left', geometry: area([0, 0], [10, 0], [10.0003, 25], [10, 50], [0, 50]) };
    const right = { id: 'right', geometry: rect(10.002, 0, 20, 50) };
    const report = checkRepair(layerOf([strip, left, right]));
    expect(report).toMatchObject({ vertexInsertions: 1, featuresChanged: 1 });
  });
});
