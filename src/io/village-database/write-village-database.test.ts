import { readFileSync } from 'node:fs';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../../geo/area.ts';
import { isValidAreaGeometry } from '../../geo/validity.ts';
import { DATABASE_LAYERS } from '../../profiles/zhejiang-2026/layers.ts';
import { NO_VILLAGE_INFO, type VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import { cell, database, feature, parcels } from '../../rules/ydyh/test-support.ts';
import type { OutputFile } from '../files.ts';
import { importFiles } from '../formats/index.ts';
import { zhT } from '../package/delivery-test-support.ts';
import { readZip } from '../zip/zip-read.ts';
import { parseVillageDatabaseText } from './database-file.ts';
import { readVillageDatabaseFiles } from './read-village-files.ts';
import { villageXzqdm, writeVillageDatabasePackage, zipVillageDatabasePackage, type VillageDatabaseWriteOptions } from './write-village-database.ts';

const DATE = new Date(Date.UTC(2026, 0, 1));
const ZLDWDM = '3301060010010000000';
const KEPT_BSM = '33010600100100000007';

/** A village: its outline, two base parcels, three planned ones (one with a BSM, one 弹性, one with a field the layer lacks), a facility and a reference layer. */
function village(): VillageDatabase {
  return database({
    CJDCQ: [feature('CJDCQ#1', cell(0, 0, 0.004), { ZLDWDM, ZLDWMC: '示例村', CZLX: '集聚提升类', JSMJ: '170000.5' })],
    JQDLTB: parcels('JQDLTB', 'JQDLBM', ['0103', '070301'], { ZLDWDM, JQDLMC: '旱地', SJNF: 2020 }),
    GHDLTB: [
      feature('GHDLTB#1', cell(0), { GHDLBM: '0103', GHDLMC: '旱地', BSM: KEPT_BSM, SSBJLX: 'Z' }),
      feature('GHDLTB#2', cell(1), { GHDLBM: '070301', GHDLMC: '农村宅基地', SSBJLX: 'T', YSDM: '2003020210', GHDLMJ: 10_712.34 }),
      feature('GHDLTB#3', cell(2), { GHDLBM: '1207', BSM: KEPT_BSM, 规划人: '张三' }),
    ],
    GHGGJCSSD: [feature('GHGGJCSSD#1', { type: 'Point', coordinates: [120.1005, 30.2005] }, { GHSSLXDM: '01', GHSSLXMC: '村委会' })],
    YJJBNT: [feature('YJJBNT#1', cell(0))],
  });
}

async function written(db: VillageDatabase, options: VillageDatabaseWriteOptions = { format: 'shapefile', date: DATE, t: zhT }) {
  const result = await writeVillageDatabasePackage(db, options);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result;
}

/** A layer's files as the formats read them, named without the folder. */
function imported(files: readonly OutputFile[], layer: string) {
  const own = files.filter((f) => f.name.startsWith(`村庄规划数据库/${layer}.`)).map((f) => ({ name: f.name.split('/')[1] as string, bytes: f.bytes }));
  const read = importFiles(own);
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  return read.value[0] as NonNullable<(typeof read.value)[0]>;
}

async function readBack(files: readonly OutputFile[]) {
  const read = await readVillageDatabaseFiles(files.map((f) => ({ path: f.name, bytes: f.bytes })), 'ydyh-2023');
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  return read.value;
}

const areaOf = (geometry: unknown) => ellipsoidalArea(geometry as Polygon | MultiPolygon);

/** Each feature's code and area by BSM, for comparing a database with its files read back. */
function codesAndAreas(db: VillageDatabase, layer: 'JQDLTB' | 'GHDLTB', bsms: readonly string[]) {
  const field = layer === 'JQDLTB' ? 'JQDLBM' : 'GHDLBM';
  return (db.layers[layer]?.features ?? []).map((f, i) => ({ bsm: bsms[i], code: f.properties[field], area: areaOf(f.geometry) }));
}

describe('writeVillageDatabasePackage', () => {
  it('writes one Shapefile per database layer in 村庄规划数据库/, not the reference layers', async () => {
    const { value: files, notes } = await written(village());
    const names = files.map((f) => f.name);
    for (const layer of ['CJDCQ', 'CJDCQJX', 'JQDLTB', 'GHDLTB', 'GHGGJCSSD']) {
      for (const part of ['shp', 'shx', 'dbf', 'prj', 'cpg']) expect(names).toContain(`村庄规划数据库/${layer}.${part}`);
    }
    expect(names.some((n) => n.includes('YJJBNT'))).toBe(false);
    expect(notes).toContainEqual({ key: 'villageDb.write.referenceLayersLeftOut', params: { layers: 'YJJBNT' } });
    expect(new TextDecoder().decode(files.find((f) => f.name === '村庄规划数据库/GHDLTB.cpg')?.bytes)).toBe('936');
  });

  it('gives each layer exactly its declared fields, in order, with their types and widths', async () => {
    const { value: files } = await written(village());
    for (const name of ['CJDCQ', 'JQDLTB', 'GHDLTB', 'GHGGJCSSD']) {
      const declared = DATABASE_LAYERS.find((l) => l.name === name)?.fields ?? [];
      const fields = imported(files, name).fields;
      expect(fields.map((f) => f.name)).toEqual(declared.map((f) => f.name));
      for (const [i, field] of declared.entries()) {
        const got = fields[i];
        if (field.type === 'String') expect(got).toMatchObject({ kind: 'text', width: Math.min(field.length, 254) });
        else if (field.type === 'Double') expect(got).toMatchObject({ kind: 'real', width: 16, decimals: 2 });
        else if (field.type === 'Single') expect(got).toMatchObject({ kind: 'real', width: 6, decimals: 4 });
        else expect(got).toMatchObject({ kind: 'integer', width: 6 });
      }
    }
  });

  it('fills YSDM, keeps a valid BSM once and makes the others from the village XZQDM, blanks T but not Z', async () => {
    const db = village();
    expect(villageXzqdm(db)).toBe('330106001001');
    const { value: files, notes } = await written(db);
    const rows = imported(files, 'GHDLTB').features.map((f) => f.properties);
    expect(rows.map((r) => r.YSDM)).toEqual(['2003020210', '2003020210', '2003020210']);
    expect(rows.map((r) => r.BSM)).toEqual([KEPT_BSM, '33010600100100000001', '33010600100100000002']);
    expect(rows.map((r) => r.SSBJLX)).toEqual(['Z', '', '']);
    expect(notes).toContainEqual({ key: 'villageDb.write.madeBsm', params: { layer: 'GHDLTB', count: 2, xzqdm: '330106001001', features: 'GHDLTB#2, GHDLTB#3' } });
    expect(notes).toContainEqual({ key: 'villageDb.write.filledYsdm', params: { layer: 'GHDLTB', field: 'YSDM', value: '2003020210', count: 2 } });
    expect(notes).toContainEqual({ key: 'villageDb.write.blanked', params: { layer: 'GHDLTB', field: 'SSBJLX', values: 'T', count: 1 } });
  });

  it('writes GHDLMJ, MJ and JSMJ as the shape’s area whatever the field held (公顷, 亩, nothing, a number as text), saying how many changed', async () => {
    const m2 = (geometry: unknown) => Math.round(areaOf(geometry) * 100) / 100;
    const db = database({
      CJDCQ: [feature('CJDCQ#1', cell(0, 0, 0.004), { ZLDWDM, JSMJ: '17.05' })],
      GHDLTB: [
        feature('GHDLTB#1', cell(0), { GHDLBM: '0103', GHDLMJ: 1.07 }),
        feature('GHDLTB#2', cell(1), { GHDLBM: '0103', GHDLMJ: 16.07 }),
        feature('GHDLTB#3', cell(2), { GHDLBM: '0103' }),
        feature('GHDLTB#4', cell(3), { GHDLBM: '0103', GHDLMJ: String(m2(cell(3))) }),
      ],
      GKBJ: [feature('GKBJ#1', cell(0, 0, 0.004), { GKBJLXDM: '0201', MJ: 0 })],
    });
    for (const format of ['shapefile', 'geojson'] as const) {
      const { value: files, notes } = await written(db, { format, date: DATE, t: zhT });
      expect(imported(files, 'GHDLTB').features.map((f) => f.properties.GHDLMJ)).toEqual([0, 1, 2, 3].map((i) => m2(cell(i))));
      expect(imported(files, 'CJDCQ').features[0]?.properties.JSMJ).toBe(m2(cell(0, 0, 0.004)));
      expect(imported(files, 'GKBJ').features[0]?.properties.MJ).toBe(m2(cell(0, 0, 0.004)));
      expect(notes).toContainEqual({ key: 'villageDb.write.areaFromShape', params: { layer: 'GHDLTB', field: 'GHDLMJ', count: 3 } });
      expect(notes).toContainEqual({ key: 'villageDb.write.areaFromShape', params: { layer: 'CJDCQ', field: 'JSMJ', count: 1 } });
    }
  });

  it('writes CJDCQJX, made from the CJDCQ outlines (a shared boundary once), with the spec’s fields, in both formats, and reads it back', async () => {
    const survey = [0, 1].map((i) => feature(`CJDCQ#${i + 1}`, cell(i), { ZLDWDM, ZLDWMC: '示例村' }));
    const db = database({ CJDCQ: survey, JQDLTB: parcels('JQDLTB', 'JQDLBM', ['0103'], { ZLDWDM }), GHDLTB: parcels('GHDLTB', 'GHDLBM', ['0103']) });
    const spec = DATABASE_LAYERS.find((l) => l.name === 'CJDCQJX')!;
    for (const format of ['shapefile', 'geojson'] as const) {
      const { value: files, notes } = await written(db, { format, date: DATE, t: zhT });
      const lines = imported(files, 'CJDCQJX');
      expect(lines.fields.map((f) => f.name)).toEqual(['BSM', 'YSDM', 'JXLX', 'JXXZ', 'JXSM', 'BZ']);
      // Two adjacent cells: the west outline, the shared side and the east outline, 7 sides in all, not 8.
      expect(lines.features.map((f) => f.geometry?.type)).toEqual(['LineString', 'LineString', 'LineString']);
      for (const { properties } of lines.features) {
        expect(properties).toMatchObject({ YSDM: spec.ysdm, JXLX: '670500', JXXZ: '600001' });
        expect(String(properties.BSM)).toMatch(new RegExp(`^${ZLDWDM.slice(0, 12)}\\d{8}$`));
        expect([properties.JXSM ?? '', properties.BZ ?? '']).toEqual(['', '']);
      }
      expect(notes).toContainEqual({ key: 'villageDb.write.derivedBoundaryLines', params: { layer: 'CJDCQJX', from: 'CJDCQ', count: 3 } });
      expect(notes).toContainEqual({ key: 'villageDb.write.filledConstant', params: { layer: 'CJDCQJX', field: 'JXLX', value: '670500', count: 3 } });
      const back = await readBack(files);
      expect(back.layers.CJDCQJX?.features.map((f) => f.geometry?.type)).toEqual(['LineString', 'LineString', 'LineString']);
    }
  });

  it('writes a CJDCQJX the database holds as it is, a multi-part line as one feature', async () => {
    const [x, y] = cell(0).coordinates[0]![0] as [number, number];
    const held = feature('CJDCQJX#1', { type: 'MultiLineString', coordinates: [[[x, y], [x + 0.001, y]], [[x, y + 0.001], [x + 0.001, y + 0.001]]] }, { JXSM: '与邻村界线' });
    const db = database({ CJDCQ: [feature('CJDCQ#1', cell(0), { ZLDWDM })], JQDLTB: parcels('JQDLTB', 'JQDLBM', ['0103'], { ZLDWDM }), CJDCQJX: [held] });
    const { value: files, notes } = await written(db);
    const lines = imported(files, 'CJDCQJX');
    expect(lines.features.map((f) => [f.geometry?.type, f.properties.JXSM])).toEqual([['MultiLineString', '与邻村界线']]);
    expect(notes.map((n) => n.key)).not.toContain('villageDb.write.derivedBoundaryLines');
  });

  it('leaves out the fields a layer does not declare, with one note per layer', async () => {
    const { value: files, notes } = await written(village());
    expect(imported(files, 'GHDLTB').fields.map((f) => f.name)).not.toContain('规划人');
    expect(notes.filter((n) => n.key === 'villageDb.write.undeclaredFields')).toEqual([{ key: 'villageDb.write.undeclaredFields', params: { layer: 'GHDLTB', fields: '规划人' } }]);
  });

  it('refuses a text too long for its field, naming layer, feature, field and limit', async () => {
    const long = '很长的村名'.repeat(7);
    const db = database({ CJDCQ: [feature('CJDCQ#1', cell(0), { ZLDWDM, ZLDWMC: long })] });
    const shapefile = await writeVillageDatabasePackage(db, { format: 'shapefile', t: zhT });
    expect(shapefile).toEqual({ ok: false, error: { key: 'villageDb.write.textTooLong', params: { layer: 'CJDCQ', feature: 'CJDCQ#1', field: 'ZLDWMC', limit: 60, size: 70 } } });
    // Characters in GeoJSON, as the gdb counts them: 35 fit in 60.
    expect((await writeVillageDatabasePackage(db, { format: 'geojson', t: zhT })).ok).toBe(true);
    const utf8 = await writeVillageDatabasePackage(database({ CJDCQ: [feature('CJDCQ#1', cell(0), { ZLDWDM, ZLDWMC: '很长的村名'.repeat(5) })] }), { format: 'shapefile', encoding: 'utf-8', t: zhT });
    expect(utf8.ok ? null : utf8.error.params).toMatchObject({ limit: 60, size: 75 });
  });

  it('refuses a number field holding text, and a database without any of its layers', async () => {
    const db = database({ JQDLTB: parcels('JQDLTB', 'JQDLBM', ['0103'], { ZLDWDM, TBMJ: '约 300' }) });
    expect(await writeVillageDatabasePackage(db, { format: 'shapefile', t: zhT })).toEqual({ ok: false, error: { key: 'villageDb.write.notANumber', params: { layer: 'JQDLTB', feature: 'JQDLTB#1', field: 'TBMJ', value: '约 300' } } });
    expect(await writeVillageDatabasePackage(database({ YJJBNT: [feature('YJJBNT#1', cell(0))] }), { format: 'shapefile', t: zhT })).toEqual({ ok: false, error: { key: 'villageDb.write.noLayers' } });
  });

  it('refuses to make a BSM without a 12-digit ZLDWDM', async () => {
    const result = await writeVillageDatabasePackage(database({ GHDLTB: parcels('GHDLTB', 'GHDLBM', ['0103']) }), { format: 'geojson', t: zhT });
    expect(result).toEqual({ ok: false, error: { key: 'villageDb.write.noXzqdm', params: { layer: 'GHDLTB', feature: 'GHDLTB#1' } } });
  });

  it('GeoJSON: lon/lat, the same properties, one file per layer', async () => {
    const { value: files } = await written(village(), { format: 'geojson', t: zhT });
    expect(files.map((f) => f.name).filter((n) => n.startsWith('村庄规划数据库/') && n.endsWith('.geojson')).sort()).toEqual(['CJDCQ', 'CJDCQJX', 'GHDLTB', 'GHGGJCSSD', 'JQDLTB'].map((n) => `村庄规划数据库/${n}.geojson`));
    const json = JSON.parse(new TextDecoder().decode(files.find((f) => f.name.endsWith('GHDLTB.geojson'))?.bytes)) as { features: { properties: Record<string, unknown>; geometry: Polygon }[] };
    expect(Object.keys(json.features[1]?.properties ?? {})).toEqual(DATABASE_LAYERS.find((l) => l.name === 'GHDLTB')?.fields.map((f) => f.name));
    expect(json.features[1]?.properties).toMatchObject({ BSM: '33010600100100000001', YSDM: '2003020210', SSBJLX: null, GHDLMJ: 10_674.5 });
    expect(json.features[0]?.geometry.coordinates[0]?.[0]).toEqual([120.1, 30.2]);
  });

  it('puts the three tables as .xlsx in 表格/, in both formats; no 管控表 without a GKBJ, with a note', async () => {
    const tables = ['表格/规划用地结构调整表.xlsx', '表格/规划指标一览表.xlsx'];
    for (const format of ['shapefile', 'geojson'] as const) {
      const { value: files, notes } = await written(village(), { format, date: DATE, t: zhT });
      expect(files.filter((f) => f.name.startsWith('表格/')).map((f) => f.name)).toEqual(tables);
      expect(notes).toContainEqual({ key: 'villageDb.write.noControlTable', params: {} });
    }
    const db = village();
    const withGkbj = { ...db, layers: { ...db.layers, GKBJ: database({ GKBJ: [feature('GKBJ#1', cell(0), { GKBJLXDM: '0201', GKBJLXMC: '一般农业空间' })] }).layers.GKBJ } };
    const { value: files, notes } = await written(withGkbj);
    expect(files.filter((f) => f.name.startsWith('表格/')).map((f) => f.name)).toEqual([...tables, '表格/国土空间管控表.xlsx']);
    expect(notes).not.toContainEqual({ key: 'villageDb.write.noControlTable', params: {} });
  });

  it('writes the village information and the allocations where the readers take them, so checks and tables on the folder see them', async () => {
    const db = { ...village(), allocations: { 1: 12.5, 9: 3.25 } };
    for (const format of ['shapefile', 'geojson'] as const) {
      const { value: files } = await written(db, { format, date: DATE, t: zhT });
      expect(files.map((f) => f.name)).toContain('村庄规划数据库/村庄信息.xlsx');
      const back = await readBack(files);
      expect(back.info, format).toEqual(db.info);
      expect(back.allocations, format).toEqual(db.allocations);
      // The database folder alone, as `check --profile zhejiang-2026 村庄规划数据库/` opens it.
      expect((await readBack(files.filter((f) => f.name.startsWith('村庄规划数据库/')))).info).toEqual(db.info);
    }
    const unknown = await readBack((await written({ ...db, info: NO_VILLAGE_INFO, allocations: {} })).value);
    expect([unknown.info, unknown.allocations]).toEqual([NO_VILLAGE_INFO, {}]);
  });

  it('reads an empty layer back as an empty layer, in both formats (a GeoJSON without features names no fields)', async () => {
    const db = database({ JQDLTB: parcels('JQDLTB', 'JQDLBM', ['0103'], { ZLDWDM }), GHDLTB: parcels('GHDLTB', 'GHDLBM', ['0103']), GKBJ: [] });
    for (const format of ['shapefile', 'geojson'] as const) {
      const back = await readBack((await written(db, { format, date: DATE, t: zhT })).value);
      expect(back.layers.GKBJ?.features, format).toEqual([]);
    }
  });

  it('GeoJSON keeps every coordinate as the database holds it: vertices 0.06 mm apart stay apart and the parcel stays valid', async () => {
    // A notch whose tip comes within 0.06 mm of a vertex of the opposite edge, as a GKBJ dissolved from parcels
    // jittered by reprojection has by the thousand: on a 1e-9° grid (0.1 mm) the two become one point and the
    // ring touches itself.
    const [x, y] = [120.1005, 30.2];
    const notched: Polygon = {
      type: 'Polygon',
      coordinates: [[[120.1, y], [x, y - 2e-10], [120.101, y], [120.101, 30.201], [120.10051, 30.201], [x, y + 3e-10], [120.10049, 30.201], [120.1, 30.201], [120.1, y]]],
    };
    expect(isValidAreaGeometry(notched)).toBe(true);
    const db = database({ JQDLTB: parcels('JQDLTB', 'JQDLBM', ['0103'], { ZLDWDM }), GHDLTB: [feature('GHDLTB#1', notched, { GHDLBM: '0103' })] });
    const back = await readBack((await written(db, { format: 'geojson', t: zhT })).value);
    const geometry = back.layers.GHDLTB?.features[0]?.geometry as Polygon;
    expect(geometry).toEqual(notched);
    expect(isValidAreaGeometry(geometry)).toBe(true);
  });

  it('reads back through the editor’s reader with the same codes and areas (within 0.01 m²), in both formats and zipped', async () => {
    const db = village();
    for (const format of ['shapefile', 'geojson'] as const) {
      const back = await readBack((await written(db, { format, date: DATE, t: zhT })).value);
      for (const layer of ['JQDLTB', 'GHDLTB'] as const) {
        const bsms = (back.layers[layer]?.features ?? []).map((f) => String(f.properties.BSM));
        const got = codesAndAreas(back, layer, bsms);
        codesAndAreas(db, layer, bsms).forEach((want, i) => {
          expect(got[i]?.code).toBe(want.code);
          expect(Math.abs((got[i]?.area ?? 0) - want.area)).toBeLessThan(0.01);
        });
      }
    }
    const zip = await zipVillageDatabasePackage(db, { format: 'shapefile', date: DATE, t: zhT });
    if (!zip.ok) throw new Error(zip.error.key);
    const members = readZip({ name: 'v.zip', bytes: zip.value });
    expect(members.ok && members.value.files.some((f) => f.name === 'v.zip/村庄规划数据库/GHDLTB.dbf')).toBe(true);
    expect(members.ok && members.value.files.some((f) => f.name === 'v.zip/表格/规划指标一览表.xlsx')).toBe(true);
    expect((await readBack([{ name: '示例村数据库.zip', bytes: zip.value }])).layers.GHDLTB?.features.length).toBe(3);
  });
});

describe('the committed 2026 sample village', () => {
  const parsed = parseVillageDatabaseText(readFileSync('samples/sample-village-2026.database.json', 'utf8'), 'sample-village-2026.database.json');
  if (!parsed.ok) throw new Error(parsed.error.key);
  const sample = parsed.value;

  it('round-trips every parcel’s code and area through its Shapefiles', { timeout: 60_000 }, async () => {
    const { value: files, notes } = await written(sample);
    // The sample holds no CJDCQJX: its lines are made from CJDCQ, and their BSMs with them.
    expect(notes.filter((n) => n.key === 'villageDb.write.madeBsm' && n.params?.layer !== 'CJDCQJX')).toEqual([]);
    const back = await readBack(files);
    for (const layer of ['JQDLTB', 'GHDLTB'] as const) {
      const bsms = (sample.layers[layer]?.features ?? []).map((f) => String(f.properties.BSM));
      const want = codesAndAreas(sample, layer, bsms);
      const got = codesAndAreas(back, layer, bsms);
      expect(got.map((r) => r.code)).toEqual(want.map((r) => r.code));
      const worst = Math.max(...want.map((r, i) => Math.abs(r.area - (got[i]?.area ?? 0))));
      expect(worst, layer).toBeLessThan(0.01);
    }
  });
});
