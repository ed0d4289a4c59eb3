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

describe('readVillageWorkbook village rows', () => {
  async function infoOf(rows: Rows) {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('sheet1');
    for (const row of rows) sheet.addRow([...row]);
    const read = await readVillageWorkbook('村.xlsx', new Uint8Array(await book.xlsx.writeBuffer()));
    if (!read.ok) throw new Error(read.error.key);
    return read.value;
  }

  // “现状人口（万人） | 0.2884” was read as 0.2884 persons: 918,935 m² of village land per person in the 指标表.
  it('reads a population in 万 (the label’s unit, or the value’s) in persons, with a note', async () => {
    const { info, notes } = await infoOf([['现状人口（万人）', 0.2884], ['规划人口', '0.31万人']]);
    expect(info).toMatchObject({ basePopulation: 2884, targetPopulation: 3100 });
    expect(notes.map((n) => [n.key, n.params?.['count']])).toEqual([
      ['cli.village.countInTenThousands', 2884],
      ['cli.village.countInTenThousands', 3100],
    ]);
  });

  it('reads a label with a colon after it', async () => {
    const { info, notes } = await infoOf([['村庄名称：', '秀塘县安澜镇沈家埭村'], ['现状人口（人）:', '2,884']]);
    expect(info).toMatchObject({ villageName: '秀塘县安澜镇沈家埭村', basePopulation: 2884 });
    expect(notes).toEqual([]);
  });
});

