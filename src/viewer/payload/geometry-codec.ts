/**
 * Compact geometry for the notice file: coordinates as whole steps of 1e-7° (≈ 1 cm) from one origin, each
 * ring's vertices as differences from the previous one, the closing vertex left out. Rounding is the same
 * for every copy of a shared vertex, so neighbours stay exactly joined; the file is about a fifth of the
 * plan's GeoJSON.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { AreaGeometry } from '../../domain/features.ts';
import type { CompactPolygons } from './payload.ts';

export const STEPS_PER_DEGREE = 1e7;

type Origin = readonly [number, number];

const step = (value: number, origin: number) => Math.round((value - origin) * STEPS_PER_DEGREE);

export function encodePoint(p: Position, origin: Origin): [number, number] {
  return [step(p[0] as number, origin[0]), step(p[1] as number, origin[1])];
}

export function decodePoint(at: readonly [number, number], origin: Origin): [number, number] {
  return [origin[0] + at[0] / STEPS_PER_DEGREE, origin[1] + at[1] / STEPS_PER_DEGREE];
}

function encodeRing(ring: readonly Position[], origin: Origin): number[] {
  const closed = ring.length > 1 && ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1];
  const count = closed ? ring.length - 1 : ring.length;
  const out: number[] = [];
  let px = 0;
  let py = 0;
  for (let i = 0; i < count; i++) {
    const [x, y] = encodePoint(ring[i] as Position, origin);
    out.push(x - px, y - py);
    px = x;
    py = y;
  }
  return out;
}

function decodeRing(flat: readonly number[], origin: Origin): Position[] {
  const ring: Position[] = [];
  let x = 0;
  let y = 0;
  for (let i = 0; i + 1 < flat.length; i += 2) {
    x += flat[i] as number;
    y += flat[i + 1] as number;
    ring.push([origin[0] + x / STEPS_PER_DEGREE, origin[1] + y / STEPS_PER_DEGREE]);
  }
  if (ring.length > 0) ring.push([...(ring[0] as Position)]);
  return ring;
}

export function encodeArea(geometry: AreaGeometry, origin: Origin): CompactPolygons {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) => rings.map((ring) => encodeRing(ring, origin)));
}

export function decodeArea(compact: CompactPolygons, origin: Origin): Polygon | MultiPolygon {
  const polygons = compact.map((rings) => rings.map((ring) => decodeRing(ring, origin)));
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] as Position[][] } : { type: 'MultiPolygon', coordinates: polygons };
}
