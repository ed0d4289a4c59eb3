/**
 * Text cut to its DBF field never splits a GBK character: the euro sign is GBK's one single byte above
 * ASCII (0x80), so it must not be taken for the lead byte of a pair. Read back by GDAL with the `.cpg`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gdal, skipWithoutGdal } from '../../../tests/support/gdal.ts';
import { writeShapefile } from '../formats/shapefile-write.ts';
import type { ExportLayer } from '../formats/types.ts';
import { writeDbf } from './dbf-write.ts';

const BZ = { name: 'BZ', type: 'C', length: 5, decimals: 0, alias: '备注' } as const;
const DATE = new Date(Date.UTC(2024, 5, 30));

/** The text of the one record's BZ cell as written. */
function cell(value: string): Uint8Array {
  const dbf = writeDbf('T', [BZ], [{ values: { BZ: value }, label: '1' }], 'gbk', DATE);
  if (!dbf.ok) throw new Error(dbf.error.key);
  const start = 32 + 32 + 1 + 1;
  return dbf.value.subarray(start, start + BZ.length);
}

describe('GBK text cut to the field width', () => {
  it('after a euro sign, keeps whole characters (5 bytes: € 甲 乙 = 1 + 2 + 2)', () => {
    const text = new TextDecoder('gbk', { fatal: true }).decode(cell('€甲乙丙')).trimEnd();
    expect(text).toBe('€甲乙');
    expect(new TextDecoder('gbk', { fatal: true }).decode(cell('a€甲乙')).trimEnd()).toBe('a€甲');
  });

  it.skipIf(skipWithoutGdal('ogrinfo'))('reads back in GDAL as the characters that fit', () => {
    const layer: ExportLayer = {
      name: 'T',
      geometryType: 'point',
      fields: [BZ],
      features: [
        { geometry: { type: 'Point', coordinates: [120.5, 30] }, properties: { BZ: '€甲乙丙' } },
        { geometry: { type: 'Point', coordinates: [120.5, 30] }, properties: { BZ: 'a€甲乙' } },
      ],
    };
    const written = writeShapefile(layer, { encoding: 'gbk', date: DATE });
    if (!written.ok) throw new Error(written.error.key);
    const dir = mkdtempSync(join(tmpdir(), 'vp-dbf-gbk-'));
    for (const file of written.value) writeFileSync(join(dir, file.name), file.bytes);
    const values = [...gdal('ogrinfo', ['-q', '-al', join(dir, 'T.shp')]).matchAll(/BZ \(String\) = (.*)/g)].map((m) => m[1]);
    expect(values).toEqual(['€甲乙', 'a€甲']);
  });
});
