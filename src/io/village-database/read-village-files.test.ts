import ExcelJS from 'exceljs';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { writeShapefile } from '../formats/shapefile-write.ts';
import { writeZip } from '../zip/zip-write.ts';
import { xianSquares } from '../crs/test-support.ts';
import { zhT } from '../package/delivery-test-support.ts';
import { renderMessage } from '../../rules/render.ts';
import { readVillageDatabaseFiles, type VirtualFile } from './read-village-files.ts';

const square = (i: number): Polygon => ({ type: 'Polygon', coordinates: [[[120.1 + i * 0.001, 30.2], [120.101 + i * 0.001, 30.2], [120.101 + i * 0.001, 30.201], [120.1 + i * 0.001, 30.201], [120.1 + i * 0.001, 30.2]]] });

/** A layer's Shapefile parts in `folder`, as the editor writes them (Gauss-Krüger .prj, GBK .cpg). */
function shapefile(folder: string, name: string, rows: readonly Readonly<Record<string, string>>[]): VirtualFile[] {
  const fields = [...new Set(rows.flatMap((r) => Object.keys(r)))].map((field) => ({ name: field, type: 'C' as const, length: 60, decimals: 0 }));
  const features = rows.map((properties, i) => ({ geometry: square(i), properties }));
  const written = writeShapefile({ name, geometryType: 'polygon', fields, features }, { encoding: 'gbk', date: new Date(Date.UTC(2026, 0, 1)) });
  if (!written.ok) throw new Error(written.error.key);
  return written.value.map((file) => ({ path: `${folder}${file.name}`, bytes: file.bytes }));
}

function geoJson(path: string, rows: readonly Readonly<Record<string, string>>[]): VirtualFile {
  const collection = { type: 'FeatureCollection', features: rows.map((properties, i) => ({ type: 'Feature', geometry: square(i), properties })) };
  return { path, bytes: new TextEncoder().encode(JSON.stringify(collection)) };
}

async function workbook(path: string, rows: readonly (readonly [string, string | number])[]): Promise<VirtualFile> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('sheet1');
  sheet.addRow(['指标', '值']);
  for (const row of rows) sheet.addRow([...row]);
  return { path, bytes: new Uint8Array(await book.xlsx.writeBuffer()) };
}

/** A village folder as a browser lists it: CCTool's names in a sub-folder, GHDLTB as GeoJSON, the workbook beside. */
async function village(top = ''): Promise<VirtualFile[]> {
  return [
    ...shapefile(`${top}村庄规划数据库/`, '现状用地', [{ JQDLBM: '0103' }, { JQDLBM: '070301' }]),
    geoJson(`${top}村庄规划数据库/GHDLTB.geojson`, [{ GHDLBM: '070301', BSM: '330502001001000000001' }]),
    await workbook(`${top}测试村.xlsx`, [['村庄名称', '测试村'], ['现状人口', 120]]),
  ];
}

async function read(files: readonly VirtualFile[]) {
  const result = await readVillageDatabaseFiles(files, 'ydyh-2023');
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result;
}

async function refused(files: readonly VirtualFile[]) {
  const result = await readVillageDatabaseFiles(files, 'ydyh-2023');
  if (result.ok) throw new Error('read');
  return result.error;
}

describe('readVillageDatabaseFiles', () => {
  it('reads a folder given as a list: a Shapefile and a GeoJSON one level down, the workbook, messages naming the paths', async () => {
    const { value, notes } = await read(await village());
    expect(value.layers.JQDLTB).toMatchObject({ file: '村庄规划数据库/现状用地.shp', fieldNames: ['JQDLBM'] });
    expect(value.layers.JQDLTB?.features.map((f) => f.properties.JQDLBM)).toEqual(['0103', '070301']);
    expect(value.layers.GHDLTB?.features[0]?.ref).toBe('GHDLTB#330502001001000000001');
    expect(value.info).toMatchObject({ villageName: '测试村', basePopulation: 120 });
    expect(notes).toContainEqual({ key: 'cli.village.workbookRead', params: { file: '测试村.xlsx' } });
  });

  it('takes the one folder every file lies in as the folder opened, as a picked folder lists its files', async () => {
    const { value } = await read(await village('上村/'));
    expect(value.layers.JQDLTB?.file).toBe('上村/村庄规划数据库/现状用地.shp');
    expect(value.info.villageName).toBe('测试村');
  });

  it('finds a Shapefile’s parts beside it in any case, and no deeper than one level down', async () => {
    const parts = shapefile('db/', 'GHDLTB', [{ GHDLBM: '0103' }]).map((f) => ({ ...f, path: f.path.replace('GHDLTB.dbf', 'ghdltb.DBF').replace('GHDLTB.prj', 'Ghdltb.Prj') }));
    const { value } = await read([...parts, geoJson('JQDLTB.json', [{ JQDLBM: '0103' }]), geoJson('a/b/CJDCQ.geojson', [{ ZLDWDM: '1' }])]);
    expect(value.layers.GHDLTB?.features[0]?.properties.GHDLBM).toBe('0103');
    expect(value.layers.CJDCQ).toBeUndefined();
  });

  it('refuses a list without GHDLTB, naming the layer and where it looked', async () => {
    const files = (await village()).filter((f) => !f.path.endsWith('GHDLTB.geojson'));
    expect(await refused(files)).toEqual({ key: 'villageDb.read.missingLayers', params: { layers: 'GHDLTB/规划用地' } });
    expect(await refused([])).toEqual({ key: 'villageDb.read.missingLayers', params: { layers: 'JQDLTB/现状用地、GHDLTB/规划用地' } });
  });

  it('refuses a broken .dbf, naming the layer’s file', async () => {
    const files = (await village()).map((f) => (f.path.endsWith('.dbf') ? { ...f, bytes: f.bytes.subarray(0, 40) } : f));
    expect(await refused(files)).toMatchObject({ key: 'cli.unreadable', params: { file: '村庄规划数据库/现状用地.shp' } });
  });

  // The editor's import asks for a Xian 1980 layer's county parameters in a form "below"; opening a database has no such form.
  it('refuses a Xian 1980 layer, saying the database must be CGCS2000 and how to convert it, not to enter parameters below', async () => {
    const xian = xianSquares('GHDLTB', [[40_571_000, 3_370_000]]).map((file) => ({ path: `村庄规划数据库/${file.name}`, bytes: file.bytes }));
    const files = [...(await village()).filter((f) => !f.path.endsWith('GHDLTB.geojson')), ...xian];
    const error = await refused(files);
    expect(error).toMatchObject({ key: 'cli.unreadable', params: { file: '村庄规划数据库/GHDLTB.shp', reasonKey: 'villageDb.read.needsDatumParameters', datumKey: 'io.crs.datumXian1980' } });
    const text = renderMessage(zhT, error);
    expect(text).toContain('村庄规划数据库应为 CGCS2000 坐标');
    expect(text).not.toContain('下方');
  });

  // GHDLTB split in two files (GHDLTB.shp + GHDLTB_2.shp) and an extra XZQ.shp: the second half and XZQ were dropped without a word.
  it('notes layer files it does not read, and which layer a file named after one seems to be part of', async () => {
    const files = [...(await village()), geoJson('村庄规划数据库/GHDLTB_2.geojson', [{ GHDLBM: '0103' }]), ...shapefile('', 'XZQ', [{ XZQDM: '330502' }]), geoJson('规划参数.json', [])];
    const { notes } = await read(files);
    expect(notes).toContainEqual({ key: 'cli.village.layerPartNotRead', params: { file: '村庄规划数据库/GHDLTB_2.geojson', layer: 'GHDLTB' } });
    expect(notes).toContainEqual({ key: 'cli.village.layerFileNotRead', params: { file: 'XZQ.shp' } });
    expect(notes.filter((n) => String(n.params?.file).endsWith('.json'))).toEqual([]);
  });

  it('notes a second file of a layer and keeps the first, the folder’s own before the sub-folder’s', async () => {
    const { value, notes } = await read([...(await village()), geoJson('规划用地.geojson', [{ GHDLBM: '0103' }])]);
    expect(value.layers.GHDLTB?.file).toBe('规划用地.geojson');
    expect(notes).toContainEqual({ key: 'cli.village.duplicateLayer', params: { layer: 'GHDLTB', file: '村庄规划数据库/GHDLTB.geojson', kept: '规划用地.geojson' } });
  });

  it('reads a .zip of the folder as if unpacked where it lies, naming members under the zip', async () => {
    const zip = writeZip((await village('上村/')).map((f) => ({ name: f.path, bytes: f.bytes })));
    const { value } = await read([{ path: '上村.zip', bytes: zip }]);
    expect(value.layers.JQDLTB?.file).toBe('上村.zip/上村/村庄规划数据库/现状用地.shp');
    expect(value.layers.GHDLTB?.features).toHaveLength(1);
    expect(value.info.villageName).toBe('测试村');
    expect(await refused([{ path: '坏.zip', bytes: new Uint8Array([1, 2, 3]) }])).toMatchObject({ key: 'io.zip.broken', params: { file: '坏.zip' } });
  });
});
