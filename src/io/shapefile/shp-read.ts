/**
 * Reading `.shp` geometry records, located through the `.shx` index as GDAL and ArcGIS do. Written here
 * rather than taken from `shapefile` (mbostock, unmaintained since 2019) or `shpjs`: neither reads the
 * `.shx`, so neither can say that the index and the data disagree, and neither names the record where a
 * file is cut short; shpjs also reprojects on its own whenever it finds a `.prj`, and its hole assignment
 * is by bounding box (see polygon-rings.ts). The format itself is small and fixed since 1998.
 */
import type { Geometry, Position } from 'geojson';
import { failure, note, success, type Message, type Result } from '../result.ts';
import { assemblePolygon } from './polygon-rings.ts';
import { shapeFamily, shapeTypeName, type ShapeFamily } from './shape-types.ts';

const FILE_CODE = 9994;
const HEADER_BYTES = 100;

export interface ShpContents {
  readonly shapeType: number;
  readonly family: ShapeFamily;
  /** One entry per record, in order; null for a null shape. Coordinates as stored (not reprojected). */
  readonly geometries: readonly (Geometry | null)[];
}

export interface ShpNames {
  readonly shp: string;
  readonly shx: string;
}

interface RecordSpan {
  /** Where the record header starts, in bytes. */
  readonly offset: number;
}

export function readShp(shp: Uint8Array, shx: Uint8Array | null, names: ShpNames): Result<ShpContents> {
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  if (shp.length < HEADER_BYTES || view.getInt32(0, false) !== FILE_CODE) return failure('io.shp.notShp', { file: names.shp });
  const shapeType = view.getInt32(32, true);
  const family = shapeFamily(shapeType);
  if (family === undefined || family === 'multipatch') return failure('io.shp.unsupportedType', { file: names.shp, type: shapeTypeName(shapeType) });
  const declaredBytes = view.getInt32(24, false) * 2;
  const notes: Message[] = [];
  const spans = shx ? spansFromShx(shx, names) : spansBySequence(view, Math.min(declaredBytes, shp.length));
  if (!spans.ok) return spans;
  let end = HEADER_BYTES;
  const geometries: (Geometry | null)[] = [];
  let nullShapes = 0;
  let orphanHoles = 0;
  let reversed = 0;
  for (let i = 0; i < spans.value.length; i++) {
    const { offset } = spans.value[i] as RecordSpan;
    const record = i + 1;
    // The index gives where a record starts; its length is taken from the record's own header, as GDAL
    // does: some writers (seen in the shapefile-js fixtures) put wrong lengths in the .shx.
    const length = offset >= HEADER_BYTES && offset + 8 <= shp.length ? view.getInt32(offset + 4, false) * 2 : -1;
    if (length < 0 || offset + 8 + length > shp.length) {
      return failure('io.shp.truncated', { file: names.shp, record, count: spans.value.length });
    }
    end = Math.max(end, offset + 8 + length);
    const content = new DataView(shp.buffer, shp.byteOffset + offset + 8, length);
    const parsed = parseRecord(content, family);
    if (parsed === 'bad') return failure('io.shp.badRecord', { file: names.shp, record });
    if (parsed === null) nullShapes++;
    else {
      orphanHoles += parsed.orphanHoles;
      if (parsed.windingReversed) reversed++;
    }
    geometries.push(parsed === null ? null : parsed.geometry);
  }
  // Bytes after the last record (geotools' extraAtEnd fixture): harmless, but worth a word.
  if (end < shp.length) notes.push(note('io.shp.trailingBytes', { file: names.shp, count: shp.length - end }));
  if (nullShapes) notes.push(note('io.shp.nullShapes', { file: names.shp, count: nullShapes }));
  if (orphanHoles) notes.push(note('io.shp.orphanHoles', { file: names.shp, count: orphanHoles }));
  if (reversed) notes.push(note('io.shp.windingReversed', { file: names.shp, count: reversed }));
  return success({ shapeType, family, geometries }, notes);
}

function spansFromShx(shx: Uint8Array, names: ShpNames): Result<RecordSpan[]> {
  const view = new DataView(shx.buffer, shx.byteOffset, shx.byteLength);
  if (shx.length < HEADER_BYTES || view.getInt32(0, false) !== FILE_CODE) return failure('io.shp.notShx', { file: names.shx });
  const end = Math.min(shx.length, view.getInt32(24, false) * 2);
  const spans: RecordSpan[] = [];
  for (let at = HEADER_BYTES; at + 8 <= end; at += 8) {
    spans.push({ offset: view.getInt32(at, false) * 2 });
  }
  return success(spans);
}

/**
 * Without an index (low-level use only): records one after another up to the declared file length,
 * stopping at the first header that cannot be a record (wrong number, or a length past the end).
 */
function spansBySequence(view: DataView, end: number): Result<RecordSpan[]> {
  const spans: RecordSpan[] = [];
  for (let at = HEADER_BYTES; at + 8 <= end; ) {
    const length = view.getInt32(at + 4, false) * 2;
    if (view.getInt32(at, false) !== spans.length + 1 || length < 4 || at + 8 + length > end) break;
    spans.push({ offset: at });
    at += 8 + length;
  }
  return success(spans);
}

type Parsed = { geometry: Geometry; orphanHoles: number; windingReversed: boolean } | null | 'bad';

function parseRecord(content: DataView, family: ShapeFamily): Parsed {
  if (content.byteLength < 4) return 'bad';
  const type = content.getInt32(0, true);
  if (type === 0) return null;
  if (shapeFamily(type) !== family) return 'bad';
  const plain = (geometry: Geometry) => ({ geometry, orphanHoles: 0, windingReversed: false });
  if (family === 'point') {
    if (content.byteLength < 20) return 'bad';
    return plain({ type: 'Point', coordinates: [content.getFloat64(4, true), content.getFloat64(12, true)] });
  }
  if (family === 'multipoint') {
    if (content.byteLength < 40) return 'bad';
    const count = content.getInt32(36, true);
    if (count < 0 || 40 + count * 16 > content.byteLength) return 'bad';
    return plain({ type: 'MultiPoint', coordinates: readPoints(content, 40, count) });
  }
  if (content.byteLength < 44) return 'bad';
  const partCount = content.getInt32(36, true);
  const pointCount = content.getInt32(40, true);
  const pointsAt = 44 + partCount * 4;
  if (partCount < 0 || pointCount < 0 || pointsAt + pointCount * 16 > content.byteLength) return 'bad';
  const parts: Position[][] = [];
  for (let p = 0; p < partCount; p++) {
    const start = content.getInt32(44 + p * 4, true);
    const end = p + 1 < partCount ? content.getInt32(44 + (p + 1) * 4, true) : pointCount;
    if (start < 0 || end > pointCount || end < start) return 'bad';
    if (end > start) parts.push(readPoints(content, pointsAt + start * 16, end - start));
  }
  if (parts.length === 0) return null;
  if (family === 'polyline') {
    return plain(parts.length === 1 ? { type: 'LineString', coordinates: parts[0] as Position[] } : { type: 'MultiLineString', coordinates: parts });
  }
  return assemblePolygon(parts);
}

function readPoints(content: DataView, at: number, count: number): Position[] {
  const points: Position[] = new Array(count);
  for (let i = 0; i < count; i++) points[i] = [content.getFloat64(at + i * 16, true), content.getFloat64(at + i * 16 + 8, true)];
  return points;
}
