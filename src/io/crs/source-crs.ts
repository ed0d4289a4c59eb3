/**
 * The coordinate systems an import accepts (domain.md §7): CGCS2000 lon/lat (WGS84 accepted as the same at
 * map scale) and CGCS2000 3° Gauss-Krüger zones 39–41, with or without the zone prefix (`SourceCrs`, also
 * what exports write); and on reading, any other CRS proj4 can bring to CGCS2000 (`ForeignCrs`).
 */
import type { DatumTransformation, LocalDatum } from '../../domain/datum-parameters.ts';
import { CGCS2000_GEOGRAPHIC_EPSG, centralMeridian, gkEpsg, type GkCrs } from '../../geo/projection.ts';
import { localProj4, type GkPlaneOf, type LocalCrsId } from './local-datums.ts';

export type GkSourceCrs = { readonly kind: 'gk' } & GkCrs;
export type SourceCrs = { readonly kind: 'geographic' } | GkSourceCrs;

/**
 * How a foreign CRS reaches CGCS2000: taken as the same (a datum on GRS 80 / WGS 84 proj4 gives no shift
 * for: GDA94, NAD83 as ESRI names them…); proj4's own shift (the WKT's TOWGS84, its datum table, the EPSG
 * definition it knows); or the county's parameters for Beijing 1954 / Xian 1980 (null until entered).
 */
export type DatumShift =
  | { readonly kind: 'same' }
  | { readonly kind: 'towgs84'; readonly values: readonly number[] }
  | { readonly kind: 'local'; readonly datum: LocalDatum; readonly transformation: DatumTransformation | null };

export interface ForeignCrs {
  readonly kind: 'foreign';
  /** As the file names it (`Xian_1980_3_Degree_GK_Zone_40`). */
  readonly name: string;
  readonly datumName: string;
  /** What proj4 reads the coordinates with (WKT or proj string); for a local datum, on its own ellipsoid. */
  readonly definition: string;
  /** A local datum's GK plane (null: lon/lat), which four parameters and control points are given in. */
  readonly gk: GkPlaneOf | null;
  readonly shift: DatumShift;
}

/** What a file's coordinates can be in. */
export type ReadCrs = SourceCrs | ForeignCrs;

export const GEOGRAPHIC: SourceCrs = { kind: 'geographic' };

export function gk(crs: GkCrs): GkSourceCrs {
  return { kind: 'gk', zone: crs.zone, zonePrefix: crs.zonePrefix };
}

export function epsgOf(crs: SourceCrs): number {
  return crs.kind === 'geographic' ? CGCS2000_GEOGRAPHIC_EPSG : gkEpsg(crs);
}

/** `EPSG:4528 CGCS2000 3° GK zone 40 (CM 120°E, zone prefix)`: what notes show; the same in both languages. */
export function describeCrs(crs: ReadCrs): string {
  if (crs.kind === 'foreign') return crs.name === crs.datumName || !crs.datumName ? crs.name : `${crs.name} (${crs.datumName})`;
  if (crs.kind === 'geographic') return `EPSG:${CGCS2000_GEOGRAPHIC_EPSG} CGCS2000 lon/lat`;
  const prefix = crs.zonePrefix ? ', zone prefix' : '';
  return `EPSG:${gkEpsg(crs)} CGCS2000 3° GK zone ${crs.zone} (CM ${centralMeridian(crs.zone)}°E${prefix})`;
}

/** How the CRS of an import was found, for the note the planner sees. */
export type CrsSource = 'prj' | 'inferred' | 'header' | 'geojson' | 'chosen';

export interface CrsReport {
  readonly crs: ReadCrs;
  readonly how: CrsSource;
  /** The name the file gave (`CGCS2000_3_Degree_GK_Zone_40`), when it gave one. */
  readonly declaredName: string | null;
}

/** The CRS of coordinates in a Beijing 1954 / Xian 1980 system: read on its own ellipsoid, shifted by the county's parameters (null until entered). */
export function localForeignCrs(name: string, datumName: string, id: LocalCrsId, transformation: DatumTransformation | null = null): ForeignCrs {
  return { kind: 'foreign', name, datumName, definition: localProj4(id), gk: id.gk, shift: { kind: 'local', datum: id.datum, transformation } };
}
