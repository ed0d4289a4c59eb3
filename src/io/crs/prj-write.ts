/**
 * `.prj` text exactly as ArcGIS writes CGCS2000 (one line, ESRI WKT; GDAL's `-o wkt_esri` gives the same
 * text, so QGIS writes it too). GDAL reads these back as EPSG:4490 and EPSG:4527–4529 / 4548–4550.
 */
import { centralMeridian } from '../../geo/projection.ts';
import type { SourceCrs } from './source-crs.ts';

const GEOGCS =
  'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],' +
  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/** ESRI writes every number with at least one decimal (`500000.0`). */
function esriNumber(value: number): string {
  return Number.isInteger(value) ? `${value}.0` : String(value);
}

export function prjText(crs: SourceCrs): string {
  if (crs.kind === 'geographic') return GEOGCS;
  const cm = centralMeridian(crs.zone);
  const name = crs.zonePrefix ? `CGCS2000_3_Degree_GK_Zone_${crs.zone}` : `CGCS2000_3_Degree_GK_CM_${cm}E`;
  const falseEasting = (crs.zonePrefix ? crs.zone * 1_000_000 : 0) + 500_000;
  return (
    `PROJCS["${name}",${GEOGCS},PROJECTION["Gauss_Kruger"],` +
    `PARAMETER["False_Easting",${esriNumber(falseEasting)}],PARAMETER["False_Northing",0.0],` +
    `PARAMETER["Central_Meridian",${esriNumber(cm)}],PARAMETER["Scale_Factor",1.0],` +
    `PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`
  );
}
