/**
 * A `.prj` in a CRS other than CGCS2000 lon/lat or its GK zones 39–41: Beijing 1954 / Xian 1980 (their GK
 * zones and lon/lat, which need the county's parameters) or anything proj4 can read and bring to CGCS2000
 * (its WKT support, the EPSG definitions it carries). A datum proj4 knows no shift for is taken as
 * CGCS2000 only when it lies on GRS 80 / WGS 84 (GDA94, NAD83, ETRS89: metres apart at most, said in the
 * note); anything else is refused, naming the datum.
 */
import proj4 from 'proj4';
import { failure, success, type Result } from '../result.ts';
import { gkPlaneOfName, localCrsOfEpsg, localDatumOfEllipsoid, localDatumOfName, type GkPlaneOf, type LocalCrsId } from './local-datums.ts';
import { localForeignCrs, type DatumShift, type ForeignCrs } from './source-crs.ts';
import { child, children, epsgCodeOf, nameOf, type WktNode } from './wkt.ts';

const PROJECTED = ['PROJCS', 'PROJCRS', 'PROJECTEDCRS'];
const GRS80_A = 6_378_137;

/**
 * The datum node's name, wherever it sits (WKT1 under GEOGCS, WKT2 under BASEGEOGCRS); WKT2 names WGS 84,
 * ETRS89 and NAD83 by an ENSEMBLE of realisations instead of a DATUM.
 */
export function datumNameOf(node: WktNode): string {
  return nameOf(findDeep(node, ['DATUM', 'GEODETICDATUM', 'TRF', 'ENSEMBLE']));
}

export function findDeep(node: WktNode, keywords: readonly string[]): WktNode | undefined {
  for (const value of node.values) {
    if (typeof value !== 'object') continue;
    if (keywords.includes(value.keyword)) return value;
    const found = findDeep(value, keywords);
    if (found) return found;
  }
  return undefined;
}

/** Transverse Mercator with k = 1, latitude of origin 0, no false northing and 500 km (+ a zone) false easting. */
export function gkPlaneOfWkt(projcs: WktNode): GkPlaneOf | undefined {
  // WKT1 puts PROJECTION and PARAMETERs under PROJCS; WKT2 puts METHOD and PARAMETERs under CONVERSION.
  const conversion = child(projcs, 'CONVERSION') ?? projcs;
  const method = nameOf(child(projcs, 'PROJECTION') ?? child(conversion, 'METHOD')).toLowerCase();
  if (!/transverse|gauss|tmerc/.test(method)) return undefined;
  const parameters = new Map<string, number>();
  for (const p of children(conversion, 'PARAMETER')) parameters.set(nameOf(p).toLowerCase().replace(/[\s_]+/g, ''), Number(p.values[1]));
  const get = (...names: string[]) => names.map((n) => parameters.get(n)).find((v) => v !== undefined);
  const cm = get('centralmeridian', 'longitudeofnaturalorigin', 'longitudeoforigin');
  const k = get('scalefactor', 'scalefactoratnaturalorigin') ?? 1;
  const lat0 = get('latitudeoforigin', 'latitudeofnaturalorigin') ?? 0;
  const fn = get('falsenorthing') ?? 0;
  const fe = get('falseeasting');
  if (cm === undefined || fe === undefined || k !== 1 || lat0 !== 0 || fn !== 0 || fe % 1_000_000 !== 500_000) return undefined;
  return { centralMeridian: cm, falseEasting: fe };
}

/** The CRS of a `.prj` whose datum is not CGCS2000 (or WGS 84), or whose CGCS2000 projection is not a zone 39–41. */
export function foreignCrsOfWkt(text: string, top: WktNode, file: string): Result<ForeignCrs> {
  const name = nameOf(top);
  const datumName = datumNameOf(top);
  const local = localCrsOf(top, name, datumName);
  if (local === 'unsupported') return failure('io.crs.unsupported', { file, name });
  if (local) return success(localForeignCrs(name, datumName, local));

  const epsg = epsgCodeOf(top);
  const known = epsg === undefined ? undefined : proj4.defs(`EPSG:${epsg}`);
  const definition = known ? `EPSG:${epsg}` : text;
  let shift: DatumShift | 'none';
  try {
    shift = shiftOf(proj4.Proj(definition) as unknown as Proj4Datum);
  } catch {
    return failure('io.crs.unsupported', { file, name });
  }
  if (shift === 'none') return failure('io.crs.unsupportedDatum', { file, name, datum: datumName || name });
  // `EPSG:4269` names proj4's own definition (it carries it wherever it runs: worker, page, CLI).
  return success({ kind: 'foreign', name, datumName, definition, gk: null, shift });
}

/** Beijing 1954 or Xian 1980, by EPSG code, datum or CRS name, or (no datum named) the ellipsoid. */
function localCrsOf(top: WktNode, name: string, datumName: string): LocalCrsId | 'unsupported' | undefined {
  const epsg = epsgCodeOf(top);
  const byCode = epsg === undefined ? undefined : localCrsOfEpsg(epsg);
  if (byCode) return byCode;
  const ellipsoid = findDeep(top, ['SPHEROID', 'ELLIPSOID']);
  const datum = localDatumOfName(datumName) ?? localDatumOfName(name) ?? (datumName ? undefined : localDatumOfEllipsoid(Number(ellipsoid?.values[1]), Number(ellipsoid?.values[2])));
  if (!datum) return undefined;
  if (!PROJECTED.includes(top.keyword)) return { datum, gk: null };
  const gk = gkPlaneOfWkt(top) ?? gkPlaneOfName(name);
  return gk ? { datum, gk } : 'unsupported';
}

/** What proj4 made of a definition: its datum and ellipsoid (fields of proj4's Proj it does not type). */
export interface Proj4Datum {
  readonly a: number;
  readonly datum?: { readonly datum_type: number };
  readonly datum_params?: readonly (number | string)[];
}

/** proj4's datum types: 1 three, 2 seven parameters, 3 grid shift, 4 WGS 84, 5 none. */
export function shiftOf(p: Proj4Datum): DatumShift | 'none' {
  const type = p.datum?.datum_type;
  if ((type === 1 || type === 2) && p.datum_params) return { kind: 'towgs84', values: p.datum_params.map(Number) };
  if (type === 4 || (type === 5 && Math.abs(p.a - GRS80_A) < 0.01)) return { kind: 'same' };
  return 'none';
}
