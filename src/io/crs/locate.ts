/**
 * Where data lies: the CRS inferred from coordinate ranges when a file does not say, and the check that
 * the data can be in Zhejiang, with a diagnosis of the usual mistakes (X and Y swapped: Chinese survey
 * tables call the northing X; degrees in a file that says metres, or the other way round).
 */
import { fromGaussKruger, GK_ZONES, gkZoneForLongitude, type GkZone } from '../../geo/projection.ts';
import { failure, success, type Result } from '../result.ts';
import { formatExtent, swapExtent, type Extent } from './extent.ts';
import { foreignToLonLat } from './datum-transform.ts';
import { describeCrs, GEOGRAPHIC, gk, type GkSourceCrs, type ReadCrs, type SourceCrs } from './source-crs.ts';

/**
 * Zhejiang's lon/lat extent (118.03–122.95°E, 27.04–31.18°N, from the district outlines in the
 * third-party fixtures) with ~30 km of margin for villages on the border and for offset data.
 */
const ZHEJIANG_EXTENT: Extent = { minX: 117.7, minY: 26.7, maxX: 123.3, maxY: 31.5 };

export type Region = 'zhejiang' | 'any';

export interface InferredCrs {
  readonly crs: SourceCrs;
  /** Other zones the same numbers fit (GK without the zone prefix): the note names them. */
  readonly alternatives: readonly SourceCrs[];
}

function isLonLat(e: Extent): boolean {
  return e.minX >= -180 && e.maxX <= 180 && e.minY >= -90 && e.maxY <= 90;
}

function inside(outer: Extent, e: Extent): boolean {
  return e.minX >= outer.minX && e.maxX <= outer.maxX && e.minY >= outer.minY && e.maxY <= outer.maxY;
}

/** The lon/lat extent of raw coordinates in a CRS (corners and middle: enough for a plausibility test). */
function lonLatExtent(e: Extent, crs: ReadCrs): Extent | undefined {
  if (crs.kind === 'geographic') return isLonLat(e) ? e : undefined;
  const toLonLat = crs.kind === 'foreign' ? foreignToLonLat(crs) : (p: number[]) => fromGaussKruger(p, crs);
  const corners = [
    [e.minX, e.minY],
    [e.maxX, e.minY],
    [e.minX, e.maxY],
    [e.maxX, e.maxY],
    [(e.minX + e.maxX) / 2, (e.minY + e.maxY) / 2],
  ].map(toLonLat);
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const out = { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
  return Number.isFinite(out.minX + out.minY + out.maxX + out.maxY) && isLonLat(out) ? out : undefined;
}

export function inZhejiang(e: Extent, crs: ReadCrs): boolean {
  const lonLat = lonLatExtent(e, crs);
  return lonLat !== undefined && inside(ZHEJIANG_EXTENT, lonLat);
}

/**
 * The CRS from coordinate ranges: lon/lat when every value fits; x ≈ 39–41,xxx,xxx → that zone with the
 * prefix; x within 0–1,000,000 and y within 0–10,000,000 → GK without the prefix, where the zone cannot be
 * read from the numbers: the zones whose reading lands in Zhejiang are the candidates, and the one of
 * the planner's village (`expectedLongitude`), else zone 40 (most of Zhejiang, domain.md §7), is taken.
 */
export function inferCrs(e: Extent, expectedLongitude?: number): InferredCrs | undefined {
  if (isLonLat(e)) return { crs: GEOGRAPHIC, alternatives: [] };
  const zone = Math.floor(e.minX / 1_000_000);
  if (zone === Math.floor(e.maxX / 1_000_000) && (GK_ZONES as readonly number[]).includes(zone) && e.minY >= 0 && e.maxY < 10_000_000) {
    return { crs: gk({ zone: zone as GkZone, zonePrefix: true }), alternatives: [] };
  }
  if (e.minX >= 0 && e.maxX < 1_000_000 && e.minY >= 0 && e.maxY < 10_000_000) {
    const candidates = GK_ZONES.map((z) => gk({ zone: z, zonePrefix: false })).filter((c) => inZhejiang(e, c));
    const preferredZone = expectedLongitude === undefined ? 40 : gkZoneForLongitude(expectedLongitude);
    const chosen = candidates.find((c) => c.kind === 'gk' && c.zone === preferredZone) ?? candidates[0] ?? gk({ zone: preferredZone, zonePrefix: false });
    return { crs: chosen, alternatives: candidates.filter((c) => c !== chosen) };
  }
  return undefined;
}

/**
 * The same CGCS2000 zone with the zone prefix the declared CRS lacks (or without the one it has), when
 * only that reading puts the data where it can be. A `.prj` for “CGCS2000_3_Degree_GK_CM_120E” over
 * coordinates written with the 40 prefix (or “…_Zone_40” over coordinates without it) is a common slip:
 * the two differ only by the 40,000 km of false easting, so the numbers settle it. GDAL applies the
 * `.prj` as it is and cannot place a single point.
 */
export function zonePrefixCorrected(e: Extent, crs: ReadCrs, region: Region): GkSourceCrs | undefined {
  if (crs.kind !== 'gk' || fits(e, crs, region)) return undefined;
  const other = gk({ zone: crs.zone, zonePrefix: !crs.zonePrefix });
  // The numbers must carry this zone's prefix, or none: 39,xxx,xxx under a zone 40 `.prj` is another zone, not a slip.
  const prefixes = [Math.floor(e.minX / 1_000_000), Math.floor(e.maxX / 1_000_000)];
  const written = other.zonePrefix ? other.zone : 0;
  return prefixes.every((p) => p === written) && fits(e, other, region) ? other : undefined;
}

function fits(e: Extent, crs: ReadCrs, region: Region): boolean {
  const lonLat = lonLatExtent(e, crs);
  return lonLat !== undefined && (region === 'any' || inside(ZHEJIANG_EXTENT, lonLat));
}

/**
 * Refuses data that cannot be in Zhejiang (or, with region 'any', cannot be on Earth in this CRS), and
 * says which mistake it most likely is, so the message can name the fix.
 */
export function checkLocation(file: string, e: Extent, crs: ReadCrs, region: Region): Result<void> {
  if (fits(e, crs, region)) return success(undefined);
  const lonLat = lonLatExtent(e, crs);
  const params = { file, crs: describeCrs(crs), extent: formatExtent(e) };
  const swapped = swapExtent(e);
  const swappedCrs = crs.kind === 'geographic' ? GEOGRAPHIC : inferCrs(swapped)?.crs;
  if (swappedCrs && inZhejiang(swapped, swappedCrs)) return failure('io.crs.swappedXY', params);
  if (crs.kind === 'gk' && inZhejiang(e, GEOGRAPHIC)) return failure('io.crs.degreesAsMetres', params);
  const projected = inferCrs(e);
  if (crs.kind === 'geographic' && projected && projected.crs.kind === 'gk' && inZhejiang(e, projected.crs)) {
    return failure('io.crs.metresAsDegrees', { ...params, likely: describeCrs(projected.crs) });
  }
  if (!lonLat) return failure('io.crs.impossibleCoordinates', params);
  return failure('io.crs.outsideZhejiang', { ...params, lonLat: formatExtent(lonLat) });
}
