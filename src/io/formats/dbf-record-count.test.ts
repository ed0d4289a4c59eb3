/**
 * A `.dbf` whose header gives a record count its size contradicts, while the file holds exactly as many
 * whole records as the `.shp` has shapes: the header is wrong, not the file (a tool appended or removed a
 * record and left the count). GDAL believes the header: with a count one short it reads one parcel fewer.
 * A file cut short in a record is still refused.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gdal, skipWithoutGdal } from '../../../tests/support/gdal.ts';
import type { InputFile } from '../files.ts';
import { importFiles } from './index.ts';
import { writeShapefile } from './shapefile-write.ts';

const NAMES = ['沈家埭村', '旱地', '农村道路'];

function layerFiles(): InputFile[] {
  const written = writeShapefile(
    {
      name: 'DLTB',
      geometryType: 'polygon',
      fields: [{ name: 'QSDWMC', type: 'C', length: 20, decimals: 0 }],
      features: NAMES.map((name, i) => ({ geometry: { type: 'Polygon', coordinates: [[[120.1 + i * 0.01, 30.1], [120.105 + i * 0.01, 30.1], [120.105 + i * 0.01, 30.105], [120.1 + i * 0.01, 30.1]]] }, properties: { QSDWMC: name } })),
    },
    { date: new Date(Date.UTC(2024, 5, 30)) },
  );
  if (!written.ok) throw new Error(written.error.key);
  return written.value.map((f) => ({ name: f.name, bytes: f.bytes }));
}

/** The files with the `.dbf` header's record count (bytes 4–7) set to `count`, and the file cut by `cut` bytes. */
function withDbfCount(count: number, cut = 0): InputFile[] {
  return layerFiles().map((f) => {
    if (!f.name.endsWith('.dbf')) return f;
    const bytes = f.bytes.slice(0, f.bytes.length - cut);
    new DataView(bytes.buffer).setUint32(4, count, true);
    return { ...f, bytes };
  });
}

describe('a .dbf header record count the file size contradicts', () => {
  it.each([2, 4])('reads the 3 records the file holds (as many as the shapes) when the header says %i, and says so', (count) => {
    const result = importFiles(withDbfCount(count), { region: 'any' });
    if (!result.ok) throw new Error(result.error.key);
    expect(result.value[0]!.features.map((f) => f.properties.QSDWMC)).toEqual(NAMES);
    expect(result.notes.find((n) => n.key === 'io.dbf.recordCountCorrected')?.params).toEqual({ file: 'DLTB.dbf', declared: count, count: 3 });
  });

  it('still refuses a file cut short inside a record', () => {
    const result = importFiles(withDbfCount(3, 5), { region: 'any' });
    expect(result.ok || result.error).toMatchObject({ key: 'io.dbf.truncated', params: { count: 3, complete: 2 } });
  });

  describe.skipIf(skipWithoutGdal('ogrinfo'))('GDAL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dbf-count-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('believes a header count one short and reads one parcel fewer (while its summary counts the shapes)', () => {
      for (const f of withDbfCount(2)) writeFileSync(join(dir, f.name), f.bytes);
      const out = gdal('ogrinfo', ['-ro', '-al', join(dir, 'DLTB.shp')]);
      expect(out.match(/^OGRFeature\(/gm)).toHaveLength(2);
    });
  });
});
