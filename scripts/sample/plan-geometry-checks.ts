/**
 * Independent geometry checks the generator's tests run on its output: they read only the plan (GeoJSON
 * in lon/lat), never the generator's lattice, so they would catch a generator that fooled itself.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { feature, featureCollection } from '@turf/helpers';
import intersect from '@turf/intersect';
import RBush from 'rbush';
import { ellipsoidalArea } from '../../src/geo/area.ts';

type Area = Polygon | MultiPolygon;

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  index: number;
}

function rings(geometry: Area): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

export function boxOf(geometry: Area, index: number): Box {
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity, index };
  for (const ring of rings(geometry)) {
    for (const [x, y] of ring as [number, number][]) {
      box.minX = Math.min(box.minX, x);
      box.minY = Math.min(box.minY, y);
      box.maxX = Math.max(box.maxX, x);
      box.maxY = Math.max(box.maxY, y);
    }
  }
  return box;
}

export function boxIndex(geometries: readonly Area[]): RBush<Box> {
  const tree = new RBush<Box>();
  tree.load(geometries.map((g, i) => boxOf(g, i)));
  return tree;
}

/** Ellipsoidal area (m²) two areas share; 0 when they only touch. */
export function sharedArea(a: Area, b: Area): number {
  const common = intersect(featureCollection([feature(a), feature(b)]));
  return common ? ellipsoidalArea(common.geometry) : 0;
}

/** Every pair of geometries whose boxes touch and that share more than `tolerance` m². */
export function overlappingPairs(geometries: readonly Area[], tolerance: number): { a: number; b: number; m2: number }[] {
  const tree = boxIndex(geometries);
  const found: { a: number; b: number; m2: number }[] = [];
  geometries.forEach((g, a) => {
    for (const other of tree.search(boxOf(g, a))) {
      if (other.index <= a) continue;
      const m2 = sharedArea(g, geometries[other.index]!);
      if (m2 > tolerance) found.push({ a, b: other.index, m2 });
    }
  });
  return found;
}

/**
 * T-junctions: a vertex of one polygon lying inside an edge of another (closer than `toleranceM` metres
 * to the edge, not at either end). Coordinates are compared in a local metric frame.
 */
export function tJunctions(geometries: readonly Area[], toleranceM = 0.01): { vertex: Position; polygon: number }[] {
  const [lon0, lat0] = (rings(geometries[0]!)[0]![0] as [number, number]);
  const kx = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  const ky = 110_574;
  const local = ([lon, lat]: Position): [number, number] => [(lon! - lon0) * kx, (lat! - lat0) * ky];
  const CELL = 10;
  const vertices = new Map<string, Position>();
  for (const g of geometries) for (const ring of rings(g)) for (const p of ring) vertices.set(`${p[0]},${p[1]}`, p);
  const buckets = new Map<string, Position[]>();
  for (const p of vertices.values()) {
    const [x, y] = local(p);
    const key = `${Math.floor(x / CELL)},${Math.floor(y / CELL)}`;
    buckets.set(key, [...(buckets.get(key) ?? []), p]);
  }
  const found: { vertex: Position; polygon: number }[] = [];
  geometries.forEach((g, polygon) => {
    for (const ring of rings(g)) {
      for (let k = 0; k + 1 < ring.length; k++) {
        const a = local(ring[k]!);
        const b = local(ring[k + 1]!);
        const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
        const length2 = dx * dx + dy * dy;
        for (let cx = Math.floor((Math.min(a[0], b[0]) - toleranceM) / CELL); cx <= Math.floor((Math.max(a[0], b[0]) + toleranceM) / CELL); cx++) {
          for (let cy = Math.floor((Math.min(a[1], b[1]) - toleranceM) / CELL); cy <= Math.floor((Math.max(a[1], b[1]) + toleranceM) / CELL); cy++) {
            for (const p of buckets.get(`${cx},${cy}`) ?? []) {
              const [px, py] = local(p);
              const t = ((px - a[0]) * dx + (py - a[1]) * dy) / length2;
              if (t <= 0 || t >= 1) continue;
              if (Math.hypot(px - a[0] - t * dx, py - a[1] - t * dy) < toleranceM) found.push({ vertex: p, polygon });
            }
          }
        }
      }
    }
  });
  return found;
}

/**
 * How a geometry sits on a partition (the base parcels): the parts it covers, each as the parcel index
 * and the share of that parcel covered (0–1). A geometry drawn "identical to parcels or their unions"
 * covers every part it touches with share 1.
 */
export function coverage(geometry: Area, parts: readonly Area[], tree: RBush<Box>): { part: number; share: number; m2: number }[] {
  return tree
    .search(boxOf(geometry, -1))
    .map((box) => {
      const m2 = sharedArea(geometry, parts[box.index]!);
      return { part: box.index, m2, share: m2 / ellipsoidalArea(parts[box.index]!) };
    })
    .filter((c) => c.m2 > 0.01);
}
