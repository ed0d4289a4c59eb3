/**
 * The `.shp` reader on hand-made records: the Z and M types in every layout the whitepaper allows (the M
 * block is optional), records whose length fits none, and the index rebuilt when the `.shx` is missing.
 * Each readable file is also read by GDAL's ogrinfo, which must see the same vertices (in X/Y) and areas.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Geometry, Position } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { gdal, gdalRun, skipWithoutGdal } from '../../../tests/support/gdal.ts';
import { ringSignedAreaPlanar } from '../../geo/rings.ts';
import { readShp } from './shp-read.ts';
import { shapeContent, shapefileBytes, type Measures } from './shp-test-support.ts';

const NAMES = { shp: 'test.shp', shx: 'test.shx' };
/** A square and a hole, as a shapefile stores them: shell clockwise, hole counter-clockwise. */
const SHELL: Position[] = [[0, 0], [0, 10], [10, 10], [10, 0], [0, 0]];
const HOLE: Position[] = [[2, 2], [4, 2], [4, 4], [2, 4], [2, 2]];
const LINE: Position[] = [[0, 0], [3, 4], [6, 0]];
const z = (n: number) => Array.from({ length: n }, (_, i) => 100 + i);
const m = (n: number) => Array.from({ length: n }, (_, i) => i * 2.5);

interface Case {
  readonly name: string;
  readonly type: number;
  readonly parts: Position[][];
  readonly measures: Measures;
  /** The note saying what was dropped, if anything was. */
  readonly note: string | null;
}

const CASES: readonly Case[] = [
  { name: 'PolygonM without the optional M block', type: 25, parts: [SHELL, HOLE], measures: {}, note: null },
  { name: 'PolygonM with M', type: 25, parts: [SHELL, HOLE], measures: { m: m(10) }, note: 'io.shp.mDropped' },
  { name: 'PolygonZ with M', type: 15, parts: [SHELL, HOLE], measures: { z: z(10), m: m(10) }, note: 'io.shp.zmDropped' },
  { name: 'PolygonZ without M', type: 15, parts: [SHELL], measures: { z: z(5) }, note: 'io.shp.zDropped' },
  { name: 'PolyLineM with M', type: 23, parts: [LINE], measures: { m: m(3) }, note: 'io.shp.mDropped' },
  { name: 'PolyLineZ without M', type: 13, parts: [LINE, [[7, 7], [8, 8]]], measures: { z: z(5) }, note: 'io.shp.zDropped' },
  { name: 'MultiPointM with M', type: 28, parts: [LINE], measures: { m: m(3) }, note: 'io.shp.mDropped' },
  { name: 'MultiPointZ with M', type: 18, parts: [LINE], measures: { z: z(3), m: m(3) }, note: 'io.shp.zmDropped' },
  { name: 'PointM', type: 21, parts: [[[3, 4]]], measures: { m: [7] }, note: 'io.shp.mDropped' },
  { name: 'PointZ without M', type: 11, parts: [[[3, 4]]], measures: { z: [7] }, note: 'io.shp.zDropped' },
  { name: 'PointZ with M', type: 11, parts: [[[3, 4]]], measures: { z: [7], m: [8] }, note: 'io.shp.zmDropped' },
  // "No data" M values (below −10³⁸) are no measure: nothing is dropped.
  { name: 'PolyLineM whose M are all "no data"', type: 23, parts: [LINE], measures: { m: [-1e39, -1e39, -1e39] }, note: null },
];

const dir = mkdtempSync(join(tmpdir(), 'vp-shp-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the files for GDAL and returns the .shp's path. */
function onDisk(stem: string, files: { shp: Uint8Array; shx?: Uint8Array }): string {
  writeFileSync(join(dir, `${stem}.shp`), files.shp);
  if (files.shx) writeFileSync(join(dir, `${stem}.shx`), files.shx);
  return join(dir, `${stem}.shp`);
}

/** Every vertex of a geometry, in order, as [x, y]. */
function vertices(geometry: Geometry | null): number[][] {
  if (!geometry || geometry.type === 'GeometryCollection') return [];
  const flat = (c: unknown): number[][] => (typeof (c as unknown[])[0] === 'number' ? [(c as number[]).slice(0, 2)] : (c as unknown[]).flatMap(flat));
  return flat(geometry.coordinates);
}

/** The vertices ogrinfo prints in WKT for the file's features, without Z and M. */
function gdalVertices(path: string): number[][] {
  const wkt = gdal('ogrinfo', ['-ro', '-al', '-q', path]).split('\n').filter((l) => /^\s+(POINT|MULTIPOINT|LINESTRING|MULTILINESTRING|POLYGON|MULTIPOLYGON)/.test(l));
  return wkt.flatMap((line) => {
    const tuples = (line.match(/\(([^()]+)\)/g) ?? []).flatMap((group) => group.slice(1, -1).split(','));
    return tuples.map((tuple) => tuple.trim().split(/\s+/).slice(0, 2).map(Number));
  });
}

function planarArea(geometry: Geometry | null): number {
  if (geometry?.type === 'Polygon') return geometry.coordinates.reduce((sum, ring) => sum + ringSignedAreaPlanar(ring), 0);
  if (geometry?.type === 'MultiPolygon') return geometry.coordinates.reduce((sum, polygon) => sum + planarArea({ type: 'Polygon', coordinates: polygon }), 0);
  return 0;
}

describe('Z and M shape types', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s: read in 2-D, one note saying what was dropped', (_, c) => {
    const files = shapefileBytes(c.type, [shapeContent(c.type, c.parts, c.measures), shapeContent(c.type, c.parts, c.measures)]);
    const read = readShp(files.shp, files.shx, NAMES);
    if (!read.ok) throw new Error(read.error.key);
    expect(read.value.geometries).toHaveLength(2);
    expect(vertices(read.value.geometries[0]!)).toEqual(c.parts.flat());
    expect(read.notes.map((n) => n.key)).toEqual(c.note ? [c.note] : []);
  });

  it.skipIf(skipWithoutGdal('ogrinfo')).each(CASES.map((c) => [c.name, c] as const))('%s: the same vertices as GDAL, and for polygons the same area', (_, c) => {
    const files = shapefileBytes(c.type, [shapeContent(c.type, c.parts, c.measures)]);
    const stem = `case-${CASES.indexOf(c)}`;
    const path = onDisk(stem, files);
    const read = readShp(files.shp, files.shx, NAMES);
    if (!read.ok) throw new Error(read.error.key);
    expect(vertices(read.value.geometries[0]!)).toEqual(gdalVertices(path));
    if (c.type === 15 || c.type === 25) {
      const sql = gdal('ogrinfo', ['-ro', '-q', '-dialect', 'SQLite', '-sql', `SELECT ST_Area(geometry) AS a FROM "${stem}"`, path]);
      expect(Math.abs(planarArea(read.value.geometries[0]!))).toBeCloseTo(Number(/a \(Real\) = ([\d.]+)/.exec(sql)?.[1]), 9);
    }
  });

  it('refuses a record whose M block is cut short, naming the record and the lengths the type allows', () => {
    const whole = shapeContent(25, [SHELL], { m: m(5) });
    const files = shapefileBytes(25, [shapeContent(25, [SHELL]), whole.subarray(0, whole.length - 8)]);
    const read = readShp(files.shp, files.shx, NAMES);
    // 44 + 4 (one part) + 5 × 16 = 128 bytes of X/Y, + 16 + 5 × 8 = 56 with the M block.
    expect(!read.ok && read.error).toEqual({ key: 'io.shp.badRecordLength', params: { file: 'test.shp', record: 2, type: 'PolygonM', length: 176, expected: '128 / 184' } });
  });

  it.skipIf(skipWithoutGdal('ogrinfo'))('(GDAL reads past a cut M block silently: the X/Y part is whole)', () => {
    const whole = shapeContent(25, [SHELL], { m: m(5) });
    const path = onDisk('cut-m', shapefileBytes(25, [whole.subarray(0, whole.length - 8)]));
    expect(gdalVertices(path)).toEqual(SHELL);
  });

  it('refuses a PolygonZ whose Z block is missing, and a PointM without its M', () => {
    const noZ = shapefileBytes(15, [shapeContent(15, [SHELL])]);
    expect(readShp(noZ.shp, noZ.shx, NAMES)).toMatchObject({ ok: false, error: { key: 'io.shp.badRecordLength', params: { length: 128, expected: '184 / 240' } } });
    const noM = shapefileBytes(21, [shapeContent(21, [[[3, 4]]])]);
    expect(readShp(noM.shp, noM.shx, NAMES)).toMatchObject({ ok: false, error: { key: 'io.shp.badRecordLength', params: { type: 'PointM', length: 20, expected: '28' } } });
  });

  it('refuses a record with NaN coordinates as damaged, naming it, instead of failing later as a program error', () => {
    const withNaN: Position[] = [[0, 0], [NaN, NaN], [10, 10], [10, 0], [0, 0]];
    const polygons = shapefileBytes(5, [shapeContent(5, [SHELL]), shapeContent(5, [withNaN])]);
    expect(readShp(polygons.shp, polygons.shx, NAMES)).toMatchObject({ ok: false, error: { key: 'io.shp.notNumbers', params: { file: 'test.shp', record: 2 } } });
    const point = shapefileBytes(1, [shapeContent(1, [[[3, Infinity]]])]);
    expect(readShp(point.shp, point.shx, NAMES)).toMatchObject({ ok: false, error: { key: 'io.shp.notNumbers', params: { record: 1 } } });
  });

  it('refuses a MultiPatch (3-D models) with what to do', () => {
    const files = shapefileBytes(31, []);
    expect(readShp(files.shp, files.shx, NAMES)).toMatchObject({ ok: false, error: { key: 'io.shp.multipatch', params: { file: 'test.shp' } } });
  });
});

describe('without the .shx', () => {
  const contents = [shapeContent(15, [SHELL, HOLE], { z: z(10), m: m(10) }), shapeContent(0, []), shapeContent(15, [SHELL], { z: z(5) })];

  it('rebuilds the index from the records in order, and says so', () => {
    const files = shapefileBytes(15, contents);
    const indexed = readShp(files.shp, files.shx, NAMES);
    const rebuilt = readShp(files.shp, null, NAMES);
    expect(rebuilt.ok && rebuilt.value.geometries).toEqual(indexed.ok && indexed.value.geometries);
    expect(rebuilt.ok && rebuilt.notes.map((n) => n.key)).toEqual(['io.shp.shxRebuilt', 'io.shp.nullShapes', 'io.shp.zmDropped']);
    expect(rebuilt.ok && rebuilt.notes[0]?.params).toEqual({ file: 'test.shp', shx: 'test.shx', count: 3 });
  });

  it('refuses when a record header does not hold a whole record, naming where', () => {
    const { shp } = shapefileBytes(15, contents);
    const garbage = new Uint8Array(shp.length + 12);
    garbage.set(shp);
    new DataView(garbage.buffer).setInt32(24, garbage.length / 2, false);
    new DataView(garbage.buffer).setInt32(shp.length + 4, 1000, false); // a 2,000-byte record in 4 bytes
    expect(readShp(garbage, null, NAMES)).toMatchObject({ ok: false, error: { key: 'io.shp.shxNotRebuilt', params: { record: 4, offset: shp.length } } });
  });

  it.skipIf(skipWithoutGdal('ogrinfo'))('reads what GDAL reads with SHAPE_RESTORE_SHX=YES (and GDAL refuses without it)', () => {
    const files = shapefileBytes(15, contents);
    const path = onDisk('no-shx', { shp: files.shp });
    expect(gdalRun('ogrinfo', ['-ro', '-al', '-q', path]).status).not.toBe(0);
    const restored = gdalRun('ogrinfo', ['--config', 'SHAPE_RESTORE_SHX', 'YES', '-al', '-q', path]);
    expect(restored.status, restored.stderr).toBe(0);
    const read = readShp(files.shp, null, NAMES);
    expect(read.ok && read.value.geometries.flatMap(vertices)).toEqual(gdalVertices(path));
  });
});
