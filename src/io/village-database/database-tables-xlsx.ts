/**
 * The three 2026 tables (rules/ydyh/database-tables.ts) as the workbooks a planner delivers beside the database,
 * one per table, laid out as their templates (domain-2026.md §4): the title over the table, the header rows
 * with their merged cells, the Zhejiang structure table's names over B–G merged as the template merges them,
 * rows without land left out as the template deletes them. Figures are numbers rounded to the table's decimals
 * (what the cell shows is what it holds), never text; the structure table's are its `printed` figures, whose
 * rows add up to their subtotals and shares to 100.00 (尾数平差; the 管控表's likewise), so a reviewer's SUM in Excel matches the
 * subtotal printed; rounding each row on its own would not (⅓ ha × 3 = 0.33 × 3 under 1.00). An empty cell
 * is a figure that cannot be computed, and the indicator table's footnotes say why.
 *
 * File names: CCTool's deliverable list (§3) names `空间功能结构调整表.xlsx`, but that is its generic Fujian
 * template (2020 codes, other rows); the table here is Zhejiang's, titled 规划用地结构调整表 [cct:zj-tzb], so the
 * file takes that title rather than a name that promises the Fujian layout. 规划指标一览表 is the list's name;
 * 国土空间管控表 the table's title (the list gives it no extension ⚠).
 *
 * exceljs loads only when the tables are written, so a worker that never exports does not fetch it.
 */
import type { Workbook, Worksheet } from 'exceljs';
import { BINDING_SYMBOLS, INDICATOR_SECTIONS, type IndicatorFigure, type IndicatorUnit } from '../../profiles/zhejiang-2026/indicators.ts';
import type { HeaderColumn, HeaderGroup } from '../../profiles/ydyh/zj-structure-table.ts';
import { CONTROL_TABLE, type ControlTableRow } from '../../profiles/zhejiang-2026/control-table.ts';
import type { FilledStructureTable } from '../../profiles/ydyh/fill-structure-table.ts';
import { renderMessage, type Translate } from '../../rules/render.ts';
import type { DatabaseTables, IndicatorTable } from '../../rules/ydyh/database-tables.ts';
import type { OutputFile } from '../files.ts';
import { withFixedTimes } from '../zip/fixed-times.ts';

/** The workbooks' names without `.xlsx` (see above for why the structure table is not 空间功能结构调整表). */
export const DATABASE_TABLE_FILE_NAMES = {
  structure: '规划用地结构调整表',
  indicators: '规划指标一览表',
  control: '国土空间管控表',
} as const;

/** The 规划指标一览表's title and columns [cct:zbb]: the deliverable's own words, Chinese whatever the reader's language. */
const INDICATOR_LAYOUT = { title: '规划指标一览表', columns: ['序号', '指标', '属性', '单位', '现状基期年', '规划目标年'] } as const;

/** Decimals as the templates print them: 公顷, % and 平方米/人 to two, 处 whole. */
const decimalsOf = (unit: IndicatorUnit): number => (unit === '处' ? 0 : 2);

/** A figure rounded as it is printed (the CLI's toFixed), and never −0. */
export function roundedFigure(value: number, decimals = 2): number {
  return Number(value.toFixed(decimals)) || 0;
}

/** The templates start at B2: column A and row 1 stay empty. */
const FIRST_COLUMN = 2;
const TITLE_ROW = 2;

const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const CENTRED = { horizontal: 'center', vertical: 'middle', wrapText: true } as const;

export type ExcelModule = typeof import('exceljs');

export function newWorkbook(excel: ExcelModule, sheetName: string): { workbook: Workbook; sheet: Worksheet } {
  const workbook = new excel.Workbook();
  workbook.creator = 'Village Plan';
  // Fixed dates: the same database gives the same bytes.
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  return { workbook, sheet: workbook.addWorksheet(sheetName) };
}

export async function bytesOf(workbook: Workbook): Promise<Uint8Array> {
  return withFixedTimes(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
}

/** A text over columns `from`–`to` of a row, merged. */
function line(sheet: Worksheet, row: number, from: number, to: number, text: string, style: 'title' | 'plain' = 'plain'): void {
  if (to > from) sheet.mergeCells(row, from, row, to);
  const cell = sheet.getCell(row, from);
  cell.value = text;
  if (style === 'title') {
    cell.font = { bold: true, size: 14 };
    cell.alignment = CENTRED;
  }
}

function headerCell(sheet: Worksheet, top: number, left: number, bottom: number, right: number, text: string): void {
  if (bottom > top || right > left) sheet.mergeCells(top, left, bottom, right);
  const cell = sheet.getCell(top, left);
  cell.value = text;
  cell.font = { bold: true };
  cell.alignment = CENTRED;
  for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) sheet.getCell(r, c).border = BORDER;
}

/** A figure cell: a number with the table's decimals, or empty when there is none. */
function figureCell(sheet: Worksheet, row: number, column: number, value: number | null, decimals = 2): void {
  const cell = sheet.getCell(row, column);
  cell.border = BORDER;
  if (value === null) return;
  cell.value = roundedFigure(value, decimals);
  cell.numFmt = decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`;
}

function textCell(sheet: Worksheet, row: number, column: number, text: string): void {
  const cell = sheet.getCell(row, column);
  // Text stays text: a name that starts with "=" must never become a formula.
  cell.value = { richText: [{ text }] };
  cell.border = BORDER;
}

// ——— 规划用地结构调整表 ———

const isGroup = (h: HeaderColumn | HeaderGroup): h is HeaderGroup => 'columns' in h;

/** A merged block of a names grid, in grid coordinates (row, level). */
interface Block {
  readonly row: number;
  readonly level: number;
  readonly height: number;
  readonly width: number;
}

/**
 * The template's merges of the names B–G: a name repeated over neighbouring levels of a row is one cell, and
 * a cell repeated in the rows below it is one cell as long as its parent (the cell to its left) is too.
 */
export function nameBlocks(grid: readonly (readonly string[])[]): Block[] {
  const owner = grid.map((names) => names.map((): Block | null => null));
  const blocks: Block[] = [];
  const runAt = (r: number, level: number) => {
    const names = grid[r] as readonly string[];
    let width = 1;
    while (level + width < names.length && names[level + width] === names[level]) width++;
    return width;
  };
  const levels = grid[0]?.length ?? 0;
  for (let level = 0; level < levels; level++) {
    for (let r = 0; r < grid.length; r++) {
      if (owner[r]?.[level]) continue;
      const width = runAt(r, level);
      const parent = level > 0 ? owner[r]?.[level - 1] : null;
      let height = 1;
      for (let below = r + 1; below < grid.length; below++) {
        const sameParent = level === 0 || owner[below]?.[level - 1] === parent;
        if (!sameParent || owner[below]?.[level] || grid[below]?.[level] !== grid[r]?.[level] || runAt(below, level) !== width) break;
        height++;
      }
      const block = { row: r, level, height, width };
      blocks.push(block);
      for (let dr = 0; dr < height; dr++) for (let dl = 0; dl < width; dl++) (owner[r + dr] as (Block | null)[])[level + dl] = block;
    }
  }
  return blocks;
}

async function structureWorkbook(excel: ExcelModule, table: FilledStructureTable): Promise<Uint8Array> {
  const { workbook, sheet } = newWorkbook(excel, 'Sheet1');
  const columns = table.layout.header.flatMap((h) => (isGroup(h) ? h.columns : [h]));
  const widthOf = (column: HeaderColumn) => (column.content.kind === 'names' ? column.content.levels : 1);
  const last = FIRST_COLUMN + columns.reduce((sum, column) => sum + widthOf(column), 0) - 1;
  line(sheet, TITLE_ROW, FIRST_COLUMN, last, table.layout.title.zh, 'title');
  line(sheet, TITLE_ROW + 1, FIRST_COLUMN, last, table.layout.unitLine.zh);
  sheet.getCell(TITLE_ROW + 1, FIRST_COLUMN).alignment = { horizontal: 'right' };

  // Header rows 4–5: a group over its columns on the first, each of its columns on the second; a lone column spans both.
  const top = TITLE_ROW + 2;
  let at = FIRST_COLUMN;
  for (const header of table.layout.header) {
    if (isGroup(header)) {
      headerCell(sheet, top, at, top, at + header.columns.length - 1, header.zh);
      for (const column of header.columns) {
        headerCell(sheet, top + 1, at, top + 1, at + widthOf(column) - 1, column.zh);
        at += widthOf(column);
      }
    } else {
      headerCell(sheet, top, at, top + 1, at + widthOf(header) - 1, header.zh);
      at += widthOf(header);
    }
  }

  const rows = table.rows.filter((row) => !row.empty);
  const first = top + 2;
  rows.forEach((filled, i) => {
    let column = FIRST_COLUMN;
    for (const { content } of columns) {
      if (content.kind === 'names') {
        filled.row.names.forEach((name, level) => textCell(sheet, first + i, column + level, name));
        column += content.levels;
      } else if (content.kind === 'code') {
        textCell(sheet, first + i, column++, filled.row.code ?? '--');
      } else {
        figureCell(sheet, first + i, column++, filled.printed[content.key]);
      }
    }
  });
  for (const block of nameBlocks(rows.map((row) => row.row.names))) {
    const [r, c] = [first + block.row, FIRST_COLUMN + block.level];
    if (block.height > 1 || block.width > 1) sheet.mergeCells(r, c, r + block.height - 1, c + block.width - 1);
    sheet.getCell(r, c).alignment = { vertical: 'middle', wrapText: true };
  }
  for (let c = FIRST_COLUMN; c <= last; c++) sheet.getColumn(c).width = c < FIRST_COLUMN + 6 ? 12 : 11;
  return bytesOf(workbook);
}

// ——— 规划指标一览表 ———

async function indicatorWorkbook(excel: ExcelModule, table: IndicatorTable, t: Translate): Promise<Uint8Array> {
  const { workbook, sheet } = newWorkbook(excel, INDICATOR_LAYOUT.title);
  const last = FIRST_COLUMN + INDICATOR_LAYOUT.columns.length - 1;
  line(sheet, TITLE_ROW, FIRST_COLUMN, last, INDICATOR_LAYOUT.title, 'title');
  INDICATOR_LAYOUT.columns.forEach((name, i) => headerCell(sheet, TITLE_ROW + 1, FIRST_COLUMN + i, TITLE_ROW + 1, FIRST_COLUMN + i, name));
  let row = TITLE_ROW + 2;
  const figure = (f: IndicatorFigure, column: number, unit: IndicatorUnit) => figureCell(sheet, row, column, f.value, decimalsOf(unit));
  for (const section of INDICATOR_SECTIONS) {
    sheet.mergeCells(row, FIRST_COLUMN, row, last);
    textCell(sheet, row, FIRST_COLUMN, section.zh);
    sheet.getCell(row++, FIRST_COLUMN).font = { bold: true };
    for (const { indicator, binding, base, target } of table.results.filter((r) => r.indicator.section === section.id)) {
      figureCell(sheet, row, FIRST_COLUMN, indicator.number, 0);
      // The direction the plan binds it in, as the 指标表 on screen writes it (约束性 ≤).
      const attribute = binding ? `${indicator.attribute} ${BINDING_SYMBOLS[binding]}` : indicator.attribute;
      [indicator.zh, attribute, indicator.unit].forEach((text, i) => textCell(sheet, row, FIRST_COLUMN + 1 + i, text));
      figure(base, FIRST_COLUMN + 4, indicator.unit);
      figure(target, FIRST_COLUMN + 5, indicator.unit);
      row++;
    }
  }
  for (const footnote of table.footnotes) {
    const name = table.results.find((r) => r.indicator.number === footnote.number)?.indicator.zh ?? '';
    line(sheet, row++, FIRST_COLUMN, last, t('cli.village.footnote', { number: footnote.number, name, text: renderMessage(t, footnote.message) }));
  }
  [6, 28, 8, 10, 12, 12].forEach((width, i) => (sheet.getColumn(FIRST_COLUMN + i).width = width));
  return bytesOf(workbook);
}

// ——— 国土空间管控表 ———

async function controlWorkbook(excel: ExcelModule, rows: readonly ControlTableRow[]): Promise<Uint8Array> {
  const { workbook, sheet } = newWorkbook(excel, CONTROL_TABLE.title);
  const last = FIRST_COLUMN + CONTROL_TABLE.columns.length - 1;
  line(sheet, TITLE_ROW, FIRST_COLUMN, last, CONTROL_TABLE.title, 'title');
  CONTROL_TABLE.columns.forEach((name, i) => headerCell(sheet, TITLE_ROW + 1, FIRST_COLUMN + i, TITLE_ROW + 1, FIRST_COLUMN + i, name));
  rows.forEach((row, i) => {
    const r = TITLE_ROW + 2 + i;
    textCell(sheet, r, FIRST_COLUMN, row.name);
    figureCell(sheet, r, FIRST_COLUMN + 1, row.printed.areaHa);
    figureCell(sheet, r, FIRST_COLUMN + 2, row.printed.sharePercent);
  });
  [20, 14, 12].forEach((width, i) => (sheet.getColumn(FIRST_COLUMN + i).width = width));
  return bytesOf(workbook);
}

/**
 * The tables as `<name>.xlsx`, names without folders; no 国土空间管控表 without a GKBJ layer (the tables' notes
 * say so). `t` renders the footnotes, in the package's language.
 */
export async function databaseTableFiles(tables: DatabaseTables, t: Translate): Promise<OutputFile[]> {
  const { default: excel } = await import('exceljs');
  const files: OutputFile[] = [
    { name: `${DATABASE_TABLE_FILE_NAMES.structure}.xlsx`, bytes: await structureWorkbook(excel, tables.structure) },
    { name: `${DATABASE_TABLE_FILE_NAMES.indicators}.xlsx`, bytes: await indicatorWorkbook(excel, tables.indicators, t) },
  ];
  if (tables.control) files.push({ name: `${DATABASE_TABLE_FILE_NAMES.control}.xlsx`, bytes: await controlWorkbook(excel, tables.control) });
  return files;
}
