/**
 * Clipping for rules and the derivation: ask `tolerantRelate` first and clip only when it cannot tell, so
 * data with shared boundaries (an editor-made plan exactly, a survey's within the coverage tolerance) never
 * reaches the overlay engine. What must be
 * clipped goes to GEOS in the village's Gauss-Krüger plane (geo/geos/coverage-overlay.ts): one union of
 * the covers that reach, one overlay, and parts thinner than the coverage tolerance dropped by width, so
 * the sub-millimetre misfits of real data (a survey's parcels against a change drawn on them, both moved by
 * reprojection) never become slivers with an area. Failures come back as values.
 */
import type { Polygon, Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import { clipParts, madeValid } from '../geo/geos/coverage-overlay.ts';
import type { GkPlane } from '../geo/gk-plane.ts';
import { normalise, type OverlayResult } from '../geo/overlay.ts';
import { tolerantRelate } from '../geo/tolerant-relate.ts';
import { polygonsOf, rewindRfc7946 } from '../geo/rings.ts';

export type Clip = OverlayResult;

/** What a clip keeps: parts at least this wide (m) and polygons and holes at least this large (m², ellipsoidal). */
export interface ClipLimits {
  readonly plane: GkPlane;
  readonly minWidthM: number;
  readonly minAreaM2: number;
}

const none: Clip = { ok: true, value: null };
const whole = (g: AreaGeometry): Clip => ({ ok: true, value: g });

/** `a` cut by `b` into the part inside and the part outside, from one relate. */
export function split(a: AreaGeometry, b: AreaGeometry, limits: ClipLimits): { readonly inside: Clip; readonly outside: Clip } {
  switch (tolerantRelate(a, b, limits.minWidthM)) {
    case 'disjoint':
      return { inside: none, outside: whole(a) };
    case 'within':
      return { inside: whole(a), outside: none };
    case 'contains':
      return { inside: whole(b), outside: overlay('difference', a, [b], limits) };
    case 'overlap':
      return { inside: overlay('intersection', a, [b], limits), outside: overlay('difference', a, [b], limits) };
  }
}

/** The part of `a` covered by none of `covers`. */
export function partOutside(a: AreaGeometry, covers: readonly AreaGeometry[], limits: ClipLimits): Clip {
  const reaching = coversReaching(a, covers, limits.minWidthM);
  if (reaching === 'all') return none;
  return reaching.length === 0 ? whole(a) : overlay('difference', a, reaching, limits);
}

/** The part of `a` inside any of `covers` (covers need not be disjoint: overlapping parts are taken once). */
export function partInside(a: AreaGeometry, covers: readonly AreaGeometry[], limits: ClipLimits): Clip {
  const reaching = coversReaching(a, covers, limits.minWidthM);
  if (reaching === 'all') return whole(a);
  return reaching.length === 0 ? none : overlay('intersection', a, reaching, limits);
}

/** The covers whose interiors meet `a`, or 'all' when one of them holds all of `a`. */
function coversReaching(a: AreaGeometry, covers: readonly AreaGeometry[], toleranceM: number): AreaGeometry[] | 'all' {
  const reaching: AreaGeometry[] = [];
  for (const cover of covers) {
    const relation = tolerantRelate(a, cover, toleranceM);
    if (relation === 'within') return 'all';
    if (relation !== 'disjoint') reaching.push(cover);
  }
  return reaching;
}

function overlay(op: 'intersection' | 'difference', a: AreaGeometry, others: readonly AreaGeometry[], limits: ClipLimits): Clip {
  const { plane } = limits;
  let parts;
  try {
    parts = clipParts(
      op,
      plane.polygons(a),
      others.map((g) => plane.polygons(g)),
      limits.minWidthM,
    );
  } catch (error) {
    return { ok: false, error: `${op}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const lonLat = plane.toLonLat(parts.map((p) => p.polygon));
  if (!lonLat) return none;
  const kept = normalise(polygonsOf(lonLat), { minAreaM2: limits.minAreaM2 });
  return { ok: true, value: kept ? rewindRfc7946(kept) : null };
}

/**
 * An invalid outline as the valid geometry it plainly means (GEOS MakeValid in the GK plane; a ring that
 * touches itself at a vertex keeps its whole area), or null when nothing with an area is left or the
 * repair fails. For the derivation, which would otherwise leave the feature out; geometry-valid still
 * reports it.
 */
export function repaired(geometry: AreaGeometry, limits: ClipLimits): AreaGeometry | null {
  try {
    const lonLat = limits.plane.toLonLat(madeValid(limits.plane.polygons(geometry)));
    const kept = lonLat ? normalise(polygonsOf(lonLat), { minAreaM2: limits.minAreaM2 }) : null;
    return kept ? rewindRfc7946(kept) : null;
  } catch {
    return null;
  }
}

/** Several geometries as one MultiPolygon (they are known not to overlap); null for none. */
export function combine(parts: readonly (AreaGeometry | null)[]): AreaGeometry | null {
  const polygons = parts.flatMap((g) => (g ? (polygonsOf(g) as Position[][][]) : []));
  if (polygons.length === 0) return null;
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0] as Position[][] } satisfies Polygon;
  return { type: 'MultiPolygon', coordinates: polygons };
}
