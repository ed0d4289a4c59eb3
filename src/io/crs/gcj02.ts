/**
 * GCJ-02, the offset ("火星坐标") every Chinese web map (高德/Amap, 腾讯, Google China) serves: lon/lat shifted
 * by a few hundred metres by a published obfuscation formula. Data traced from or downloaded off those
 * maps carries it. Nothing in the numbers alone says so, so recognition rests on what such files carry: a
 * name or `.prj` mentioning GCJ/高德/火星, or Amap's district fields (`adcode` with a companion only Amap
 * and DataV exports have); or, when the plan already has parcels, on the layer sitting at the offset from
 * them (gcj02-offset.ts). Conversion is never automatic: the note offers it and the planner asks for it.
 * gcoord inverts the formula iteratively to ~0.1 m, well inside the ±1 m a 1:2000 survey allows.
 */
import gcoord from 'gcoord';
import type { Geometry, Position } from 'geojson';
import { mapGeometry } from './reproject.ts';

const NAME_HINT = /gcj|火星|高德|amap|autonavi|腾讯|tencent|soso/i;
/**
 * Amap's district code. Alone it proves nothing: the six-digit 行政区划代码 is the national code, and
 * government data in CGCS2000 carries it under this name too (XZQDM exported as `adcode`).
 */
const AMAP_CODE = 'adcode';
/**
 * Fields that come with `adcode` only in Amap's district exports (高德行政区划 API, Aliyun DataV.GeoAtlas,
 * and the datasets copied from them): `citycode` (Amap's telephone area code), the label points `center`
 * and `centroid`, `childrenNum`, `parent` ({ adcode }), `subFeatureIndex`, `acroutes` (the adcodes up to
 * the country); `childrennu` and `subfeature` are the last two cut to a DBF's ten characters. DataV's
 * `name` and `level` are left out: any dataset may have fields so named.
 */
const AMAP_COMPANIONS = ['citycode', 'center', 'centroid', 'childrennum', 'childrennu', 'parent', 'subfeatureindex', 'subfeature', 'acroutes'];

export function looksLikeGcj02(fileName: string, prjText: string | null, fieldNames: readonly string[]): boolean {
  if (NAME_HINT.test(fileName) || (prjText !== null && NAME_HINT.test(prjText))) return true;
  const lower = new Set(fieldNames.map((f) => f.toLowerCase()));
  return lower.has(AMAP_CODE) && AMAP_COMPANIONS.some((f) => lower.has(f));
}

function keepingZ(p: Position, [lon, lat]: [number, number]): Position {
  return p.length > 2 ? [lon, lat, ...p.slice(2)] : [lon, lat];
}

/** One GCJ-02 position → CGCS2000 (≈ WGS84), by gcoord's iterative inverse. */
export function gcj02ToCgcs2000Position(p: Position): Position {
  return keepingZ(p, gcoord.transform([p[0] as number, p[1] as number], gcoord.GCJ02, gcoord.WGS84));
}

/** One CGCS2000 (≈ WGS84) position → GCJ-02, by the published formula: where the conversion came from. */
export function cgcs2000ToGcj02Position(p: Position): Position {
  return keepingZ(p, gcoord.transform([p[0] as number, p[1] as number], gcoord.WGS84, gcoord.GCJ02));
}

/** GCJ-02 lon/lat → CGCS2000 (≈ WGS84) lon/lat, every position of any geometry type. */
export function gcj02ToCgcs2000<G extends Geometry>(geometry: G): G {
  return mapGeometry(geometry, gcj02ToCgcs2000Position);
}
