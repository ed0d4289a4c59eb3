/**
 * Coordinates of a foreign CRS to CGCS2000 lon/lat. proj4 does the projection and any shift it knows
 * (`+towgs84`, position vector as in PROJ); Beijing 1954 / Xian 1980 take the county's parameters:
 * seven through proj4's `+towgs84`, four as a similarity on the Gauss-Krüger plane (CASS 四参数).
 */
import type { Position } from 'geojson';
import proj4 from 'proj4';
import type { DatumTransformation, FourParameters, LocalDatum, SevenParameters } from '../../domain/datum-parameters.ts';
import { localProj4 } from './local-datums.ts';
import type { ForeignCrs } from './source-crs.ts';

/** CGCS2000 lon/lat; the explicit zero shift makes proj4 apply the source's own. */
export const CGCS2000_LONLAT = '+proj=longlat +ellps=GRS80 +towgs84=0,0,0 +no_defs';
const SECONDS_TO_RADIANS = Math.PI / (180 * 3600);

/** The `+towgs84` values (position vector): coordinate-frame parameters rotate the other way. */
export function towgs84Of(t: SevenParameters): number[] {
  const sign = t.convention === 'coordinateFrame' ? -1 : 1;
  return [t.dx, t.dy, t.dz, sign * t.rx, sign * t.ry, sign * t.rz, t.scalePpm];
}

/**
 * Four parameters on plane coordinates [east, north] (metres, no zone prefix). The order is CASS's: first
 * rotate and scale about the plane's origin, then translate:
 * X′ = dx + k(X cos α − Y sin α), Y′ = dy + k(X sin α + Y cos α), with X north and Y east.
 */
export function applyFourParameters(t: FourParameters, eastNorth: readonly [number, number]): [number, number] {
  const [y, x] = eastNorth;
  const alpha = t.rotationSeconds * SECONDS_TO_RADIANS;
  const k = 1 + t.scalePpm * 1e-6;
  const cos = Math.cos(alpha);
  const sin = Math.sin(alpha);
  const north = t.dx + k * (x * cos - y * sin);
  const east = t.dy + k * (x * sin + y * cos);
  return [east, north];
}

/** CGCS2000 Gauss-Krüger on a central meridian, false easting 500 km: where four parameters land. */
export function cgcs2000Gk(centralMeridian: number, falseEasting = 500_000): string {
  return `+proj=tmerc +lat_0=0 +lon_0=${centralMeridian} +k=1 +x_0=${falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
}

type ToLonLat = (p: Position) => [number, number];
const converters = new Map<string, ToLonLat>();

/** A function from the CRS's coordinates to CGCS2000 lon/lat (cached: an import converts every vertex). */
export function foreignToLonLat(crs: ForeignCrs): ToLonLat {
  const key = JSON.stringify(crs);
  let found = converters.get(key);
  if (!found) {
    found = makeConverter(crs);
    converters.set(key, found);
  }
  return found;
}

function makeConverter(crs: ForeignCrs): ToLonLat {
  const shift = crs.shift;
  if (shift.kind !== 'local') return pair(proj4(crs.definition, CGCS2000_LONLAT));
  if (!shift.transformation) throw new Error(`no parameters for ${shift.datum}: georeference asks for them first`);
  return withParameters(crs, shift.datum, shift.transformation);
}

function withParameters(crs: ForeignCrs, datum: LocalDatum, t: DatumTransformation): ToLonLat {
  if (t.kind === 'sevenParameter') return pair(proj4(`${crs.definition} +towgs84=${towgs84Of(t).join(',')}`, CGCS2000_LONLAT));
  const target = proj4(cgcs2000Gk(t.centralMeridian), CGCS2000_LONLAT);
  // Coordinates already on the parameters' plane need no round trip through lon/lat, only the prefix off.
  const samePlane = crs.gk?.centralMeridian === t.centralMeridian ? crs.gk : null;
  const toPlane = samePlane ? null : proj4(crs.definition, localProj4({ datum, gk: { centralMeridian: t.centralMeridian, falseEasting: 500_000 } }));
  return (p) => {
    const [e, n] = samePlane ? [(p[0] as number) - (samePlane.falseEasting - 500_000), p[1] as number] : (toPlane as proj4.Converter).forward([p[0] as number, p[1] as number]);
    const [lon, lat] = target.forward(applyFourParameters(t, [e as number, n as number]));
    return [lon as number, lat as number];
  };
}

function pair(converter: proj4.Converter): ToLonLat {
  return (p) => {
    const [lon, lat] = converter.forward([p[0] as number, p[1] as number]);
    return [lon as number, lat as number];
  };
}
