/**
 * One cause behind many `inside-village` findings: a village boundary (XZQ, or CJDCQ in a 2026 database) from
 * another survey, or moved with other transformation parameters, lies 0.1–2 m off the parcels along most of
 * its length. Each feature along it then reaches out in a thin strip and is reported on its own (344 findings
 * on the misaligned 24,000-parcel package); a planner who reads them one by one edits parcels when the fix
 * is the boundary. This tells the two apart from the findings already made, so an edit costs nothing more:
 * a pass over the strips' areas and widths, and the boundary's length, remembered per boundary.
 */
import type { Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import { geodesicLength } from '../geo/measure.ts';

/**
 * A strip this wide or less is a line drawn elsewhere, not land drawn outside: residuals of another survey or
 * of other transformation parameters are 0.1–2 m; 5 m leaves room for an old 1:10,000 map and stays under
 * the width of the narrowest parcel a planner draws outside on purpose (a road, a plot).
 */
export const MISALIGNED_STRIP_MAX_WIDTH_M = 5;
/**
 * Fewer findings than this are read one by one: the summary is for when many features share one cause.
 * Five and not twenty because a layer of a few large features (functional zones, control zones) along a
 * misaligned boundary has only a handful of findings, each strip running for kilometres.
 */
export const MISALIGNED_MIN_FEATURES = 5;
/**
 * The share of the boundary's length the thin strips must run along together (a strip's length is its area
 * over its mean width). A boundary shifted off the parcels has them reaching out along the sides facing away
 * from the shift, about half its length (0.32–0.46 on the misaligned 24,000-parcel package, where stretches
 * within the tolerance are not reported); a fifth leaves room for a smaller shift. Real overhangs, a handful
 * of parcels drawn past the line here and there, run along a few percent of it.
 */
export const MISALIGNED_MIN_SHARE = 0.2;

/** A part outside the boundary as a finding reports it: its area, mean width and the features it is of. */
export interface StripOutside {
  readonly areaM2: number;
  readonly widthM: number;
  readonly features: readonly string[];
}

export interface MisalignedStrips {
  /** Features reaching out in thin strips. */
  readonly features: number;
  readonly areaM2: number;
  readonly minWidthM: number;
  readonly maxWidthM: number;
}

/** The thin strips of one layer, when they are many and run along enough of the boundary to say the boundary is off; else null. */
export function misalignedAlong(strips: Iterable<StripOutside>, boundaryLengthM: number): MisalignedStrips | null {
  const features = new Set<string>();
  let areaM2 = 0;
  let lengthM = 0;
  let minWidthM = Infinity;
  let maxWidthM = 0;
  for (const strip of strips) {
    if (!(strip.widthM > 0) || strip.widthM > MISALIGNED_STRIP_MAX_WIDTH_M) continue;
    for (const id of strip.features) features.add(id);
    areaM2 += strip.areaM2;
    lengthM += strip.areaM2 / strip.widthM;
    minWidthM = Math.min(minWidthM, strip.widthM);
    maxWidthM = Math.max(maxWidthM, strip.widthM);
  }
  if (features.size < MISALIGNED_MIN_FEATURES || !(boundaryLengthM > 0) || lengthM < MISALIGNED_MIN_SHARE * boundaryLengthM) return null;
  return { features: features.size, areaM2: Math.round(areaM2 * 100) / 100, minWidthM, maxWidthM };
}

/** The geodesic length of every ring of these outlines (lon/lat), in metres: the boundary's length the strips are measured against. */
export function outlineLengthM(geometries: readonly AreaGeometry[]): number {
  let length = 0;
  for (const geometry of geometries) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const ring of polygons.flat()) for (let i = 0; i + 1 < ring.length; i++) length += geodesicLength(ring[i] as Position, ring[i + 1] as Position);
  }
  return length;
}
