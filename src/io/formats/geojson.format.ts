/**
 * GeoJSON import (tolerant, with a clear message for every malformed case; see geojson-structure.ts) and
 * export (RFC 7946: lon/lat, shells counter-clockwise, only the layer's fields, compact or indented).
 */
import type { Geometry, Position } from 'geojson';
import { gkCrsFromEpsg } from '../../geo/projection.ts';
import { rewindRfc7946 } from '../../geo/rings.ts';
import { ExtentBuilder } from '../crs/extent.ts';
import { mapGeometry } from '../crs/reproject.ts';
import { foreignCrsOfEpsg } from '../crs/foreign-epsg.ts';
import { GEOGRAPHIC, gk, type ReadCrs, type SourceCrs } from '../crs/source-crs.ts';
import { extensionOf, fileName, stemOf, type InputFile, type OutputFile } from '../files.ts';
import { isEsriJson } from '../geojson/esri-json.ts';
import { parseGeoJsonText } from '../geojson/long-integers.ts';
import { isGeoJsonSeq, isNewlineSequence, parseGeoJsonSeq } from '../geojson/geojson-seq.ts';
import { parseGeoJsonStructure, toleratedNotes } from '../geojson/geojson-structure.ts';
import { failure, note, success, type Message, type Result } from '../result.ts';
import { georeference, type DeclaredCrs } from './georeference.ts';
import type { ExportLayer, ExportValue, FieldInfo, FileFormat, ImportedLayer, ReadOptions, WriteOptions } from './types.ts';
import { mostlyUtf8 } from '../text/detect-encoding.ts';

/** With GeoJSON Text Sequences under GDAL's GeoJSONSeq extensions (geojson-seq.ts); not `.jsonl`, which is as often no GeoJSON. */
const EXTENSIONS = ['geojson', 'json', 'geojsonl', 'geojsons'] as const;
/** 9 decimals of a degree ≈ 0.1 mm: round trips stay within 1 mm; RFC 7946's 6 (≈ 10 cm) would not. */
const DECIMALS = 9;

function claim(files: readonly InputFile[]): InputFile[][] {
  return files.filter((f) => (EXTENSIONS as readonly string[]).includes(extensionOf(f.name))).map((f) => [f]);
}

/**
 * GeoJSON is UTF-8 (RFC 8259). Also read, each with a note: UTF-16 (Windows Notepad's "Unicode"), UTF-8
 * with a few broken bytes (a value cut in half by another program: only those characters are lost, where
 * reading the file as GBK would garble every one), and GBK, as older Chinese tools save it.
 */
function decode(file: InputFile, notes: Message[]): string {
  const { bytes } = file;
  const utf16 = utf16Of(bytes);
  if (utf16) {
    notes.push(note('io.geojson.utf16Text', { file: fileName(file.name) }));
    return new TextDecoder(utf16).decode(bytes);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    if (mostlyUtf8(bytes)) {
      notes.push(note('io.geojson.brokenUtf8', { file: fileName(file.name) }));
      return new TextDecoder('utf-8').decode(bytes);
    }
    notes.push(note('io.geojson.gbkText', { file: fileName(file.name) }));
    return new TextDecoder('gbk').decode(bytes);
  }
}

/** UTF-16 by its byte order mark, or by the NUL beside the JSON's first character ({ or [) without one. */
function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const [b0, b1] = bytes;
  if ((b0 === 0xff && b1 === 0xfe) || (b1 === 0 && (b0 === 0x7b || b0 === 0x5b))) return 'utf-16le';
  if ((b0 === 0xfe && b1 === 0xff) || (b0 === 0 && (b1 === 0x7b || b1 === 0x5b))) return 'utf-16be';
  return null;
}

/** `EPSG:4528`, `urn:ogc:def:crs:EPSG::4528`, `http://www.opengis.net/def/crs/EPSG/0/4528`, `urn:ogc:def:crs:OGC:1.3:CRS84`, `EPSG:4490`, `EPSG:4326`. */
export function crsFromName(name: string): SourceCrs | undefined {
  if (/CRS84$/i.test(name)) return GEOGRAPHIC;
  const code = epsgCodeOfName(name);
  if (code === 4490 || code === 4326) return GEOGRAPHIC;
  const zone = gkCrsFromEpsg(code);
  return zone ? gk(zone) : undefined;
}

/** The EPSG code of `EPSG:4549`, `urn:ogc:def:crs:EPSG:6.6:4549` or the OGC URI `http://www.opengis.net/def/crs/EPSG/0/4549` (OGC API Features, GeoJSON 2008). */
const epsgCodeOfName = (name: string): number => Number(/(?:EPSG:{1,2}(?:[\d.]*:)?|\/EPSG\/[\d.]+\/)(\d+)$/i.exec(name)?.[1]);

/** The system a `crs` member names: ours, else any other the `.prj` reader would take (foreign-epsg.ts). */
function declaredCrsOfName(name: string, file: string): Result<ReadCrs> {
  const ours = crsFromName(name);
  if (ours) return success(ours);
  const code = epsgCodeOfName(name);
  return Number.isNaN(code) ? failure('io.crs.unsupported', { file, name }) : foreignCrsOfEpsg(code, `EPSG:${code}`, file);
}

function read(dataset: readonly InputFile[], options: ReadOptions): Result<ImportedLayer> {
  const file = dataset[0] as InputFile;
  const name = fileName(file.name);
  const notes: Message[] = [];
  let root: unknown;
  try {
    const text = decode(file, notes);
    const whole = isGeoJsonSeq(name, text.replace(/^\uFEFF/, '')[0]) ? null : wholeJson(text);
    if (whole) root = whole.root;
    else {
      const records = parseGeoJsonSeq(text);
      if (!records.ok) return failure('io.geojson.notJson', { file: name, detail: `#${records.record}: ${records.detail}` });
      root = { type: 'FeatureCollection', features: records.features };
    }
  } catch (error) {
    return failure('io.geojson.notJson', { file: name, detail: error instanceof Error ? error.message : String(error) });
  }
  if (isEsriJson(root)) return failure('io.geojson.esriJson', { file: name });
  const parsed = parseGeoJsonStructure(root, name);
  if (!parsed.ok) return parsed;
  notes.push(...toleratedNotes(name, parsed.value.tolerated));

  let declared: DeclaredCrs | undefined;
  if (parsed.value.crsName !== null) {
    const crs = declaredCrsOfName(parsed.value.crsName, name);
    if (!crs.ok) return crs;
    declared = { crs: crs.value, how: 'geojson', name: parsed.value.crsName };
  } else {
    // RFC 7946 says lon/lat; projected numbers without a `crs` member are inferred (and said so) instead.
    const extent = new ExtentBuilder();
    for (const f of parsed.value.features) extent.addGeometry(f.geometry);
    const e = extent.extent();
    if (!e || (Math.abs(e.minX) <= 180 && Math.abs(e.maxX) <= 180 && Math.abs(e.minY) <= 90 && Math.abs(e.maxY) <= 90)) declared = { crs: GEOGRAPHIC, how: 'geojson', name: null };
  }
  const layer = georeference(
    { format: 'geojson', file: file.name, name: fileName(stemOf(file.name)), fields: inferFields(parsed.value.features), features: parsed.value.features, encoding: null, declared, crsText: parsed.value.crsName },
    options,
  );
  return layer.ok ? success(layer.value, [...notes, ...layer.notes]) : layer;
}

/**
 * The text parsed as one JSON text; null for newline-delimited features under a `.geojson`/`.json` name,
 * to be read as the sequence they are (as GDAL reads them); anything else throws JSON.parse's error.
 */
function wholeJson(text: string): { readonly root: unknown } | null {
  try {
    return { root: parseGeoJsonText(text) };
  } catch (error) {
    if (isNewlineSequence(text)) return null;
    throw error;
  }
}

/** Field list from the values seen: a key whose values are all numbers is numeric, otherwise text. */
function inferFields(features: readonly { readonly properties: Readonly<Record<string, unknown>> }[]): FieldInfo[] {
  const kinds = new Map<string, FieldInfo['kind']>();
  for (const f of features) {
    for (const [key, value] of Object.entries(f.properties)) {
      const kind: FieldInfo['kind'] = typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'real') : typeof value === 'boolean' ? 'boolean' : value === null ? 'other' : 'text';
      const seen = kinds.get(key);
      kinds.set(key, joinedKind(seen, kind));
    }
  }
  return [...kinds].map(([name, kind]) => ({ name, kind: kind === 'other' ? 'text' : kind, width: null, decimals: null }));
}

/** The kind of a field holding values of both kinds: integers and reals in either order are real (GDAL: Real), other mixes text. */
function joinedKind(seen: FieldInfo['kind'] | undefined, kind: FieldInfo['kind']): FieldInfo['kind'] {
  if (seen === undefined || seen === 'other') return kind;
  if (seen === kind || kind === 'other') return seen;
  const numbers: readonly FieldInfo['kind'][] = ['integer', 'real'];
  return numbers.includes(seen) && numbers.includes(kind) ? 'real' : 'text';
}

function roundPosition(p: Position): Position {
  const factor = 10 ** DECIMALS;
  return [Math.round((p[0] as number) * factor) / factor, Math.round((p[1] as number) * factor) / factor];
}

function exportValue(value: ExportValue | undefined, decimals: number, type: string): ExportValue {
  if (value === undefined) return null;
  if (typeof value === 'number' && (type === 'N' || type === 'F')) return Number(value.toFixed(decimals));
  return value;
}

export function writeGeoJson(layer: ExportLayer, options: WriteOptions): Result<OutputFile[]> {
  const features = layer.features.map((feature) => {
    const properties: Record<string, ExportValue> = {};
    for (const field of layer.fields) properties[field.name] = exportValue(feature.properties[field.name], field.decimals, field.type);
    let geometry: Geometry | null = feature.geometry && (options.exactCoordinates ? feature.geometry : mapGeometry(feature.geometry, roundPosition));
    // Only areas have a winding; a line keeps its direction.
    if (geometry && (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon')) geometry = rewindRfc7946(geometry);
    return { type: 'Feature', properties, geometry };
  });
  const collection = { type: 'FeatureCollection', name: layer.name, features };
  const text = options.pretty ? JSON.stringify(collection, null, 2) : JSON.stringify(collection);
  return success([{ name: `${layer.name}.geojson`, bytes: new TextEncoder().encode(text) }]);
}

export const geojsonFormat: FileFormat = {
  id: 'geojson',
  labelKey: 'io.format.geojson',
  extensions: EXTENSIONS,
  claim,
  read,
  write: writeGeoJson,
};
