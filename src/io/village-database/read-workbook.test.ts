import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readVillageWorkbook } from './read-workbook.ts';

type Rows = readonly (readonly [string, string | number])[];

/** A village workbook: sheet1 with the village's name, and the `上级下达` sheet with the given rows. */
async function workbook(allocations: Rows): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('sheet1').addRow(['村庄名称', '测试村']);
  const sheet = book.addWorksheet('上级下达');
  sheet.addRow(['指标', '值']);
  for (const row of allocations) sheet.addRow([...row]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function allocationsOf(rows: Rows) {
  const read = await readVillageWorkbook('村.xlsx', await workbook(rows));
  if (!read.ok) throw new Error(read.error.key);
  return read.value;
}

describe('readVillageWorkbook 上级下达', () => {
  it('takes an allocation in the indicator’s own unit, written after the name or the value or not at all', async () => {
    const { allocations, notes } = await allocationsOf([['耕地保有量（公顷）', 164.9], ['村域建设用地总面积', '28.22公顷'], ['8', 115.94], ['林地保有量（约束性）', 1.2]]);
    expect(allocations).toEqual({ 9: 164.9, 1: 28.22, 8: 115.94, 10: 1.2 });
    expect(notes).toEqual([]);
  });

  it('takes 公顷 in any of its spellings (ha, hm²)', async () => {
    const { allocations, notes } = await allocationsOf([['耕地保有量（ha）', 164.9], ['村域建设用地总面积', '28.22 hm²']]);
    expect(allocations).toEqual({ 9: 164.9, 1: 28.22 });
    expect(notes).toEqual([]);
  });

  // “耕地保有量（亩） | 2473.5” was read as 2,473.5 公顷: the unit was stripped from the name and the number kept.
  it('refuses an allocation in another unit, naming the unit and the one expected, rather than reading 亩 as 公顷', async () => {
    const { allocations, notes } = await allocationsOf([['耕地保有量（亩）', 2473.5], ['永久基本农田保护面积', '1739100平方米']]);
    expect(allocations).toEqual({});
    expect(notes).toEqual([
      { key: 'cli.village.allocationUnit', params: { file: '村.xlsx', sheet: '上级下达', row: 2, label: '耕地保有量', unit: '亩', expected: '公顷' } },
      { key: 'cli.village.allocationUnit', params: { file: '村.xlsx', sheet: '上级下达', row: 3, label: '永久基本农田保护面积', unit: '平方米', expected: '公顷' } },
    ]);
  });
});
