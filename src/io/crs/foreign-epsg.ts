/**
 * A CRS named only by its EPSG code, as GDAL and QGIS name a projected layer in a GeoJSON file's `crs`
 * member (`urn:ogc:def:crs:EPSG::2385`): the same reading a `.prj` of that system gets (foreign-prj.ts),
 * so old-survey data in Xian 1980 / Beijing 1954 asks for the county's parameters, and Web Mercator or
 * UTM data is brought to CGCS2000, whether it arrives as a Shapefile or as GeoJSON.
 */
import proj4 from 'proj4';
import { failure, success, type Result } from '../result.ts';
import { shiftOf, type Proj4Datum } from './foreign-prj.ts';
import { localCrsOfEpsg } from './local-datums.ts';
import { localForeignCrs, type ForeignCrs } from './source-crs.ts';

const LOCAL_DATUM_NAMES = { xian1980: 'Xian 1980', beijing1954: 'Beijing 1954' } as const;

/** `file` and `name` are for the message; `name` also names the CRS in notes (`EPSG:2385`). */
export function foreignCrsOfEpsg(code: number, name: string, file: string): Result<ForeignCrs> {
  const local = localCrsOfEpsg(code);
  if (local) {
    const datumName = LOCAL_DATUM_NAMES[local.datum];
    return success(localForeignCrs(name, datumName, local));
  }
  // Only the definitions proj4 carries wherever it runs (worker, page, CLI): WGS 84 and its UTM zones,
  // Web Mercator, NAD83. Any other code cannot be read without the EPSG database.
  const definition = `EPSG:${code}`;
  if (!Number.isInteger(code) || !proj4.defs(definition)) return failure('io.crs.unsupported', { file, name });
  const shift = shiftOf(proj4.Proj(definition) as unknown as Proj4Datum);
  if (shift === 'none') return failure('io.crs.unsupportedDatum', { file, name, datum: name });
  return success({ kind: 'foreign', name, datumName: '', definition, gk: null, shift });
}
