/**
 * The attribute table's rows as plain data, sorted and filtered without React (tested in Node at the
 * size of a real survey). A row keeps its cell values for sorting and the text a planner sees for the
 * filter box, so "水田" finds the paddy rows although the plan stores "111".
 */
import type { FieldValue } from '../../profiles/zhejiang-2017/fields.ts';
import type { FeatureId } from '../../domain/ids.ts';

export type CellValue = FieldValue;
/** How a column sorts: codes as written (111 before 12, as the code tables list them), text naturally, numbers by value. */
export type ColumnKind = 'code' | 'text' | 'number';

export interface TableRow {
  readonly id: FeatureId;
  /** Cell values in column order. */
  readonly values: readonly CellValue[];
  /** Every cell as shown, lower-cased and joined: what the filter box matches. */
  readonly search: string;
}

export interface TableSort {
  readonly column: number;
  readonly descending: boolean;
}

export interface RowFilter {
  /** Matched against every cell as shown, ignoring case; blank keeps every row. */
  readonly text: string;
  /** Per column: the one value kept (a code column's pick-list); null keeps the empty cells. */
  readonly values: ReadonlyMap<number, CellValue>;
  /** "只显示所选": only these features; null keeps all. */
  readonly only: ReadonlySet<FeatureId> | null;
}

export const NO_FILTER: RowFilter = { text: '', values: new Map(), only: null };

// Natural order for numbers inside text: JX2 before JX10, 第二 by the Chinese collation.
const collator = new Intl.Collator('zh-CN', { numeric: true });

/**
 * Empty cells after every value (in both directions: a planner sorts to see values); numbers before text
 * if a column ever holds both; then by the column's kind.
 */
export function compareCells(a: CellValue, b: CellValue, kind: ColumnKind): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number' || typeof b === 'number') return typeof a === 'number' ? -1 : 1;
  if (kind === 'code') return a < b ? -1 : a > b ? 1 : 0;
  return collator.compare(a, b);
}

/** A stable sort: rows with equal cells keep the layer's own order. Empty cells stay last when descending. */
export function sortRows(rows: readonly TableRow[], sort: TableSort, kind: ColumnKind): TableRow[] {
  const direction = sort.descending ? -1 : 1;
  return [...rows].sort((x, y) => {
    const a = x.values[sort.column] ?? null;
    const b = y.values[sort.column] ?? null;
    if (a === null || b === null) return compareCells(a, b, kind);
    return direction * compareCells(a, b, kind);
  });
}

export function filterRows(rows: readonly TableRow[], filter: RowFilter): TableRow[] {
  const needle = filter.text.trim().toLowerCase();
  const values = [...filter.values];
  return rows.filter(
    (row) =>
      (filter.only === null || filter.only.has(row.id)) &&
      (needle === '' || row.search.includes(needle)) &&
      values.every(([column, value]) => (row.values[column] ?? null) === value),
  );
}

/** The values a column holds with how many rows hold each, in sort order: a code column's pick-list. */
export function valueCounts(rows: readonly TableRow[], column: number, kind: ColumnKind): { value: CellValue; count: number }[] {
  const counts = new Map<CellValue, number>();
  for (const row of rows) {
    const value = row.values[column] ?? null;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts].map(([value, count]) => ({ value, count })).sort((x, y) => compareCells(x.value, y.value, kind));
}
