/**
 * UTF-8 text under a `.cpg` or a language-driver byte that names another code page: read as that code page
 * it is 乱码 (GDAL 3.6 reads it so: “沈家埭村” comes out as “娌堝鍩潙”). UTF-8 bytes are valid UTF-8 by
 * design and a GBK table almost never is, so the bytes win, with a note; a GBK table keeps its `.cpg`.
 */
import { describe, expect, it } from 'vitest';
import type { InputFile } from '../files.ts';
import { importFiles } from './index.ts';
import { writeShapefile } from './shapefile-write.ts';

const NAMES = ['沈家埭村第四村民小组', '旱地', '农村道路'];
const ANYWHERE = { region: 'any' } as const;

function layerFiles(encoding: 'utf-8' | 'gbk'): InputFile[] {
  const written = writeShapefile(
    {
      name: 'DLTB',
      geometryType: 'polygon',
      fields: [{ name: 'QSDWMC', type: 'C', length: 60, decimals: 0 }],
      features: NAMES.map((name, i) => ({ geometry: { type: 'Polygon', coordinates: [[[120.1 + i * 0.01, 30.1], [120.105 + i * 0.01, 30.1], [120.105 + i * 0.01, 30.105], [120.1 + i * 0.01, 30.1]]] }, properties: { QSDWMC: name } })),
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

  it('keeps the .cpg and the language driver over GBK bytes', () => {
    expect(read(withCpg(layerFiles('gbk'), '936'))).toMatchObject({ names: NAMES, encoding: 'gbk', notes: [] });
    expect(read(withLanguageDriver(withCpg(layerFiles('gbk'), null), 0x4d))).toMatchObject({ names: NAMES, encoding: 'gbk', notes: [] });
  });
});
