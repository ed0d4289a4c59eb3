/**
 * The wide view shows the package's figures: the sample plan's tables written by the package's .xlsx
 * writer (io/package/delivery-tables.ts), read back with exceljs, and every cell text of the wide view
 * (wideCell, what the component renders) held against the workbook's cell, in each unit. Where the
 * workbook has the figure in the unit shown, the texts are equal; where the wide view converts (亩, or m²
 * of a table kept in 公顷), the figure lies within the two roundings of the workbook's, or one survey
 * adjustment (a footnoted last digit) further.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AREA_UNITS, type AreaUnit } from '../../domain/units.ts';
import { tableFileName, tableFiles } from '../../io/package/delivery-tables.ts';
import { samplePlan, zhT } from '../../io/package/delivery-test-support.ts';
import { fullCheck } from '../../rules/engine.ts';
import type { Tables } from '../../rules/tables/index.ts';
import type { Column, Row, Table, TableId } from '../../rules/tables/table.ts';
import { formatNumber } from '../format.ts';
import { TABLE_ORDER, wideCell, wideColumns, wideFootnotes, wideHeader } from './wide-table.ts';

/** Each unit per hectare, written out here rather than taken from domain/units.ts. */
const PER_HECTARE: Readonly<Record<AreaUnit, number>> = { m2: 10_000, ha: 1, mu: 15 };
const HALF_STEP = 0.005;

let tables: Tables;
const sheets = new Map<TableId, ExcelJS.Worksheet>();

beforeAll(async () => {
  const plan = samplePlan();
  tables = fullCheck(plan).tables;
  const files = await tableFiles(zhT, tables, plan.meta.villageName);
  for (const id of TABLE_ORDER) {
    const file = files.find((f) => f.name === `${tableFileName(id)}.xlsx`);
    if (!file) throw new Error(`no workbook for ${id}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes.buffer.slice(file.bytes.byteOffset, file.bytes.byteOffset + file.bytes.byteLength) as ArrayBuffer);
    sheets.set(id, workbook.getWorksheet(id) as ExcelJS.Worksheet);
  }
}, 60_000);

/** The workbook's cell of a table row and column: row 1 is the title, row 2 the header, column 1 the labels. */
function workbookCell(table: Table, rowIndex: number, column: Column): ExcelJS.CellValue {
  const sheet = sheets.get(table.id) as ExcelJS.Worksheet;
  return sheet.getRow(rowIndex + 3).getCell(table.columns.indexOf(column) + 2).value;
}

const asNumber = (text: string) => Number(text.replace(/,/g, ''));
const unitOf = (column: Column): AreaUnit => (column.unit === 'm2' ? 'm2' : 'ha');

/** 公顷 by which the table's rounding footnotes say a cell (or, for a change, its base and target) was adjusted. */
function footnotedHa(table: Table, row: Row, column: Column): number {
  const columns = column.key === 'change' ? table.columns.filter((c) => c.key === 'base' || c.key === 'target') : [column];
  const labels = new Set(columns.map((c) => c.labelKey));
  return table.footnotes
    .filter((n) => n.key === 'tables.footnote.rounding' && labels.has(String(n.params.columnKey)))
    .filter((n) => n.params.rowKey === row.labelKey || n.params.row === String(row.labelParams?.parcelNo))
    .reduce((sum, n) => sum + Math.abs(Number(n.params.by)), 0);
}

interface Tally {
  exact: number;
  converted: number;
  adjusted: number;
}

function compareTable(table: Table, unit: AreaUnit): Tally {
  const tally: Tally = { exact: 0, converted: 0, adjusted: 0 };
  const shown = wideColumns(table);
  table.rows.forEach((row, r) => {
    for (const column of shown) {
      const cell = wideCell(zhT, table, row, column, unit);
      const value = workbookCell(table, r, column);
      const where = `${table.id} ${row.key} ${column.key} in ${unit}`;
      if (cell.kind === 'empty') {
        expect(value, where).toBeNull();
        continue;
      }
      if (cell.kind === 'text') {
        expect(value, where).toEqual({ richText: [{ text: cell.text }] });
        continue;
      }
      expect(typeof value, where).toBe('number');
      if (cell.kind === 'number') {
        expect(cell.text, where).toBe(formatNumber(value as number, column.unit === 'count' ? 0 : 2));
        continue;
      }
      // The workbook's own figure in this unit: the column itself, or the m² column the wide view folds into it.
      const folded = unit === 'm2' && column.unit === 'ha' ? table.columns.find((c) => c.unit === 'm2' && !shown.includes(c)) : undefined;
      if (unitOf(column) === unit || folded) {
        const same = folded ? workbookCell(table, r, folded) : value;
        expect(cell.text, where).toBe(formatNumber(same as number, 2));
        tally.exact++;
        continue;
      }
      const factor = PER_HECTARE[unit] / PER_HECTARE[unitOf(column)];
      // A change is two figures less each other: twice the roundings.
      const figures = column.key === 'change' ? 2 : 1;
      const bound = figures * (HALF_STEP + HALF_STEP * factor) + 1e-9;
      const difference = Math.abs(asNumber(cell.text) - (value as number) * factor);
      if (difference <= bound) tally.converted++;
      else {
        // The workbook's figure was moved by the survey's last-digit adjustment its footnote names.
        expect(difference, where).toBeLessThanOrEqual(bound + footnotedHa(table, row, column) * PER_HECTARE[unit]);
        tally.adjusted++;
      }
    }
  });
  return tally;
}

describe('the wide indicator tables against the package workbook', () => {
  it.each(AREA_UNITS)('shows the workbook figures of every table in %s', (unit) => {
    const total: Tally = { exact: 0, converted: 0, adjusted: 0 };
    for (const id of TABLE_ORDER) {
      const table = tables[id];
      const tally = compareTable(table, unit);
      total.exact += tally.exact;
      total.converted += tally.converted;
      total.adjusted += tally.adjusted;
    }
    // 公顷 is the package's own unit: every area figure is the workbook's, adjustments and all.
    if (unit === 'ha') expect(total.adjusted).toBe(0);
    if (unit === 'ha') expect(total.exact).toBeGreaterThan(100);
    // m²: the lists and the ledger are exact (the workbook has their m²); F1–F4 are converted.
    if (unit === 'm2') expect(total.exact).toBeGreaterThan(10);
    if (unit !== 'ha') expect(total.converted).toBeGreaterThan(50);
    expect(total.exact + total.converted + total.adjusted).toBeGreaterThan(100);
  });

  it('shows 公顷 figures exactly as the workbook in the tables kept in 公顷', () => {
    for (const id of ['F1', 'F2', 'F3', 'F4'] as const) {
      const table = tables[id];
      table.rows.forEach((row, r) => {
        for (const column of table.columns.filter((c) => c.unit === 'ha')) {
          const cell = wideCell(zhT, table, row, column, 'ha');
          if (cell.kind === 'area') expect(cell.text, `${id} ${row.key} ${column.key}`).toBe(formatNumber(workbookCell(table, r, column) as number, 2));
        }
      });
    }
  });

  it('shows a list’s m² and 公顷 columns as one area column, and keeps its other m² columns', () => {
    expect(wideColumns(tables.demolitionList).map((c) => c.key)).toEqual(['areaHa', 'baseClass', 'restorationUse', 'linkage', 'households', 'illegalM2', 'note']);
    expect(wideColumns(tables.linkage).map((c) => c.key)).toEqual(['areaHa']);
    expect(wideColumns(tables.F2)).toEqual(tables.F2.columns);
  });

  it('reads a change as the target less the base in the unit shown, and leaves per-person ratios alone', () => {
    const f1 = tables.F1;
    const cell = (rowKey: string, columnKey: string, unit: AreaUnit) =>
      wideCell(zhT, f1, f1.rows.find((r) => r.key === rowKey)!, f1.columns.find((c) => c.key === columnKey)!, unit);
    for (const unit of AREA_UNITS) {
      const change = asNumber(cell('construction', 'target', unit).text) - asNumber(cell('construction', 'base', unit).text);
      expect(asNumber(cell('construction', 'change', unit).text)).toBeCloseTo(change, 6);
      expect(cell('villagePerCapita', 'base', unit)).toEqual(cell('villagePerCapita', 'base', 'ha'));
      expect(cell('villagePerCapita', 'change', unit).kind).toBe('number');
    }
  });

  it('names the chosen unit in every header and footnote that names one', () => {
    for (const id of TABLE_ORDER) {
      for (const column of tables[id].columns.filter((c) => /公顷|m²/.test(zhT(c.labelKey)) && (c.unit === 'ha' || c.unit === 'm2'))) {
        const header = wideHeader(zhT, column, 'mu');
        expect(header, column.labelKey).toContain('亩');
        expect(header, column.labelKey).not.toMatch(/公顷|m²/);
      }
    }
    const notes = wideFootnotes(tables.F1, 'mu').map((n) => n.key);
    expect(notes).toEqual(['tables.wide.converted', 'tables.F1.net', 'tables.wide.F1.units']);
    expect(wideFootnotes(tables.F1, 'ha').map((n) => n.key)).toEqual(['tables.F1.net', 'tables.wide.F1.units']);
  });
});
