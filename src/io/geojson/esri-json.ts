/**
 * Esri JSON, the JSON ArcGIS writes by default (Features To JSON without “Output to GeoJSON”, a feature
 * service's query): `features` of `attributes` and `geometry.rings`/`paths`/`x`, a `spatialReference`
 * with a `wkid`. It is not GeoJSON; read as GeoJSON its features "have no type", which tells the planner
 * nothing, so it is recognised and named (GDAL reads it with its own ESRIJSON driver).
 */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isEsriJson(root: unknown): boolean {
  if (!isObject(root) || 'type' in root) return false;
  if (typeof root.geometryType === 'string' && root.geometryType.startsWith('esriGeometry')) return true;
  const first: unknown = Array.isArray(root.features) ? root.features[0] : undefined;
  return isObject(first) && !('type' in first) && isObject(first.attributes) && (first.geometry === undefined || first.geometry === null || (isObject(first.geometry) && ('rings' in first.geometry || 'paths' in first.geometry || 'x' in first.geometry)));
}
