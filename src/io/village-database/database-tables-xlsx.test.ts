import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { VillageDatabase, VillageLayer } from '../../profiles/zhejiang-2026/village-database.ts';
import { fillStructureTable, type ParcelArea } from '../../profiles/ydyh/fill-structure-table.ts';
import { computeDatabaseTables, type DatabaseTables } from '../../rules/ydyh/database-tables.ts';
import type { OutputFile } from '../files.ts';
import { zhT } from '../package/delivery-test-support.ts';
import { parseVillageDatabaseText } from './database-file.ts';
import { DATABASE_TABLE_FILE_NAMES, databaseTableFiles, nameBlocks, roundedFigure } from './database-tables-xlsx.ts';

type Sheet = ExcelJS.Worksheet;

async function sheetOf(files: readonly OutputFile[], name: string): Promise<Sheet> {
  const file = files.find((f) => f.name === `${name}.xlsx`);
  if (!file) throw new Error(`no ${name}.xlsx among ${files.map((f) => f.name).join(', ')}`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.bytes.buffer.slice(file.bytes.byteOffset, file.bytes.byteOffset + file.bytes.byteLength) as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error(`${name}.xlsx has no sheet`);
  return sheet;
}

const text = (sheet: Sheet, address: string): string => sheet.getCell(address).text;
const p = (code: string, areaM2: number): ParcelArea => ({ code, areaM2 });
/** A figure cell as written: a number (never text) or empty. */
function figure(sheet: Sheet, row: number, column: number): number | null {
  const { value } = sheet.getCell(row, column);
  if (value === null || value === undefined) return null;
  expect(typeof value, `${sheet.name} R${row}C${column}`).toBe('number');
  return value as number;
}
const want = (value: number | null, decimals = 2) => (value === null ? null : roundedFigure(value, decimals));

function sampleVillage(): VillageDatabase {
  const parsed = parseVillageDatabaseText(readFileSync('samples/sample-village-2026.database.json', 'utf8'), 'sample-village-2026.database.json');
  if (!parsed.ok) throw new Error(parsed.error.key);
  return parsed.value;
}

/** The sample edited: ten planned parcels made coarse 0703 and two 1207, no 规划人口, no GKBJ. */
function editedVillage(): VillageDatabase {
  const sample = sampleVillage();
  const ghdltb = sample.layers.GHDLTB as VillageLayer;
  const features = ghdltb.features.map((f, i) => (i < 10 ? { ...f, properties: { ...f.properties, GHDLBM: '0703' } } : i < 12 ? { ...f, properties: { ...f.properties, GHDLBM: '1207' } } : f));
  const layers = { ...sample.layers, GHDLTB: { ...ghdltb, features } };
  delete layers.GKBJ;
  return { ...sample, layers, info: { ...sample.info, targetPopulation: null } };
}

/** Every figure of the three workbooks against the computed tables, rounded as the tables print them. */
async function expectTablesMatch(files: readonly OutputFile[], tables: DatabaseTables) {
  const structure = await sheetOf(files, DATABASE_TABLE_FILE_NAMES.structure);
  const rows = tables.structure.rows.filter((r) => !r.empty);
  expect(structure.rowCount).toBe(5 + rows.length);
  rows.forEach((filled, i) => {
    const r = 6 + i;
    expect(text(structure, `H${r}`)).toBe(filled.row.code ?? '--');
    const { base, baseShare, target, targetShare, change } = filled.printed;
    const written = [9, 10, 11, 12, 13].map((c) => figure(structure, r, c));
    expect(written, filled.row.key).toEqual([base, baseShare, target, targetShare, change].map((v) => want(v)));
    // 尾数平差 moves a figure by a hundredth at most from the unrounded one the checks read.
    const unrounded = [filled.values.base, filled.values.baseShare, filled.values.target, filled.values.targetShare];
    unrounded.forEach((v, c) => (v === null ? expect(written[c]).toBeNull() : expect(Math.abs((written[c] as number) - v), `${filled.row.key} ${c}`).toBeLessThan(0.01 + 1e-9)));
    expect(structure.getCell(r, 9).numFmt).toBe('0.00');
  });
  expectSheetSumsHold(structure, tables);

  const indicators = await sheetOf(files, DATABASE_TABLE_FILE_NAMES.indicators);
  for (const { indicator, base, target } of tables.indicators.results) {
    // Row 4 is the first section's, then its rows; the second section's row comes before #7.
    const r = 4 + indicator.number + (indicator.number >= 7 ? 1 : 0);
    expect(figure(indicators, r, 2)).toBe(indicator.number);
    expect(text(indicators, `C${r}`)).toBe(indicator.zh);
    const decimals = indicator.unit === '处' ? 0 : 2;
    expect([figure(indicators, r, 6), figure(indicators, r, 7)], indicator.zh).toEqual([want(base.value, decimals), want(target.value, decimals)]);
  }
  const footnotes = tables.indicators.footnotes.map((_, i) => text(indicators, `B${19 + i}`));
  expect(footnotes.length).toBe(tables.indicators.footnotes.length);
  for (const line of footnotes) expect(line).toMatch(/^注：序号 \d+ /);

  if (!tables.control) return;
  const control = await sheetOf(files, DATABASE_TABLE_FILE_NAMES.control);
  tables.control.forEach((row, i) => {
    expect(text(control, `B${4 + i}`)).toBe(row.name);
    const written = [figure(control, 4 + i, 3), figure(control, 4 + i, 4)];
    expect(written, row.name).toEqual([want(row.printed.areaHa), want(row.printed.sharePercent)]);
    expect(Math.abs((written[0] as number) - row.areaHa), row.name).toBeLessThan(0.01 + 1e-9);
  });
  // 合计 (the last row) is what SUM over the type rows gives, in both columns.
  const last = 4 + tables.control.length - 1;
  for (const column of [3, 4]) {
    const rowsSum = tables.control.slice(0, -1).reduce((s, _, i) => s + Math.round((figure(control, 4 + i, column) ?? 0) * 100), 0);
    expect(rowsSum, `管控表 column ${column}`).toBe(Math.round((figure(control, last, column) ?? 0) * 100));
  }
}

/**
 * What a reviewer's SUM in Excel finds: each subtotal's written rows (its details, the subtotals within it) add
 * up to the subtotal written, the outermost subtotals to 总计, in every area and share column (the structure
 * table's rows here hold no coarse or ungrouped codes, which would rightly leave a subtotal above its rows).
 */
function expectSheetSumsHold(structure: Sheet, tables: DatabaseTables) {
  const rows = tables.structure.rows.filter((r) => !r.empty);
  const partsOf = (sum: string) => rows.flatMap((r, i) => ((r.row.kind === 'detail' && r.row.within === sum) || (r.row.kind === 'subtotal' && (r.row.within ?? 'total') === sum) ? [6 + i] : []));
  const hundredths = (row: number, column: number) => Math.round((figure(structure, row, column) ?? 0) * 100);
  rows.forEach((filled, i) => {
    if (filled.row.kind === 'detail') return;
    const sum = filled.row.kind === 'subtotal' ? filled.row.computes : 'total';
    if (tables.structure.findings.some((f) => f.kind === 'partsDoNotSum' && f.row === sum)) return;
    for (const column of [9, 10, 11, 12]) {
      expect(partsOf(sum).reduce((s, r) => s + hundredths(r, column), 0), `${sum} column ${column}`).toBe(hundredths(6 + i, column));
    }
  });
}

describe('the 2026 tables as .xlsx', { timeout: 60_000 }, () => {
  const sample = sampleVillage();
  let sampleFiles: OutputFile[] = [];
  beforeAll(async () => {
    sampleFiles = await databaseTableFiles(computeDatabaseTables(sample), zhT);
  });

  it('writes one workbook per table, named for the table', () => {
    expect(sampleFiles.map((f) => f.name)).toEqual(['规划用地结构调整表.xlsx', '规划指标一览表.xlsx', '国土空间管控表.xlsx']);
  });

  it('the sample: every figure a number equal to the computed table, rounded to its decimals', async () => {
    await expectTablesMatch(sampleFiles, computeDatabaseTables(sample));
  });

  it('the 属性 column: the direction each indicator is bound in, the plan\'s own where it set one', async () => {
    const attributes = async (db: VillageDatabase) => {
      const sheet = await sheetOf(await databaseTableFiles(computeDatabaseTables(db), zhT), DATABASE_TABLE_FILE_NAMES.indicators);
      // #1 on row 5, #3 on row 7, #7 and #8 after the second section's row.
      return [5, 7, 12, 13].map((r) => text(sheet, `D${r}`));
    };
    expect(await attributes(sample)).toEqual(['约束性 ≤', '预期性', '约束性 ≥', '约束性 ≥']);
    expect(await attributes({ ...sample, bindings: { '1': 'atLeast', '7': 'none' } })).toEqual(['约束性 ≥', '预期性', '约束性', '约束性 ≥']);
  });

  it('an edited sample: coarse and ungrouped codes, a missing population, no GKBJ and so no 管控表', async () => {
    const tables = computeDatabaseTables(editedVillage());
    expect(tables.indicators.footnotes.some((f) => f.number === 6)).toBe(true);
    const files = await databaseTableFiles(tables, zhT);
    expect(files.map((f) => f.name)).not.toContain('国土空间管控表.xlsx');
    await expectTablesMatch(files, tables);
    const indicators = await sheetOf(files, DATABASE_TABLE_FILE_NAMES.indicators);
    expect(figure(indicators, 10, 7)).toBeNull();
  });

  it('the structure table as its template: title, unit, two header rows merged as in the template, names merged', async () => {
    const sheet = await sheetOf(sampleFiles, DATABASE_TABLE_FILE_NAMES.structure);
    expect(sheet.name).toBe('Sheet1');
    expect(text(sheet, 'B2')).toBe('规划用地结构调整表');
    expect(text(sheet, 'B3')).toBe('单位：公顷、%');
    const masterOf = (address: string) => sheet.getCell(address).master.address;
    expect(['B4', 'G5'].map(masterOf)).toEqual(['B4', 'B4']);
    expect(['H4', 'H5'].map(masterOf)).toEqual(['H4', 'H4']);
    expect([masterOf('J4'), masterOf('I5'), masterOf('J5'), masterOf('M5')]).toEqual(['I4', 'I5', 'J5', 'M4']);
    expect(['B4', 'H4', 'I4', 'I5', 'J5', 'K4', 'M4'].map((a) => text(sheet, a))).toEqual(['类别名称', '代码', '现状基期年', '面积', '比重', '规划目标年', '面积变化']);
    // 非建设用地 is one cell down column B over its rows; 耕地 one cell across C–G.
    expect(text(sheet, 'B6')).toBe('非建设用地');
    const last = sheet.rowCount;
    expect(text(sheet, `B${last}`)).toBe('总计');
    expect(masterOf(`G${last}`)).toBe(`B${last}`);
    const nonConstruction = [...Array(last - 5).keys()].map((i) => 6 + i).filter((r) => masterOf(`B${r}`) === 'B6');
    expect(text(sheet, `C${Math.max(...nonConstruction)}`)).toBe('非建设用地小计');
  });

  it('the indicator and control tables: titles, headers, sections', async () => {
    const indicators = await sheetOf(sampleFiles, DATABASE_TABLE_FILE_NAMES.indicators);
    expect(text(indicators, 'B2')).toBe('规划指标一览表');
    expect(['B3', 'C3', 'D3', 'E3', 'F3', 'G3'].map((a) => text(indicators, a))).toEqual(['序号', '指标', '属性', '单位', '现状基期年', '规划目标年']);
    expect([text(indicators, 'B4'), text(indicators, 'B11')]).toEqual(['一、村庄发展性指标', '二、村庄保护性指标']);
    expect(indicators.getCell('G4').master.address).toBe('B4');
    const control = await sheetOf(sampleFiles, DATABASE_TABLE_FILE_NAMES.control);
    expect(['B2', 'B3', 'C3', 'D3', 'B12'].map((a) => text(control, a))).toEqual(['国土空间管控表', '管控边界类型名称', '面积（公顷）', '占比（%）', '合计']);
    expect(figure(control, 12, 4)).toBe(100);
  });

  it('three parcels of ⅓ ha: the rows a reviewer sums in Excel add up to the 1.00 ha subtotal and 100.00 %, not 0.99 and 99.99', async () => {
    const third = 10_000 / 3;
    const parcels = [p('0201', third), p('0401', third), p('1701', third)];
    const tables = { ...computeDatabaseTables(sample), structure: fillStructureTable(parcels, parcels) };
    const files = await databaseTableFiles(tables, zhT);
    const sheet = await sheetOf(files, DATABASE_TABLE_FILE_NAMES.structure);
    // Rows 6–8 the three classes, 9 非建设用地小计, 10 总计.
    expect([6, 7, 8].map((r) => figure(sheet, r, 9)).sort()).toEqual([0.33, 0.33, 0.34]);
    expect([6, 7, 8].map((r) => figure(sheet, r, 10)).sort()).toEqual([33.33, 33.33, 33.34]);
    expect([figure(sheet, 9, 9), figure(sheet, 10, 10)]).toEqual([1, 100]);
    await expectTablesMatch(files, tables);
  });

  it('the same tables give the same bytes', async () => {
    const again = await databaseTableFiles(computeDatabaseTables(sample), zhT);
    expect(again.map((f) => f.bytes)).toEqual(sampleFiles.map((f) => f.bytes));
  });
});

describe('nameBlocks', () => {
  it('merges a name across its levels and down its rows while its parent cell is the same', () => {
    const grid = [
      ['A', 'x', 'x'],
      ['A', 'y', 'z'],
      ['A', 'y', 'w'],
      ['B', 'y', 'w'],
    ];
    expect(nameBlocks(grid)).toEqual([
      { row: 0, level: 0, height: 3, width: 1 },
      { row: 3, level: 0, height: 1, width: 1 },
      { row: 0, level: 1, height: 1, width: 2 },
      { row: 1, level: 1, height: 2, width: 1 },
      { row: 3, level: 1, height: 1, width: 1 },
      { row: 1, level: 2, height: 1, width: 1 },
      { row: 2, level: 2, height: 1, width: 1 },
      { row: 3, level: 2, height: 1, width: 1 },
    ]);
  });
});
