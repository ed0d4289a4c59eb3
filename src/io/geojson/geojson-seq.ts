/**
 * GeoJSON Text Sequences (RFC 8142, GDAL's GeoJSONSeq driver): one Feature per record, records ended by a
 * newline (`.geojsonl`, also called newline-delimited GeoJSON) or begun by the RS character 0x1E
 * (`.geojsons`, GDAL's `-lco RS=YES`). GDAL and QGIS write them for large layers; both read them as one
 * layer, and so do we: the records become a FeatureCollection's features, in order.
 */
import { parseGeoJsonText } from './long-integers.ts';

const RECORD_SEPARATOR = '\u001e';

/** Whether a file is a sequence: by its extension, or by its first character being RS. */
export function isGeoJsonSeq(fileName: string, firstChar?: string): boolean {
  return /\.geojson[ls]$/i.test(fileName) || firstChar === RECORD_SEPARATOR;
}

/**
 * Whether text that is not one JSON text is a newline-delimited sequence under another name (`.geojson`,
 * `.json`: `ogr2ogr -f GeoJSONSeq out.geojson`, `jq -c '.features[]' > out.geojson`): its first line one
 * whole Feature, and more after it. GDAL reads such a file as GeoJSONSeq whatever its name. Asked only once
 * JSON.parse has refused the text, so a FeatureCollection pays nothing for it.
 */
export function isNewlineSequence(text: string): boolean {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const end = text.indexOf('\n', start);
  if (end < 0) return false;
  const more = /\S/g;
  more.lastIndex = end + 1;
  if (!more.test(text)) return false;
  const first = text.slice(start, end);
  if (!first.includes('"Feature"')) return false;
  try {
    const record: unknown = JSON.parse(first);
    return typeof record === 'object' && record !== null && (record as { type?: unknown }).type === 'Feature';
  } catch {
    return false;
  }
}

export type SeqRecords = { readonly ok: true; readonly features: unknown[] } | { readonly ok: false; readonly record: number; readonly detail: string };

/**
 * The records of a sequence's text (a BOM and blank lines ignored), or the first that is not JSON. A file
 * that uses RS is split at RS only: RFC 8142 lets a record span lines (pretty-printed, as `jq --seq` and
 * hand-edited files are), and GDAL reads such files record by record. A file without RS is split at line
 * ends (newline-delimited GeoJSON). RS cannot occur inside a JSON text (a raw control character), so any
 * RS in the file is a separator.
 */
export function parseGeoJsonSeq(text: string): SeqRecords {
  const features: unknown[] = [];
  const body = text.replace(/^\uFEFF/, '');
  const records = body.includes(RECORD_SEPARATOR) ? body.split(RECORD_SEPARATOR) : body.split('\n');
  for (const record of records) {
    if (record.trim() === '') continue;
    try {
      features.push(parseGeoJsonText(record));
    } catch (error) {
      return { ok: false, record: features.length + 1, detail: error instanceof Error ? error.message : String(error) };
    }
  }
  return { ok: true, features };
}
