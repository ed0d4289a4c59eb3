/**
 * CGCS2000 3° Gauss-Krüger zones (domain.md §7) through proj4, which implements the extended transverse
 * Mercator (Poder/Engsager) that survey software uses: millimetre-exact across a 3° zone.
 */
import proj4 from 'proj4';
import type { Position } from 'geojson';

export const GK_ZONES = [39, 40, 41] as const;
export type GkZone = (typeof GK_ZONES)[number];

export interface GkCrs {
  readonly zone: GkZone;
  /** True when the easting carries the zone number (x = 40,5xx,xxx): EPSG:4527–4529. */
  readonly zonePrefix: boolean;
}

export const CGCS2000_GEOGRAPHIC_EPSG = 4490;
const GEOGRAPHIC = '+proj=longlat +ellps=GRS80 +no_defs';

export function centralMeridian(zone: GkZone): number {
  return zone * 3;
}

/** EPSG code: 4527–4529 with the zone prefix, 4548–4550 without. */
export function gkEpsg(crs: GkCrs): number {
  return (crs.zonePrefix ? 4488 : 4509) + crs.zone;
}

export function gkCrsFromEpsg(epsg: number): GkCrs | undefined {
  for (const zone of GK_ZONES) {
    for (const zonePrefix of [true, false]) {
      if (gkEpsg({ zone, zonePrefix }) === epsg) return { zone, zonePrefix };
    }
  }
  return undefined;
}

export function gkProj4Definition(crs: GkCrs): string {
  const falseEasting = (crs.zonePrefix ? crs.zone * 1_000_000 : 0) + 500_000;
  return `+proj=tmerc +lat_0=0 +lon_0=${centralMeridian(crs.zone)} +k=1 +x_0=${falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
}

/** The zone whose central meridian is nearest: 3° zones are numbered by round(lon / 3). */
export function gkZoneForLongitude(lon: number): GkZone {
  const zone = Math.round(lon / 3);
  if (zone <= 39) return 39;
  if (zone >= 41) return 41;
  return 40;
}

const converters = new Map<string, proj4.Converter>();
function converter(crs: GkCrs): proj4.Converter {
  const key = `${crs.zone}:${crs.zonePrefix}`;
  let found = converters.get(key);
  if (!found) {
    found = proj4(GEOGRAPHIC, gkProj4Definition(crs));
    converters.set(key, found);
  }
  return found;
}

/** lon/lat (degrees) → [easting, northing] in metres. Chinese survey tables call these Y and X. */
export function toGaussKruger(lonLat: Position, crs: GkCrs): [number, number] {
  const [e, n] = converter(crs).forward([lonLat[0] as number, lonLat[1] as number]);
  return [e as number, n as number];
}

/** [easting, northing] in metres → [lon, lat] in degrees. */
export function fromGaussKruger(eastNorth: Position, crs: GkCrs): [number, number] {
  const [lon, lat] = converter(crs).inverse([eastNorth[0] as number, eastNorth[1] as number]);
  return [lon as number, lat as number];
}
