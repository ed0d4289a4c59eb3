/**
 * The 2026 tables as CSV, shared by `survey-table` (base year only) and `tables --profile zhejiang-2026`
 * (both years): the Zhejiang structure table as its template lays it out (title, unit line, the two
 * header rows, names over six columns), figures to two decimals: the table's `printed` ones, so that rows add up
 * to their subtotals and shares to 100.00 (尾数平差, fill-structure-table.ts).
 */
import type { FilledStructureTable } from '../profiles/ydyh/fill-structure-table.ts';
import type { HeaderColumn, HeaderGroup, ValueKey } from '../profiles/ydyh/zj-structure-table.ts';
import type { CliArgs } from './args.ts';

type Language = CliArgs['language'];

export const label = (text: { readonly zh: string; readonly en: string }, language: Language): string => (language === 'en' ? text.en : text.zh);

const csvField = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export const csvLines = (lines: readonly (readonly string[])[]): string => lines.map((line) => line.map(csvField).join(',')).join('\n') + '\n';

/** A figure as the tables print it; a difference that rounds to zero is 0.00, not -0.00. */
export const fixed = (value: number, digits = 2): string => {
  const text = value.toFixed(digits);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
};

const isGroup = (h: HeaderColumn | HeaderGroup): h is HeaderGroup => 'columns' in h;

/** The table's rows with land (the template deletes empty ones); figures only in the columns `filled`, the others blank. */
export function structureCsv(table: FilledStructureTable, language: Language, filled: readonly ValueKey[]): string {
  const top: string[] = [];
  const bottom: string[] = [];
  const cells: ((row: FilledStructureTable['rows'][number]) => string[])[] = [];
  for (const header of table.layout.header) {
    const columns = isGroup(header) ? header.columns : [header];
    columns.forEach((column, i) => {
      const width = column.content.kind === 'names' ? column.content.levels : 1;
      top.push(i === 0 ? label(header, language) : '', ...Array<string>(width - 1).fill(''));
      bottom.push(isGroup(header) ? label(column, language) : '', ...Array<string>(width - 1).fill(''));
      const content = column.content;
      if (content.kind === 'names') cells.push((r) => [...r.row.names]);
      else if (content.kind === 'code') cells.push((r) => [r.row.code ?? '']);
      else
        cells.push((r) => {
          const value = filled.includes(content.key) ? r.printed[content.key] : null;
          return [value === null ? '' : fixed(value)];
        });
    });
  }
  const lines: string[][] = [[label(table.layout.title, language)], [label(table.layout.unitLine, language)], top, bottom];
  for (const row of table.rows) if (!row.empty) lines.push(cells.flatMap((cell) => cell(row)));
  return csvLines(lines);
}
