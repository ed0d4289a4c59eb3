/**
 * The village workbook (CCTool's input [cct:chk]: sheet1 `指标 | 值` with 村庄名称 … 规划自然和文化遗产) and our
 * `上级下达` sheet, written from the database's own figures exactly as `read-workbook.ts` reads them, so the
 * delivered folder carries what the checks and the 规划指标一览表 need (population for #6, the allocations
 * for `binding-indicators`) and `check`/`tables` on it agree with the editor's.
 */
import { INDICATORS } from '../../profiles/zhejiang-2026/indicators.ts';
import type { VillageDatabase, VillageInfo } from '../../profiles/zhejiang-2026/village-database.ts';
import { bytesOf, newWorkbook } from './database-tables-xlsx.ts';
import { ALLOCATION_SHEET, NUMBER_ROWS, TEXT_ROWS } from './read-workbook.ts';

export const VILLAGE_WORKBOOK_NAME = '村庄信息.xlsx';

const HEADER = ['指标', '值'] as const;

export async function villageWorkbook(db: Pick<VillageDatabase, 'info' | 'allocations'>): Promise<Uint8Array> {
  const { default: excel } = await import('exceljs');
  const { workbook, sheet } = newWorkbook(excel, 'sheet1');
  sheet.addRow([...HEADER]);
  // Every row even when empty: an empty value reads back as "not given", as the editor holds it.
  for (const [label, item] of Object.entries({ ...TEXT_ROWS, ...NUMBER_ROWS }) as [string, keyof VillageInfo][]) sheet.addRow([label, db.info[item]]);
  const allocations = workbook.addWorksheet(ALLOCATION_SHEET);
  allocations.addRow([...HEADER]);
  // The unit in brackets after the name: the reader checks it against the indicator's (亩 read as 公顷 would be 15 times the task).
  for (const indicator of INDICATORS) {
    const value = db.allocations[indicator.number];
    if (value !== undefined) allocations.addRow([`${indicator.zh}（${indicator.unit}）`, value]);
  }
  return bytesOf(workbook);
}
