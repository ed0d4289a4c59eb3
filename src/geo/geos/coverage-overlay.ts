/**
 * The three overlays of the coverage checks, each done once per cluster with GEOS in a metric plane:
 * gaps (a region minus the union of what covers it: one union and one difference, never one difference per
 * feature), the overlap of two features, and the part of a feature outside a region. Results thinner than
 * the tolerance are dropped by width, not by area: a part counts only where an opening by half the
 * tolerance leaves something (a 0.3 mm sliver 500 m long has 0.15 m² and is not a gap; a 5 cm pinhole is).
 */
import type { BBox } from '../bbox.ts';
import { fromGeos, GEOS_GEOMETRYCOLLECTION, GEOS_MULTIPOLYGON, GEOS_POLYGON, geosArea, geosLength, toGeos, withScope, type FlatPolygon, type Scope } from './planar-geometry.ts';

export interface PlanarPart {
  readonly polygon: FlatPolygon;
  /** Planar area in the plane's units (m²). */
  readonly area: number;
  /** Planar perimeter, holes included (m). */
  readonly perimeter: number;
}

/**
 * Mean width of parts taken together, 2 · area / perimeter (m): a sliver w wide has about w. What the
 * reports call a gap's or an overlap's width.
 */
export function meanWidth(parts: readonly PlanarPart[]): number {
  const perimeter = parts.reduce((sum, p) => sum + p.perimeter, 0);
  return perimeter > 0 ? (2 * parts.reduce((sum, p) => sum + p.area, 0)) / perimeter : 0;
}

/** The parts of `region ∩ box` that no cover reaches, wider than `minWidth`. */
export function gapsIn(region: readonly FlatPolygon[], box: BBox, covers: readonly (readonly FlatPolygon[])[], minWidth: number): PlanarPart[] {
  return withScope((scope) => {
    const api = scope.api;
    const clipped = scope.own(api.GEOSIntersection(toGeos(scope, region), toGeos(scope, [boxPolygon(box)])), 'intersection');
    const covered = scope.own(api.GEOSUnaryUnion(toGeos(scope, covers.flat())), 'union');
    const rest = scope.own(api.GEOSDifference(clipped, covered), 'difference');
    return widerParts(scope, rest, minWidth);
  });
}

/** Where `a` and `b` overlap, wider than `minWidth`. */
export function overlapOf(a: readonly FlatPolygon[], b: readonly FlatPolygon[], minWidth: number): PlanarPart[] {
  return withScope((scope) => {
    const api = scope.api;
    const ga = toGeos(scope, a);
    const gb = toGeos(scope, b);
    if (!api.GEOSIntersects(ga, gb)) return [];
    return widerParts(scope, scope.own(api.GEOSIntersection(ga, gb), 'intersection'), minWidth);
  });
}

/** The parts of `a` outside `region`, wider than `minWidth`. */
export function partsOutside(a: readonly FlatPolygon[], region: readonly FlatPolygon[], minWidth: number): PlanarPart[] {
  return clipParts('difference', a, [region], minWidth);
}

/** `a` ∩ (or −) the union of `others`, in parts wider than `minWidth`: one union, one overlay. */
export function clipParts(op: 'intersection' | 'difference', a: readonly FlatPolygon[], others: readonly (readonly FlatPolygon[])[], minWidth: number): PlanarPart[] {
  return withScope((scope) => {
    const api = scope.api;
    const single = others.length === 1 ? toGeos(scope, others[0] as FlatPolygon[]) : scope.own(api.GEOSUnaryUnion(toGeos(scope, others.flat())), 'union');
    const ga = toGeos(scope, a);
    const result = op === 'intersection' ? api.GEOSIntersection(ga, single) : api.GEOSDifference(ga, single);
    return widerParts(scope, scope.own(result, op), minWidth);
  });
}

function widerParts(scope: Scope, pointer: number, minWidth: number): PlanarPart[] {
  const api = scope.api;
  const parts: PlanarPart[] = [];
  forEachPolygon(scope, pointer, (one) => {
    const area = geosArea(api, one);
    if (area === 0) return;
    const perimeter = geosLength(api, one);
    // A thin strip (or tree of strips) w wide has a mean width 2·area/perimeter of about w: twice the
    // tolerance is plainly wide somewhere, and only narrower parts pay for the opening.
    if ((2 * area) / perimeter < 2 * minWidth) {
      // Opening by half the tolerance: empty when the part is nowhere wider than the tolerance.
      const opened = scope.own(api.GEOSBuffer(one, -minWidth / 2, 2), 'buffer');
      if (api.GEOSisEmpty(opened)) return;
    }
    parts.push({ polygon: fromGeos(api, one)[0] as FlatPolygon, area, perimeter });
  });
  return parts;
}

/**
 * The polygons of GEOS's MakeValid of an invalid outline (a ring that touches or crosses itself, a hole
 * outside its shell): the area it plainly means, as a valid geometry; lines and points it collapses to are
 * dropped. Empty when nothing with an area is left.
 */
export function madeValid(polygons: readonly FlatPolygon[]): FlatPolygon[] {
  return withScope((scope) => {
    const api = scope.api;
    const valid: FlatPolygon[] = [];
    forEachPolygon(scope, scope.own(api.GEOSMakeValid(toGeos(scope, polygons)), 'make valid'), (one) => valid.push(fromGeos(api, one)[0] as FlatPolygon));
    return valid;
  });
}

/** The union of polygons, as disjoint polygons: the dissolve polyclip-ts cannot always finish on real data (rings it cannot close). */
export function unionOf(polygons: readonly (readonly FlatPolygon[])[]): FlatPolygon[] {
  return withScope((scope) => {
    const api = scope.api;
    const merged: FlatPolygon[] = [];
    forEachPolygon(scope, scope.own(api.GEOSUnaryUnion(toGeos(scope, polygons.flat())), 'union'), (one) => merged.push(fromGeos(api, one)[0] as FlatPolygon));
    return merged;
  });
}

/** Each polygon of a result (borrowed pointers, owned by the result). */
function forEachPolygon(scope: Scope, pointer: number, visit: (polygon: number) => void): void {
  const api = scope.api;
  const type = api.GEOSGeomTypeId(pointer);
  if (type === GEOS_POLYGON) {
    if (!api.GEOSisEmpty(pointer)) visit(pointer);
  } else if (type === GEOS_MULTIPOLYGON || type === GEOS_GEOMETRYCOLLECTION) {
    const count = api.GEOSGetNumGeometries(pointer);
    for (let i = 0; i < count; i++) forEachPolygon(scope, api.GEOSGetGeometryN(pointer, i), visit);
  }
}

/** A planar box as a polygon (closed, counter-clockwise). */
export function boxPolygon([x0, y0, x1, y1]: BBox): FlatPolygon {
  return [Float64Array.of(x0, y0, x1, y0, x1, y1, x0, y1, x0, y0)];
}
