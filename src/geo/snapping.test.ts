import type { LineString, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { metresPerDegree } from './local-metric.ts';
import { findSnap, footOnSegment } from './snapping.ts';
import { square } from './test-support.ts';

/** A north-up map at ~1 m per pixel around 120°E 30°N, y growing downwards like the screen. */
const scale = metresPerDegree(30);
const project = (p: Position): [number, number] => [((p[0] as number) - 120) * scale.x, -((p[1] as number) - 30) * scale.y];
const unproject = ([x, y]: [number, number]): Position => [120 + x / scale.x, 30 - y / scale.y];

// A 100 m × 100 m parcel with its south-west corner at the origin of the screen.
const parcel = square(120, 30, 120 + 100 / scale.x, 30 + 100 / scale.y);
const corner = parcel.coordinates[0]?.[1] as Position; // south-east corner, screen (100, 0)

describe('findSnap', () => {
  it('snaps to a vertex within tolerance, returning a copy with the same numbers', () => {
    const snap = findSnap(unproject([97, -2]), [{ id: 'a', geometry: parcel }], project, 10);
    expect(snap).toMatchObject({ kind: 'vertex', featureId: 'a', polygonIndex: 0, ringIndex: 0, segmentIndex: 1 });
    expect(snap?.position).toEqual(corner);
    expect(snap?.position).not.toBe(corner);
    expect(snap?.distancePx).toBeCloseTo(Math.hypot(3, 2), 6);
  });

  it('prefers a vertex within tolerance even when an edge is nearer', () => {
    const snap = findSnap(unproject([92, -0.5]), [{ id: 'a', geometry: parcel }], project, 10);
    expect(snap?.kind).toBe('vertex');
    expect(snap?.distancePx).toBeGreaterThan(0.5);
  });

  it('snaps to an edge at the foot of the perpendicular, on the segment', () => {
    const snap = findSnap(unproject([50, -4]), [{ id: 'a', geometry: parcel }], project, 10);
    expect(snap).toMatchObject({ kind: 'edge', featureId: 'a', ringIndex: 0, segmentIndex: 0 });
    const [x, y] = project(snap?.position as Position);
    expect(x).toBeCloseTo(50, 6);
    expect(y).toBeCloseTo(0, 6);
    expect(snap?.position[1]).toBe(30); // on the edge y = 30 exactly: the edge is horizontal
    expect(snap?.distancePx).toBeCloseTo(4, 6);
  });

  it('finds nothing beyond tolerance', () => {
    expect(findSnap(unproject([50, -20]), [{ id: 'a', geometry: parcel }], project, 10)).toBeUndefined();
    expect(findSnap(unproject([50, -20]), [], project, 10)).toBeUndefined();
  });

  it('honours vertices/edges switches and exclusions', () => {
    const candidates = [{ id: 'a', geometry: parcel }];
    expect(findSnap(unproject([97, -2]), candidates, project, 10, { vertices: false })?.kind).toBe('edge');
    expect(findSnap(unproject([50, -4]), candidates, project, 10, { edges: false })).toBeUndefined();
    expect(findSnap(unproject([97, -2]), candidates, project, 10, { exclude: new Set(['a']) })).toBeUndefined();
  });

  it('picks the nearest of several features, and snaps to lines', () => {
    const neighbour = square(120 + 100 / scale.x, 30, 120 + 200 / scale.x, 30 + 100 / scale.y);
    const road: LineString = { type: 'LineString', coordinates: [unproject([0, -60]), unproject([300, -60])] };
    const candidates = [{ id: 'a', geometry: parcel }, { id: 'b', geometry: neighbour }, { id: 'road', geometry: road }];
    expect(findSnap(unproject([150, -57]), candidates, project, 10)).toMatchObject({ kind: 'edge', featureId: 'road', segmentIndex: 0 });
    expect(findSnap(unproject([199, -99]), candidates, project, 10)).toMatchObject({ kind: 'vertex', featureId: 'b', segmentIndex: 2 });
    // The last vertex of a line counts (a ring's closing position does not repeat the first).
    expect(findSnap(unproject([299, -60]), candidates, project, 10)).toMatchObject({ kind: 'vertex', featureId: 'road', segmentIndex: 1 });
  });

  it('works with a rotated projection', () => {
    const angle = Math.PI / 6;
    const rotated = (p: Position): [number, number] => {
      const [x, y] = project(p);
      return [x * Math.cos(angle) - y * Math.sin(angle), x * Math.sin(angle) + y * Math.cos(angle)];
    };
    const pointer: Position = [(corner[0] as number) + 3 / scale.x, (corner[1] as number) + 3 / scale.y];
    expect(findSnap(pointer, [{ id: 'a', geometry: parcel }], rotated, 10)?.kind).toBe('vertex');
  });
});

describe('footOnSegment', () => {
  it('measures in metres, not degrees', () => {
    // A diagonal edge: in degrees the perpendicular would land elsewhere, because a degree of longitude
    // is 13 % shorter than one of latitude at 30°N.
    const a: Position = [120, 30];
    const b: Position = [120.001, 30.001];
    const foot = footOnSegment([120.001, 30], a, b);
    const t = ((foot[0] as number) - 120) / 0.001;
    const mid = metresPerDegree(30.0005); // the metric is taken at the segment's mid-latitude
    const expected = (mid.x * mid.x) / (mid.x * mid.x + mid.y * mid.y);
    expect(t).toBeCloseTo(expected, 9);
  });

  it('returns a copy of an endpoint when the foot falls beyond it', () => {
    const a: Position = [120, 30];
    const b: Position = [120.001, 30];
    expect(footOnSegment([119.9, 30.001], a, b)).toEqual(a);
    expect(footOnSegment([121, 30.001], a, b)).toEqual(b);
    expect(footOnSegment([121, 30.001], a, b)).not.toBe(b);
  });
});

describe('findSnap with the snapping settings', () => {
  const candidates = [{ id: 'a', layer: 'base', geometry: parcel }];
  // 12 px outside the middle of the south edge (screen y 0, x 0–100): no vertex within 50 px.
  const offEdge = unproject([50, 12]);
  // 12 px outside the south edge and 9 px along it from the south-east corner: that corner is 15 px away.
  const nearCorner = unproject([91, 12]);

  it('reaches as far as the tolerance, in pixels, and no further', () => {
    expect(findSnap(offEdge, candidates, project, 10)).toBeUndefined();
    expect(findSnap(offEdge, candidates, project, 11.9)).toBeUndefined();
    expect(findSnap(offEdge, candidates, project, 12.1)).toMatchObject({ kind: 'edge', segmentIndex: 0 });
    expect(findSnap(offEdge, candidates, project, 20)?.distancePx).toBeCloseTo(12, 6);
    expect(findSnap(nearCorner, candidates, project, 10)).toBeUndefined();
    expect(findSnap(nearCorner, candidates, project, 14.9, { edges: false })).toBeUndefined();
    expect(findSnap(nearCorner, candidates, project, 20, { edges: false })?.distancePx).toBeCloseTo(15, 6);
  });

  it('vertex-only: an edge within tolerance does not attract, a vertex does', () => {
    const vertexOnly = { vertices: true, edges: false };
    expect(findSnap(offEdge, candidates, project, 20, vertexOnly)).toBeUndefined();
    const snap = findSnap(nearCorner, candidates, project, 20, vertexOnly);
    expect(snap).toMatchObject({ kind: 'vertex', featureId: 'a', segmentIndex: 1 });
    expect(snap?.position).toEqual(corner);
  });

  it('edge-only: the nearest edge point, even next to a vertex', () => {
    const snap = findSnap(nearCorner, candidates, project, 20, { vertices: false, edges: true });
    expect(snap).toMatchObject({ kind: 'edge', segmentIndex: 0 });
    const [x, y] = project(snap?.position as Position);
    expect(x).toBeCloseTo(91, 6);
    expect(y).toBeCloseTo(0, 6);
  });

  it('both: the vertex wins over an edge at the same distance, and over a nearer edge', () => {
    // Beyond the corner along the south edge: the corner and the edge's end are the same 3 px away.
    const beyond = findSnap(unproject([103, 0]), candidates, project, 10);
    expect(beyond).toMatchObject({ kind: 'vertex', segmentIndex: 1 });
    expect(beyond?.distancePx).toBeCloseTo(3, 6);
    expect(findSnap(nearCorner, candidates, project, 20)).toMatchObject({ kind: 'vertex', segmentIndex: 1 });
  });

  it('only features of the chosen layers attract', () => {
    // A village boundary whose south-east corner lies 6 px east of the parcel's.
    const boundary = square(120 - 50 / scale.x, 30, 120 + 106 / scale.x, 30 + 300 / scale.y);
    const both = [...candidates, { id: 'village', layer: 'boundary', geometry: boundary }];
    const pointer = unproject([101, 1]); // 1.4 px from the parcel's corner, 5.1 px from the boundary's
    expect(findSnap(pointer, both, project, 10)?.featureId).toBe('a');
    expect(findSnap(pointer, both, project, 10, { layers: new Set(['base', 'boundary']) })?.featureId).toBe('a');
    const boundaryOnly = findSnap(pointer, both, project, 10, { layers: new Set(['boundary']) });
    expect(boundaryOnly).toMatchObject({ kind: 'vertex', featureId: 'village', segmentIndex: 1 });
    expect(findSnap(pointer, both, project, 10, { layers: new Set(['newBuild']) })).toBeUndefined();
    expect(findSnap(pointer, both, project, 10, { layers: new Set() })).toBeUndefined();
    // A candidate that does not say its layer never passes a layer filter.
    expect(findSnap(pointer, [{ id: 'anon', geometry: parcel }], project, 10, { layers: new Set(['base']) })).toBeUndefined();
  });
});
