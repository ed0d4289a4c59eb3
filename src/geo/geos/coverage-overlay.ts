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
}

/** GEOS buffer styles (GEOSBufCapStyles, GEOSBufJoinStyles). */
const CAP_FLAT = 2;
const JOIN_MITRE = 2;
/** A corner sharper than ~11° is bevelled when a body is grown back: it loses a tip little wider than the tolerance. */
const MITRE_LIMIT = 10;

/**
 * Mean width of parts taken together, 2 · area / perimeter (m): a sliver w wide has about w. What the
 * reports call a gap's or an overlap's width, and what inside-village judges. Measured on the parts' bodies,
 * each opened by half `minWidth` (the width the parts were kept by; grown back with mitred corners, so a
 * body is its part where the part is wider): an overlay of outlines that coincide within the tolerance
 * leaves hairlines on the part it returns (a spike collapsed along a shared edge, the thin tail between a
 * boundary's edge and a vertex moved a fraction of a millimetre off it), which add no area but as much
 * perimeter as the edge is long. With them a 9 cm strip along a 100 m edge measured 3 cm.
 */
export function meanWidth(parts: readonly PlanarPart[], minWidth: number): number {
  return withScope((scope) => {
    const api = scope.api;
    let area = 0;
    let perimeter = 0;
    for (const part of parts) {
      const core = eroded(scope, toGeos(scope, [part.polygon]), minWidth);
      const body = scope.own(api.GEOSBufferWithStyle(core, minWidth / 2, 2, CAP_FLAT, JOIN_MITRE, MITRE_LIMIT), 'buffer');
      area += geosArea(api, body);
      perimeter += geosLength(api, body);
    }
    return perimeter > 0 ? (2 * area) / perimeter : 0;
  });
}

/** The parts of `region ∩ within` (a box, or polygons such as GkPlane.boxOutline) that no cover reaches, wider than `minWidth`. */
export function gapsIn(region: readonly FlatPolygon[], within: BBox | readonly FlatPolygon[], covers: readonly (readonly FlatPolygon[])[], minWidth: number): PlanarPart[] {
  return withScope((scope) => {
    const api = scope.api;
    const clip = typeof within[0] === 'number' ? [boxPolygon(within as BBox)] : (within as readonly FlatPolygon[]);
    const clipped = scope.own(api.GEOSIntersection(toGeos(scope, region), toGeos(scope, clip)), 'intersection');
    const covered = scope.own(api.GEOSUnaryUnion(toGeos(scope, covers.flat())), 'union');
    const rest = scope.own(api.GEOSDifference(clipped, covered), 'difference');
    return widerParts(scope, rest, minWidth);
  });
}

/**
 * How much area the features cover twice or more (m², planar): the sum of their areas less their union's
 * (`union` when the caller has it already, as no-gap does for the same cluster). No two of them can overlap
 * by more, so one union tells that a cluster holds no overlap worth a pair overlay: a village boundary
 * misaligned all round makes one cluster of the whole layer, and the overlay of every neighbouring pair in
 * it took most of the check. Infinity when a feature is invalid (a bow-tie's area is its lobes' difference:
 * the sum would be too small to rule anything out).
 */
export function coveredTwice(features: readonly (readonly FlatPolygon[])[], union?: readonly FlatPolygon[]): number {
  return withScope((scope) => {
    const api = scope.api;
    let sum = 0;
    for (const feature of features) {
      const one = toGeos(scope, feature);
      if (api.GEOSisValid(one) !== 1) return Infinity;
      sum += geosArea(api, one);
    }
    const merged = union ? toGeos(scope, union) : scope.own(api.GEOSUnaryUnion(toGeos(scope, features.flat())), 'union');
    return sum - geosArea(api, merged);
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

/**
 * `a` ∩ each of `pieces` (each a set of disjoint polygons), as the polygons of each: `a` is handed to GEOS
 * once for all of them (a zone of thousands of vertices cut into the blocks of a corridor,
 * rules/cluster-blocks.ts), and each intersection is the one `a` and that piece alone make.
 */
export function intersectEach(a: readonly FlatPolygon[], pieces: readonly (readonly FlatPolygon[])[]): FlatPolygon[][] {
  return withScope((scope) => {
    const api = scope.api;
    const ga = toGeos(scope, a);
    return pieces.map((piece) => {
      const parts: FlatPolygon[] = [];
      forEachPolygon(scope, scope.own(api.GEOSIntersection(ga, toGeos(scope, piece)), 'intersection'), (one) => parts.push(fromGeos(api, one)[0] as FlatPolygon));
      return parts;
    });
  });
}

/**
 * Parts (of one overlay result: disjoint) joined where they lie less than `minWidth` apart: grown by half of
 * it and shrunk back (a closing, mitred so corners stay). A strip cut only by slits thinner than the
 * tolerance, which misaligned neighbours leave between them, is one part again; the slits' area counts in.
 */
export function joinedAcross(parts: readonly PlanarPart[], minWidth: number): PlanarPart[] {
  if (parts.length < 2) return [...parts];
  return withScope((scope) => {
    const api = scope.api;
    const grown = scope.own(api.GEOSBufferWithStyle(toGeos(scope, parts.map((part) => part.polygon)), minWidth / 2, 2, CAP_FLAT, JOIN_MITRE, MITRE_LIMIT), 'buffer');
    return widerParts(scope, scope.own(api.GEOSBufferWithStyle(grown, -minWidth / 2, 2, CAP_FLAT, JOIN_MITRE, MITRE_LIMIT), 'buffer'), 0);
  });
}

/** The polygons (each one part: disjoint from the others) wider than `minWidth`, with their areas. */
export function widerOf(polygons: readonly FlatPolygon[], minWidth: number): PlanarPart[] {
  return withScope((scope) => polygons.flatMap((polygon) => widerParts(scope, toGeos(scope, [polygon]), minWidth)));
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
      // Eroded by half the tolerance: empty when the part is nowhere wider than the tolerance.
      if (api.GEOSisEmpty(eroded(scope, one, minWidth))) return;
    }
    parts.push({ polygon: fromGeos(api, one)[0] as FlatPolygon, area });
  });
  return parts;
}

/** The geometry shrunk by half `minWidth`: what is left of it where it is wider than `minWidth`. */
function eroded(scope: Scope, pointer: number, minWidth: number): number {
  return scope.own(scope.api.GEOSBuffer(pointer, -minWidth / 2, 2), 'buffer');
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
