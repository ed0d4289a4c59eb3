/**
 * Clipping for rules: ask `relate` first and clip only when it cannot tell, so data with shared boundaries
 * (nearly all of a plan) never reaches the overlay library. Failures come back as values.
 */
import type { Polygon, Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import { difference, intersection, type OverlayResult } from '../geo/overlay.ts';
import { relate } from '../geo/relate.ts';
import { polygonsOf } from '../geo/rings.ts';

export type Clip = OverlayResult;

const none: Clip = { ok: true, value: null };
const whole = (g: AreaGeometry): Clip => ({ ok: true, value: g });

export function intersect(a: AreaGeometry, b: AreaGeometry, minAreaM2: number): Clip {
  switch (relate(a, b)) {
    case 'disjoint':
      return none;
    case 'within':
      return whole(a);
    case 'contains':
      return whole(b);
    case 'overlap':
      return intersection(a, b, { minAreaM2 });
  }
}

export function subtract(a: AreaGeometry, b: AreaGeometry, minAreaM2: number): Clip {
  switch (relate(a, b)) {
    case 'disjoint':
      return whole(a);
    case 'within':
      return none;
    case 'contains':
    case 'overlap':
      return difference(a, b, { minAreaM2 });
  }
}

/** The part of `a` covered by none of `covers`. */
export function partOutside(a: AreaGeometry, covers: readonly AreaGeometry[], minAreaM2: number): Clip {
  let rest: AreaGeometry | null = a;
  for (const cover of covers) {
    if (!rest) break;
    const cut = subtract(rest, cover, minAreaM2);
    if (!cut.ok) return cut;
    rest = cut.value;
  }
  return { ok: true, value: rest };
}

/** The part of `a` inside any of `covers` (covers need not be disjoint: overlapping parts are taken once). */
export function partInside(a: AreaGeometry, covers: readonly AreaGeometry[], minAreaM2: number): Clip {
  const outside = partOutside(a, covers, minAreaM2);
  if (!outside.ok) return outside;
  if (!outside.value) return whole(a);
  if (outside.value === a) return none;
  return subtract(a, outside.value, minAreaM2);
}

/** Several geometries as one MultiPolygon (they are known not to overlap); null for none. */
export function combine(parts: readonly (AreaGeometry | null)[]): AreaGeometry | null {
  const polygons = parts.flatMap((g) => (g ? (polygonsOf(g) as Position[][][]) : []));
  if (polygons.length === 0) return null;
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0] as Position[][] } satisfies Polygon;
  return { type: 'MultiPolygon', coordinates: polygons };
}
