/**
 * The line writer (PolyLine, shape type 3): a LineString is one part, a MultiLineString one record with a
 * part per line, in their direction; the record lengths, boxes and `.shx` offsets are checked byte by byte
 * against the 1998 whitepaper, and the files are read back with our reader.
 */
import type { Geometry, LineString, MultiLineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readShp } from './shp-read.ts';
import { writeShp } from './shp-write.ts';

const NAMES = { shp: 'JX.shp', shx: 'JX.shx' };
const LINE: LineString = { type: 'LineString', coordinates: [[40_500_000, 3_300_000], [40_500_100, 3_300_050], [40_500_200, 3_299_990]] };
const MULTI: MultiLineString = {
  type: 'MultiLineString',
  coordinates: [
    [[40_500_300, 3_300_200], [40_500_250, 3_300_100]],
    [[40_500_400, 3_300_000], [40_500_500, 3_300_000], [40_500_500, 3_300_300]],
  ],
};

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const box = (v: DataView, at: number) => [0, 1, 2, 3].map((i) => v.getFloat64(at + i * 8, true));

function readBack(shp: Uint8Array, shx: Uint8Array): readonly (Geometry | null)[] {
  const read = readShp(shp, shx, NAMES);
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  expect(read.value.shapeType).toBe(3);
  return read.value.geometries;
}

describe('writeShp: lines', () => {
  it('writes a LineString and a MultiLineString as PolyLine records, the multi-line as one record with two parts', () => {
    const { shp, shx } = writeShp([LINE, MULTI, null], 'polyline');
    const v = view(shp);
    expect(v.getInt32(32, true)).toBe(3);
    // Content: type, box, numParts, numPoints (44 bytes), 4 per part index, 16 per point.
    const sizes = [44 + 4 + 3 * 16, 44 + 2 * 4 + 5 * 16, 4];
    expect(v.getInt32(24, false) * 2).toBe(shp.length);
    expect(shp.length).toBe(100 + sizes.reduce((n, s) => n + 8 + s, 0));
    const x = view(shx);
    expect(x.getInt32(24, false) * 2).toBe(shx.length);
    expect(shx.length).toBe(100 + 3 * 8);
    let at = 100;
    sizes.forEach((size, i) => {
      expect([x.getInt32(100 + i * 8, false) * 2, x.getInt32(104 + i * 8, false) * 2]).toEqual([at, size]);
      expect([v.getInt32(at, false), v.getInt32(at + 4, false) * 2]).toEqual([i + 1, size]);
      at += 8 + size;
    });
    const second = 100 + 8 + sizes[0]! + 8;
    expect(v.getInt32(second, true)).toBe(3);
    expect(box(v, second + 4)).toEqual([40_500_250, 3_300_000, 40_500_500, 3_300_300]);
    expect([v.getInt32(second + 36, true), v.getInt32(second + 40, true)]).toEqual([2, 5]);
    expect([v.getInt32(second + 44, true), v.getInt32(second + 48, true)]).toEqual([0, 2]);
    expect(box(v, 36)).toEqual([40_500_000, 3_299_990, 40_500_500, 3_300_300]);
    expect(box(view(shx), 36)).toEqual(box(v, 36));
    expect(readBack(shp, shx)).toEqual([LINE, MULTI, null]);
  });

  it('keeps a line’s direction, where a polygon ring would be rewound', () => {
    const backwards: LineString = { type: 'LineString', coordinates: [...LINE.coordinates].reverse() };
    const { shp, shx } = writeShp([backwards], 'polyline');
    expect(readBack(shp, shx)).toEqual([backwards]);
  });

  it('writes an empty line layer as a PolyLine file without records, and a line without vertices as a null shape', () => {
    const empty = writeShp([], 'polyline');
    expect(empty.shp.length).toBe(100);
    expect(empty.shx.length).toBe(100);
    expect(readBack(empty.shp, empty.shx)).toEqual([]);
    const hollow = writeShp([{ type: 'LineString', coordinates: [] }, LINE], 'polyline');
    expect(readBack(hollow.shp, hollow.shx)).toEqual([null, LINE]);
  });
});
