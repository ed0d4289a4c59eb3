/**
 * terra-draw refuses a polygon whose coordinates have more decimals than its precision ("excessive
 * precision"), and imported or computed geometry (a survey reprojected from Gauss-Krüger, pieces of a split
 * or merge) has 14 or more: such a feature could not be reshaped at all. terra-draw is handed a copy rounded
 * to its precision (1e-9° is about 0.1 mm); what it reports back gets the stored positions again wherever a
 * vertex was not touched, so an unmoved vertex stays bit-identical to the copy its neighbours share.
 */
import type { Polygon, Position } from 'geojson';

export const DRAW_PRECISION = 9;
const SCALE = 10 ** DRAW_PRECISION;

/** terra-draw's own rounding (its `limitPrecision`), so a rounded value passes its precision check. */
const rounded = (v: number) => Math.round(v * SCALE) / SCALE;
const roundedPosition = (p: Position): Position => [rounded(p[0] as number), rounded(p[1] as number)];
const key = (p: Position) => `${p[0]},${p[1]}`;

/**
 * The outer ring only: terra-draw refuses a polygon with holes ("Feature has holes"), which left a parcel
 * around a pond or a homestead not reshapable at all. The outer ring is what it edits; the stored holes go
 * back with every step it reports (reshape-diff.ts), and a ring moved across a hole is refused by the
 * command's validity check as any invalid shape is.
 */
export function forTerraDraw(polygon: Polygon): Polygon {
  return { type: 'Polygon', coordinates: [(polygon.coordinates[0] ?? []).map(roundedPosition)] };
}

/**
 * The polygon terra-draw reports, with each vertex it left where it was given back as stored. Two stored
 * vertices closer than the precision round alike: which one came back is unknowable, so neither is put
 * back (the step then replaces the geometry rather than move a vertex that was not dragged).
 */
export function fromTerraDraw(reported: Polygon, stored: Polygon): Polygon {
  const original = new Map<string, Position | null>();
  for (const ring of stored.coordinates) {
    for (const p of ring) {
      const k = key(roundedPosition(p));
      const seen = original.get(k);
      original.set(k, seen === undefined || (seen !== null && seen[0] === p[0] && seen[1] === p[1]) ? p : null);
    }
  }
  return { type: 'Polygon', coordinates: reported.coordinates.map((ring) => ring.map((p) => original.get(key(p)) ?? p)) };
}
