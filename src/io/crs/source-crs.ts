/**
 * The coordinate systems an import accepts (domain.md §7): CGCS2000 lon/lat (WGS84 accepted as the same at
 * map scale) and CGCS2000 3° Gauss-Krüger zones 39–41, with or without the zone prefix.
 */
import { CGCS2000_GEOGRAPHIC_EPSG, centralMeridian, gkEpsg, type GkCrs } from '../../geo/projection.ts';

export type GkSourceCrs = { readonly kind: 'gk' } & GkCrs;
export type SourceCrs = { readonly kind: 'geographic' } | GkSourceCrs;

export const GEOGRAPHIC: SourceCrs = { kind: 'geographic' };

export function gk(crs: GkCrs): GkSourceCrs {
  return { kind: 'gk', zone: crs.zone, zonePrefix: crs.zonePrefix };
}

export function epsgOf(crs: SourceCrs): number {
  return crs.kind === 'geographic' ? CGCS2000_GEOGRAPHIC_EPSG : gkEpsg(crs);
}

/** `EPSG:4528 CGCS2000 3° GK zone 40 (CM 120°E, zone prefix)`: what notes show; the same in both languages. */
export function describeCrs(crs: SourceCrs): string {
  if (crs.kind === 'geographic') return `EPSG:${CGCS2000_GEOGRAPHIC_EPSG} CGCS2000 lon/lat`;
  const prefix = crs.zonePrefix ? ', zone prefix' : '';
  return `EPSG:${gkEpsg(crs)} CGCS2000 3° GK zone ${crs.zone} (CM ${centralMeridian(crs.zone)}°E${prefix})`;
}

/** How the CRS of an import was found, for the note the planner sees. */
export type CrsSource = 'prj' | 'inferred' | 'header' | 'geojson' | 'chosen';

export interface CrsReport {
  readonly crs: SourceCrs;
  readonly how: CrsSource;
  /** The name the file gave (`CGCS2000_3_Degree_GK_Zone_40`), when it gave one. */
  readonly declaredName: string | null;
}
