/**
 * Shapefile export: `.shp`, `.shx`, `.dbf`, `.prj` and `.cpg` of one layer, projected into the chosen CRS
 * (a CGCS2000 3° GK zone for deliverables; by default the zone of the layer's longitude, with the prefix).
 */
import { gkZoneForLongitude } from '../../geo/projection.ts';
import { ExtentBuilder } from '../crs/extent.ts';
import { prjText } from '../crs/prj-write.ts';
import { fromLonLat } from '../crs/reproject.ts';
import { gk, type SourceCrs } from '../crs/source-crs.ts';
import type { OutputFile } from '../files.ts';
import { failure, success, type Result } from '../result.ts';
import { writeDbf, type DbfRow } from '../shapefile/dbf-write.ts';
import { writeShp, type WritableGeometry } from '../shapefile/shp-write.ts';
import type { ExportLayer, WriteOptions } from './types.ts';

/** `.cpg` text GDAL, QGIS and ArcGIS all read: the Windows code page number for GBK. */
const CPG_TEXT = { gbk: '936', 'utf-8': 'UTF-8' } as const;
const utf8 = new TextEncoder();
/** The GeoJSON types a layer's one Shapefile shape type holds. */
const WANTED_TYPES: Record<ExportLayer['geometryType'], readonly string[]> = { point: ['Point'], polyline: ['LineString', 'MultiLineString'], polygon: ['Polygon', 'MultiPolygon'] };

/** The GK zone of the layer's middle longitude (domain.md §7), with the zone prefix unless asked otherwise. */
export function crsForLayer(layer: ExportLayer, zonePrefix = true): SourceCrs {
  const extent = new ExtentBuilder();
  for (const f of layer.features) extent.addGeometry(f.geometry);
  const e = extent.extent();
  return gk({ zone: gkZoneForLongitude(e ? (e.minX + e.maxX) / 2 : 120), zonePrefix });
}

export function writeShapefile(layer: ExportLayer, options: WriteOptions): Result<OutputFile[]> {
  const crs = options.crs ?? crsForLayer(layer);
  const encoding = options.encoding ?? 'gbk';
  const wanted = WANTED_TYPES[layer.geometryType];
  const geometries: WritableGeometry[] = [];
  const rows: DbfRow[] = [];
  for (let i = 0; i < layer.features.length; i++) {
    const feature = layer.features[i] as ExportLayer['features'][number];
    const label = String(feature.properties.BSM ?? feature.properties.TBBH ?? i + 1);
    if (feature.geometry && !wanted.includes(feature.geometry.type)) {
      return failure('io.write.wrongGeometry', { layer: layer.name, feature: label, type: feature.geometry.type });
    }
    geometries.push(feature.geometry && (fromLonLat(feature.geometry, crs) as Exclude<WritableGeometry, null>));
    rows.push({ values: feature.properties, label });
  }
  const dbf = writeDbf(layer.name, layer.fields, rows, encoding, options.date ?? new Date());
  if (!dbf.ok) return dbf;
  const { shp, shx } = writeShp(geometries, layer.geometryType);
  return success(
    [
      { name: `${layer.name}.shp`, bytes: shp },
      { name: `${layer.name}.shx`, bytes: shx },
      { name: `${layer.name}.dbf`, bytes: dbf.value },
      { name: `${layer.name}.prj`, bytes: utf8.encode(prjText(crs)) },
      { name: `${layer.name}.cpg`, bytes: utf8.encode(CPG_TEXT[encoding]) },
    ],
    dbf.notes,
  );
}
