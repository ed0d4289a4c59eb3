/** Coordinate extents of raw (not yet reprojected) geometries: what inference and plausibility checks look at. */
import type { Geometry, Position } from 'geojson';

export interface Extent {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

export class ExtentBuilder {
  minX = Infinity;
  minY = Infinity;
  maxX = -Infinity;
  maxY = -Infinity;

  add(x: number, y: number): void {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    if (x < this.minX) this.minX = x;
    if (x > this.maxX) this.maxX = x;
    if (y < this.minY) this.minY = y;
    if (y > this.maxY) this.maxY = y;
  }

  addGeometry(geometry: Geometry | null): void {
    if (geometry) forEachPosition(geometry, (p) => this.add(p[0] as number, p[1] as number));
  }

  extent(): Extent | undefined {
    return this.minX <= this.maxX ? { minX: this.minX, minY: this.minY, maxX: this.maxX, maxY: this.maxY } : undefined;
  }
}

export function forEachPosition(geometry: Geometry, fn: (p: Position) => void): void {
  switch (geometry.type) {
    case 'Point':
      fn(geometry.coordinates);
      return;
    case 'MultiPoint':
    case 'LineString':
      geometry.coordinates.forEach(fn);
      return;
    case 'MultiLineString':
    case 'Polygon':
      geometry.coordinates.forEach((line) => line.forEach(fn));
      return;
    case 'MultiPolygon':
      geometry.coordinates.forEach((polygon) => polygon.forEach((ring) => ring.forEach(fn)));
      return;
    case 'GeometryCollection':
      geometry.geometries.forEach((g) => forEachPosition(g, fn));
  }
}

export function swapExtent(e: Extent): Extent {
  return { minX: e.minY, minY: e.minX, maxX: e.maxY, maxY: e.maxX };
}

export function formatExtent(e: Extent): string {
  const digits = Math.abs(e.maxX) > 1000 ? 0 : 5;
  return `${e.minX.toFixed(digits)}, ${e.minY.toFixed(digits)} – ${e.maxX.toFixed(digits)}, ${e.maxY.toFixed(digits)}`;
}
