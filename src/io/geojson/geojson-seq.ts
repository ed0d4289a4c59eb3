/**
 * GeoJSON Text Sequences (RFC 8142, GDAL's GeoJSONSeq driver): one Feature per record, records ended by a
 * newline (`.geojsonl`, also called newline-delimited GeoJSON) or begun by the RS character 0x1E
 * (`.geojsons`, GDAL's `-lco RS=YES`). GDAL and QGIS write them for large layers; both read them as one
 * layer, and so do we: the records become a FeatureCollection's features, in order.
 */

const RECORD_SEPARATOR = '\u001e';

/** Whether a file is a sequence: by its extension, or by its first character being RS. */
export function isGeoJsonSeq(fileName: string, firstChar?: string): boolean {
  return /\.geojson[ls]$/i.test(fileName) || firstChar === RECORD_SEPARATOR;
}

export type SeqRecords = { readonly ok: true; readonly features: unknown[] } | { readonly ok: false; readonly record: number; readonly detail: string };

/** The records of a sequence's text (a BOM and blank lines ignored), or the first that is not JSON. */
export function parseGeoJsonSeq(text: string): SeqRecords {
  const features: unknown[] = [];
  const records = text.replace(/^\uFEFF/, '').split('\n').flatMap((line) => line.split(RECORD_SEPARATOR));
  for (const record of records) {
    if (record.trim() === '') continue;
    try {
      features.push(JSON.parse(record));
    } catch (error) {
      return { ok: false, record: features.length + 1, detail: error instanceof Error ? error.message : String(error) };
    }
  }
  return { ok: true, features };
}
