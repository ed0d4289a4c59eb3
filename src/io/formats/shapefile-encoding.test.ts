/**
 * UTF-8 text under a `.cpg` or a language-driver byte that names another code page: read as that code page
 * it is 乱码 (GDAL 3.6 reads it so: “沈家埭村” comes out as “娌堝鍩潙”). UTF-8 bytes are valid UTF-8 by
 * design and a GBK table almost never is, so the bytes win, with a note; a GBK table keeps its `.cpg`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gdal, skipWithoutGdal } from '../../../tests/support/gdal.ts';
import type { InputFile } from '../files.ts';
import { importFiles } from './index.ts';
import { writeShapefile } from './shapefile-write.ts';

const NAMES = ['沈家埭村第四村民小组', '旱地', '农村道路'];
const ANYWHERE = { region: 'any' } as const;

function layerFiles(encoding: 'utf-8' | 'gbk', names: readonly string[] = NAMES): InputFile[] {
  const written = writeShapefile(
    {
      name: 'DLTB',
      geometryType: 'polygon',
      fields: [{ name: 'QSDWMC', type: 'C', length: 60, decimals: 0 }],
      features: names.map((name, i) => ({ geometry: { type: 'Polygon', coordinates: [[[120.1 + i * 0.01, 30.1], [120.105 + i * 0.01, 30.1], [120.105 + i * 0.01, 30.105], [120.1 + i * 0.01, 30.1]]] }, properties: { QSDWMC: name } })),
    },
    { encoding, date: new Date(Date.UTC(2024, 5, 30)) },
  );
  if (!written.ok) throw new Error(written.error.key);
  return written.value.map((f) => ({ name: f.name, bytes: f.bytes }));
}

function withCpg(files: InputFile[], cpg: string | null): InputFile[] {
  const others = files.filter((f) => !f.name.toLowerCase().endsWith('.cpg'));
  return cpg === null ? others : [...others, { name: 'DLTB.cpg', bytes: new TextEncoder().encode(cpg) }];
}

function withLanguageDriver(files: InputFile[], byte: number): InputFile[] {
  return files.map((f) => {
    if (!f.name.toLowerCase().endsWith('.dbf')) return f;
    const bytes = f.bytes.slice();
    bytes[29] = byte;
    return { ...f, bytes };
  });
}

function read(files: InputFile[]) {
  const result = importFiles(files, ANYWHERE);
  if (!result.ok) throw new Error(result.error.key);
  const layer = result.value[0]!;
  return { names: layer.features.map((f) => f.properties.QSDWMC), encoding: layer.encoding?.encoding, notes: result.notes.map((n) => n.key) };
}

describe('UTF-8 text under a declared code page', () => {
  it.each(['936', 'GBK', 'GB2312', 'ANSI 936', '1252'])('reads UTF-8 as UTF-8 when the .cpg says %s, and says so', (cpg) => {
    const read1 = read(withCpg(layerFiles('utf-8'), cpg));
    expect(read1).toMatchObject({ names: NAMES, encoding: 'utf-8' });
    expect(read1.notes).toContain('io.dbf.cpgContradicted');
  });

  it.each([['0x4D', 0x4d], ['0x7A', 0x7a]])('reads UTF-8 as UTF-8 when the language driver byte (%s) says GBK and there is no .cpg, and says so', (_, byte) => {
    const read1 = read(withLanguageDriver(withCpg(layerFiles('utf-8'), null), byte));
    expect(read1).toMatchObject({ names: NAMES, encoding: 'utf-8' });
    expect(read1.notes).toContain('io.dbf.languageDriverContradicted');
  });

  it('reads a short UTF-8 name (a village of three characters, 9 bytes) as UTF-8 when the .cpg says 936: GBK cannot read it', () => {
    expect(read(withCpg(layerFiles('utf-8', ['测试村']), '936'))).toMatchObject({ names: ['测试村'], encoding: 'utf-8' });
    expect(read(withCpg(layerFiles('gbk', ['测试村']), '936'))).toMatchObject({ names: ['测试村'], encoding: 'gbk', notes: [] });
  });

  it.skipIf(skipWithoutGdal('ogr2ogr'))('reads a UTF-8 table GDAL wrote (field names cut at 10 bytes in the middle of a character) as UTF-8, with its .cpg and without', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vp-utf8-names-'));
    try {
      const features = [['0101', '杭州市西湖区转塘街道长埭村股份经济合作社第一小组'], ['0102', '水田']].map(([code, owner], i) => ({
        type: 'Feature',
        properties: { 地类名称代码: code, 权属单位名称: owner },
        geometry: { type: 'Polygon', coordinates: [[[120.1 + i * 0.01, 30.1], [120.105 + i * 0.01, 30.1], [120.105 + i * 0.01, 30.105], [120.1 + i * 0.01, 30.1]]] },
      }));
      writeFileSync(join(dir, 'in.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
      gdal('ogr2ogr', ['-f', 'ESRI Shapefile', '-lco', 'ENCODING=UTF-8', join(dir, 'DLTB.shp'), join(dir, 'in.geojson')]);
      const files = readdirSync(dir).filter((f) => f.startsWith('DLTB.')).map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
      for (const withItsCpg of [true, false]) {
        const result = importFiles(withItsCpg ? files : files.filter((f) => !f.name.endsWith('.cpg')), ANYWHERE);
        if (!result.ok) throw new Error(result.error.key);
        const layer = result.value[0]!;
        expect(layer.encoding?.encoding).toBe('utf-8');
        const values = layer.features.map((f) => Object.values(f.properties));
        expect(values).toEqual([['0101', '杭州市西湖区转塘街道长埭村股份经济合作社第一小组'], ['0102', '水田']]);
        expect(result.notes.map((n) => n.key)).not.toContain('io.dbf.cpgContradicted');
      }
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('keeps the .cpg and the language driver over GBK bytes', () => {
    expect(read(withCpg(layerFiles('gbk'), '936'))).toMatchObject({ names: NAMES, encoding: 'gbk', notes: [] });
    expect(read(withLanguageDriver(withCpg(layerFiles('gbk'), null), 0x4d))).toMatchObject({ names: NAMES, encoding: 'gbk', notes: [] });
  });
});
