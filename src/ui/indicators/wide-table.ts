/**
 * The wide view of an indicator table (issue 14): which columns it shows, their headers, its footnotes and
 * every cell's text in the area unit the planner chose. Pure, so a test holds it against the package's
 * workbook (wide-table.test.ts).
 *
 * 公顷 shows the tables' own figures, as the package's .xlsx writes them (two decimals, with the survey's
 * last-digit adjustments). m² and 亩 show each quantity's unrounded m² converted and rounded once, to two
 * decimals; a change column is the target's figure less the base's, so its row still reads as it adds up.
 * A list's 面积（m²） is the same quantity as its 面积（公顷）: the wide view shows it once, in the chosen unit.
 * Other cells (counts, households, per-person ratios, shares, text) read as the narrow panel shows them.
 */
import { type AreaUnit, m2ToUnit, roundTo } from '../../domain/units.ts';
import type { Translate } from '../../rules/render.ts';
import { type Cell, type Column, type Footnote, hectareCents, type Row, type Table, type TableId } from '../../rules/tables/table.ts';
import { formatNumber } from '../format.ts';

export const TABLE_ORDER: readonly TableId[] = ['F1', 'F2', 'F3', 'F4', 'F5', 'demolitionList', 'newBuildList', 'linkage'];

/** m² to the centimetre as the package's m² columns, 公顷 as its workbook ('0.00'), 亩 as the attribute table. */
export const AREA_DECIMALS: Readonly<Record<AreaUnit, number>> = { m2: 2, ha: 2, mu: 2 };

/** Columns whose figure is one column less another of the same row (F1, F2: 变化量 = 目标年 − 基期). */
const DIFFERENCES: Readonly<Record<string, { readonly of: string; readonly less: string }>> = { change: { of: 'target', less: 'base' } };

/** Headers that name their unit, as the same words with the chosen unit (`{{unit}}`). */
const LABEL_IN_UNIT: Readonly<Record<string, string>> = {
  'tables.col.baseHa': 'tables.inUnit.baseArea',
  'tables.col.targetHa': 'tables.inUnit.targetArea',
  'tables.col.areaHa': 'tables.inUnit.area',
  'tables.col.areaM2': 'tables.inUnit.area',
  'tables.F3.col.construction': 'tables.inUnit.F3.construction',
  'tables.F3.col.village': 'tables.inUnit.F3.village',
  'tables.F4.col.net': 'tables.inUnit.F4.net',
  'tables.F4.col.gross': 'tables.inUnit.F4.gross',
  'tables.list.col.illegalM2': 'tables.inUnit.illegal',
  'tables.list.col.newConstructionM2': 'tables.inUnit.newConstruction',
  'tables.list.col.cultivatedTakenM2': 'tables.inUnit.cultivatedTaken',
};

/** Footnotes that name the area unit, as the same words with the chosen unit. */
const FOOTNOTE_IN_UNIT: Readonly<Record<string, string>> = { 'tables.F1.units': 'tables.wide.F1.units' };

export interface WideCell {
  readonly text: string;
  /** `area` figures follow the unit switch; the others never change with it. */
  readonly kind: 'area' | 'number' | 'text' | 'empty';
}

const isAreaColumn = (column: Column) => column.unit === 'ha' || column.unit === 'm2';

/** The unrounded m² of an area cell; null for a ratio (人均) in an area column, a text or an empty cell. */
function areaM2(column: Column, cell: Cell | undefined): number | null {
  return isAreaColumn(column) && cell && 'value' in cell && cell.m2 !== undefined ? cell.m2 : null;
}

function sameQuantity(a: Cell | undefined, b: Cell | undefined): boolean {
  const m2 = (cell: Cell | undefined) => (cell && 'value' in cell ? (cell.m2 ?? null) : null);
  return (a ?? null) === null ? (b ?? null) === null : m2(a) !== null && m2(a) === m2(b);
}

/** The table's columns but an m² column an 公顷 column repeats in every row (the lists, the ledger). */
export function wideColumns(table: Table): readonly Column[] {
  const repeated = (column: Column) =>
    column.unit === 'm2' && table.columns.some((other) => other.unit === 'ha' && table.rows.every((row) => sameQuantity(row.cells[column.key], row.cells[other.key])));
  return table.columns.filter((c) => !repeated(c));
}

export function wideHeader(t: Translate, column: Column, unit: AreaUnit): string {
  const inUnit = isAreaColumn(column) ? LABEL_IN_UNIT[column.labelKey] : undefined;
  return inUnit ? t(inUnit, { unit: t(`tables.unit.${unit}`) }) : t(column.labelKey);
}

/** An area in `unit`: 公顷 as the table has it (the package's figure), else converted from m² and rounded once. */
function areaFigure(column: Column, cell: { readonly value: number }, m2: number, unit: AreaUnit): number {
  if (unit === 'ha') return column.unit === 'ha' ? cell.value : hectareCents(m2) / 100;
  return roundTo(m2ToUnit(m2, unit), AREA_DECIMALS[unit]);
}

function figure(table: Table, row: Row, column: Column, unit: AreaUnit): number | null {
  const cell = row.cells[column.key];
  if (!cell || !('value' in cell)) return null;
  const m2 = areaM2(column, cell);
  if (m2 !== null) return areaFigure(column, cell, m2, unit);
  const difference = isAreaColumn(column) ? DIFFERENCES[column.key] : undefined;
  const of = difference && table.columns.find((c) => c.key === difference.of);
  const less = difference && table.columns.find((c) => c.key === difference.less);
  if (!of || !less || areaM2(of, row.cells[of.key]) === null || areaM2(less, row.cells[less.key]) === null) return null;
  if (unit === 'ha') return cell.value;
  return roundTo((figure(table, row, of, unit) as number) - (figure(table, row, less, unit) as number), AREA_DECIMALS[unit]);
}

export function wideCell(t: Translate, table: Table, row: Row, column: Column, unit: AreaUnit): WideCell {
  const cell = row.cells[column.key];
  if (!cell) return { text: '—', kind: 'empty' };
  if ('text' in cell) return { text: cell.textKey ? t(cell.text) : cell.text, kind: 'text' };
  const area = figure(table, row, column, unit);
  if (area !== null) return { text: formatNumber(area, AREA_DECIMALS[unit]), kind: 'area' };
  return { text: formatNumber(cell.value, column.unit === 'count' ? 0 : 2), kind: 'number' };
}

/**
 * The table's footnotes, the unit named where one names it; in m² or 亩 a first note says how the figures
 * were converted (the package's tables are in 公顷, and its adjustments are made there).
 */
export function wideFootnotes(table: Table, unit: AreaUnit): readonly Footnote[] {
  const unitKey = `tables.unit.${unit}`;
  const notes = table.footnotes.map((n) => (FOOTNOTE_IN_UNIT[n.key] ? { key: FOOTNOTE_IN_UNIT[n.key] as string, params: { ...n.params, unitKey } } : n));
  const converted = unit !== 'ha' && table.columns.some(isAreaColumn);
  return converted ? [{ key: 'tables.wide.converted', params: { unitKey } }, ...notes] : notes;
}
