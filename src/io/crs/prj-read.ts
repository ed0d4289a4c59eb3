/**
 * The CRS of a `.prj` (WKT as ArcGIS, QGIS/GDAL or other tools write it). Recognised in this order:
 * an EPSG code on the root; the names ArcGIS and EPSG give CGCS2000 zones; the projection parameters.
 * Other datums, and CGCS2000 projections other than zones 39–41, are read by foreign-prj.ts.
 */
import { CGCS2000_GEOGRAPHIC_EPSG, gkCrsFromEpsg, GK_ZONES, type GkZone } from '../../geo/projection.ts';
import { failure, success, type Result } from '../result.ts';
import { datumNameOf, findDeep, foreignCrsOfWkt, gkPlaneOfWkt } from './foreign-prj.ts';
import { GEOGRAPHIC, gk, type ReadCrs } from './source-crs.ts';
import { child, epsgCodeOf, nameOf, parseWkt, type WktNode } from './wkt.ts';

export interface PrjCrs {
  readonly crs: ReadCrs;
  readonly name: string;
  /** WGS84 data is accepted as CGCS2000 (they differ by centimetres at most); the note says so. Other datums: `crs` says how. */
  readonly datum: 'cgcs2000' | 'wgs84' | 'other';
}

/** Geographic EPSG codes taken as CGCS2000: 4490 itself, 4326 WGS 84, 4479/4480 CGCS2000 variants. */
const GEOGRAPHIC_EPSG = new Map<number, PrjCrs['datum']>([[CGCS2000_GEOGRAPHIC_EPSG, 'cgcs2000'], [4479, 'cgcs2000'], [4480, 'cgcs2000'], [4326, 'wgs84']]);

const PROJECTED = ['PROJCS', 'PROJCRS', 'PROJECTEDCRS'];
const GEOGRAPHIC_KEYWORDS = ['GEOGCS', 'GEOGCRS', 'GEODCRS', 'GEOGRAPHICCRS', 'GEODETICCRS', 'BASEGEOGCRS', 'BASEGEODCRS'];

export function crsFromPrj(text: string, file: string): Result<PrjCrs> {
  const root = parseWkt(text);
  if (!root) return failure('io.crs.prjNotWkt', { file, start: text.trim().slice(0, 40) });
  const top = root.keyword === 'COMPD_CS' || root.keyword === 'COMPOUNDCRS' ? (child(root, ...PROJECTED, ...GEOGRAPHIC_KEYWORDS) ?? root) : root;
  const name = nameOf(top);
  const datum = datumOf(top);
  const foreign = (): Result<PrjCrs> => {
    const read = foreignCrsOfWkt(text, top, file);
    return read.ok ? success({ crs: read.value, name, datum }) : read;
  };
  if (datum === 'other') return foreign();

  const epsg = epsgCodeOf(top);
  if (PROJECTED.includes(top.keyword)) {
    const byCode = epsg === undefined ? undefined : gkCrsFromEpsg(epsg);
    const found = byCode ?? gkFromName(name) ?? gkFromParameters(top);
    return found ? success({ crs: gk(found), name, datum }) : foreign();
  }
  if (GEOGRAPHIC_KEYWORDS.includes(top.keyword)) {
    if (epsg !== undefined && !GEOGRAPHIC_EPSG.has(epsg)) return foreign();
    return success({ crs: GEOGRAPHIC, name, datum });
  }
  return failure('io.crs.unsupported', { file, name: name || top.keyword });
}

/** Whether a datum name is CGCS2000's (`D_China_2000`, `China_2000`, `China Geodetic Coordinate System 2000`). */
export function namesCgcs2000(datumName: string): boolean {
  return /china2000|cgcs2000|chinageodeticcoordinatesystem2000/.test(datumName.toLowerCase().replace(/[\s_-]+/g, ''));
}

/**
 * CGCS2000 (`D_China_2000`, `China_2000`, `China Geodetic Coordinate System 2000`) or WGS 84; anything
 * else (Beijing 1954 and Xian 1980 of older surveys, foreign datums) needs a datum transformation.
 */
function datumOf(node: WktNode): PrjCrs['datum'] {
  const datum = datumNameOf(node).toLowerCase().replace(/[\s_-]+/g, '');
  if (namesCgcs2000(datum)) return 'cgcs2000';
  if (/wgs1984|wgs84|worldgeodeticsystem1984/.test(datum)) return 'wgs84';
  // A WKT with no datum name at all: judge by the ellipsoid (GRS 1980 / CGCS2000 / WGS 84 all fit).
  if (datum === '') {
    const ellipsoid = findDeep(node, ['SPHEROID', 'ELLIPSOID']);
    const a = Number(ellipsoid?.values[1]);
    return a === 6_378_137 ? 'cgcs2000' : 'other';
  }
  return 'other';
}

/** `CGCS2000_3_Degree_GK_Zone_40`, `CGCS2000 / 3-degree Gauss-Kruger zone 40`, `…_CM_120E`, `… CM 120E`. */
function gkFromName(name: string): ReturnType<typeof gkCrsFromEpsg> {
  const n = name.toLowerCase();
  if (!/cgcs\s*2000|china.?2000/.test(n) || !/3.?degree|3°/.test(n)) return undefined;
  const zone = /zone[_\s]*(\d+)/.exec(n);
  if (zone) return asZone(Number(zone[1]), true);
  const cm = /cm[_\s]*(\d+)\s*e/.exec(n);
  if (cm) return asZone(Number(cm[1]) / 3, false);
  return undefined;
}

/** A Gauss-Krüger plane (gkPlaneOfWkt) whose central meridian is a multiple of 3°, false easting 500 km with or without the zone. */
function gkFromParameters(projcs: WktNode): ReturnType<typeof gkCrsFromEpsg> {
  const plane = gkPlaneOfWkt(projcs);
  if (!plane) return undefined;
  const zone = plane.centralMeridian / 3;
  if (plane.falseEasting === 500_000) return asZone(zone, false);
  if (plane.falseEasting === zone * 1_000_000 + 500_000) return asZone(zone, true);
  return undefined;
}

function asZone(zone: number, zonePrefix: boolean): ReturnType<typeof gkCrsFromEpsg> {
  return (GK_ZONES as readonly number[]).includes(zone) ? { zone: zone as GkZone, zonePrefix } : undefined;
}
