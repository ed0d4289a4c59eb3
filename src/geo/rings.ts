/**
 * Small helpers over the rings of a plan geometry. Every other file in the kernel walks rings through
 * these, so the Polygon/MultiPolygon distinction is handled once.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';

export interface RingRef {
  /** 0 for a Polygon; the member index for a MultiPolygon. */
  readonly polygonIndex: number;
  /** 0 = the shell, 1.. = holes. */
  readonly ringIndex: number;
  readonly ring: readonly Position[];
}

/** The polygons of a geometry as a list of ring lists (a Polygon is a one-member list). */
export function polygonsOf(geometry: AreaGeometry): readonly (readonly (readonly Position[])[])[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Every ring of the geometry, shells before their holes, in storage order. */
export function* rings(geometry: AreaGeometry): Generator<RingRef> {
  const polygons = polygonsOf(geometry);
  for (let polygonIndex = 0; polygonIndex < polygons.length; polygonIndex++) {
    const polygon = polygons[polygonIndex] as readonly (readonly Position[])[];
    for (let ringIndex = 0; ringIndex < polygon.length; ringIndex++) {
      yield { polygonIndex, ringIndex, ring: polygon[ringIndex] as readonly Position[] };
    }
  }
}

/** Exact equality of x and y (bit-identical numbers; a third coordinate is ignored). */
export function positionsEqual(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

export function isClosed(ring: readonly Position[]): boolean {
  return ring.length > 1 && positionsEqual(ring[0] as Position, ring[ring.length - 1] as Position);
}

/** The ring with its first position repeated at the end when it is missing; a closed ring comes back as it is. */
export function closeRing(ring: readonly Position[]): Position[] {
  if (ring.length === 0 || isClosed(ring)) return [...ring];
  return [...ring, [...(ring[0] as Position)]];
}

export interface PositionContext {
  readonly polygonIndex: number;
  readonly ringIndex: number;
  readonly positionIndex: number;
}

/** A new geometry of the same type with every position replaced by `fn(position)`. */
export function mapPositions<G extends AreaGeometry>(geometry: G, fn: (p: Position, at: PositionContext) => Position): G {
  const mapPolygon = (polygon: readonly (readonly Position[])[], polygonIndex: number): Position[][] =>
    polygon.map((ring, ringIndex) => ring.map((p, positionIndex) => fn(p, { polygonIndex, ringIndex, positionIndex })));
  if (geometry.type === 'Polygon') {
    return { type: 'Polygon', coordinates: mapPolygon(geometry.coordinates, 0) } satisfies Polygon as G;
  }
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map(mapPolygon) } satisfies MultiPolygon as G;
}

/** A new geometry of the same type with every ring replaced by `fn(ring)`. */
export function mapRings<G extends AreaGeometry>(geometry: G, fn: (ring: readonly Position[], at: Omit<RingRef, 'ring'>) => Position[]): G {
  const mapPolygon = (polygon: readonly (readonly Position[])[], polygonIndex: number): Position[][] =>
    polygon.map((ring, ringIndex) => fn(ring, { polygonIndex, ringIndex }));
  if (geometry.type === 'Polygon') {
    return { type: 'Polygon', coordinates: mapPolygon(geometry.coordinates, 0) } satisfies Polygon as G;
  }
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map(mapPolygon) } satisfies MultiPolygon as G;
}

/**
 * Signed shoelace area in square degrees: positive for counter-clockwise (x east, y north). Coordinates
 * are taken relative to the first position so that large longitudes do not eat the significant digits.
 * Works with or without the closing position.
 */
export function ringSignedAreaPlanar(ring: readonly Position[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  const x0 = (ring[0] as Position)[0] as number;
  const y0 = (ring[0] as Position)[1] as number;
  let twice = 0;
  for (let i = 0; i < n; i++) {
    const a = ring[i] as Position;
    const b = ring[(i + 1) % n] as Position;
    twice += ((a[0] as number) - x0) * ((b[1] as number) - y0) - ((b[0] as number) - x0) * ((a[1] as number) - y0);
  }
  return twice / 2;
}

/** Outer rings counter-clockwise, holes clockwise (RFC 7946 §3.1.6). Returns a new geometry. */
export function rewindRfc7946<G extends AreaGeometry>(geometry: G): G {
  return mapRings(geometry, (ring, { ringIndex }) => {
    const area = ringSignedAreaPlanar(ring);
    const wantCounterClockwise = ringIndex === 0;
    const wrong = wantCounterClockwise ? area < 0 : area > 0;
    return wrong ? [...ring].reverse() : [...ring];
  });
}

/** Number of distinct vertices (the closing position not counted). */
export function vertexCount(ring: readonly Position[]): number {
  return isClosed(ring) ? ring.length - 1 : ring.length;
}
