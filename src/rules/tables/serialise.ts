/**
 * Tables as CSV (one block per table: title, header, rows, footnotes) and as JSON (labels translated, each
 * cell its shown value with the unrounded m² where it is an area), with any i18next `t`.
 */
import { renderMessage, type Translate } from '../render.ts';
import type { Cell, Column, Table } from './table.ts';
import type { Tables } from './index.ts';

const INDENT = '　';

function cellText(t: Translate, column: Column, cell: Cell | undefined): string {
  if (!cell) return '';
  if ('text' in cell) return cell.textKey ? t(cell.text) : cell.text;
  const decimals = column.unit === 'count' ? 0 : 2;
  return cell.value.toFixed(decimals);
}

function rowLabel(t: Translate, row: Table['rows'][number]): string {
  return INDENT.repeat(row.level) + renderMessage(t, { key: row.labelKey, params: row.labelParams ?? {} });
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function tableToCsv(t: Translate, table: Table): string {
  const lines: string[][] = [[t(table.titleKey)], [t('tables.col.item'), ...table.columns.map((c) => t(c.labelKey))]];
  for (const row of table.rows) lines.push([rowLabel(t, row), ...table.columns.map((c) => cellText(t, c, row.cells[c.key]))]);
  for (const note of table.footnotes) lines.push([renderMessage(t, note)]);
  return lines.map((line) => line.map(csvField).join(',')).join('\n');
}

export function tablesToCsv(t: Translate, tables: Tables): string {
  return Object.values(tables).map((table) => tableToCsv(t, table)).join('\n\n') + '\n';
}

export interface TableJson {
  readonly title: string;
  readonly columns: readonly { key: string; label: string; unit: string }[];
  readonly rows: readonly { key: string; label: string; level: number; cells: Record<string, number | string | { value: number; m2: number } | null> }[];
  readonly footnotes: readonly string[];
}

/**
 * `rowKey`: how a row is keyed in the JSON. The parcel lists key their rows by feature id; the command line
 * gives a package's `layer#BSM` instead (io/package/package-refs.ts), which does not change when another tool
 * writes the same rows in another order.
 */
export function tablesToJson(t: Translate, tables: Tables, rowKey: (key: string) => string = (key) => key): Record<string, TableJson> {
  const out: Record<string, TableJson> = {};
  for (const [id, table] of Object.entries(tables)) {
    out[id] = {
      title: t(table.titleKey),
      columns: table.columns.map((c) => ({ key: c.key, label: t(c.labelKey), unit: c.unit })),
      rows: table.rows.map((row) => ({
        key: rowKey(row.key),
        label: renderMessage(t, { key: row.labelKey, params: row.labelParams ?? {} }),
        level: row.level,
        cells: Object.fromEntries(
          table.columns.map((c) => {
            const cell = row.cells[c.key];
            if (!cell) return [c.key, null];
            if ('text' in cell) return [c.key, cell.textKey ? t(cell.text) : cell.text];
            return [c.key, cell.m2 === undefined ? cell.value : { value: cell.value, m2: Math.round(cell.m2 * 100) / 100 }];
          }),
        ),
      })),
      footnotes: table.footnotes.map((n) => renderMessage(t, n)),
    };
  }
  return out;
}
