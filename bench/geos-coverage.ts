/**
 * The second anchor of the coverage benchmark, and the baseline where PostGIS is missing: GEOS on the whole
 * coverage in this process, the way one would check it without our edge balance: every parcel validated,
 * every pair of parcels whose boxes meet intersected, and the village minus the union of all parcels.
 */
import type { AreaGeometry } from '../src/domain/features.ts';
import { GkPlane } from '../src/geo/gk-plane.ts';
import { fromGeos, geosArea, toGeos, withScope, type FlatPolygon } from '../src/geo/geos/planar-geometry.ts';
import { forEachOverlappingPair } from '../src/geo/segments.ts';

export interface WholeCoverageResult {
  readonly ms: number;
  readonly invalid: number;
  readonly overlapAreas: number[];
  readonly gapAreas: number[];
}

export function geosWholeCoverage(parcels: readonly AreaGeometry[], village: AreaGeometry, plane: GkPlane, minAreaM2 = 0.01): WholeCoverageResult {
  const projected = parcels.map((g) => plane.polygons(g));
  const region = plane.polygons(village);
  const started = performance.now();
  const result = withScope((scope) => {
    const api = scope.api;
    const geoms = projected.map((p) => toGeos(scope, p));
    const invalid = geoms.filter((g) => !api.GEOSisValid(g)).length;
    const boxes = new Float64Array(projected.length * 4);
    projected.forEach((polygons, i) => boxes.set(boxOf(polygons), i * 4));
    const overlapAreas: number[] = [];
    forEachOverlappingPair(boxes, (i, j) => {
      const a = geoms[i] as number;
      const b = geoms[j] as number;
      if (!api.GEOSIntersects(a, b)) return;
      const area = geosArea(api, scope.own(api.GEOSIntersection(a, b), 'intersection'));
      if (area >= minAreaM2) overlapAreas.push(area);
    });
    const union = scope.own(api.GEOSUnaryUnion(toGeos(scope, projected.flat())), 'union');
    const rest = scope.own(api.GEOSDifference(toGeos(scope, region), union), 'difference');
    const gapAreas = fromGeos(api, rest)
      .map((p) => geosArea(api, toGeos(scope, [p])))
      .filter((a) => a >= minAreaM2);
    return { invalid, overlapAreas, gapAreas };
  });
  return { ms: performance.now() - started, ...result };
}

function boxOf(polygons: readonly FlatPolygon[]): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons) {
    const shell = polygon[0];
    if (!shell) continue;
    for (let i = 0; i < shell.length; i += 2) {
      const x = shell[i] as number;
      const y = shell[i + 1] as number;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return [x0, y0, x1, y1];
}
