/**
 * The package's tables (F1–F5, the demolition and new-build lists, the linkage ledger) as .xlsx and CSV:
 * one workbook per table, as the provincial package names them (zj-qc `Config.xml` folder `2.规划表格数据`).
 * Figures are written as numbers with the table's decimals, so a reviewer's sums in Excel match ours;
 * units are in the headers or, where columns mix them (F1), in the table's own footnote after the rows. CSV starts with a byte-order mark because
 * Excel on Chinese Windows reads a CSV without one as GBK.
 */
import ExcelJS from 'exceljs';
import { renderMessage, type Translate } from '../../rules/render.ts';
import type { Tables } from '../../rules/tables/index.ts';
import { tableToCsv } from '../../rules/tables/serialise.ts';
import type { Table, TableId } from '../../rules/tables/table.ts';
import type { OutputFile } from '../files.ts';
import { withFixedTimes } from '../zip/fixed-times.ts';

/** File names the provincial check expects for F1–F5 (fixed by the province, so not translated). */
const FILE_NAMES: Readonly<Record<TableId, string>> = {
  F1: '表F1.村土地利用规划目标表',
  F2: '表F2.土地利用结构调整表',
  F3: '表F3.建设用地情况调整表',
  F4: '表F4.耕地情况调整表',
  F5: '表F5.规划保障措施表',
  demolitionList: '拆旧区清单',
  newBuildList: '建新区清单',
  linkage: '增减挂钩指标台账',
};

const INDENT = '　';
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

export function tableFileName(id: TableId): string {
  return FILE_NAMES[id];
}

async function tableXlsx(t: Translate, table: Table, villageName: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Village Plan';
  // Fixed dates: the same plan gives the same workbook, and so the same SHA-256 in the manifest.
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const sheet = workbook.addWorksheet(table.id);
  const width = table.columns.length + 1;
  const line = (text: string, bold = false) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, width);
    if (bold) row.font = { bold: true, size: 14 };
  };
  line(`${villageName} ${t(table.titleKey)}`, true);
  const header = sheet.addRow([t('tables.col.item'), ...table.columns.map((c) => t(c.labelKey))]);
  header.font = { bold: true };
  sheet.getColumn(1).width = 28;
  table.columns.forEach((_, i) => (sheet.getColumn(i + 2).width = 16));
  for (const row of table.rows) {
    const label = INDENT.repeat(row.level) + renderMessage(t, { key: row.labelKey, params: row.labelParams ?? {} });
    const added = sheet.addRow([label]);
    table.columns.forEach((column, i) => {
      const cell = row.cells[column.key];
      const target = added.getCell(i + 2);
      if (!cell) return;
      if ('text' in cell) {
        // Text stays text: a measure that starts with "=" must never become a formula.
        target.value = { richText: [{ text: cell.textKey ? t(cell.text) : cell.text }] };
      } else {
        target.value = cell.value;
        target.numFmt = column.unit === 'count' ? '0' : '0.00';
      }
    });
  }
  for (const footnote of table.footnotes) line(renderMessage(t, footnote));
  const buffer = await workbook.xlsx.writeBuffer();
  return withFixedTimes(new Uint8Array(buffer as ArrayBuffer));
}

function withBom(text: string): Uint8Array {
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(BOM.length + body.length);
  out.set(BOM);
  out.set(body, BOM.length);
  return out;
}

/** Every table as `<name>.xlsx` and `<name>.csv`, names without folders. */
export async function tableFiles(t: Translate, tables: Tables, villageName: string): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  for (const table of Object.values(tables)) {
    const name = tableFileName(table.id);
    files.push({ name: `${name}.xlsx`, bytes: await tableXlsx(t, table, villageName) });
    files.push({ name: `${name}.csv`, bytes: withBom(tableToCsv(t, table) + '\n') });
  }
  return files;
}
