/**
 * Plan geometry on paper: lon/lat → CGCS2000 3° Gauss-Krüger (the zone of the village's longitude, with the
 * zone prefix, as survey tables print it) → millimetres in the map frame at the sheet's scale. Drawing in
 * the projected plane keeps the scale true in every direction and the coordinate grid straight.
 */
import type { Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import { gkZoneForLongitude, toGaussKruger, type GkCrs } from '../geo/projection.ts';
import type { Rings } from './display-list.ts';

export interface PaperProjection {
  readonly crs: GkCrs;
  /** Ground metres per paper millimetre. */
  readonly mPerMm: number;
  /** Easting and northing of the frame's top-left corner. */
  readonly east0: number;
  readonly north0: number;
  readonly frame: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
}

export function crsFor(longitude: number): GkCrs {
  return { zone: gkZoneForLongitude(longitude), zonePrefix: true };
}

export function pointToPaper(p: PaperProjection, lonLat: Position): [number, number] {
  const [e, n] = toGaussKruger(lonLat, p.crs);
  return gkToPaper(p, e, n);
}

export function gkToPaper(p: PaperProjection, east: number, north: number): [number, number] {
  return [p.frame.x + (east - p.east0) / p.mPerMm, p.frame.y + (p.north0 - north) / p.mPerMm];
}

export function areaToPaper(p: PaperProjection, geometry: AreaGeometry): Rings {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flatMap((rings) => rings.map((ring) => ring.flatMap((position) => pointToPaper(p, position))));
}

/** Inside test on paper rings (even-odd), to place a label only where its parcel really is. */
export function insideRings(rings: Rings, x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
      const [xi, yi, xj, yj] = [ring[i] as number, ring[i + 1] as number, ring[j] as number, ring[j + 1] as number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
