import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../domain/features.ts';
import { intersection } from '../geo/overlay.ts';
import { runCli } from './main.ts';
import { haOf, rect, writeLayer, writeWorkbook, type Drawn } from './village-test-support.ts';

const newFolder = () => mkdtempSync(join(tmpdir(), 'village-db-'));

// A homestead (070301) enlarged in the plan at the expense of a dry field (0103), a village road (1207) and an
// urban community service facility (0702) that stay.
const HOME_BASE = rect(120.1, 30.2, 120.101, 30.201);
const FIELD_BASE = rect(120.101, 30.2, 120.103, 30.201);
const HOME_PLAN = rect(120.1, 30.2, 120.1015, 30.201);
const FIELD_PLAN = rect(120.1015, 30.2, 120.103, 30.201);
const ROAD = rect(120.1, 30.201, 120.103, 30.2012);
const SERVICE = rect(120.103, 30.2, 120.1035, 30.2005);
// Permanent basic farmland reaching out of the village: inside, it is this L, its south edge one edge along the
// village's (areas are of great-circle edges, so an edge split in two would enclose a few cm² more).
const PBF = rect(120.1015, 30.2, 120.105, 30.2008);
const PBF_INSIDE: Polygon = {
  type: 'Polygon',
  coordinates: [[[120.1015, 30.2], [120.1035, 30.2], [120.1035, 30.2005], [120.103, 30.2005], [120.103, 30.2008], [120.1015, 30.2008], [120.1015, 30.2]]],
};
const BASE_POPULATION = 120;
const TARGET_POPULATION = 150;

const base = (geometry: AreaGeometry, code: string): Drawn => ({ geometry, properties: { JQDLBM: code } });
const plan = (geometry: AreaGeometry, code: string): Drawn => ({ geometry, properties: { GHDLBM: code } });

/** The village: JQDLTB under CCTool's name in a sub-folder, GHDLTB in lower case, GKBJ, the PBF and the workbook. */
async function village(): Promise<string> {
  const dir = newFolder();
  const database = join(dir, '村庄规划数据库');
  mkdirSync(database);
  writeLayer(database, '现状用地', ['JQDLBM'], [base(HOME_BASE, '070301'), base(FIELD_BASE, '0103'), base(ROAD, '1207'), base(SERVICE, '0702')]);
  writeLayer(database, 'ghdltb', ['GHDLBM', 'BSM'], [plan(HOME_PLAN, '070301'), plan(FIELD_PLAN, '0103'), plan(ROAD, '1207'), plan(SERVICE, '0702')]);
  writeLayer(database, 'GKBJ', ['GKBJLXDM'], [{ geometry: HOME_PLAN, properties: { GKBJLXDM: '0301' } }, { geometry: FIELD_PLAN, properties: { GKBJLXDM: '0201' } }]);
  writeLayer(database, 'YJJBNT', ['BZ'], [{ geometry: PBF, properties: { BZ: '' } }]);
  await writeWorkbook(join(dir, '测试村.xlsx'), [['村庄名称', '测试村'], ['现状人口', BASE_POPULATION], ['规划人口', `${TARGET_POPULATION}人`]]);
  return dir;
}

interface Tables {
  readonly structureTable: { readonly rows: { readonly key: string; readonly kind: string; readonly baseHa: number; readonly targetHa: number; readonly baseShare: number; readonly targetShare: number; readonly changeHa: number }[] };
  readonly indicatorTable: { readonly rows: { readonly number: number; readonly base: number | null; readonly target: number | null }[]; readonly footnotes: { readonly number: number; readonly text: string }[] };
  readonly controlTable: { readonly rows: { readonly key: string; readonly areaHa: number; readonly sharePercent: number | null }[] } | null;
}

async function jsonTables(args: readonly string[], exitCode = 0): Promise<{ code: number; stderr: string; tables: Tables }> {
  const out = await runCli(['tables', '--profile', 'zhejiang-2026', ...args, '--format', 'json']);
  expect(out.code, out.stderr).toBe(exitCode);
  return { code: out.code, stderr: out.stderr, tables: JSON.parse(out.stdout) as Tables };
}

const row = (tables: Tables, key: string) => tables.structureTable.rows.find((r) => r.key === key);
const indicator = (tables: Tables, n: number) => tables.indicatorTable.rows.find((r) => r.number === n);

describe('village-plan tables --profile zhejiang-2026', () => {
  it('fills the structure table from JQDLTB and GHDLTB with ellipsoidal areas, the change and shares summing to 100', async () => {
    const { stderr, tables } = await jsonTables([await village()]);
    expect(stderr).toContain('按用地用海 2023 版编码读取；2020 版请加 --edition 2020');
    const homes = row(tables, '070301');
    expect(homes?.baseHa).toBeCloseTo(haOf(HOME_BASE), 8);
    expect(homes?.targetHa).toBeCloseTo(haOf(HOME_PLAN), 8);
    expect(homes?.changeHa).toBeCloseTo(haOf(HOME_PLAN) - haOf(HOME_BASE), 8);
    const field = row(tables, '01');
    expect(field?.changeHa).toBeCloseTo(haOf(FIELD_PLAN) - haOf(FIELD_BASE), 8);
    expect(row(tables, 'village')?.targetHa).toBeCloseTo(haOf(HOME_PLAN, ROAD), 8);
    expect(row(tables, 'urban')?.baseHa).toBeCloseTo(haOf(SERVICE), 8);
    const total = row(tables, 'total');
    expect(total?.baseHa).toBeCloseTo(haOf(HOME_BASE, FIELD_BASE, ROAD, SERVICE), 8);
    expect(total?.targetHa).toBeCloseTo(haOf(HOME_PLAN, FIELD_PLAN, ROAD, SERVICE), 8);
    const details = tables.structureTable.rows.filter((r) => r.kind === 'detail');
    expect(details.reduce((s, r) => s + r.baseShare, 0)).toBeCloseTo(100, 10);
    expect(details.reduce((s, r) => s + r.targetShare, 0)).toBeCloseTo(100, 10);
    for (const r of tables.structureTable.rows) expect(r.changeHa).toBeCloseTo(r.targetHa - r.baseHa, 12);
  });

  it('computes the indicators with the workbook population and the PBF clipped to the village, and footnotes what it cannot', async () => {
    const { tables } = await jsonTables([await village()]);
    expect(indicator(tables, 3)?.base).toBeCloseTo(haOf(HOME_BASE, ROAD), 8);
    expect(indicator(tables, 3)?.target).toBeCloseTo(haOf(HOME_PLAN, ROAD), 8);
    expect(indicator(tables, 6)?.base).toBeCloseTo((haOf(HOME_BASE, ROAD) * 10_000) / BASE_POPULATION, 6);
    expect(indicator(tables, 6)?.target).toBeCloseTo((haOf(HOME_PLAN, ROAD) * 10_000) / TARGET_POPULATION, 6);
    // Cut parcel by parcel, as the checks cut it: the pieces' edges are great-circle segments split at the
    // parcels' corners, a few cm² off the one drawn L (5e-6 ha = 0.05 m², far below the 指标表's 0.0001 ha).
    expect(indicator(tables, 8)?.base).toBeCloseTo(haOf(PBF_INSIDE), 5);
    expect(indicator(tables, 8)?.target).toBeCloseTo(haOf(PBF_INSIDE), 5);
    expect(indicator(tables, 9)?.target).toBeCloseTo(haOf(FIELD_PLAN), 8);
    expect(indicator(tables, 7)).toMatchObject({ base: null, target: null });
    const notes = tables.indicatorTable.footnotes.map((f) => f.text);
    expect(notes).toContain('注：序号 7 生态保护红线面积：文件夹中没有该图层（STBHHX/生态保护红线），未计算');
    expect(notes).toContain('注：序号 13 自然和文化遗产：现状基期年：村庄工作簿未填“现状自然和文化遗产”，未计算');
    expect(notes).toContain('注：序号 12 大陆自然海岸线保有率：仅沿海村庄填写，未计算');
  });

  it('fills the control table from GKBJ by type, with its 合计', async () => {
    const { tables } = await jsonTables([await village()]);
    const rows = new Map(tables.controlTable?.rows.map((r) => [r.key, r]));
    expect(rows.get('0301')?.areaHa).toBeCloseTo(haOf(HOME_PLAN), 8);
    expect(rows.get('0201')?.areaHa).toBeCloseTo(haOf(FIELD_PLAN), 8);
    expect(rows.get('total')?.areaHa).toBeCloseTo(haOf(HOME_PLAN, FIELD_PLAN), 8);
    expect(rows.get('total')?.sharePercent).toBe(100);
    expect((rows.get('0301')?.sharePercent ?? 0) + (rows.get('0201')?.sharePercent ?? 0)).toBeCloseTo(100, 10);
  });

  it('prints the three tables as CSV, the empty cells footnoted', async () => {
    const out = await runCli(['tables', '--profile', 'zhejiang-2026', await village()]);
    expect(out.code, out.stderr).toBe(0);
    const [structure, indicators, control] = out.stdout.split('\n\n');
    const lines = structure?.split('\n') ?? [];
    expect(lines.slice(0, 4)).toEqual(['规划用地结构调整表', '单位：公顷、%', '类别名称,,,,,,代码,现状基期年,,规划目标年,,面积变化', ',,,,,,,面积,比重,面积,比重,']);
    const change = (haOf(HOME_PLAN) - haOf(HOME_BASE)).toFixed(2);
    expect(lines.find((l) => l.includes(',070301,'))).toMatch(new RegExp(`,070301,${haOf(HOME_BASE).toFixed(2)},[\\d.]+,${haOf(HOME_PLAN).toFixed(2)},[\\d.]+,${change}$`));
    const indicatorLines = indicators?.split('\n') ?? [];
    expect(indicatorLines.slice(0, 3)).toEqual(['规划指标一览表', '序号,指标,属性,单位,现状基期年,规划目标年', '一、村庄发展性指标']);
    expect(indicatorLines).toContain('7,生态保护红线面积,约束性 ≥,公顷,,');
    expect(indicatorLines.find((l) => l.startsWith('3,'))).toMatch(/^3,村庄建设用地规模,预期性,公顷,/);
    expect(control?.split('\n').slice(0, 2)).toEqual(['国土空间管控表', '管控边界类型名称,面积（公顷）,占比（%）']);
    expect(control).toContain(`合计,${haOf(HOME_PLAN, FIELD_PLAN).toFixed(2)},100.00`);
    // Both years' totals are equal: their change is 0.00, never -0.00.
    expect(lines.at(-1)).toMatch(/^总计,.*,0\.00$/);
  });

  it('leaves the control table out, and says so, when the folder has no GKBJ', async () => {
    const dir = newFolder();
    writeLayer(dir, 'JQDLTB', ['JQDLBM'], [base(HOME_BASE, '070301')]);
    writeLayer(dir, 'GHDLTB', ['GHDLBM'], [plan(HOME_PLAN, '070301')]);
    const { stderr, tables } = await jsonTables([dir]);
    expect(tables.controlTable).toBeNull();
    expect(stderr).toContain('文件夹中没有管控边界图层（GKBJ/管控边界）：不输出国土空间管控表');
    expect(stderr).toContain('文件夹中没有村庄信息工作簿');
    expect(indicator(tables, 6)).toMatchObject({ base: null, target: null });
  });

  // GKBJ.shp delivered as the empty template printed a 管控表 of 0.00 in every row, exit 0.
  it('leaves the control table out, and names the file, when GKBJ has no polygon', async () => {
    const dir = newFolder();
    writeLayer(dir, 'JQDLTB', ['JQDLBM'], [base(HOME_BASE, '070301')]);
    writeLayer(dir, 'GHDLTB', ['GHDLBM'], [plan(HOME_PLAN, '070301')]);
    writeLayer(dir, 'GKBJ', ['GKBJLXDM'], []);
    const { stderr, tables } = await jsonTables([dir]);
    expect(tables.controlTable).toBeNull();
    expect(stderr).toContain(`管控边界图层 ${join(dir, 'GKBJ.shp')} 中没有带面图形的要素（空图层）：不输出国土空间管控表，也不按 0 填写`);
    const csv = await runCli(['tables', '--profile', 'zhejiang-2026', dir]);
    expect(csv.stdout).not.toContain('国土空间管控表');
  });

  // GHDLTB delivered in two files: the tables counted the first only, 总计 of the two years apart, exit 0.
  it('exits 1 when a file named after a parcel layer is not read, saying which', async () => {
    const dir = newFolder();
    writeLayer(dir, 'JQDLTB', ['JQDLBM'], [base(HOME_BASE, '070301'), base(FIELD_BASE, '0103')]);
    writeLayer(dir, 'GHDLTB', ['GHDLBM'], [plan(HOME_PLAN, '070301')]);
    writeLayer(dir, 'GHDLTB_2', ['GHDLBM'], [plan(FIELD_PLAN, '0103')]);
    const { stderr } = await jsonTables([dir], 1);
    expect(stderr).toContain(`${join(dir, 'GHDLTB_2.shp')} 不是数据库图层的文件名，未读取，其中的图斑不计入检查和表格。如为 GHDLTB 的一部分，请将各部分合并为一个 GHDLTB 图层后重新读取`);
  });

  it('totals plan parcels clipped to a slanted boundary, vertices jittered by ±0.3 mm, to the sum of the clipped areas', async () => {
    const boundary: Polygon = { type: 'Polygon', coordinates: [[[120.1004, 30.2002], [120.1027, 30.2001], [120.1029, 30.2026], [120.1002, 30.2029], [120.1004, 30.2002]]] };
    // 0.3 mm is about 2.7e-9° of latitude; a fixed sequence keeps the test repeatable.
    let seed = 7;
    const jitter = () => {
      seed = (seed * 16807) % 2147483647;
      return ((seed / 2147483647) * 2 - 1) * 2.7e-9;
    };
    const jittered = (polygon: Polygon): Polygon => {
      const ring = (polygon.coordinates[0] ?? []).slice(0, -1).map(([x, y]) => [(x ?? 0) + jitter(), (y ?? 0) + jitter()] as Position);
      return { type: 'Polygon', coordinates: [[...ring, ring[0] as Position]] };
    };
    const codes = ['0103', '070301', '0301', '070301', '1207', '0103', '0301', '0103', '0702'];
    const clipped: Drawn[] = codes.map((code, i) => {
      const west = 120.1 + (i % 3) * 0.001;
      const south = 30.2 + Math.floor(i / 3) * 0.001;
      const cut = intersection(jittered(rect(west, south, west + 0.001, south + 0.001)), boundary);
      if (!cut.ok || !cut.value) throw new Error('no piece');
      return plan(cut.value, code);
    });
    const dir = newFolder();
    // The base year as one parcel of the boundary's shape: the clipped, jittered plan parcels cover it within
    // the tolerance, so no gap or overlap note, and exit 0.
    writeLayer(dir, 'JQDLTB', ['JQDLBM'], [base(boundary, '0103')]);
    writeLayer(dir, 'GHDLTB', ['GHDLBM'], clipped);
    const { tables, stderr } = await jsonTables([dir]);
    expect(stderr).not.toMatch(/缝隙|重叠/);
    const total = haOf(...clipped.map((c) => c.geometry));
    expect(Math.abs((row(tables, 'total')?.targetHa ?? 0) - total)).toBeLessThan(0.0001);
    const homes = haOf(...clipped.filter((c) => c.properties.GHDLBM === '070301').map((c) => c.geometry));
    expect(Math.abs((row(tables, '070301')?.targetHa ?? 0) - homes)).toBeLessThan(0.0001);
    expect(Math.abs(total - haOf(boundary))).toBeLessThan(0.0001);
  });

  it('exits 1 when parcels overlap (counted twice) or leave a gap (counted nowhere), summing each per layer', async () => {
    const dir = newFolder();
    writeLayer(dir, 'JQDLTB', ['JQDLBM'], [base(HOME_BASE, '070301'), base(FIELD_BASE, '0103')]);
    // GHDLTB: the homes reach 0.0002° into the field (an overlap), and the field stops 0.0001° short of the east edge (a gap).
    const homes = rect(120.1, 30.2, 120.1017, 30.201);
    const field = rect(120.1015, 30.2, 120.1029, 30.201);
    writeLayer(dir, 'GHDLTB', ['GHDLBM'], [plan(homes, '070301'), plan(field, '0103')]);
    const { stderr, tables } = await jsonTables([dir, '--lang', 'en'], 1);
    const overlap = intersection(homes, field);
    if (!overlap.ok || !overlap.value) throw new Error('no overlap');
    const overlapM2 = haOf(overlap.value) * 10_000;
    const gapM2 = haOf(rect(120.1029, 30.2, 120.103, 30.201)) * 10_000;
    const said = (pattern: RegExp) => Number(pattern.exec(stderr)?.[1]?.replace(/,/g, ''));
    expect(said(/GHDLTB has 1 overlap\(s\) between its parcels, ([\d,.]+) m² in all, counted twice/)).toBeCloseTo(overlapM2, 1);
    expect(said(/GHDLTB has 1 gap\(s\) \(land in the village under no parcel\), ([\d,.]+) m² in all/)).toBeCloseTo(gapM2, 1);
    // The tables are still printed, with the overlap in both classes.
    expect(row(tables, 'total')?.targetHa).toBeCloseTo(haOf(homes, field), 8);
  });

  it('reads 2020 codes with --edition 2020: 1313 counts as 1312, and 2302 田坎 as 2303 once (never on to 060102)', async () => {
    const dir = newFolder();
    const utility = rect(120.101, 30.2, 120.1012, 30.2002);
    const ridge = rect(120.1012, 30.2, 120.1013, 30.2002);
    writeLayer(dir, 'JQDLTB', ['JQDLBM'], [base(HOME_BASE, '070301')]);
    writeLayer(dir, 'GHDLTB', ['GHDLBM'], [plan(HOME_BASE, '070301'), plan(utility, '1313'), plan(ridge, '2302')]);
    const { stderr, tables } = await jsonTables([dir, '--edition', '2020']);
    expect(row(tables, '1312')?.targetHa).toBeCloseTo(haOf(utility), 8);
    expect(row(tables, '23')?.targetHa).toBeCloseTo(haOf(ridge), 8);
    expect(row(tables, '060102')).toBeUndefined();
    expect(stderr).toContain('GHDLTB 的 GHDLBM 按 2020 版编码读取，统计时转为 2023 版：1313→1312 ×1, 2302→2303 ×1');
    expect(stderr).not.toContain('2020 版请加 --edition 2020');
  });

  it('exits 2 with a clear message for a missing folder, no GHDLTB, a GHDLTB without GHDLBM, or a bad --edition', async () => {
    const tables = (...args: string[]) => runCli(['tables', '--profile', 'zhejiang-2026', ...args]);
    const missing = join(newFolder(), 'nowhere');
    const gone = await tables(missing);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain(`无法读取 ${missing}：文件或文件夹不存在`);

    const noPlan = newFolder();
    writeLayer(noPlan, 'JQDLTB', ['JQDLBM'], [base(HOME_BASE, '070301')]);
    const withoutPlan = await tables(noPlan);
    expect(withoutPlan.code).toBe(2);
    expect(withoutPlan.stderr).toContain(`无法读取 ${noPlan}：文件夹及其下一级文件夹中没有 GHDLTB/规划用地 图层`);

    writeLayer(noPlan, 'GHDLTB', ['DLBM'], [{ geometry: HOME_BASE, properties: { DLBM: '0702' } }]);
    const noCode = await tables(noPlan);
    expect(noCode.code).toBe(2);
    expect(noCode.stderr).toContain(`无法读取 ${join(noPlan, 'GHDLTB.shp')}：GHDLTB 图层没有编码字段 GHDLBM；现有字段：DLBM`);
    const noCodeEn = await tables(noPlan, '--lang', 'en');
    expect(noCodeEn.stderr).toContain(`Cannot read ${join(noPlan, 'GHDLTB.shp')}: the GHDLTB layer has no code field GHDLBM; its fields: DLBM`);

    const badEdition = await tables(noPlan, '--edition', '2021');
    expect(badEdition.code).toBe(2);
    expect(badEdition.stderr).toContain('--edition 只能是 2020 或 2023');
    expect((await runCli(['tables', noPlan, '--edition', '2020'])).stderr).toContain('--edition 只用于 --profile zhejiang-2026');
  });

  it('counts a code the edition does not have (010100, 0199, 0100) in neither table nor the total, lists it on stderr and exits 1', async () => {
    const dryField = rect(120.1, 30.201, 120.101, 30.202);
    const orchard = rect(120.101, 30.201, 120.102, 30.202);
    const dir = newFolder();
    writeLayer(dir, 'JQDLTB', ['JQDLBM'], [base(HOME_BASE, '010100'), base(FIELD_BASE, '0103'), base(ROAD, '0199'), base(dryField, '0100'), base(orchard, '0201')]);
    writeLayer(dir, 'GHDLTB', ['GHDLBM'], [plan(HOME_BASE, '070301'), plan(FIELD_BASE, '010300'), plan(ROAD, '1207'), plan(dryField, '0103'), plan(orchard, '0201')]);
    const { stderr, tables } = await jsonTables([dir], 1);
    // One 耕地 figure in both tables: the 0103 parcel alone in the base year, dryField alone in the target year.
    expect(row(tables, '01')?.baseHa).toBeCloseTo(haOf(FIELD_BASE), 8);
    expect(indicator(tables, 9)?.base).toBeCloseTo(haOf(FIELD_BASE), 8);
    expect(row(tables, '01')?.targetHa).toBeCloseTo(haOf(dryField), 8);
    expect(indicator(tables, 9)?.target).toBeCloseTo(haOf(dryField), 8);
    expect(row(tables, 'total')?.baseHa).toBeCloseTo(haOf(FIELD_BASE, orchard), 8);
    expect(row(tables, 'total')?.targetHa).toBeCloseTo(haOf(HOME_BASE, ROAD, dryField, orchard), 8);
    const unknownArea = (...g: Polygon[]) => haOf(...g).toFixed(4);
    expect(stderr).toContain(
      `JQDLTB（${join(dir, 'JQDLTB.shp')}）中 3 个图斑（${unknownArea(HOME_BASE, ROAD, dryField)} 公顷）的 JQDLBM 不是用地用海分类 2023 版的编码（按原样读取，不补零、不截断），两表均不计入任何一类，也不计入总计：010100 ×1, 0199 ×1, 0100 ×1；图斑：JQDLTB#1, JQDLTB#3, JQDLTB#4`,
    );
    expect(stderr).toContain(`GHDLTB（${join(dir, 'GHDLTB.shp')}）中 1 个图斑（${unknownArea(FIELD_BASE)} 公顷）的 GHDLBM 不是用地用海分类 2023 版的编码`);
    expect(stderr).toContain(`JQDLTB（${join(dir, 'JQDLTB.shp')}）：2 个图斑，`);
    const csv = await runCli(['tables', '--profile', 'zhejiang-2026', dir, '--lang', 'en']);
    expect(csv.code).toBe(1);
    expect(csv.stderr).toContain('3 parcel(s) of JQDLTB');
    expect(csv.stderr).toContain('have a JQDLBM that is not a code of the 2023 edition of the land and sea use classification (read as written, neither padded nor cut): neither table counts them in any class or in the total: 010100 ×1, 0199 ×1, 0100 ×1');
  });

  it('counts a 2023-only code (1207) in a database declared 2020 in neither table, as check reports it', async () => {
    const dir = newFolder();
    writeLayer(dir, 'JQDLTB', ['JQDLBM'], [base(HOME_BASE, '070301'), base(ROAD, '1207')]);
    writeLayer(dir, 'GHDLTB', ['GHDLBM'], [plan(HOME_BASE, '070301'), plan(ROAD, '060102')]);
    const { stderr, tables } = await jsonTables([dir, '--edition', '2020'], 1);
    expect(row(tables, 'village')?.baseHa).toBeCloseTo(haOf(HOME_BASE), 8);
    expect(indicator(tables, 3)?.base).toBeCloseTo(haOf(HOME_BASE), 8);
    // 2020's 060102 村庄内部道路用地 is 2023's 1207.
    expect(row(tables, 'village')?.targetHa).toBeCloseTo(haOf(HOME_BASE, ROAD), 8);
    expect(stderr).toContain('的 JQDLBM 不是用地用海分类 2020 试行版的编码');
    expect(stderr).toContain('：1207 ×1；图斑：JQDLTB#2');
  });

  it('exits 2 for a GHDLTB or a JQDLTB without a single parcel, as for a missing layer, instead of printing zeros', async () => {
    const dir = newFolder();
    writeLayer(dir, 'JQDLTB', ['JQDLBM'], [base(HOME_BASE, '070301'), base(FIELD_BASE, '0103')]);
    writeLayer(dir, 'GHDLTB', ['GHDLBM', 'GHDLMC'], []);
    const out = await runCli(['tables', '--profile', 'zhejiang-2026', dir]);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(`无法制表：GHDLTB（${join(dir, 'GHDLTB.shp')}）中没有带面图形的图斑（空图层，如尚未绘制的模板），规划目标年的数字无法计算；与缺少该图层时一样，不输出表格，也不按 0 填写\n`);
    const en = await runCli(['tables', '--profile', 'zhejiang-2026', dir, '--lang', 'en']);
    expect(en.stderr).toContain(`Cannot make the tables: GHDLTB (${join(dir, 'GHDLTB.shp')}) has no parcel with a polygon (an empty layer, such as a template not yet drawn), so the target year figures cannot be computed`);

    writeLayer(dir, 'JQDLTB', ['JQDLBM'], []);
    writeLayer(dir, 'GHDLTB', ['GHDLBM'], [plan(HOME_BASE, '070301')]);
    const noBase = await runCli(['tables', '--profile', 'zhejiang-2026', dir]);
    expect(noBase.code).toBe(2);
    expect(noBase.stderr).toContain(`JQDLTB（${join(dir, 'JQDLTB.shp')}）中没有带面图形的图斑`);
    expect(noBase.stderr).toContain('现状基期年的数字无法计算');
  });

  it('speaks English with --lang en', async () => {
    const out = await runCli(['tables', '--profile', 'zhejiang-2026', await village(), '--lang', 'en']);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toContain('Codes read as 用地用海 2023; for the 2020 edition add --edition 2020');
    expect(out.stdout).toContain('Planning indicators\nNo.,Indicator,Attribute,Unit,Base year,Target year\nI. Village development indicators');
    expect(out.stdout).toContain('Land space control table\nControl boundary type,Area (ha),Share (%)');
  });
});
