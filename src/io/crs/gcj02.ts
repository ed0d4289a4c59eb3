/**
 * GCJ-02, the offset ("火星坐标") every Chinese web map (高德/Amap, 腾讯, Google China) serves: lon/lat shifted
 * by a few hundred metres by a published obfuscation formula. Data traced from or downloaded off those
 * maps carries it. Nothing in the numbers says so, so recognition rests on what such files carry: a name
 * or `.prj` mentioning GCJ/高德/火星, or Amap's district fields (`adcode`, `citycode`). Conversion is never
 * automatic: the note offers it and the planner asks for it. gcoord inverts the formula iteratively to
 * ~0.1 m, well inside the ±1 m a 1:2000 survey allows.
 */
import gcoord from 'gcoord';
import type { Geometry, Position } from 'geojson';
import { mapGeometry } from './reproject.ts';

const NAME_HINT = /gcj|火星|高德|amap|autonavi|腾讯|tencent|soso/i;
/** Field names of Amap's administrative-division exports (and the datasets copied from them). */
const AMAP_FIELDS = ['adcode', 'citycode'];

export function looksLikeGcj02(fileName: string, prjText: string | null, fieldNames: readonly string[]): boolean {
  if (NAME_HINT.test(fileName) || (prjText !== null && NAME_HINT.test(prjText))) return true;
  const lower = new Set(fieldNames.map((f) => f.toLowerCase()));
  return AMAP_FIELDS.every((f) => lower.has(f));
}

function convertPosition(p: Position): Position {
  const [lon, lat] = gcoord.transform([p[0] as number, p[1] as number], gcoord.GCJ02, gcoord.WGS84);
  return p.length > 2 ? [lon, lat, ...p.slice(2)] : [lon, lat];
}

/** GCJ-02 lon/lat → CGCS2000 (≈ WGS84) lon/lat, every position of any geometry type. */
export function gcj02ToCgcs2000<G extends Geometry>(geometry: G): G {
  return mapGeometry(geometry, convertPosition);
}
