/**
 * A small Xian 1980 3° GK zone 40 Shapefile (the `.prj` as ArcGIS writes it: `gdalsrsinfo -o wkt_esri
 * EPSG:2364`), for the unit tests and the browser test of datum parameters.
 */
import type { Position } from 'geojson';
import type { OutputFile } from '../files.ts';
import { writeShapefile } from '../formats/shapefile-write.ts';
import { GEOGRAPHIC } from './source-crs.ts';

export const XIAN_1980_ZONE_40_PRJ =
  'PROJCS["Xian_1980_3_Degree_GK_Zone_40",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",40500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

/** Squares of `size` metres with their south-west corners at the given [easting, northing] (zone prefix on). */
export function xianSquares(name: string, corners: readonly Position[], size = 50): OutputFile[] {
  const features = corners.map(([e, n], i) => {
    const [x, y] = [e as number, n as number];
    const ring = [[x, y], [x, y + size], [x + size, y + size], [x + size, y], [x, y]];
    return { geometry: { type: 'Polygon' as const, coordinates: [ring] }, properties: { NAME: `P${i + 1}` } };
  });
  // Written "as lon/lat" so the writer keeps the numbers as they are; the .prj then says what they are.
  const written = writeShapefile({ name, geometryType: 'polygon', fields: [{ name: 'NAME', type: 'C', length: 20, decimals: 0 }], features }, { crs: GEOGRAPHIC, encoding: 'utf-8', date: new Date(Date.UTC(2024, 0, 1)) });
  if (!written.ok) throw new Error(written.error.key);
  return written.value.map((f) => (f.name.toLowerCase().endsWith('.prj') ? { ...f, bytes: new TextEncoder().encode(XIAN_1980_ZONE_40_PRJ) } : f));
}
