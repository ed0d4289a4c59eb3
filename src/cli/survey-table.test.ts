import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../domain/features.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { intersection } from '../geo/overlay.ts';
import { formatParam } from '../rules/render.ts';
import { gk } from '../io/crs/source-crs.ts';
import { writeShapefile } from '../io/formats/shapefile-write.ts';
import { runCli } from './main.ts';

type Properties = Readonly<Record<string, string>>;

/** A square parcel `size` degrees wide with its south-west corner at (lon, lat), near 湖州 (GK zone 40). */
function square(lon: number, lat: number, size = 0.001): Polygon {
  return { type: 'Polygon', coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]] };
}

const feature = (geometry: AreaGeometry, properties: Properties): Feature<AreaGeometry, Properties> => ({ type: 'Feature', geometry, properties });

function writeGeoJson(name: string, features: readonly Feature<AreaGeometry, Properties>[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'village-survey-')), name);
  writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features }));
  return path;
}

interface JsonRow {
  readonly key: string;
  readonly code: string | null;
  readonly baseHa: number;
  readonly baseShare: number | null;
}

async function jsonTable(args: readonly string[]): Promise<{ code: number; stderr: string; rows: Map<string, JsonRow> }> {
  const out = await runCli([...args, '--format', 'json']);
  const rows = out.stdout ? new Map((JSON.parse(out.stdout).rows as JsonRow[]).map((r) => [r.key, r])) : new Map<string, JsonRow>();
  return { code: out.code, stderr: out.stderr, rows };
}

const haOf = (...geometries: AreaGeometry[]) => geometries.reduce((sum, g) => sum + ellipsoidalArea(g), 0) / 10_000;

// Two homesteads, a field, a village road (待细分 1006) and an orchard, side by side.
const HOMES = [square(120.1, 30.2), square(120.101, 30.2, 0.0005)];
const FIELD = square(120.102, 30.2, 0.002);
const ROAD = square(120.1, 30.201, 0.0003);
const DLTB = [
  feature(HOMES[0] as Polygon, { DLBM: '0702', DLMC: '农村宅基地', TBBH: '1' }),
  feature(HOMES[1] as Polygon, { DLBM: '0702', DLMC: '农村宅基地', TBBH: '2' }),
  feature(FIELD, { DLBM: '0101', DLMC: '水田', TBBH: '3' }),
  feature(ROAD, { DLBM: '1006', DLMC: '农村道路', TBBH: '4' }),
];

describe('village-plan survey-table', () => {
  const geojson = writeGeoJson('DLTB.geojson', DLTB);

  it('counts 三调 0702 homesteads in 村庄建设用地 as 0703, with ellipsoidal areas, and says it avoided the trap', async () => {
    const { code, stderr, rows } = await jsonTable(['survey-table', geojson, '--decide', '1006=060101']);
    expect(code, stderr).toBe(0);
    expect(rows.get('village')?.baseHa).toBeCloseTo(haOf(...HOMES), 10);
    expect(rows.get('urban')).toBeUndefined();
    expect(rows.get('01')?.baseHa).toBeCloseTo(haOf(FIELD), 10);
    expect(rows.get('total')?.baseHa).toBeCloseTo(haOf(...HOMES, FIELD, ROAD), 10);
    expect(stderr).toContain('三调 0702 农村宅基地 → 用地用海 0703 农村宅基地：2 个图斑');
    expect(stderr).toContain('用地用海的 0702 城镇社区服务设施用地 是另一地类');
    expect(stderr).toContain('0703 农村宅基地 比表中明细行粗');
  });

  it('takes a finer homestead class for 三调 0702 with --decide, so 0703 is no longer too coarse for the table', async () => {
    const { code, stderr, rows } = await jsonTable(['survey-table', geojson, '--decide', '1006=060101', '--decide', '0702=070301']);
    expect(code, stderr).toBe(0);
    expect(rows.get('070301')?.baseHa).toBeCloseTo(haOf(...HOMES), 10);
    expect(rows.get('village')?.baseHa).toBeCloseTo(haOf(...HOMES), 10);
    expect(stderr).not.toContain('比表中明细行粗');
  });

  it('exits 1 and names the 待细分 code left undecided, counted as its first-level class', async () => {
    const { code, stderr, rows } = await jsonTable(['survey-table', geojson]);
    expect(code).toBe(1);
    expect(stderr).toContain('待细分：三调 1006 农村道路，1 个图斑');
    expect(stderr).toContain('可选：060101 村道用地、060102 田间道；用 --decide 1006=<编码> 指定');
    expect(rows.get('060101')).toBeUndefined();
    expect(rows.get('nonConstruction')?.baseHa).toBeCloseTo(haOf(FIELD, ROAD), 10);
  });

  it('exits 0 with --decide and fills the chosen row', async () => {
    const csv = await runCli(['survey-table', geojson, '--decide=1006=060101']);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stderr).toContain('三调 1006 农村道路 按 --decide 转为 060101 村道用地');
    const [title, unit, top, bottom, ...rows] = csv.stdout.trimEnd().split('\n');
    expect([title, unit]).toEqual(['规划用地结构调整表', '单位：公顷、%']);
    expect(top).toBe('类别名称,,,,,,代码,现状基期年,,规划目标年,,面积变化');
    expect(bottom).toBe(',,,,,,,面积,比重,面积,比重,');
    const road = rows.find((r) => r.includes(',060101,'));
    expect(road).toMatch(new RegExp(`^非建设用地,农业设施建设用地,农业设施建设用地,农村道路,农村道路,村道用地,060101,${haOf(ROAD).toFixed(2)},\\d+\\.\\d\\d,,,$`));
    // 比重 with 尾数平差 (the shares add up to 100.00): within a hundredth of the share of the GDAL-checked areas.
    const roadShare = Number(road?.split(',')[8]);
    expect(Math.abs(roadShare - (100 * haOf(ROAD)) / haOf(...HOMES, FIELD, ROAD))).toBeLessThan(0.01);
    expect(rows.at(-1)).toBe(`总计,总计,总计,总计,总计,总计,,${haOf(...HOMES, FIELD, ROAD).toFixed(2)},100.00,,,`);
    // Rows with no land are left out, as the template deletes them.
    expect(rows.some((r) => r.includes(',0102,'))).toBe(false);
  });

  it('reports an unknown code with its area and counts it in no row, total included', async () => {
    const path = writeGeoJson('DLTB.json', [...DLTB, feature(square(120.104, 30.2), { DLBM: '0199', DLMC: '水田', TBBH: '9' })]);
    const { code, stderr, rows } = await jsonTable(['survey-table', path, '--decide', '1006=060101']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/未知的三调地类编码“0199”：1 个图斑，[\d.]+ 公顷，未计入表中任何一行（含总计）：9/);
    expect(rows.get('total')?.baseHa).toBeCloseTo(haOf(...HOMES, FIELD, ROAD), 10);
  });

  it('exits 2 for a --decide that is not a candidate, badly written, or decided twice', async () => {
    const notCandidate = await runCli(['survey-table', geojson, '--decide', '1006=1207']);
    expect(notCandidate.code).toBe(2);
    expect(notCandidate.stderr).toContain('--decide 1006=1207：1207 不是三调 1006 的可选地类；可选：060101 村道用地、060102 田间道');
    expect(notCandidate.stdout).toBe('');
    const notRefine = await runCli(['survey-table', geojson, '--decide', '0101=0102']);
    expect(notRefine.code).toBe(2);
    expect(notRefine.stderr).toContain('三调 0101 不需要细分，固定转为 0101 水田');
    const notFiner = await runCli(['survey-table', geojson, '--decide', '0702=0702']);
    expect(notFiner.code).toBe(2);
    expect(notFiner.stderr).toContain('0702 不是三调 0702 的可选地类；可选：070301 一类农村宅基地、070302 二类农村宅基地');
    const syntax = await runCli(['survey-table', geojson, '--decide', '1006']);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toContain('--decide 应写作 <三调编码>=<用地用海编码>');
    const twice = await runCli(['survey-table', geojson, '--decide', '1006=060101', '--decide', '1006=060102']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('给 1006 指定了两个地类');
  });

  it('exits 2 naming the file and the reason for a missing or unusable layer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'village-survey-'));
    const missing = join(dir, 'DLTB.shp');
    const out = await runCli(['survey-table', missing]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(`无法读取 ${missing}：文件或文件夹不存在`);
    const noCode = writeGeoJson('zones.geojson', [feature(square(120.1, 30.2), { GZQLXDM: '010' })]);
    const noCodeOut = await runCli(['survey-table', noCode, '--lang', 'en']);
    expect(noCodeOut.code).toBe(2);
    expect(noCodeOut.stderr).toContain(`Cannot read ${noCode}: no land-class code field DLBM`);
    const csv = join(dir, 'DLTB.csv');
    writeFileSync(csv, 'DLBM\n0101\n');
    expect((await runCli(['survey-table', csv])).stderr).toContain('不是 Shapefile（.shp）或 GeoJSON（.geojson、.json）图层');
    expect((await runCli(['survey-table', geojson, '--township', 'x.json'])).code).toBe(2);
  });

  it('speaks English with --lang en', async () => {
    const out = await runCli(['survey-table', geojson, '--lang', 'en']);
    expect(out.code).toBe(1);
    expect(out.stdout.split('\n').slice(0, 4)).toEqual(['Land use structure adjustment table', '"Unit: ha, %"', 'Class,,,,,,Code,Base year,,Target year,,Change', ',,,,,,,Area,Share,Area,Share,']);
    expect(out.stderr).toContain('Land survey 0702 Rural homestead → 用地用海 0703 Rural homestead: 2 parcel(s)');
    expect(out.stderr).toContain('To be refined: land survey 1006 Rural roads, 1 parcel(s)');
    expect(out.stderr).toContain('No plan yet: only the base year is filled');
  });

  it('reads a projected Shapefile with GBK names (.prj in Gauss-Krüger, .cpg 936) to the same ellipsoidal areas', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'village-survey-'));
    const fields = [
      { name: 'DLBM', type: 'C', length: 5, decimals: 0 },
      { name: 'DLMC', type: 'C', length: 60, decimals: 0 },
      { name: 'TBBH', type: 'C', length: 8, decimals: 0 },
    ] as const;
    // One homestead named as the 用地用海 class its code would be misread as: the name must come back whole.
    const mislabelled = { ...DLTB[1], properties: { DLBM: '0702', DLMC: '城镇社区服务设施用地', TBBH: '2' } };
    const features = [DLTB[0], mislabelled, DLTB[2], DLTB[3]].map((f) => ({ geometry: f?.geometry as Polygon, properties: f?.properties ?? {} }));
    const written = writeShapefile({ name: 'DLTB', geometryType: 'polygon', fields, features }, { encoding: 'gbk', date: new Date(Date.UTC(2026, 0, 1)) });
    if (!written.ok) throw new Error(written.error.key);
    for (const file of written.value) writeFileSync(join(dir, file.name), file.bytes);
    expect(readFileSync(join(dir, 'DLTB.cpg'), 'utf8')).toBe('936');
    expect(readFileSync(join(dir, 'DLTB.prj'), 'utf8')).toContain('Gauss_Kruger');

    const { code, stderr, rows } = await jsonTable(['survey-table', join(dir, 'DLTB.shp'), '--decide', '1006=060101']);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('1 个编码为 0702（农村宅基地）的图斑名称为“城镇社区服务设施用地”');
    // Through GK and back: the same areas to well under a square centimetre per parcel.
    expect(rows.get('village')?.baseHa).toBeCloseTo(haOf(...HOMES), 8);
    expect(rows.get('060101')?.baseHa).toBeCloseTo(haOf(ROAD), 8);
    expect(rows.get('total')?.baseHa).toBeCloseTo(haOf(...HOMES, FIELD, ROAD), 8);
  });

  // A layer in GK zone 40 without the zone number and without a .prj (CAD, old tools): the zone is a guess.
  // The note says how to give the CRS on the command line: with --crs.
  it('takes the CRS from --crs for a Shapefile without .prj, and its guess note names the option', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'village-survey-'));
    const fields = [{ name: 'DLBM', type: 'C', length: 5, decimals: 0 }, { name: 'JQDLBM', type: 'C', length: 6, decimals: 0 }, { name: 'GHDLBM', type: 'C', length: 6, decimals: 0 }] as const;
    const features = DLTB.map((f) => ({ geometry: f.geometry as Polygon, properties: { ...f.properties, JQDLBM: '0101', GHDLBM: '0101' } }));
    for (const name of ['DLTB', 'JQDLTB', 'GHDLTB']) {
      const written = writeShapefile({ name, geometryType: 'polygon', fields, features }, { crs: gk({ zone: 40, zonePrefix: false }), encoding: 'utf-8' });
      if (!written.ok) throw new Error(written.error.key);
      for (const file of written.value) if (!file.name.endsWith('.prj')) writeFileSync(join(dir, file.name), file.bytes);
    }
    const shp = join(dir, 'DLTB.shp');
    const guessed = await jsonTable(['survey-table', shp, '--decide', '1006=060101']);
    expect(guessed.stderr).toContain('的坐标没有带号，暂按 EPSG:4549');
    expect(guessed.stderr).toContain('请用 --crs EPSG:<代码> 指定正确的带');
    expect(guessed.rows.get('total')?.baseHa).toBeCloseTo(haOf(...HOMES, FIELD, ROAD), 8);

    const given = await jsonTable(['survey-table', shp, '--decide', '1006=060101', '--crs', 'EPSG:4549', '--lang', 'en']);
    expect(given.code, given.stderr).toBe(0);
    expect(given.stderr).not.toContain('judged from the coordinates');
    expect(given.stderr).not.toContain('zone number');
    expect(given.rows.get('total')?.baseHa).toBeCloseTo(haOf(...HOMES, FIELD, ROAD), 8);
    const bad = await runCli(['survey-table', shp, '--crs', 'EPSG:3857']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--crs 只能是 EPSG:4490');

    // The database commands take --crs too, and their note says so.
    const database = await runCli(['tables', '--profile', 'zhejiang-2026', dir, '--lang', 'en']);
    expect(database.stderr).toContain('give the right zone with --crs EPSG:<code>');
    const databaseGiven = await runCli(['tables', '--profile', 'zhejiang-2026', dir, '--crs', 'EPSG:4549', '--lang', 'en']);
    expect(databaseGiven.stderr).not.toContain('zone number');
  });

  it('totals parcels clipped to a separately drawn village boundary', async () => {
    // A 3 × 3 grid of survey parcels, 0.001° each, and a boundary drawn across them: a slanted quadrilateral.
    const codes = ['0101', '0702', '0301', '0702', '1006', '0101', '0301', '0101', '0702'];
    const boundary: Polygon = { type: 'Polygon', coordinates: [[[120.1004, 30.2002], [120.1027, 30.2001], [120.1029, 30.2026], [120.1002, 30.2029], [120.1004, 30.2002]]] };
    const clipped: Feature<AreaGeometry, Properties>[] = [];
    codes.forEach((code, i) => {
      const cut = intersection(square(120.1 + (i % 3) * 0.001, 30.2 + Math.floor(i / 3) * 0.001), boundary);
      if (!cut.ok) throw new Error(cut.error);
      if (cut.value) clipped.push(feature(cut.value, { DLBM: code, TBBH: String(i + 1) }));
    });
    expect(clipped).toHaveLength(9);
    const path = writeGeoJson('DLTB-clipped.geojson', clipped);
    const { code, stderr, rows } = await jsonTable(['survey-table', path, '--decide', '1006=060102']);
    expect(code, stderr).toBe(0);
    const total = haOf(...clipped.map((f) => f.geometry));
    expect(rows.get('total')?.baseHa).toBeCloseTo(total, 10);
    expect(total).toBeLessThan(haOf(square(120.1, 30.2, 0.003)));
    expect(rows.get('village')?.baseHa).toBeCloseTo(haOf(...clipped.filter((f) => f.properties.DLBM === '0702').map((f) => f.geometry)), 10);
  });

  it('restores the leading zero of codes in a numeric DLBM field (101 is 0101 水田), saying so', async () => {
    const numeric = DLTB.map((f) => ({ ...f, properties: { ...f.properties, DLBM: Number(f.properties.DLBM) } }));
    const path = join(mkdtempSync(join(tmpdir(), 'village-survey-')), 'DLTB.geojson');
    writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features: numeric }));
    const { code, stderr, rows } = await jsonTable(['survey-table', path, '--decide', '1006=060101']);
    expect(code, stderr).toBe(0);
    expect(rows.get('village')?.baseHa).toBeCloseTo(haOf(...HOMES), 10);
    expect(rows.get('01')?.baseHa).toBeCloseTo(haOf(FIELD), 10);
    expect(stderr).toContain('的地类编码字段 DLBM 是数值字段，三调编码的前导零已丢失，已补回（如 101 → 0101、9 → 09）：3 个图斑（1, 2, 3）');
    expect(stderr).not.toContain('未知的三调地类编码');
  });

  it('leaves a numeric 二调 field as written: 101 铁路用地 and 203 村庄 are not 三调 0101 水田 and 0203 橡胶园', async () => {
    const erdiao = [['101', '铁路用地'], ['203', '村庄'], ['102', '公路用地'], ['11', '水田']];
    const numeric = DLTB.map((f, i) => ({ ...f, properties: { TBBH: f.properties.TBBH, DLBM: Number(erdiao[i]?.[0]), DLMC: erdiao[i]?.[1] } }));
    const path = join(mkdtempSync(join(tmpdir(), 'village-survey-')), 'DLTB.geojson');
    writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features: numeric }));
    const { code, stderr, rows } = await jsonTable(['survey-table', path]);
    expect(code).toBe(1);
    expect(stderr).not.toContain('已补回');
    expect(stderr).toContain('未知的三调地类编码“101”');
    expect(stderr).toContain('未知的三调地类编码“203”');
    expect(rows.get('01')).toBeUndefined();
    expect(rows.get('02')).toBeUndefined();
  });

  it('counts a self-crossing parcel (a bow-tie, whose halves cancel to 0 m² as read) and a part stored twice by their repaired outlines, saying so', async () => {
    const [x, y, d] = [120.106, 30.2, 0.001];
    const bowTie: Polygon = { type: 'Polygon', coordinates: [[[x, y], [x + d, y + d], [x + d, y], [x, y + d], [x, y]]] };
    const halves = [
      { type: 'Polygon', coordinates: [[[x, y], [x + d / 2, y + d / 2], [x, y + d], [x, y]]] },
      { type: 'Polygon', coordinates: [[[x + d, y], [x + d, y + d], [x + d / 2, y + d / 2], [x + d, y]]] },
    ] satisfies Polygon[];
    const twice: AreaGeometry = { type: 'MultiPolygon', coordinates: [square(x + 0.002, y).coordinates, square(x + 0.002, y).coordinates] };
    // An unclosed ring (some GeoJSON writers leave it open) is closed without a word: its area does not change.
    const unclosed: Polygon = { type: 'Polygon', coordinates: [square(x + 0.004, y).coordinates[0]?.slice(0, -1) ?? []] };
    const path = writeGeoJson('DLTB.geojson', [...DLTB, feature(bowTie, { DLBM: '0103', DLMC: '旱地', TBBH: '7' }), feature(twice, { DLBM: '0103', DLMC: '旱地', TBBH: '8' }), feature(unclosed, { DLBM: '0103', DLMC: '旱地', TBBH: '9' })]);
    expect(ellipsoidalArea(bowTie)).toBeLessThan(1);
    const { code, stderr, rows } = await jsonTable(['survey-table', path, '--decide', '1006=060101']);
    expect(code, stderr).toBe(0);
    expect(rows.get('01')?.baseHa).toBeCloseTo(haOf(FIELD, ...halves, square(x + 0.002, y), square(x + 0.004, y)), 6);
    expect(stderr).toContain(`2 个图斑的图形无效（自相交、部件重叠等）`);
    expect(stderr).toContain(`读入 ${formatParam('areaHa', haOf(bowTie, twice))} 公顷，修复后 ${formatParam('areaHa', haOf(...halves, square(x + 0.002, y)))} 公顷（7, 8）`);
  });

  it('exits 2 for a layer without a polygon parcel instead of printing a table of zeros', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'village-survey-'));
    const written = writeShapefile({ name: 'DLTB', geometryType: 'polygon', fields: [{ name: 'DLBM', type: 'C', length: 5, decimals: 0 }], features: [] }, { encoding: 'utf-8' });
    if (!written.ok) throw new Error(written.error.key);
    for (const file of written.value) writeFileSync(join(dir, file.name), file.bytes);
    const empty = await runCli(['survey-table', join(dir, 'DLTB.shp')]);
    expect(empty.code).toBe(2);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toContain('图层中没有一个面图斑（共 0 条记录），无法填写现状基期年');
    const nullGeometry = join(dir, 'DLTB.geojson');
    writeFileSync(nullGeometry, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null, properties: { DLBM: '0101' } }] }));
    const out = await runCli(['survey-table', nullGeometry, '--lang', 'en']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('the layer has no polygon parcel (1 record(s))');
  });

  it('refuses a 用地用海 layer with a DLBM field, whose 0702 and 1001 would be read as 三调 homesteads and railways', async () => {
    const path = writeGeoJson('GHDLTB.geojson', [
      feature(HOMES[0] as Polygon, { DLBM: '070301', TBBH: '1' }),
      feature(HOMES[1] as Polygon, { DLBM: '0702', TBBH: '2' }),
      feature(FIELD, { DLBM: '1001', TBBH: '3' }),
      feature(ROAD, { DLBM: '060101', TBBH: '4' }),
    ]);
    const out = await runCli(['survey-table', path]);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('地类编码是用地用海编码（060101, 070301），不是三调编码');
    // A 三调 layer with one stray 用地用海 code is read, the code listed as unknown.
    const stray = writeGeoJson('DLTB.geojson', [...DLTB, feature(square(120.104, 30.2), { DLBM: '070301', TBBH: '9' })]);
    const read = await runCli(['survey-table', stray, '--decide', '1006=060101']);
    expect(read.code).toBe(1);
    expect(read.stderr).toContain('未知的三调地类编码“070301”');
  });

  describe('overlapping parcels, as county exports sometimes hold them', () => {
    /** `polygon` with every vertex moved by ±0.3 mm (≈ 2.7e-9° of latitude), as a copy snapped in another session is. */
    const jittered = (polygon: Polygon): Polygon => ({
      type: 'Polygon',
      // The closing position moved as the first: the ring stays closed.
      coordinates: polygon.coordinates.map((ring) => ring.map(([x = 0, y = 0], i) => [x + ((i % (ring.length - 1)) % 2 ? 3e-9 : -3e-9), y + ((i % (ring.length - 1)) % 3 ? -2.7e-9 : 2.7e-9)])),
    });
    const withBsm = DLTB.map((f, i) => feature(f.geometry, { ...f.properties, BSM: String(1001 + i) }));

    it('names a parcel stored twice (jittered ±0.3 mm, same attributes, another BSM) and the area counted twice, keeping the total', async () => {
      const copy = feature(jittered(FIELD), { DLBM: '0101', DLMC: '水田', TBBH: '3', BSM: '1099' });
      const path = writeGeoJson('DLTB.geojson', [...withBsm, copy]);
      const { code, stderr, rows } = await jsonTable(['survey-table', path, '--decide', '1006=060101']);
      expect(code, stderr).toBe(0);
      // The total is not changed silently: the copy is counted, and the note says by how much.
      expect(rows.get('01')?.baseHa).toBeCloseTo(2 * haOf(FIELD), 8);
      expect(rows.get('total')?.baseHa).toBeCloseTo(haOf(...HOMES, FIELD, ROAD, FIELD), 8);
      const pair = /中有 1 对重复图斑（图形相差不到 1 毫米，除标识码外属性相同：同一图斑存了两次）：3 \(BSM 1003\) × 3 \(BSM 1099\): ([\d,.]+) m²。/.exec(stderr);
      // The overlap of the jittered copy: the field less at most 0.3 mm along its 800 m outline.
      expect(Math.abs(Number(pair?.[1]?.replaceAll(',', '')) - haOf(FIELD) * 10_000), stderr).toBeLessThan(0.3);
            expect(stderr).toContain(`重复的 ${formatParam('areaHa', haOf(FIELD))} 公顷计入了两次`);
      expect(stderr).not.toContain('相互重叠');
      const en = await runCli(['survey-table', path, '--decide', '1006=060101', '--lang', 'en']);
      expect(en.stderr).toContain('holds 1 pair(s) of duplicate parcels');
    });

    it('names a re-digitised parcel left in across two homesteads, with the area each pair shares and the area counted twice', async () => {
      // Straddles the two homesteads' shared edge at 120.101°E.
      const redrawn = square(120.1008, 30.2001, 0.0004);
      const path = writeGeoJson('DLTB.geojson', [...DLTB, feature(redrawn, { DLBM: '0702', DLMC: '农村宅基地', TBBH: '5' })]);
      const out = await runCli(['survey-table', path, '--decide', '1006=060101', '--format', 'json']);
      expect(out.code, out.stderr).toBe(0);
      expect(out.stderr).toMatch(/中有 2 对图斑相互重叠：1 × 5: [\d.]+ m², 2 × 5: [\d.]+ m²。/);
      expect(out.stderr).toContain(`重叠的 ${formatParam('areaHa', haOf(redrawn))} 公顷计入了两次（总计亦然）`);
      const json = JSON.parse(out.stdout) as { rows: JsonRow[]; overlapping: { doubleCountedM2: number; pairs: { parcels: string[]; areaM2: number; duplicate: boolean }[] } };
      expect(json.overlapping.doubleCountedM2).toBeCloseTo(ellipsoidalArea(redrawn), 1);
      expect(json.overlapping.pairs.map((p) => [p.parcels, p.duplicate])).toEqual([[['1', '5'], false], [['2', '5'], false]]);
      expect(json.rows.find((r) => r.key === 'total')?.baseHa).toBeCloseTo(haOf(...HOMES, FIELD, ROAD, redrawn), 8);
    });

    it('says nothing of neighbours jittered by ±0.3 mm along their shared edges', async () => {
      const path = writeGeoJson('DLTB.geojson', DLTB.map((f, i) => feature(i % 2 ? jittered(f.geometry as Polygon) : f.geometry, f.properties)));
      const { code, stderr } = await jsonTable(['survey-table', path, '--decide', '1006=060101']);
      expect(code, stderr).toBe(0);
      expect(stderr).not.toMatch(/重叠|重复图斑/);
    });
  });

  it('says when the parcels lie in several villages (a township export), by ZLDWDM even read as a number', async () => {
    // Two 村民小组 of 东村 and one parcel of 西村; GDAL writes an Integer64 ZLDWDM as a bare JSON number, whose last digits a double loses.
    const located = [
      { ZLDWDM: '3305230012010000001', ZLDWMC: '东村' },
      { ZLDWDM: '3305230012010000002', ZLDWMC: '东村' },
      { ZLDWDM: '3305230012020000000', ZLDWMC: '西村' },
      { ZLDWDM: '3305230012010000001', ZLDWMC: '东村' },
    ];
    const features = DLTB.map((f, i) => ({ ...f, properties: { ...f.properties, ...located[i] } }));
    const path = join(mkdtempSync(join(tmpdir(), 'village-survey-')), 'DLTB.geojson');
    writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features }).replace(/"ZLDWDM":"(\d+)"/g, '"ZLDWDM":$1'));
    const { code, stderr, rows } = await jsonTable(['survey-table', path, '--decide', '1006=060101']);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('的图斑分属 2 个村（坐落单位代码 ZLDWDM 前 12 位；括号内为图斑数）：330523001201 东村 (3), 330523001202 西村 (1)。表中为全部图斑的合计');
    expect(rows.get('total')?.baseHa).toBeCloseTo(haOf(...HOMES, FIELD, ROAD), 10);
    // One village in two 村民小组 is one village.
    const oneVillage = writeGeoJson('DLTB.geojson', DLTB.map((f, i) => feature(f.geometry, { ...f.properties, ZLDWDM: `33052300120100000${i % 2}1`, ZLDWMC: '东村' })));
    expect((await runCli(['survey-table', oneVillage, '--decide', '1006=060101'])).stderr).not.toContain('个村（坐落单位代码');
  });

  it('says which parcels the 城镇村属性码 CZCSXM would put in the other of 城镇/村庄建设用地, grouping by code all the same', async () => {
    const flat = square(120.104, 30.2, 0.0005);
    const features = [
      { ...DLTB[0], properties: { ...DLTB[0]?.properties, CZCSXM: 202 } },
      { ...DLTB[1], properties: { ...DLTB[1]?.properties, CZCSXM: '202A' } },
      { ...DLTB[2], properties: { ...DLTB[2]?.properties, CZCSXM: 202 } },
      { ...DLTB[3], properties: { ...DLTB[3]?.properties, CZCSXM: '203' } },
      { type: 'Feature', geometry: flat, properties: { DLBM: '0701', DLMC: '城镇住宅用地', TBBH: '5', CZCSXM: '203' } },
    ];
    const path = join(mkdtempSync(join(tmpdir(), 'village-survey-')), 'DLTB.geojson');
    writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features }));
    const { code, stderr, rows } = await jsonTable(['survey-table', path, '--decide', '1006=060101']);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain(`2 个图斑的城镇村属性码 CZCSXM 为 201/202（城市、建制镇），按地类编码计入“村庄建设用地”，${formatParam('areaHa', haOf(...HOMES))} 公顷`);
    expect(stderr).toContain(`1 个图斑的城镇村属性码 CZCSXM 为 203（村庄），按地类编码计入“城镇建设用地”，${formatParam('areaHa', haOf(flat))} 公顷`);
    // The table itself groups by code, as the Zhejiang template does.
    expect(rows.get('village')?.baseHa).toBeCloseTo(haOf(...HOMES), 10);
    expect(rows.get('urban')?.baseHa).toBeCloseTo(haOf(flat), 10);
  });

  describe('a DLTB exported with field aliases (地类编码 …), GBK without .cpg', () => {
    const fixture = 'tests/fixtures/io/survey-dltb/aliases-gbk';
    // Ellipsoidal areas by GDAL's SpatiaLite dialect (the fixture's README), in m².
    const m2 = { '0101': 9099.97905583718, '0702': 899.99793400625, '0301': 2799.99347002093, '1104': 399.999067581337, '0102': 1599.99634546993, '1006': 239.999446501403 };

    it('fills the table from the Chinese field names, holes and parts counted once', async () => {
      const { code, stderr, rows } = await jsonTable(['survey-table', join(fixture, 'DLTB.shp'), '--decide', '1006=060101']);
      expect(code, stderr).toBe(0);
      expect(rows.get('01')?.baseHa).toBeCloseTo((m2['0101'] + m2['0102']) / 10_000, 6);
      expect(rows.get('03')?.baseHa).toBeCloseTo(m2['0301'] / 10_000, 6);
      expect(rows.get('village')?.baseHa).toBeCloseTo(m2['0702'] / 10_000, 6);
      expect(rows.get('060101')?.baseHa).toBeCloseTo(m2['1006'] / 10_000, 6);
      expect(rows.get('total')?.baseHa).toBeCloseTo(Object.values(m2).reduce((a, b) => a + b) / 10_000, 6);
      // No import preview to switch the encoding in: the note says what does it here.
      expect(stderr).toContain('“DLTB.dbf”没有 .cpg 编码文件，根据内容判断为 GBK。如文字为乱码，请在 .dbf 旁放一个同名 .cpg 文件');
      expect(stderr).not.toContain('请切换编码');
    });

    it('refuses a Xian 1980 layer saying how to go on from the command line, where no parameters can be typed', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'village-survey-'));
      for (const part of ['shp', 'shx', 'dbf']) copyFileSync(join(fixture, `DLTB.${part}`), join(dir, `DLTB.${part}`));
      // As ogr2ogr -a_srs EPSG:2385 writes it.
      writeFileSync(
        join(dir, 'DLTB.prj'),
        'PROJCS["Xian_1980_3_Degree_GK_CM_120E",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]',
      );
      const out = await runCli(['survey-table', join(dir, 'DLTB.shp')]);
      expect(out.code).toBe(2);
      expect(out.stderr).toContain('西安80');
      expect(out.stderr).toContain('命令行无法输入');
      expect(out.stderr).not.toContain('请在下方输入');
      expect((await runCli(['survey-table', join(dir, 'DLTB.shp'), '--lang', 'en'])).stderr).toContain('which the command line cannot take');
    });

    it('names --crs when the .prj says lon/lat and the numbers are Gauss-Krüger metres', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'village-survey-'));
      for (const part of ['shp', 'shx', 'dbf']) copyFileSync(join(fixture, `DLTB.${part}`), join(dir, `DLTB.${part}`));
      // As ogr2ogr -a_srs EPSG:4490 writes it.
      writeFileSync(join(dir, 'DLTB.prj'), 'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]');
      const refused = await runCli(['survey-table', join(dir, 'DLTB.shp')]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('请用 --crs 指定图层的坐标系');
      const given = await jsonTable(['survey-table', join(dir, 'DLTB.shp'), '--crs', 'EPSG:4528', '--decide', '1006=060101']);
      expect(given.code, given.stderr).toBe(0);
      expect(given.rows.get('total')?.baseHa).toBeCloseTo(Object.values(m2).reduce((a, b) => a + b) / 10_000, 6);
    });

    it('reads the DLTB of a folder, as ogr2ogr exports a File Geodatabase, and refuses the .gdb itself saying how to export it', async () => {
      const root = mkdtempSync(join(tmpdir(), 'village-survey-'));
      const out = join(root, 'out');
      const gdb = join(root, '三调.gdb');
      mkdirSync(out);
      mkdirSync(gdb);
      for (const part of ['shp', 'shx', 'dbf', 'prj']) copyFileSync(join(fixture, `DLTB.${part}`), join(out, `DLTB.${part}`));
      writeFileSync(join(gdb, 'a00000001.gdbtable'), '');
      const folder = await jsonTable(['survey-table', out, '--decide', '1006=060101']);
      expect(folder.code, folder.stderr).toBe(0);
      expect(folder.rows.get('total')?.baseHa).toBeCloseTo(Object.values(m2).reduce((a, b) => a + b) / 10_000, 6);
      const refused = await runCli(['survey-table', gdb]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('是 File Geodatabase（.gdb），本工具不读取 .gdb');
      expect(refused.stderr).not.toContain('不存在');
      expect((await runCli(['survey-table', mkdtempSync(join(tmpdir(), 'village-survey-'))])).stderr).toContain('文件夹中没有地类图斑图层 DLTB');
    });
  });
});
