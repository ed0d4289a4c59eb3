/**
 * DXF import (AutoCAD/CASS drawings, R12 to R2018, ASCII): one layer per file holding every model-space
 * entity as GDAL's DXF driver lists them, with the fields `Layer`, `EntityType`, `EntityHandle`, `Text`,
 * `Tag` and `Block`. The coordinates are taken as CGCS2000 3° Gauss-Krüger (the zone read from their range,
 * as for a Shapefile without `.prj`: georeference.ts); a few entities far from the rest (a stray object at
 * the origin, a frame in drawing units) are left out and named. Which DXF layer becomes which plan layer is
 * decided in the import preview (io/dxf/dxf-preview.ts). DWG is recognised and refused: see src/io/README.md.
 */
import { extensionOf, fileName, stemOf, type InputFile } from '../files.ts';
import { failure, listSome, note, success, type Message, type Result } from '../result.ts';
import { decodeDxf, describeVersion } from '../dxf/dxf-decode.ts';
import { readEntities, type DxfShape } from '../dxf/dxf-entities.ts';
import { parseDxfText } from '../dxf/dxf-parse.ts';
import { drawingUnit, inMetres, MILLIMETRES_CODE } from '../dxf/dxf-units.ts';
import { georeference } from './georeference.ts';
import { emptyProperties } from './properties.ts';
import type { EncodingReport, FieldInfo, FileFormat, ImportedFeature, ImportedLayer, ReadOptions } from './types.ts';

const EXTENSIONS = ['dxf', 'dwg'] as const;

const DXF_FIELDS: readonly FieldInfo[] = ['Layer', 'EntityType', 'EntityHandle', 'Text', 'Tag', 'Block'].map((name) => ({ name, kind: 'text', width: null, decimals: null }));

function claim(files: readonly InputFile[]): InputFile[][] {
  return files.filter((f) => (EXTENSIONS as readonly string[]).includes(extensionOf(f.name))).map((f) => [f]);
}

type Zone = 'lonlat' | 'gk39' | 'gk40' | 'gk41' | 'gk' | 'none';

/** Where one coordinate pair can be (the classes locate.ts infers from a whole extent). */
function zoneOf(x: number, y: number): Zone {
  if (x >= -180 && x <= 180 && y >= -90 && y <= 90) return 'lonlat';
  if (y >= 0 && y < 10_000_000) {
    const zone = Math.floor(x / 1_000_000);
    if (zone === 39 || zone === 40 || zone === 41) return `gk${zone}`;
    if (x >= 0 && x < 1_000_000) return 'gk';
  }
  return 'none';
}

function firstPosition(shape: DxfShape): [number, number] {
  const g = shape.geometry;
  const p = g.type === 'Point' ? g.coordinates : g.type === 'LineString' ? g.coordinates[0] : g.type === 'Polygon' ? g.coordinates[0]?.[0] : g.coordinates[0]?.[0]?.[0];
  return [(p?.[0] as number) ?? NaN, (p?.[1] as number) ?? NaN];
}

/** The shapes that lie where most of the drawing lies; the others (few, far away) are left out and named. */
function dropStrays(file: string, shapes: readonly DxfShape[], notes: Message[]): DxfShape[] {
  const zones = shapes.map((s) => zoneOf(...firstPosition(s)));
  const counts = new Map<Zone, number>();
  for (const z of zones) counts.set(z, (counts.get(z) ?? 0) + 1);
  const [main] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['none'];
  if (main === 'none' || counts.size === 1) return [...shapes];
  const kept = shapes.filter((_, i) => zones[i] === main);
  const dropped = shapes.filter((_, i) => zones[i] !== main);
  notes.push(note('io.dxf.strays', { file, count: dropped.length, list: listSome(dropped.map((s) => `${s.layer} ${s.entity}${s.handle ? ` #${s.handle}` : ''}`)) }));
  return kept;
}

function encodingReport(bytes: Uint8Array, encoding: string, how: string): EncodingReport {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length && lines.length < 4; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      const line = bytes.subarray(start, i);
      if (line.some((b) => b >= 0x80)) lines.push(line);
      start = i + 1;
    }
  }
  const reportHow: EncodingReport['how'] = how === 'codepage' || how === 'utf8Version' ? 'header' : how === 'chosen' ? 'chosen' : how === 'ascii' ? 'ascii' : 'detected';
  const read = (label: string) => lines.map((l) => [new TextDecoder(label).decode(l).trim()]);
  return { encoding, how: reportHow, confidence: how === 'detected' ? 'low' : 'high', preview: lines.length ? { fields: ['Text'], gbk: read('gbk'), utf8: read('utf-8') } : null };
}

function read(dataset: readonly InputFile[], options: ReadOptions): Result<ImportedLayer> {
  const input = dataset[0] as InputFile;
  const file = fileName(input.name);
  if (extensionOf(input.name) === 'dwg') return failure('io.dxf.dwg', { file });
  const decoded = decodeDxf(input.name, input.bytes, options.encoding);
  if (!decoded.ok) return decoded;
  const notes: Message[] = [...decoded.notes];
  options.onProgress?.(0.1);
  const parsed = parseDxfText(input.name, decoded.value.text);
  if (!parsed.ok) return parsed;
  options.onProgress?.(0.4);
  const report = readEntities(parsed.value, options.onProgress ? (done) => options.onProgress?.(0.4 + done * 0.3) : undefined);
  if (report.tooMany) return failure('io.dxf.tooMany', { file, count: report.shapes.length });
  notes.push(note('io.dxf.read', { file, version: describeVersion(decoded.value.version), encoding: decoded.value.encoding.toUpperCase(), count: report.shapes.length }));
  if (report.paperSpace) notes.push(note('io.dxf.paperSpace', { file, count: report.paperSpace }));
  if (report.unsupported.size) notes.push(note('io.dxf.unsupported', { file, list: listSome([...report.unsupported].map(([type, n]) => `${type} × ${n}`)) }));
  if (report.damaged.length) notes.push(note('io.dxf.damaged', { file, count: report.damaged.length, list: listSome(report.damaged.map((h) => `#${h}`)) }));
  if (report.missingBlocks.size) notes.push(note('io.dxf.missingBlocks', { file, list: listSome([...report.missingBlocks]) }));
  const within = options.onProgress ? { ...options, onProgress: (done: number) => options.onProgress?.(0.7 + done * 0.3) } : options;
  const encoding = encodingReport(input.bytes, decoded.value.encoding, decoded.value.how);
  /** The shapes georeferenced (strays left out first), with the notes of both steps. */
  const place = (all: readonly DxfShape[]): Result<ImportedLayer> => {
    const placeNotes: Message[] = [];
    const shapes = dropStrays(file, all, placeNotes);
    if (shapes.length === 0) return failure('io.dxf.noEntities', { file });
    const features: ImportedFeature[] = shapes.map((s, i) => ({
      geometry: s.geometry,
      recordNo: i + 1,
      properties: Object.assign(emptyProperties(), { Layer: s.layer, EntityType: s.entity, EntityHandle: s.handle, Text: s.text, Tag: s.tag, Block: s.block }),
    }));
    const layer = georeference({ format: 'dxf', file: input.name, name: fileName(stemOf(input.name)), fields: DXF_FIELDS, features, encoding, declared: undefined, crsText: null }, within);
    return layer.ok ? success(layer.value, [...placeNotes, ...layer.notes]) : layer;
  };
  const layer = place(report.shapes);
  if (layer.ok) return success(layer.value, [...notes, ...layer.notes]);
  const key = layer.error.key;
  if (key !== 'io.crs.cannotInfer' && key !== 'io.crs.outsideZhejiang' && key !== 'io.crs.impossibleCoordinates') return layer;
  const extent = String(layer.error.params?.extent ?? '');
  // Not metres: perhaps the millimetres or centimetres the header declares (dxf-units.ts).
  const unit = drawingUnit(parsed.value.insUnits);
  if (!unit) {
    // Declared in metres, or not at all: a drawing whose numbers are GK metres × 1,000 was still drawn in
    // millimetres, but the header does not say so, and a refusal that says what the numbers look like
    // tells the planner the one step to take in CAD.
    const millimetres = drawingUnit(MILLIMETRES_CODE);
    const asMillimetres = millimetres ? place(inMetres(report.shapes, millimetres)) : null;
    return failure(asMillimetres?.ok ? 'io.dxf.notGeoreferencedLooksMm' : 'io.dxf.notGeoreferenced', { file, extent });
  }
  if (unit.scaled) {
    const scaled = place(inMetres(report.shapes, unit));
    if (scaled.ok) return success(scaled.value, [...notes, note(`io.dxf.unitsScaled.${unit.id}`, { file }), ...scaled.notes]);
  }
  return failure(`io.dxf.notGeoreferencedUnits.${unit.id}`, { file, extent });
}

export const dxfFormat: FileFormat = {
  id: 'dxf',
  labelKey: 'io.format.dxf',
  extensions: EXTENSIONS,
  claim,
  read,
};
