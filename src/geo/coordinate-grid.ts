/**
 * How finely a layer's coordinates were written: the coarsest grid every sampled vertex sits on. Data kept
 * to 7 decimals of a degree (GDAL's RFC 7946 GeoJSON, most web tools) or to the centimetre in Gauss-Krüger
 * moves a vertex lying on a neighbour's edge (a T-junction) off it by up to half a grid cell, so coverage
 * checks at a 1 mm tolerance see gaps and overlaps that are only the rounding. Detected on the lon/lat the
 * plan holds: a decimal grid directly, a Gauss-Krüger one after projecting back (the round trip is exact
 * to ~1e-9 m, far below any grid tested).
 */
import type { Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import { gkZoneForLongitude, toGaussKruger } from './projection.ts';

export interface CoordinateGrid {
  readonly kind: 'lonLat' | 'gk';
  /** The grid step: degrees for lon/lat, metres for Gauss-Krüger. */
  readonly step: number;
  /** The largest distance rounding to it moves a vertex: half the cell's diagonal, in metres. */
  readonly roundingM: number;
}

/** Decimal steps tested, coarse to fine: the first one every sampled vertex sits on is the grid. */
const LON_LAT_STEPS = [1e-5, 1e-6, 1e-7, 1e-8];
const GK_STEPS_M = [0.1, 0.01, 0.001];
/** Metres in a degree of latitude (a degree of longitude is shorter in Zhejiang: the larger is the bound). */
const METRES_PER_DEGREE = 110_574;
/** How far from a grid node a value may be and still sit on it, in grid steps (parsing and projection noise). */
const ON_GRID = 1e-4;
const SAMPLE_VERTICES = 2_000;

/** The coarsest grid of the first vertices of these geometries, or null when they sit on none of those tested. */
export function coordinateGrid(geometries: Iterable<AreaGeometry>): CoordinateGrid | null {
  const sample = sampleVertices(geometries);
  if (sample.length < 10) return null;
  for (const step of LON_LAT_STEPS) {
    if (sample.every((p) => onGrid(p[0] as number, step) && onGrid(p[1] as number, step))) return { kind: 'lonLat', step, roundingM: (step * METRES_PER_DEGREE * Math.SQRT2) / 2 };
  }
  const zone = gkZoneForLongitude(sample[0]?.[0] as number);
  const projected = sample.map((p) => toGaussKruger(p, { zone, zonePrefix: false }));
  for (const step of GK_STEPS_M) {
    if (projected.every(([e, n]) => onGrid(e, step) && onGrid(n, step))) return { kind: 'gk', step, roundingM: (step * Math.SQRT2) / 2 };
  }
  return null;
}

function onGrid(value: number, step: number): boolean {
  const cells = value / step;
  return Math.abs(cells - Math.round(cells)) < ON_GRID;
}

function sampleVertices(geometries: Iterable<AreaGeometry>): Position[] {
  const out: Position[] = [];
  for (const geometry of geometries) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const polygon of polygons) {
      for (const ring of polygon) {
        for (const p of ring) {
          out.push(p);
          if (out.length >= SAMPLE_VERTICES) return out;
        }
      }
    }
  }
  return out;
}

/**
 * How far apart rounding to the grid can part polygons that meet (m): at a T-junction the vertex and both
 * ends of the edge it lies on are rounded, each by up to `roundingM`, so they part by up to twice that.
 */
export function gridPartingM(grid: CoordinateGrid): number {
  return 2 * grid.roundingM;
}

/** Tolerances suggested for coarse data, fine to coarse (metres). */
const NICE_TOLERANCES_M = [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5];

/** The first round tolerance that tells the grid's partings apart from real gaps and overlaps (m). */
export function toleranceForGrid(grid: CoordinateGrid): number {
  const parting = gridPartingM(grid);
  return NICE_TOLERANCES_M.find((t) => t >= parting) ?? parting;
}
