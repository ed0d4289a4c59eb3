/**
 * Planar polygons moved in and out of GEOS's memory. A ring is a flat [x0, y0, x1, y1, …] array (closed),
 * copied into the WebAssembly heap in one call per ring; results come back the same way. Every GEOS
 * geometry made here is owned by a `Scope`, which frees them all at once, so a failing operation in the
 * middle of a check leaks nothing.
 */
import { geos, type Geos } from './geos-module.ts';

export type FlatRing = Float64Array;
export type FlatPolygon = readonly FlatRing[];

export const GEOS_POLYGON = 3;
export const GEOS_MULTIPOLYGON = 6;
export const GEOS_GEOMETRYCOLLECTION = 7;

/** Owns GEOS geometries made during one operation and destroys them in `close()`. */
export class Scope {
  readonly api: Geos = geos();
  private readonly owned: number[] = [];

  /** Takes ownership of a geometry returned by GEOS; a null pointer (a GEOS exception) throws. */
  own(pointer: number, what: string): number {
    if (!pointer) throw new Error(`GEOS ${what} failed`);
    this.owned.push(pointer);
    return pointer;
  }

  close(): void {
    for (const pointer of this.owned) this.api.GEOSGeom_destroy(pointer);
    this.owned.length = 0;
  }
}

/** Runs `body` with a fresh scope and frees everything it made, whatever happens. */
export function withScope<T>(body: (scope: Scope) => T): T {
  const scope = new Scope();
  try {
    return body(scope);
  } finally {
    scope.close();
  }
}

function ringToGeos(api: Geos, ring: FlatRing): number {
  const points = ring.length / 2;
  const heap = api.Module._malloc(ring.length * 8);
  try {
    api.Module.HEAPF64.set(ring, heap / 8);
    const sequence = api.GEOSCoordSeq_copyFromBuffer(heap, points, 0, 0);
    return api.GEOSGeom_createLinearRing(sequence);
  } finally {
    api.Module._free(heap);
  }
}

/** A polygon made in GEOS; its rings are owned by the polygon, the polygon by nobody yet. */
function polygonToGeos(api: Geos, polygon: FlatPolygon): number {
  const [shell, ...holes] = polygon;
  if (!shell) return api.GEOSGeom_createEmptyPolygon();
  const shellPointer = ringToGeos(api, shell);
  if (holes.length === 0) return api.GEOSGeom_createPolygon(shellPointer, 0, 0);
  const holeArray = api.Module._malloc(holes.length * 4);
  try {
    api.Module.HEAPU32.set(
      holes.map((hole) => ringToGeos(api, hole)),
      holeArray / 4,
    );
    return api.GEOSGeom_createPolygon(shellPointer, holeArray, holes.length);
  } finally {
    api.Module._free(holeArray);
  }
}

/** Several polygons as one GEOS MultiPolygon, owned by the scope. */
export function toGeos(scope: Scope, polygons: readonly FlatPolygon[]): number {
  const api = scope.api;
  const members = polygons.map((p) => polygonToGeos(api, p));
  const array = api.Module._malloc(Math.max(1, members.length) * 4);
  try {
    api.Module.HEAPU32.set(members, array / 4);
    return scope.own(api.GEOSGeom_createCollection(GEOS_MULTIPOLYGON, array, members.length), 'MultiPolygon');
  } finally {
    api.Module._free(array);
  }
}

/** The polygonal parts of a GEOS geometry (lines and points that an overlay may also return are dropped). */
export function fromGeos(api: Geos, pointer: number): FlatPolygon[] {
  const type = api.GEOSGeomTypeId(pointer);
  if (type === GEOS_POLYGON) return api.GEOSisEmpty(pointer) ? [] : [polygonFromGeos(api, pointer)];
  if (type === GEOS_MULTIPOLYGON || type === GEOS_GEOMETRYCOLLECTION) {
    const out: FlatPolygon[] = [];
    const count = api.GEOSGetNumGeometries(pointer);
    for (let i = 0; i < count; i++) out.push(...fromGeos(api, api.GEOSGetGeometryN(pointer, i)));
    return out;
  }
  return [];
}

function polygonFromGeos(api: Geos, pointer: number): FlatPolygon {
  const rings = [ringFromGeos(api, api.GEOSGetExteriorRing(pointer))];
  const holes = api.GEOSGetNumInteriorRings(pointer);
  for (let i = 0; i < holes; i++) rings.push(ringFromGeos(api, api.GEOSGetInteriorRingN(pointer, i)));
  return rings;
}

function ringFromGeos(api: Geos, ring: number): FlatRing {
  const sequence = api.GEOSGeom_getCoordSeq(ring);
  const sizePointer = api.Module._malloc(4);
  try {
    api.GEOSCoordSeq_getSize(sequence, sizePointer);
    const size = api.Module.getValue(sizePointer, 'i32');
    const buffer = api.Module._malloc(Math.max(1, size) * 16);
    try {
      api.GEOSCoordSeq_copyToBuffer(sequence, buffer, 0, 0);
      return api.Module.HEAPF64.slice(buffer / 8, buffer / 8 + size * 2);
    } finally {
      api.Module._free(buffer);
    }
  } finally {
    api.Module._free(sizePointer);
  }
}

/** Planar area of a GEOS geometry. */
export function geosArea(api: Geos, pointer: number): number {
  return readDouble(api, (out) => api.GEOSArea(pointer, out));
}

/** Planar length (a polygon's perimeter, holes included). */
export function geosLength(api: Geos, pointer: number): number {
  return readDouble(api, (out) => api.GEOSLength(pointer, out));
}

/** A number GEOS writes through an out-pointer. */
function readDouble(api: Geos, write: (out: number) => void): number {
  const out = api.Module._malloc(8);
  try {
    write(out);
    return api.Module.getValue(out, 'double');
  } finally {
    api.Module._free(out);
  }
}

/** Whether two sets of polygons have the same coordinates, ring by ring, in the same order. */
export function samePolygons(a: readonly FlatPolygon[], b: readonly FlatPolygon[]): boolean {
  return a.length === b.length && a.every((p, i) => p.length === b[i]!.length && p.every((ring, k) => sameRing(ring, b[i]![k]!)));
}

/**
 * A key of a polygon's coordinates (their bits hashed, with the rings' lengths): what a cache of answers
 * about an overlay's part goes by, where each check makes the part again as a new object with the same
 * coordinates. Two polygons with the same key have the same coordinates but for a 1-in-2³² collision.
 */
export function polygonKey(polygon: FlatPolygon): string {
  let h = 0x811c9dc5;
  for (const ring of polygon) {
    const words = new Uint32Array(ring.buffer, ring.byteOffset, ring.length * 2);
    for (let i = 0; i < words.length; i++) h = Math.imul(h ^ (words[i] as number), 0x01000193);
  }
  return `${polygon.map((ring) => ring.length).join(',')}:${(h >>> 0).toString(36)}`;
}

function sameRing(a: FlatRing, b: FlatRing): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
