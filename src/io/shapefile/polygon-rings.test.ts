/**
 * Shells and holes of polygon records, on hand-made records in both windings (the standard's outer rings
 * clockwise, and the reverse that some tools write) and mixed: containment decides, the winding only
 * says which note is due. Each record is also read by GDAL with its full ring analysis
 * (OGR_ORGANIZE_POLYGONS=DEFAULT), which must make the same polygons of the same rings; and GDAL's
 * shapefile default, which trusts the winding, is shown to get the reversed parcel with a hole wrong.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Geometry, Position } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { gdal, skipWithoutGdal } from '../../../tests/support/gdal.ts';
import { isValidAreaGeometry } from '../../geo/validity.ts';
import { assemblePolygon } from './polygon-rings.ts';
import { readShp } from './shp-read.ts';
import { shapeContent, shapefileBytes } from './shp-test-support.ts';

const NAMES = { shp: 'test.shp', shx: 'test.shx' };
const r = (ring: Position[]): Position[] => [...ring].reverse();

// As the standard winds them (y up): shells clockwise, holes counter-clockwise.
const SHELL: Position[] = [[0, 0], [0, 10], [10, 10], [10, 0], [0, 0]];
const HOLE: Position[] = [[2, 2], [4, 2], [4, 4], [2, 4], [2, 2]];
const SHELL_2: Position[] = [[20, 0], [20, 10], [30, 10], [30, 0], [20, 0]];
const HOLE_2: Position[] = [[25, 5], [27, 5], [27, 7], [25, 7], [25, 5]];
/** A hole whose first vertex lies on SHELL's left edge: the first vertex cannot say where the hole is. */
const TOUCHING: Position[] = [[0, 5], [3, 3], [3, 7], [0, 5]];
/** A lake in SHELL with an island in it (a shell again, in the lake). */
const LAKE: Position[] = [[1, 1], [9, 1], [9, 9], [1, 9], [1, 1]];
const ISLAND: Position[] = [[3, 3], [3, 7], [7, 7], [7, 3], [3, 3]];
const STRAY: Position[] = [[40, 0], [42, 0], [42, 2], [40, 2], [40, 0]];

interface Case {
  readonly name: string;
  readonly rings: Position[][];
  /** The polygons, each its shell and then its holes. */
  readonly polygons: Position[][][];
  readonly notes: readonly string[];
}

const REVERSED = ['io.shp.windingReversed'];
const CASES: readonly Case[] = [
  { name: 'standard, with a hole', rings: [SHELL, HOLE], polygons: [[SHELL, HOLE]], notes: [] },
  { name: 'reversed, with a hole', rings: [r(SHELL), r(HOLE)], polygons: [[r(SHELL), r(HOLE)]], notes: REVERSED },
  { name: 'reversed, the hole stored before its shell', rings: [r(HOLE), r(SHELL)], polygons: [[r(SHELL), r(HOLE)]], notes: REVERSED },
  { name: 'reversed, without a hole', rings: [r(SHELL)], polygons: [[r(SHELL)]], notes: REVERSED },
  { name: 'reversed, two shells without holes', rings: [r(SHELL), r(SHELL_2)], polygons: [[r(SHELL)], [r(SHELL_2)]], notes: REVERSED },
  { name: 'standard, two shells, one with a hole', rings: [SHELL, SHELL_2, HOLE], polygons: [[SHELL, HOLE], [SHELL_2]], notes: [] },
  { name: 'reversed, two shells, one with a hole', rings: [r(SHELL), r(SHELL_2), r(HOLE)], polygons: [[r(SHELL), r(HOLE)], [r(SHELL_2)]], notes: REVERSED },
  { name: 'mixed: a standard shell and a reversed one, each with a hole', rings: [SHELL, HOLE, r(SHELL_2), r(HOLE_2)], polygons: [[SHELL, HOLE], [r(SHELL_2), r(HOLE_2)]], notes: REVERSED },
  { name: 'standard, a hole touching its shell at a vertex', rings: [SHELL, TOUCHING], polygons: [[SHELL, TOUCHING]], notes: [] },
  { name: 'reversed, a hole touching its shell at a vertex', rings: [r(SHELL), r(TOUCHING)], polygons: [[r(SHELL), r(TOUCHING)]], notes: REVERSED },
  { name: 'standard, an island in a lake', rings: [SHELL, LAKE, ISLAND], polygons: [[SHELL, LAKE], [ISLAND]], notes: [] },
  { name: 'reversed, an island in a lake', rings: [r(SHELL), r(LAKE), r(ISLAND)], polygons: [[r(SHELL), r(LAKE)], [r(ISLAND)]], notes: REVERSED },
  // Every ring clockwise, one inside the other: a tool that winds all rings alike; a hole by where it lies.
  { name: 'every ring wound as a shell, one inside the other', rings: [SHELL, r(HOLE)], polygons: [[SHELL, r(HOLE)]], notes: ['io.shp.shellInShell'] },
  // A counter-clockwise ring beside standard shells: a hole that fits no shell, kept as a shell of its own.
  { name: 'standard, and a hole in no shell', rings: [SHELL, HOLE, STRAY], polygons: [[SHELL, HOLE], [STRAY]], notes: ['io.shp.orphanHoles'] },
];

const dir = mkdtempSync(join(tmpdir(), 'vp-polygon-rings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function read(rings: Position[][]): { geometry: Geometry | null; notes: string[] } {
  const files = shapefileBytes(5, [shapeContent(5, rings)]);
  const result = readShp(files.shp, files.shx, NAMES);
  if (!result.ok) throw new Error(result.error.key);
  return { geometry: result.value.geometries[0] ?? null, notes: result.notes.map((n) => n.key) };
}

function polygonsOf(geometry: Geometry | null): Position[][][] {
  if (geometry?.type === 'Polygon') return [geometry.coordinates];
  if (geometry?.type === 'MultiPolygon') return geometry.coordinates;
  throw new Error(`not an area: ${geometry?.type}`);
}

/** Polygons as a comparable value: holes and polygons in a fixed order (GDAL orders them by area). */
function normalised(polygons: Position[][][]): string[] {
  return polygons.map(([shell, ...holes]) => JSON.stringify([shell, ...holes.map((h) => JSON.stringify(h)).sort()])).sort();
}

/** The polygons GDAL makes of the record, from the WKT ogrinfo prints; `organize` sets OGR_ORGANIZE_POLYGONS. */
function gdalPolygons(path: string, organize: string | null): { polygons: Position[][][]; valid: boolean } {
  const config = organize === null ? [] : ['--config', 'OGR_ORGANIZE_POLYGONS', organize];
  const wkt = gdal('ogrinfo', [...config, '-ro', '-al', '-q', path]).split('\n').find((l) => /^\s+(MULTI)?POLYGON/.test(l)) ?? '';
  const nested = JSON.parse(
    wkt
      .replace(/^\s*\w+\s*/, '')
      .replace(/(-?[\d.e+]+) (-?[\d.e+]+)/g, '[$1,$2]')
      .replaceAll('(', '[')
      .replaceAll(')', ']'),
  ) as Position[][] | Position[][][];
  const polygons = /^\s+MULTI/.test(wkt) ? (nested as Position[][][]) : [nested as Position[][]];
  const sql = gdal('ogrinfo', [...config, '-ro', '-q', '-dialect', 'SQLite', '-sql', 'SELECT ST_IsValid(geometry) AS v FROM "record"', path]);
  return { polygons, valid: /v \(Integer\) = 1/.test(sql) };
}

describe('shells and holes by containment', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const { geometry, notes } = read(c.rings);
    expect(polygonsOf(geometry)).toEqual(c.polygons);
    expect(notes).toEqual(c.notes);
    expect(geometry && (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') && isValidAreaGeometry(geometry)).toBe(true);
  });

  it('counts the records with reversed rings, and the orphan holes one by one', () => {
    const files = shapefileBytes(5, [
      shapeContent(5, [r(SHELL), r(HOLE)]),
      shapeContent(5, [r(SHELL_2)]),
      shapeContent(5, [SHELL, HOLE]),
      shapeContent(5, [SHELL, STRAY, r(HOLE_2)]),
    ]);
    const result = readShp(files.shp, files.shx, NAMES);
    // HOLE_2 reversed lies in no ring: a clockwise ring there is a shell, as the standard winds it.
    expect(result.ok && result.value.geometries[3]).toEqual({ type: 'MultiPolygon', coordinates: [[SHELL], [STRAY], [r(HOLE_2)]] });
    expect(result.ok && result.notes.map((n) => [n.key, n.params?.count])).toEqual([
      ['io.shp.orphanHoles', 1],
      ['io.shp.windingReversed', 2],
    ]);
  });

  it('a ring of no area has no winding: it is read where it lies, and no note is due', () => {
    const flat: Position[] = [[5, 5], [6, 6], [7, 7], [5, 5]];
    expect(assemblePolygon([SHELL, flat])).toEqual({ geometry: { type: 'Polygon', coordinates: [SHELL, flat] }, orphanHoles: 0, windingReversed: false, shellInShell: false });
    expect(assemblePolygon([flat])).toMatchObject({ windingReversed: false });
  });
});

describe.skipIf(skipWithoutGdal('ogrinfo'))('as GDAL reads the same records', () => {
  const onDisk = (c: Case): string => {
    // One folder per case: ogrinfo's layer is named after the file, and the SQL names the layer.
    const folder = join(dir, `case-${CASES.indexOf(c)}`);
    mkdirSync(folder, { recursive: true });
    const files = shapefileBytes(5, [shapeContent(5, c.rings)]);
    writeFileSync(join(folder, 'record.shp'), files.shp);
    writeFileSync(join(folder, 'record.shx'), files.shx);
    return join(folder, 'record.shp');
  };

  it.each(CASES.map((c) => [c.name, c] as const))('%s: the polygons of its full analysis (OGR_ORGANIZE_POLYGONS=DEFAULT)', (_, c) => {
    const ours = polygonsOf(read(c.rings).geometry);
    const theirs = gdalPolygons(onDisk(c), 'DEFAULT');
    expect(normalised(ours)).toEqual(normalised(theirs.polygons));
    expect(theirs.valid).toBe(true);
  });

  it('(its shapefile default trusts the winding: the reversed parcel with a hole comes out as the hole holding the parcel, invalid)', () => {
    const c = CASES.find((x) => x.name === 'reversed, with a hole') as Case;
    const theirs = gdalPolygons(onDisk(c), null);
    expect(theirs.polygons).toEqual([[r(HOLE), r(SHELL)]]);
    expect(theirs.valid).toBe(false);
  });
});

