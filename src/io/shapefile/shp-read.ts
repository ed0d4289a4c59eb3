/**
 * Reading `.shp` geometry records, located through the `.shx` index as GDAL and ArcGIS do. Written here
 * rather than taken from `shapefile` (mbostock, unmaintained since 2019) or `shpjs`: neither reads the
 * `.shx`, so neither can say that the index and the data disagree, and neither names the record where a
 * file is cut short; shpjs also reprojects on its own whenever it finds a `.prj`, and its hole assignment
 * is by bounding box (see polygon-rings.ts). The format itself is small and fixed since 1998.
 *
 * Without the `.shx` the records are walked one after another, as GDAL does with SHAPE_RESTORE_SHX=YES
 * (by default GDAL refuses): every record header on the way must hold a whole record, or the file is
 * refused. Z and M values are read past and dropped (the plan is 2-D), with a note.
 */
import type { Geometry, Position } from 'geojson';
import { failure, note, success, type Message, type Result } from '../result.ts';
import { assemblePolygon } from './polygon-rings.ts';
import { shapeFamily, shapeMeasures, shapeTypeName, type ShapeFamily } from './shape-types.ts';

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
  if (family === 'multipatch') return failure('io.shp.multipatch', { file: names.shp });
  if (family === undefined) return failure('io.shp.unsupportedType', { file: names.shp, type: shapeTypeName(shapeType) });
  const declaredBytes = view.getInt32(24, false) * 2;
  const notes: Message[] = [];
  const spans = shx ? spansFromShx(shx, names) : spansBySequence(view, Math.min(declaredBytes, shp.length), names);
  if (!spans.ok) return spans;
  let located = spans.value;
  if (!shx) notes.push(note('io.shp.shxRebuilt', { file: names.shp, shx: names.shx, count: located.length }));
  else {
    // Walked to the end of the file, not to the header's length: a writer that appended records may have left
    // that length short, and the records past it are real.
    const walked = numberedSequence(view, shp.length);
    if (walked && !sameSpans(walked, located)) {
      located = walked;
      notes.push(note('io.shp.shxWrong', { file: names.shp, shx: names.shx, count: walked.length }));
    }
  }
  let end = HEADER_BYTES;
  const geometries: (Geometry | null)[] = [];
  let nullShapes = 0;
  let orphanHoles = 0;
  let reversed = 0;
  let shellsInShells = 0;
  const dropped = { z: false, m: false };
  for (let i = 0; i < located.length; i++) {
    const { offset } = located[i] as RecordSpan;
    const record = i + 1;
    // The index gives where a record starts; its length is taken from the record's own header, as GDAL
    // does: some writers (seen in the shapefile-js fixtures) put wrong lengths in the .shx.
    const length = offset >= HEADER_BYTES && offset + 8 <= shp.length ? view.getInt32(offset + 4, false) * 2 : -1;
    if (length < 0 || offset + 8 + length > shp.length) {
      return failure('io.shp.truncated', { file: names.shp, record, count: located.length });
    }
    end = Math.max(end, offset + 8 + length);
    const parsed = parseRecord(new DataView(shp.buffer, shp.byteOffset + offset + 8, length), family);
    if (parsed.kind === 'bad') return failure('io.shp.badRecord', { file: names.shp, record });
    if (parsed.kind === 'notNumbers') return failure('io.shp.notNumbers', { file: names.shp, record });
    if (parsed.kind === 'badLength') {
      return failure('io.shp.badRecordLength', { file: names.shp, record, type: shapeTypeName(parsed.type), length, expected: parsed.expected.join(' / ') });
    }
    if (parsed.kind === 'null') {
      nullShapes++;
      geometries.push(null);
      continue;
    }
    orphanHoles += parsed.orphanHoles;
    if (parsed.windingReversed) reversed++;
    if (parsed.shellInShell) shellsInShells++;
    dropped.z ||= parsed.z;
    dropped.m ||= parsed.m;
    geometries.push(parsed.geometry);
  }
  // Bytes after the last record (geotools' extraAtEnd fixture): harmless, but worth a word.
  if (end < shp.length) notes.push(note('io.shp.trailingBytes', { file: names.shp, count: shp.length - end }));
  if (nullShapes) notes.push(note('io.shp.nullShapes', { file: names.shp, count: nullShapes }));
  if (orphanHoles) notes.push(note('io.shp.orphanHoles', { file: names.shp, count: orphanHoles }));
  if (reversed) notes.push(note('io.shp.windingReversed', { file: names.shp, count: reversed }));
  if (shellsInShells) notes.push(note('io.shp.shellInShell', { file: names.shp, count: shellsInShells }));
  if (dropped.z || dropped.m) {
    const key = dropped.z && dropped.m ? 'io.shp.zmDropped' : dropped.z ? 'io.shp.zDropped' : 'io.shp.mDropped';
    notes.push(note(key, { file: names.shp, type: shapeTypeName(shapeType) }));
  }
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
 * The index rebuilt from the `.shp` alone: records one after another up to the declared file length.
 * A header that cannot start a whole record (shorter than a shape type, or running past the end) means
 * the records cannot be told apart, and the file is refused, as GDAL refuses it.
 */
function spansBySequence(view: DataView, end: number, names: ShpNames): Result<RecordSpan[]> {
  const spans: RecordSpan[] = [];
  for (let at = HEADER_BYTES; at < end; ) {
    const length = at + 8 <= end ? view.getInt32(at + 4, false) * 2 : -1;
    if (length < 4 || at + 8 + length > end) {
      return failure('io.shp.shxNotRebuilt', { file: names.shp, shx: names.shx, record: spans.length + 1, offset: at });
    }
    spans.push({ offset: at });
    at += 8 + length;
  }
  return success(spans);
}

/**
 * The records one after another, when they chain up to the end exactly and number themselves 1, 2, 3…:
 * then the `.shp` says where its records are by itself, and an index that disagrees (an older `.shx`
 * kept beside a re-saved `.shp`, one cut short) is wrong. GDAL follows such an index and reads a record
 * twice and another never. A `.shp` with gaps or leftovers (records rewritten in place by an editor)
 * does not chain up, and its `.shx` is followed.
 */
function numberedSequence(view: DataView, end: number): RecordSpan[] | null {
  const spans: RecordSpan[] = [];
  for (let at = HEADER_BYTES; at < end; ) {
    if (at + 8 > end || view.getInt32(at, false) !== spans.length + 1) return null;
    const length = view.getInt32(at + 4, false) * 2;
    if (length < 4 || at + 8 + length > end) return null;
    spans.push({ offset: at });
    at += 8 + length;
  }
  return spans;
}

function sameSpans(a: readonly RecordSpan[], b: readonly RecordSpan[]): boolean {
  return a.length === b.length && a.every((span, i) => span.offset === b[i]?.offset);
}

type Parsed =
  | { readonly kind: 'shape'; readonly geometry: Geometry; readonly orphanHoles: number; readonly windingReversed: boolean; readonly shellInShell: boolean; readonly z: boolean; readonly m: boolean }
  | { readonly kind: 'null' }
  | { readonly kind: 'bad' }
  /** An X or Y that is not a number (NaN, infinite): no reprojection or area can use it. */
  | { readonly kind: 'notNumbers' }
  /** The length fits none of the layouts the type allows (expected: those lengths). */
  | { readonly kind: 'badLength'; readonly type: number; readonly expected: readonly number[] };

const BAD: Parsed = { kind: 'bad' };

function parseRecord(content: DataView, family: ShapeFamily): Parsed {
  if (content.byteLength < 4) return BAD;
  const type = content.getInt32(0, true);
  if (type === 0) return { kind: 'null' };
  if (shapeFamily(type) !== family) return BAD;
  let geometry: Geometry | null;
  let xyBytes: number;
  let points: number | null = null;
  let rings = { orphanHoles: 0, windingReversed: false, shellInShell: false };
  if (family === 'point') {
    if (content.byteLength < 20) return BAD;
    xyBytes = 20;
    geometry = { type: 'Point', coordinates: [content.getFloat64(4, true), content.getFloat64(12, true)] };
  } else if (family === 'multipoint') {
    if (content.byteLength < 40) return BAD;
    points = content.getInt32(36, true);
    xyBytes = 40 + points * 16;
    if (points < 0 || xyBytes > content.byteLength) return BAD;
    geometry = { type: 'MultiPoint', coordinates: readPoints(content, 40, points) };
  } else {
    if (content.byteLength < 44) return BAD;
    const partCount = content.getInt32(36, true);
    points = content.getInt32(40, true);
    const pointsAt = 44 + partCount * 4;
    xyBytes = pointsAt + points * 16;
    if (partCount < 0 || points < 0 || xyBytes > content.byteLength) return BAD;
    const parts = readParts(content, partCount, points, pointsAt);
    if (parts === null) return BAD;
    if (parts.length === 0) geometry = null;
    else if (family === 'polyline') geometry = parts.length === 1 ? { type: 'LineString', coordinates: parts[0] as Position[] } : { type: 'MultiLineString', coordinates: parts };
    else {
      const assembled = assemblePolygon(parts);
      geometry = assembled.geometry;
      rings = assembled;
    }
  }
  const layout = measureLayout(type, content.byteLength, xyBytes, points);
  if (layout.kind === 'badLength') return layout;
  if (geometry === null) return { kind: 'null' };
  if (!finiteXY(content, xyBytes - (points ?? 1) * 16, points ?? 1)) return { kind: 'notNumbers' };
  const m = layout.mAt !== null && hasMeasure(content, layout.mAt, points ?? 1);
  return { kind: 'shape', geometry, orphanHoles: rings.orphanHoles, windingReversed: rings.windingReversed, shellInShell: rings.shellInShell, z: shapeMeasures(type).z, m };
}

function finiteXY(content: DataView, at: number, count: number): boolean {
  for (let i = 0; i < count * 2; i++) if (!Number.isFinite(content.getFloat64(at + i * 8, true))) return false;
  return true;
}

/** The parts' positions, or null when a part index points outside the record. */
function readParts(content: DataView, partCount: number, pointCount: number, pointsAt: number): Position[][] | null {
  const parts: Position[][] = [];
  for (let p = 0; p < partCount; p++) {
    const start = content.getInt32(44 + p * 4, true);
    const end = p + 1 < partCount ? content.getInt32(44 + (p + 1) * 4, true) : pointCount;
    if (start < 0 || end > pointCount || end < start) return null;
    if (end > start) parts.push(readPoints(content, pointsAt + start * 16, end - start));
  }
  return parts;
}

/**
 * The record's length against the layouts its type allows (ESRI whitepaper, 1998): after the X/Y part a
 * Z type has its Z range and array, then optionally the M range and array; an M type optionally the M
 * range and array; a PointZ/PointM bare values. A plain type may be longer than its X/Y part: GDAL reads
 * such records, and so do we. Returns where the M array starts, if the record has one.
 */
function measureLayout(type: number, length: number, xyBytes: number, points: number | null): { kind: 'ok'; mAt: number | null } | Extract<Parsed, { kind: 'badLength' }> {
  const { z, m } = shapeMeasures(type);
  if (!z && m === 'none') return { kind: 'ok', mAt: null };
  // Points store a bare value per measure; the other types a range (min, max) before each array.
  const block = points === null ? 8 : 16 + 8 * points;
  const withoutM = z ? xyBytes + block : xyBytes;
  const layouts = [...(m === 'required' ? [] : [{ length: withoutM, mAt: null }]), { length: withoutM + block, mAt: withoutM + (points === null ? 0 : 16) }];
  const fitting = layouts.find((l) => l.length === length);
  return fitting ? { kind: 'ok', mAt: fitting.mAt } : { kind: 'badLength', type, expected: layouts.map((l) => l.length) };
}

/** Whether any M value is a measure: the spec writes "no data" as any value below −10³⁸. */
function hasMeasure(content: DataView, at: number, count: number): boolean {
  for (let i = 0; i < count; i++) if (content.getFloat64(at + i * 8, true) > -1e38) return true;
  return false;
}

function readPoints(content: DataView, at: number, count: number): Position[] {
  const points: Position[] = new Array(count);
  for (let i = 0; i < count; i++) points[i] = [content.getFloat64(at + i * 16, true), content.getFloat64(at + i * 16 + 8, true)];
  return points;
}
