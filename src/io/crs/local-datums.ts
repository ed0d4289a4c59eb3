/**
 * Beijing 1954 (Krassowsky 1940 ellipsoid) and Xian 1980 (IAG 1975): the national datums of older surveys
 * (二调 and before). Recognised by EPSG code, by name (ArcGIS `Xian_1980_3_Degree_GK_Zone_40`, EPSG
 * `Beijing 1954 / 3-degree Gauss-Kruger CM 120E`) or by the ellipsoid when a WKT names no datum. Their
 * coordinates reach CGCS2000 only through local parameters (datum-transform.ts).
 */
import type { LocalDatum } from '../../domain/datum-parameters.ts';

/** proj4 ellipsoid of each datum (a, 1/f): Krassowsky 1940 and IAG 1975 (= proj4 `krass`, `IAU76`). */
const LOCAL_DATUM_ELLIPSOIDS: Readonly<Record<LocalDatum, { readonly a: number; readonly rf: number }>> = {
  beijing1954: { a: 6_378_245, rf: 298.3 },
  xian1980: { a: 6_378_140, rf: 298.257 },
};

/** A Gauss-Krüger plane: transverse Mercator, k = 1, latitude of origin 0, false northing 0. */
export interface GkPlaneOf {
  readonly centralMeridian: number;
  /** 500,000 m, or with the zone number in front (40,500,000). */
  readonly falseEasting: number;
}

export interface LocalCrsId {
  readonly datum: LocalDatum;
  /** null: lon/lat. */
  readonly gk: GkPlaneOf | null;
}

/**
 * `xian1980` from `D_Xian_1980`, `Xian 1980`, `西安80`, and the Chinese forms surveys write (`1980西安坐标系`,
 * `80国家大地坐标系`: the 1980 national geodetic system is Xian 1980); `beijing1954` from `Beijing 1954`,
 * `54北京坐标系` (not `New Beijing`, `新北京54`).
 */
export function localDatumOfName(name: string): LocalDatum | undefined {
  const n = name.toLowerCase().replace(/[\s_-]+/g, '');
  if (/xian(19)?80|xi'an(19)?80|西安(19)?80|(^|[^0-9])(19)?80(西安|国家大地)/.test(n)) return 'xian1980';
  if (/(^|[^w])beijing(19)?54|北京(19)?54|(^|[^0-9])(19)?54北京/.test(n) && !/newbeijing|新北京/.test(n)) return 'beijing1954';
  return undefined;
}

/** The datum an ellipsoid belongs to, for a WKT that names none. */
export function localDatumOfEllipsoid(a: number, rf: number): LocalDatum | undefined {
  for (const [datum, e] of Object.entries(LOCAL_DATUM_ELLIPSOIDS) as [LocalDatum, { a: number; rf: number }][]) {
    if (Math.abs(a - e.a) < 0.01 && Math.abs(rf - e.rf) < 1e-6) return datum;
  }
  return undefined;
}

const zoned = (zone: number, degrees: 3 | 6): GkPlaneOf => ({ centralMeridian: degrees === 3 ? zone * 3 : zone * 6 - 3, falseEasting: zone * 1_000_000 + 500_000 });
const byMeridian = (centralMeridian: number): GkPlaneOf => ({ centralMeridian, falseEasting: 500_000 });

/**
 * EPSG codes: 4214 Beijing 1954 and 4610 Xian 1980 lon/lat; 2327–2337 Xian 1980 6° zones 13–23,
 * 2338–2348 its 6° CM 75–135°E, 2349–2369 its 3° zones 25–45, 2370–2390 its 3° CM 75–135°E; 2401–2421
 * Beijing 1954 3° zones 25–45, 2422–2442 its 3° CM 75–135°E; 21413–21423 Beijing 1954 6° zones 13–23,
 * 21473–21483 its 6° CM 75–135°E.
 */
export function localCrsOfEpsg(code: number): LocalCrsId | undefined {
  const ranges: readonly [number, number, LocalDatum, (i: number) => GkPlaneOf][] = [
    [2327, 2337, 'xian1980', (i) => zoned(13 + i, 6)],
    [2338, 2348, 'xian1980', (i) => byMeridian(75 + 6 * i)],
    [2349, 2369, 'xian1980', (i) => zoned(25 + i, 3)],
    [2370, 2390, 'xian1980', (i) => byMeridian(75 + 3 * i)],
    [2401, 2421, 'beijing1954', (i) => zoned(25 + i, 3)],
    [2422, 2442, 'beijing1954', (i) => byMeridian(75 + 3 * i)],
    [21413, 21423, 'beijing1954', (i) => zoned(13 + i, 6)],
    [21473, 21483, 'beijing1954', (i) => byMeridian(75 + 6 * i)],
  ];
  if (code === 4214) return { datum: 'beijing1954', gk: null };
  if (code === 4610) return { datum: 'xian1980', gk: null };
  for (const [first, last, datum, plane] of ranges) if (code >= first && code <= last) return { datum, gk: plane(code - first) };
  return undefined;
}

/** `…_3_Degree_GK_Zone_40`, `… 3-degree Gauss-Kruger zone 40`, `…_GK_CM_120E`, `… Gauss-Kruger zone 20` (6°). */
export function gkPlaneOfName(name: string): GkPlaneOf | undefined {
  const n = name.toLowerCase();
  if (!/gk|gauss/.test(n)) return undefined;
  const degrees = /3.?degree|3°/.test(n) ? 3 : 6;
  const cm = /cm[_\s]*(\d+)\s*e/.exec(n);
  if (cm) return byMeridian(Number(cm[1]));
  const zone = /zone[_\s]*(\d+)/.exec(n);
  return zone ? zoned(Number(zone[1]), degrees) : undefined;
}

/** The proj4 definition of coordinates on the datum's own ellipsoid (no datum shift). */
export function localProj4(id: LocalCrsId): string {
  const { a, rf } = LOCAL_DATUM_ELLIPSOIDS[id.datum];
  const ellipsoid = `+a=${a} +rf=${rf}`;
  if (!id.gk) return `+proj=longlat ${ellipsoid} +no_defs`;
  return `+proj=tmerc +lat_0=0 +lon_0=${id.gk.centralMeridian} +k=1 +x_0=${id.gk.falseEasting} +y_0=0 ${ellipsoid} +units=m +no_defs`;
}
