import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readVillageDatabase } from './read-village-database.ts';

const square = (lon: number, lat: number) => ({ type: 'Polygon', coordinates: [[[lon, lat], [lon + 0.001, lat], [lon + 0.001, lat + 0.001], [lon, lat + 0.001], [lon, lat]]] });

function writeGeoJson(path: string, features: readonly Readonly<Record<string, string>>[]): void {
  const collection = { type: 'FeatureCollection', features: features.map((properties, i) => ({ type: 'Feature', geometry: square(120.1 + i * 0.001, 30.2), properties })) };
  writeFileSync(path, JSON.stringify(collection));
}

async function writeWorkbook(path: string, rows: readonly (readonly [string, string | number])[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('sheet1');
  sheet.addRow(['指标', '值']);
  for (const row of rows) sheet.addRow([...row]);
  writeFileSync(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

describe('readVillageDatabase', () => {
  it('finds layers by database or CCTool name in any case, one level down, with declared field names and refs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'village-db-'));
    mkdirSync(join(dir, 'db'));
    writeGeoJson(join(dir, 'db', '现状用地.geojson'), [{ jqdlbm: '0103', tbbh: '1' }]);
    writeGeoJson(join(dir, 'db', 'Ghdltb.json'), [{ GHDLBM: '070301', BSM: '330502001001000000001' }, { GHDLBM: '1207', BSM: '' }]);
    writeGeoJson(join(dir, '规划用地.geojson'), [{ GHDLBM: '0103' }]);
    writeGeoJson(join(dir, '永久基本农田.geojson'), [{ note: 'x' }]);
    await writeWorkbook(join(dir, 'village.xlsx'), [['村庄名称', '上村'], ['现状人口', '1,234'], ['规划人口', 'many'], ['规划自然和文化遗产', 3]]);
    const read = await readVillageDatabase(dir, 'ydyh-2023');
    if (!read.ok) throw new Error(read.error.key);
    const { layers, info, edition, allocations } = read.value;
    expect(edition).toBe('ydyh-2023');
    expect(allocations).toEqual({});
    // The folder's own file before the sub-folder's, and the other one named.
    expect(layers.GHDLTB?.file).toBe(join(dir, '规划用地.geojson'));
    expect(read.notes).toContainEqual({ key: 'cli.village.duplicateLayer', params: { layer: 'GHDLTB', file: join(dir, 'db', 'Ghdltb.json'), kept: join(dir, '规划用地.geojson') } });
    expect(layers.JQDLTB?.fieldNames).toEqual(['JQDLBM', 'TBBH']);
    expect(layers.JQDLTB?.features[0]).toMatchObject({ ref: 'JQDLTB#1', properties: { JQDLBM: '0103', TBBH: '1' } });
    expect(layers.YJJBNT?.features).toHaveLength(1);
    expect(info).toEqual({ villageName: '上村', villageType: null, planPeriod: null, basePopulation: 1234, targetPopulation: null, baseHeritage: null, targetHeritage: 3 });
    expect(read.notes.map((n) => n.key)).toContain('cli.village.badCount');
  });

  it('reads fields delivered under their aliases, whole or cut to a Shapefile name, unless the field is there under its own name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'village-db-'));
    // GBK Shapefile names are cut to 10 bytes (规划地类编), as ogr2ogr → GeoJSON keeps them; 标识码 beside BSM stays its own field.
    writeGeoJson(join(dir, 'JQDLTB.geojson'), [{ 基期地类编码: '0103', 基期地类名称: '旱地', 标识码: '330502001001000000009', BSM: '330502001001000000001' }]);
    writeGeoJson(join(dir, 'GHDLTB.geojson'), [{ 规划地类编: '070301', 规划地类名: '一类农村宅基地', 图斑编号: '7' }]);
    const read = await readVillageDatabase(dir, 'ydyh-2023');
    if (!read.ok) throw new Error(read.error.key);
    expect(read.value.layers.JQDLTB?.features[0]?.properties).toEqual({ JQDLBM: '0103', JQDLMC: '旱地', 标识码: '330502001001000000009', BSM: '330502001001000000001' });
    expect(read.value.layers.GHDLTB?.features[0]?.properties).toEqual({ GHDLBM: '070301', GHDLMC: '一类农村宅基地', TBBH: '7' });
  });

  it('names a feature by its BSM when it has one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'village-db-'));
    writeGeoJson(join(dir, 'JQDLTB.geojson'), [{ JQDLBM: '0103' }]);
    writeGeoJson(join(dir, 'GHDLTB.geojson'), [{ GHDLBM: '070301', BSM: '330502001001000000001' }, { GHDLBM: '1207', BSM: ' ' }]);
    const read = await readVillageDatabase(dir, 'ydyh-2023');
    if (!read.ok) throw new Error(read.error.key);
    expect(read.value.layers.GHDLTB?.features.map((f) => f.ref)).toEqual(['GHDLTB#330502001001000000001', 'GHDLTB#2']);
    expect(read.notes.map((n) => n.key)).toContain('cli.village.noWorkbook');
  });

  it('records the declared edition and keeps the codes as written (whoever counts them converts once)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'village-db-'));
    writeGeoJson(join(dir, 'JQDLTB.geojson'), [{ JQDLBM: '2302' }]);
    writeGeoJson(join(dir, 'GHDLTB.geojson'), [{ GHDLBM: '1313' }]);
    const read = await readVillageDatabase(dir, 'ydyh-2020');
    if (!read.ok) throw new Error(read.error.key);
    expect(read.value.edition).toBe('ydyh-2020');
    expect(read.value.layers.JQDLTB?.features[0]?.properties.JQDLBM).toBe('2302');
    expect(read.value.layers.GHDLTB?.features[0]?.properties).toEqual({ GHDLBM: '1313' });
  });

  it('refuses, naming the file and the reason: a missing folder, a missing layer, no code field, an unreadable file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'village-db-'));
    const refused = async (folder: string) => {
      const read = await readVillageDatabase(folder, 'ydyh-2023');
      if (read.ok) throw new Error('read');
      return read.error;
    };
    expect(await refused(join(dir, 'nowhere'))).toEqual({ key: 'cli.unreadable', params: { file: join(dir, 'nowhere'), reasonKey: 'cli.notFound' } });
    writeGeoJson(join(dir, 'JQDLTB.geojson'), [{ JQDLBM: '0103' }]);
    expect(await refused(dir)).toEqual({ key: 'cli.village.missingLayers', params: { folder: dir, layers: 'GHDLTB/规划用地' } });
    writeGeoJson(join(dir, 'GHDLTB.geojson'), [{ DLBM: '0103' }]);
    expect(await refused(dir)).toMatchObject({ key: 'cli.unreadable', params: { file: join(dir, 'GHDLTB.geojson'), reasonKey: 'cli.village.noCodeField', field: 'GHDLBM' } });
    writeFileSync(join(dir, 'GHDLTB.geojson'), '{ not json');
    expect(await refused(dir)).toMatchObject({ key: 'cli.unreadable', params: { file: join(dir, 'GHDLTB.geojson') } });
    writeGeoJson(join(dir, 'GHDLTB.geojson'), [{ GHDLBM: '0103' }]);
    writeFileSync(join(dir, 'broken.xlsx'), 'not a workbook');
    expect(await refused(dir)).toMatchObject({ key: 'cli.unreadable', params: { file: join(dir, 'broken.xlsx'), reasonKey: 'cli.village.notXlsx' } });
  });
});
