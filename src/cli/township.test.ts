/**
 * `--township <file>`: a reviewer checks a package against the township plan's tasks and control zones.
 * The package here is the sample's, made by another tool (no 规划参数.json, no township zones), so without
 * the file those checks are "not checked" (exit 0); with it they run, in JSON, in a workbook or as a zones
 * file alone; a file that cannot be used is exit 2 naming it and the reason.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGeos } from '../geo/geos/geos-module.ts';
import { samplePlan } from '../io/package/delivery-test-support.ts';
import { writePackageFolder, type WrittenPackage } from '../io/package/round-trip-support.ts';
import { runCli } from './main.ts';
import { readInput } from './read-input.ts';
import { withTownship } from './township-input.ts';

const TASK_RULES = ['cultivated-land-kept', 'pbf-kept', 'pbf-reserve-task-met', 'construction-total-within-task', 'urban-rural-construction-within-task', 'village-construction-within-task'];

let pkg: WrittenPackage;
let dir: string;
/** Tasks the sample meets: what it must keep set low, what it may not exceed set high (公顷). */
const MET = { cultivatedLand: 100, permanentBasicFarmland: 80, pbfReserve: 0.1, constructionTotal: 500, urbanRuralConstruction: 500, villageConstruction: 500 };

beforeAll(async () => {
  await loadGeos();
  pkg = await writePackageFolder(samplePlan(), ['规划参数.json', 'XJGZQ.geojson', 'XJGZQ.shp', 'XJGZQ.dbf', 'XJGZQ.shx', 'XJGZQ.prj', 'XJGZQ.cpg']);
  dir = mkdtempSync(join(tmpdir(), 'vp-township-'));
  // The township's zones: the sample's own township layer, as the township would hand it over.
  const written = await writePackageFolder(samplePlan());
  copyFileSync(join(written.dir, '3.规划图形数据', 'GeoJSON', 'XJGZQ.geojson'), join(dir, '乡级管制区.geojson'));
  for (const ext of ['shp', 'shx', 'dbf', 'prj', 'cpg']) copyFileSync(join(written.dir, '3.规划图形数据', 'Shapefile', `XJGZQ.${ext}`), join(dir, `XJGZQ.${ext}`));
  written.remove();
}, 120_000);
afterAll(() => pkg.remove());

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

async function workbook(name: string, rows: readonly (readonly unknown[])[], sheetName = '乡级任务'): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow([...row]);
  const path = join(dir, name);
  writeFileSync(path, new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer));
  return path;
}

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1) ?? '';

describe('village-plan check <package> --township <file>', { timeout: 120_000 }, () => {
  it('without it: exit 0, the township checks listed as not checked', async () => {
    const out = await runCli(['check', pkg.dir]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('0 个错误');
    for (const rule of [...TASK_RULES, 'zones-match-township']) expect(out.stdout).toMatch(new RegExp(`未检查  ${rule}  `));
    expect(lastLine(out.stdout)).toMatch(/^未检查 \d+ 项：.*缺少乡级规划下达的耕地保有量任务.*缺少图层“乡级规划管制区”/);
  });

  it('JSON in 公顷 with a zones file: the task and zone checks run, the notes say where each figure came from', async () => {
    const township = file('township.json', { format: 'village-plan-township', version: 1, villageCode: '330421101210', tasksHa: MET, zones: '乡级管制区.geojson' });
    const out = await runCli(['check', pkg.dir, '--township', township]);
    expect(out.stderr).not.toContain('无法');
    expect(out.code).toBe(0);
    for (const rule of [...TASK_RULES, 'zones-match-township']) expect(out.stdout).not.toContain(`  ${rule}  `);
    expect(out.stderr).toContain(`耕地保有量：采用乡级规划文件 ${township} 的 100.00 公顷（成果包中未填写）。`);
    expect(out.stderr).toMatch(/乡级规划管制区：采用 .*乡级管制区\.geojson 的 10 个（裁剪到村域），替换成果包所附的 0 个。/);
    // A task the plan misses is an error: exit 1.
    const strict = file('strict.json', { format: 'village-plan-township', version: 1, tasksM2: { cultivatedLand: 5_000_000 } });
    const missed = await runCli(['check', pkg.dir, '--township', strict, '--format', 'json']);
    expect(missed.code).toBe(1);
    const report = JSON.parse(missed.stdout) as { issues: { rule: string; severity: string }[] };
    expect(report.issues.find((i) => i.rule === 'cultivated-land-kept')).toMatchObject({ severity: 'error' });
    expect(report.issues.find((i) => i.rule === 'pbf-kept')).toMatchObject({ severity: 'notChecked' });
  });

  it('an .xlsx with the sheet 乡级任务 gives the same figures as the JSON', async () => {
    const xlsx = await workbook('乡级任务.xlsx', [
      ['指标', '面积（公顷）'],
      ['耕地保有量', MET.cultivatedLand],
      ['永久基本农田保护面积（公顷）', String(MET.permanentBasicFarmland)],
      ['建设用地总规模', MET.constructionTotal],
      ['城乡建设用地规模', MET.urbanRuralConstruction],
      ['村庄建设用地规模', { formula: '250*2', result: MET.villageConstruction }],
      ['基本农田储备库任务', MET.pbfReserve],
      [],
      ['行政区代码', '330421101210'],
      ['管制区图层', '乡级管制区.geojson'],
    ]);
    const json = file('same.json', { format: 'village-plan-township', version: 1, tasksHa: MET, zones: '乡级管制区.geojson' });
    const input = readInput(pkg.dir, 'zhejiang-2017');
    if (!input.ok) throw new Error(input.error.key);
    const fromXlsx = await withTownship(xlsx, input.value);
    const fromJson = await withTownship(json, input.value);
    if (!fromXlsx.ok || !fromJson.ok) throw new Error(JSON.stringify([fromXlsx, fromJson]));
    expect(fromXlsx.value.plan.meta.quotas).toEqual(fromJson.value.plan.meta.quotas);
    expect(fromXlsx.value.plan.meta.quotas.cultivatedLand).toBe(1_000_000);
    expect(fromXlsx.value.plan.meta.quotas.pbfReserve).toBe(1_000);
    expect(fromXlsx.value.plan.layers.townshipZones).toEqual(fromJson.value.plan.layers.townshipZones);
    expect((await runCli(['check', pkg.dir, '--township', xlsx])).code).toBe(0);
    // tables: F1's 乡级规划下达 column shows the township's figures.
    const tables = JSON.parse((await runCli(['tables', pkg.dir, '--township', xlsx, '--format', 'json'])).stdout) as { F1: { rows: { key: string; cells: Record<string, unknown> }[] } };
    expect(JSON.stringify(tables.F1.rows[0]!.cells)).toContain('100');
  });

  it('a zones file alone; zones reaching beyond the village are clipped to it', async () => {
    const out = await runCli(['check', pkg.dir, '--township', join(dir, '乡级管制区.geojson')]);
    expect(out.stdout).not.toContain('  zones-match-township  ');
    expect(out.stdout).toContain('  cultivated-land-kept  ');
    // A Shapefile (GK zone 40, its .prj and .dbf beside it) gives the same zones.
    const shp = await runCli(['check', pkg.dir, '--township', join(dir, 'XJGZQ.shp')]);
    expect(shp.code).toBe(0);
    expect(shp.stdout).not.toContain('  zones-match-township  ');
    expect(shp.stderr).toMatch(/乡级规划管制区：采用 .*XJGZQ\.shp 的 10 个/);
    const input = readInput(pkg.dir, 'zhejiang-2017');
    if (!input.ok) throw new Error(input.error.key);
    const big = file('big.geojson', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { GZQLXDM: '030' }, geometry: { type: 'Polygon', coordinates: [[[120.6, 30.3], [120.9, 30.3], [120.9, 30.6], [120.6, 30.6], [120.6, 30.3]]] } }] });
    const clipped = await withTownship(big, input.value);
    if (!clipped.ok) throw new Error(clipped.error.key);
    const zones = Object.values(clipped.value.plan.layers.townshipZones);
    expect(zones).toHaveLength(1);
    const boundary = Object.values(input.value.plan.layers.boundary)[0]!;
    const { ellipsoidalArea } = await import('../geo/area.ts');
    expect(ellipsoidalArea(zones[0]!.geometry)).toBeCloseTo(ellipsoidalArea(boundary.geometry), 0);
  });

  it('.xlsx: a unit other than 公顷 in the header or after a task name is converted, not read as 公顷', async () => {
    const input = readInput(pkg.dir, 'zhejiang-2017');
    if (!input.ok) throw new Error(input.error.key);
    const cultivated = async (rows: readonly (readonly unknown[])[]) => {
      const read = await withTownship(await workbook('unit.xlsx', rows), input.value);
      if (!read.ok) throw new Error(JSON.stringify(read.error));
      return read.value.plan.meta.quotas.cultivatedLand;
    };
    // 153.5 公顷 = 1.535 平方公里 = 2302.5 亩 = 1,535,000 平方米 = 153.5 万平方米.
    expect(await cultivated([['指标', '面积（平方公里）'], ['耕地保有量（平方公里）', 1.535]])).toBe(1_535_000);
    expect(await cultivated([['指标', '面积（亩）'], ['耕地保有量', 2302.5]])).toBe(1_535_000);
    expect(await cultivated([['指标', '面积(单位：平方米)'], ['耕地保有量', 1_535_000]])).toBe(1_535_000);
    expect(await cultivated([['指标', '面积/万平方米'], ['耕地保有量', 153.5]])).toBe(1_535_000);
    expect(await cultivated([['指标', '面积（hm²）'], ['耕地保有量（公顷）', '153.5']])).toBe(1_535_000);
    expect(await cultivated([['指标', '面积'], ['耕地保有量（km²）', 1.535]])).toBe(1_535_000);
    expect(await cultivated([['指标', '面积', '单位'], ['耕地保有量', 2302.5, 'mu']])).toBe(1_535_000);
    expect(await cultivated([['指标', '面积（平方米）'], ['耕地保有量', '1,535,000'], [], ['行政区代码', '330421101210']])).toBe(1_535_000);
    // The CLI: 50 平方公里 is 5,000 公顷, far more than the sample's farmland (50 公顷 would be met); the note says the conversion.
    const km2 = await workbook('km2.xlsx', [['指标', '面积（平方公里）'], ['耕地保有量（平方公里）', 50]]);
    const out = await runCli(['check', pkg.dir, '--township', km2]);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/错误 {2}cultivated-land-kept {2}.*少于乡级下达的耕地保有量 50,000,000\.00 m²/);
    expect(out.stderr).toContain(`耕地保有量：乡级规划文件 ${km2} 工作表“乡级任务”第 2 行为 50 平方公里，折合 5,000.00 公顷。`);
  });

  it('.xlsx: an unknown or contradictory unit, a task written twice, a decimal comma: exit 2 naming the row', async () => {
    const cases: [readonly (readonly unknown[])[], RegExp][] = [
      [[['指标', '面积（公顷）'], ['耕地保有量（平方丈）', 1]], /第 2 行（耕地保有量（平方丈））：无法识别的单位“平方丈”，不予换算；可用：公顷、平方公里、亩/],
      [[['指标', '面积（万公顷）'], ['耕地保有量', 1]], /第 1 行（面积（万公顷））：无法识别的单位“万公顷”/],
      [[['指标', '面积', '单位'], ['耕地保有量', 1, '顷']], /第 2 行（耕地保有量）：无法识别的单位“顷”/],
      [[['指标', '面积（公顷）'], ['耕地保有量（亩）', 2302.5]], /第 2 行（耕地保有量）：单位“亩”与第 1 行的“公顷”不一致，无法确定按哪个换算/],
      [[['指标', '面积（公顷）'], ['耕地保有量', 153.5], ['永久基本农田保护面积', 80], ['耕地保有量', 150]], /第 4 行（耕地保有量）与第 2 行重复：每项只能写一行/],
      [[['指标', '面积（公顷）'], ['cultivatedLand', 153.5], ['耕地保有量（公顷）', '']], /第 3 行（耕地保有量）与第 2 行重复/],
      [[['指标', '面积（公顷）'], ['行政区代码', '330421101210'], ['行政区代码', '330421101299'], ['耕地保有量', 1]], /第 3 行（行政区代码）与第 2 行重复/],
      [[['指标', '面积（公顷）'], ['耕地保有量', '153,5']], /第 2 行（耕地保有量）：面积“153,5”中的逗号不能确定是小数点还是千位分隔符/],
      [[['指标', '面积（亩）'], ['耕地保有量', '-5']], /第 2 行（耕地保有量）：面积“-5”不是非负数（亩）/],
      [[['指标', '面积（公顷）'], ['耕地保有量', '0x10']], /第 2 行（耕地保有量）：面积“0x10”不是非负数（公顷）/],
    ];
    for (const [rows, message] of cases) {
      const path = await workbook('refused.xlsx', rows);
      const out = await runCli(['check', pkg.dir, '--township', path]);
      expect(out.code, String(message)).toBe(2);
      expect(out.stderr, String(message)).toMatch(new RegExp(`乡级规划文件 .*refused\\.xlsx 无法使用：工作表“乡级任务”${message.source}`));
    }
    const english = await runCli(['check', pkg.dir, '--township', await workbook('refused.xlsx', [['指标', '面积（公顷）'], ['耕地保有量（平方丈）', 1]]), '--lang', 'en']);
    expect(english.stderr).toMatch(/sheet “乡级任务” row 2 \(耕地保有量（平方丈）\): unknown unit “平方丈”, not converted; known: /);
  });

  it('JSON: a key written twice or tasks in an unread unit field: exit 2', async () => {
    const cases: [string, RegExp][] = [
      [file('dupkey.json', '{"format":"village-plan-township","version":1,"tasksHa":{"cultivatedLand":153.5,"cultivatedLand":150}}'), /JSON 对象 \/tasksHa 中键“cultivatedLand”写了不止一次（JSON 只取最后一个）/],
      [file('dupescaped.json', '{"format":"village-plan-township","version":1,"tasksHa":{"cultivatedLand":153.5,"cultivated\\u004cand":150}}'), /键“cultivatedLand”写了不止一次/],
      [file('duptop.json', '{"format":"village-plan-township","version":1,"villageCode":"330421101210","tasksHa":{"cultivatedLand":1},"villageCode":"330421101299"}'), /JSON 对象 \/ 中键“villageCode”写了不止一次/],
      [file('mu.json', { format: 'village-plan-township', version: 1, tasksMu: { cultivatedLand: 2302.5 }, zones: '乡级管制区.geojson' }), /未知的字段“tasksMu”：任务面积写在 tasksHa（公顷）或 tasksM2（平方米）中/],
    ];
    for (const [path, message] of cases) {
      const out = await runCli(['check', pkg.dir, '--township', path]);
      expect(out.code, path).toBe(2);
      expect(out.stderr, path).toMatch(message);
    }
  });

  it('a Shapefile given: a same-named GeoJSON beside it is not read (the zones not doubled), and a note says so', async () => {
    const beside = mkdtempSync(join(dir, 'beside-'));
    for (const ext of ['shp', 'shx', 'dbf', 'prj', 'cpg']) copyFileSync(join(dir, `XJGZQ.${ext}`), join(beside, `XJGZQ.${ext}`));
    copyFileSync(join(dir, '乡级管制区.geojson'), join(beside, 'XJGZQ.geojson'));
    const shp = join(beside, 'XJGZQ.shp');
    const out = await runCli(['check', pkg.dir, '--township', shp]);
    expect(out.code).toBe(0);
    expect(out.stderr).toContain(`乡级规划管制区：采用 ${shp} 的 10 个`);
    expect(out.stderr).toContain(`${join(beside, 'XJGZQ.geojson')} 与 ${shp} 同名，未读取：只读取给出的 ${shp}。`);
    const input = readInput(pkg.dir, 'zhejiang-2017');
    if (!input.ok) throw new Error(input.error.key);
    const read = await withTownship(shp, input.value);
    if (!read.ok) throw new Error(read.error.key);
    expect(Object.keys(read.value.plan.layers.townshipZones)).toHaveLength(10);
  });

  it('the township file replaces what the package carries, and says so', async () => {
    const full = await writePackageFolder(samplePlan());
    try {
      const township = file('replace.json', { format: 'village-plan-township', version: 1, tasksHa: { cultivatedLand: 100 } });
      const out = await runCli(['check', full.dir, '--township', township]);
      const entered = ((samplePlan().meta.quotas.cultivatedLand ?? 0) / 10_000).toFixed(2);
      expect(out.stderr).toContain(`耕地保有量：采用乡级规划文件 ${township} 的 100.00 公顷，替换成果包中填写的 ${entered} 公顷。`);
      expect(out.stdout).not.toContain('  cultivated-land-kept  ');
    } finally {
      full.remove();
    }
  });

  it('a file that cannot be used: exit 2, naming the file and the reason', async () => {
    const cases: [string, RegExp][] = [
      [join(dir, 'nowhere.json'), /乡级规划文件 .*nowhere\.json 无法使用：文件或文件夹不存在/],
      [file('broken.json', '{"format": "village-plan-township",'), /broken\.json 无法使用：不是有效的 JSON/],
      [file('plan.json', { format: 'village-plan', meta: {} }), /plan\.json 无法使用：不是乡级规划文件/],
      [file('typo.json', { format: 'village-plan-township', version: 1, tasksHa: { cultivated: 100 } }), /typo\.json 无法使用：未知的任务“cultivated”/],
      [file('negative.json', { format: 'village-plan-township', version: 1, tasksHa: { cultivatedLand: -1 } }), /negative\.json 无法使用：任务“cultivatedLand”的值 -1 不是非负数（公顷）/],
      [file('both.json', { format: 'village-plan-township', version: 1, tasksHa: {}, tasksM2: {} }), /tasksHa（公顷）和 tasksM2（平方米）只能给出一个/],
      [file('newer.json', { format: 'village-plan-township', version: 9, tasksHa: { cultivatedLand: 1 } }), /由较新版本的编辑器写出/],
      [file('empty.json', { format: 'village-plan-township', version: 1 }), /既没有乡级规划下达任务，也没有管制区/],
      [file('other.json', { format: 'village-plan-township', version: 1, villageCode: '330421101299', tasksHa: { cultivatedLand: 1 } }), /文件是行政区代码 330421101299 的村的，要检查的是 330421101210/],
      [file('nozones.json', { format: 'village-plan-township', version: 1, zones: 'missing.geojson' }), /missing\.geojson 无法使用：文件或文件夹不存在/],
      [file('badzone.geojson', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { GZQLXDM: '099' }, geometry: { type: 'Polygon', coordinates: [[[120.74, 30.45], [120.75, 30.45], [120.75, 30.46], [120.74, 30.45]]] } }] }), /badzone\.geojson 无法使用：1 个管制区的类型代码（GZQLXDM）无效，例如 #1 GZQLXDM="099"/],
      [file('fake.xlsx', 'not a workbook'), /fake\.xlsx 无法使用：不是有效的 Excel 工作簿/],
      [await workbook('nosheet.xlsx', [['耕地保有量', 1]], 'Sheet1'), /nosheet\.xlsx 无法使用：没有“乡级任务”工作表（工作簿中有：Sheet1）/],
      [await workbook('badrow.xlsx', [['指标', '面积（公顷）'], ['耕地保有亮', 1]]), /工作表“乡级任务”第 2 行：无法识别的指标“耕地保有亮”/],
      [await workbook('badcell.xlsx', [['指标', '面积（公顷）'], ['耕地保有量', '很多']]), /工作表“乡级任务”第 2 行（耕地保有量）：面积“很多”不是非负数（公顷）/],
    ];
    for (const [path, message] of cases) {
      const out = await runCli(['check', pkg.dir, '--township', path]);
      expect(out.code, path).toBe(2);
      expect(out.stdout, path).toBe('');
      expect(out.stderr, path).toMatch(message);
    }
    const english = await runCli(['check', pkg.dir, '--township', join(dir, 'typo.json'), '--lang', 'en']);
    expect(english.stderr).toMatch(/Cannot use the township file .*typo\.json: unknown task “cultivated”; known: cultivatedLand, /);
    expect((await runCli(['check', pkg.dir, '--township'])).code).toBe(2);
  });
});
