/**
 * A `.shx` that disagrees with its `.shp`: an index pointing twice at one record, records swapped, or an
 * index cut short. The `.shp` records number themselves and chain up to the end of the file, so it says
 * where each record is; GDAL (3.6) follows the index and reads the first parcel twice and the second never
 * (checked below). An editor's `.shp` with a rewritten record left behind does not chain up: its index is followed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Position } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { gdal, skipWithoutGdal } from '../../../tests/support/gdal.ts';
import { readShp } from './shp-read.ts';
import { shapeContent, shapefileBytes } from './shp-test-support.ts';

const NAMES = { shp: 'test.shp', shx: 'test.shx' };
const square = (x: number): Position[] => [[x, 0], [x, 10], [x + 10, 10], [x + 10, 0], [x, 0]];
const SQUARES = [square(0), square(20), square(40)];
const polygons = (n: number) => shapefileBytes(5, SQUARES.slice(0, n).map((ring) => shapeContent(5, [ring])));

/** The index with its entries (offset, length pairs of 8 bytes after the 100-byte header) replaced. */
function reindexed(shx: Uint8Array, order: readonly number[]): Uint8Array {
  const out = new Uint8Array(100 + 8 * order.length);
  out.set(shx.subarray(0, 100));
  new DataView(out.buffer).setInt32(24, out.length / 2, false);
  order.forEach((entry, i) => out.set(shx.subarray(100 + entry * 8, 108 + entry * 8), 100 + i * 8));
  return out;
}

function shells(shp: Uint8Array, shx: Uint8Array) {
  const read = readShp(shp, shx, NAMES);
  if (!read.ok) throw new Error(read.error.key);
  return { shells: read.value.geometries.map((g) => (g?.type === 'Polygon' ? g.coordinates[0] : null)), notes: read.notes };
}

describe('an index that disagrees with the records', () => {
  it.each([
    ['points twice at the first record', 2, [0, 0]],
    ['has two records swapped', 3, [0, 2, 1]],
    ['is cut short', 2, [0]],
    ['has an entry too many', 2, [0, 1, 1]],
  ])('reads the records in their order when the index %s, and says so', (_, count, order) => {
    const { shp, shx } = polygons(count);
    const read = shells(shp, reindexed(shx, order));
    expect(read.shells).toEqual(SQUARES.slice(0, count));
    expect(read.notes).toEqual([{ key: 'io.shp.shxWrong', params: { file: 'test.shp', shx: 'test.shx', count } }]);
  });

  it('follows the index past a record left behind by an editor (the records do not number 1, 2, 3…)', () => {
    // Record 2 rewritten at the end of the file: its old version stays in place, numbered 2 too.
    const old = shapeContent(5, [square(100)]);
    const { shp: written } = shapefileBytes(5, [shapeContent(5, [SQUARES[0]!]), old, shapeContent(5, [SQUARES[1]!])]);
    const view = new DataView(written.buffer);
    const lastAt = 100 + 2 * (8 + old.length);
    view.setInt32(lastAt, 2, false);
    const shx = new Uint8Array(116);
    const index = new DataView(shx.buffer);
    shx.set(written.subarray(0, 100));
    index.setInt32(24, 116 / 2, false);
    [[100, old.length], [lastAt, old.length]].forEach(([offset, length], i) => {
      index.setInt32(100 + i * 8, offset! / 2, false);
      index.setInt32(104 + i * 8, length! / 2, false);
    });
    const read = shells(written, shx);
    expect(read.shells).toEqual(SQUARES.slice(0, 2));
    expect(read.notes.map((n) => n.key)).not.toContain('io.shp.shxWrong');
  });

  it('reads an index that agrees with the records without a note', () => {
    const { shp, shx } = polygons(3);
    expect(shells(shp, shx)).toEqual({ shells: SQUARES, notes: [] });
  });

  describe.skipIf(skipWithoutGdal('ogrinfo'))('GDAL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shx-wrong-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('follows an index pointing twice at the first record: it reads that parcel twice and the second never', () => {
      const { shp, shx } = polygons(3);
      writeFileSync(join(dir, 'dup.shp'), shp);
      writeFileSync(join(dir, 'dup.shx'), reindexed(shx, [0, 0, 2]));
      const rings = gdal('ogrinfo', ['-ro', '-al', '-q', join(dir, 'dup.shp')]).split('\n').filter((l) => l.trim().startsWith('POLYGON'));
      expect(rings.map((l) => l.trim())).toEqual(['POLYGON ((0 0,0 10,10 10,10 0,0 0))', 'POLYGON ((0 0,0 10,10 10,10 0,0 0))', 'POLYGON ((40 0,40 10,50 10,50 0,40 0))']);
    });
  });
});
