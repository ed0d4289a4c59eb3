/** Geometries and fixture loading for the geometry kernel's unit tests. Not used by the app. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { metresPerDegree } from './local-metric.ts';

/** An axis-aligned rectangle, closed, counter-clockwise. */
export function square(x0: number, y0: number, x1: number, y1: number): Polygon {
  return { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] };
}

/** A polygon from open rings (the closing position is added). */
export function polygon(...rings: Position[][]): Polygon {
  return { type: 'Polygon', coordinates: rings.map((ring) => [...ring, ring[0] as Position]) };
}

export function multi(...polygons: Polygon[]): MultiPolygon {
  return { type: 'MultiPolygon', coordinates: polygons.map((p) => p.coordinates) };
}

/** A regular n-gon around (cx, cy), counter-clockwise, closed. */
export function circle(cx: number, cy: number, radius: number, n: number): Polygon {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) ring.push([cx + radius * Math.cos((2 * Math.PI * i) / n), cy + radius * Math.sin((2 * Math.PI * i) / n)]);
  return polygon(ring);
}

/** L-shaped parcel of 3 unit cells: (0,0)-(2,1) plus (0,1)-(1,2), scaled and moved. */
export function lShape(x0 = 0, y0 = 0, size = 1): Polygon {
  const p = (x: number, y: number): Position => [x0 + x * size, y0 + y * size];
  return polygon([p(0, 0), p(2, 0), p(2, 1), p(1, 1), p(1, 2), p(0, 2)]);
}

export const TURF_FIXTURES = fileURLToPath(new URL('../../tests/fixtures/third-party/turf/', import.meta.url));

export function turfFixtureNames(prefix = ''): string[] {
  return readdirSync(TURF_FIXTURES).filter((name) => name.startsWith(prefix) && name.endsWith('.geojson')).sort();
}

/** The (first) geometry of a fixture file, whether it holds a geometry, a Feature or a FeatureCollection. */
export function turfFixtureGeometry(name: string): Geometry {
  const json = JSON.parse(readFileSync(TURF_FIXTURES + name, 'utf8')) as { type: string; geometry?: Geometry; features?: { geometry: Geometry }[] };
  if (json.type === 'FeatureCollection') return (json.features?.[0]?.geometry ?? null) as Geometry;
  if (json.type === 'Feature') return json.geometry as Geometry;
  return json as unknown as Geometry;
}

/** Where `metricPolygon` puts its origin: a village in Zhejiang, so the GK zone and ground metres are real. */
export const METRIC_ORIGIN: Position = [120.5, 30.2];

/** A lon/lat position `east` and `north` metres from METRIC_ORIGIN (local metric: exact enough for tests). */
export function metric(east: number, north: number): Position {
  const perDegree = metresPerDegree(METRIC_ORIGIN[1] as number);
  return [(METRIC_ORIGIN[0] as number) + east / perDegree.x, (METRIC_ORIGIN[1] as number) + north / perDegree.y];
}

/** A polygon from open rings of [east, north] metres around METRIC_ORIGIN. */
export function metricPolygon(...rings: [number, number][][]): Polygon {
  return polygon(...rings.map((ring) => ring.map(([e, n]) => metric(e, n))));
}

/** mulberry32: a small seeded generator, the same sequence for a seed on every machine, so a failing seed is a test anyone can rerun. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
