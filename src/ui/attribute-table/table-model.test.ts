import { describe, expect, it } from 'vitest';
import { asFeatureId } from '../../domain/ids.ts';
import { type CellValue, compareCells, filterRows, NO_FILTER, sortRows, type TableRow, valueCounts } from './table-model.ts';

const row = (id: string, ...values: CellValue[]): TableRow => ({
  id: asFeatureId(id),
  values,
  search: values.map((v) => (v === null ? '' : String(v))).join('\u0000').toLowerCase(),
});
const ids = (rows: readonly TableRow[]) => rows.map((r) => r.id as string);

describe('compareCells', () => {
  it('puts empty cells after every value, numbers before text', () => {
    expect(compareCells(null, 0, 'number')).toBeGreaterThan(0);
    expect(compareCells(0, null, 'number')).toBeLessThan(0);
    expect(compareCells(null, null, 'text')).toBe(0);
    expect(compareCells(5, '111', 'code')).toBeLessThan(0);
    expect(compareCells('111', 5, 'code')).toBeGreaterThan(0);
  });

  it('sorts codes as the code tables list them and text naturally', () => {
    // Codes: 111 before 12 (character by character); text: JX2 before JX10.
    expect(compareCells('111', '12', 'code')).toBeLessThan(0);
    expect(compareCells('JX2', 'JX10', 'text')).toBeLessThan(0);
    expect(compareCells('JX10', 'JX2', 'code')).toBeLessThan(0);
  });
});

describe('sortRows', () => {
  const rows = [row('a', 3), row('b', null), row('c', 10), row('d', 3), row('e', 'x'), row('f', 1.5)];

  it('ascending: by value, ties in layer order, text after numbers, empty last', () => {
    expect(ids(sortRows(rows, { column: 0, descending: false }, 'number'))).toEqual(['f', 'a', 'd', 'c', 'e', 'b']);
  });

  it('descending: reversed, ties still in layer order, empty still last', () => {
    expect(ids(sortRows(rows, { column: 0, descending: true }, 'number'))).toEqual(['e', 'c', 'a', 'd', 'f', 'b']);
  });

  it('sorts a code column with empty cells', () => {
    const codes = [row('a', '2121'), row('b', null), row('c', '111'), row('d', '0101'), row('e', '111')];
    expect(ids(sortRows(codes, { column: 0, descending: false }, 'code'))).toEqual(['d', 'c', 'e', 'a', 'b']);
    expect(ids(sortRows(codes, { column: 0, descending: true }, 'code'))).toEqual(['a', 'c', 'e', 'd', 'b']);
  });

  it('leaves the rows it was given as they were', () => {
    const before = ids(rows);
    sortRows(rows, { column: 0, descending: true }, 'number');
    expect(ids(rows)).toEqual(before);
  });
});

describe('filterRows', () => {
  const rows = [row('a', 'JX001', '111', '水田'), row('b', 'JX002', '2121', '宅基地'), row('c', 'JX010', null, '空'), row('d', 'jx011', '111', 'Paddy')];

  it('keeps every row with no filter', () => {
    expect(ids(filterRows(rows, NO_FILTER))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('matches the text box in any cell, ignoring case and surrounding spaces', () => {
    expect(ids(filterRows(rows, { ...NO_FILTER, text: ' jx01 ' }))).toEqual(['c', 'd']);
    expect(ids(filterRows(rows, { ...NO_FILTER, text: '宅基' }))).toEqual(['b']);
    expect(ids(filterRows(rows, { ...NO_FILTER, text: 'PADDY' }))).toEqual(['d']);
    expect(ids(filterRows(rows, { ...NO_FILTER, text: 'nothing' }))).toEqual([]);
  });

  it('does not match across two cells', () => {
    // "JX001" + "111": the joined text would hold "1111" if cells ran together.
    expect(ids(filterRows(rows, { ...NO_FILTER, text: '1111' }))).toEqual([]);
  });

  it('keeps one value of a column, the empty cells when that value is null', () => {
    expect(ids(filterRows(rows, { ...NO_FILTER, values: new Map([[1, '111']]) }))).toEqual(['a', 'd']);
    expect(ids(filterRows(rows, { ...NO_FILTER, values: new Map([[1, null]]) }))).toEqual(['c']);
  });

  it('combines the text, the column values and the selection', () => {
    const filter = { text: 'jx', values: new Map<number, CellValue>([[1, '111']]), only: new Set([asFeatureId('d'), asFeatureId('b')]) };
    expect(ids(filterRows(rows, filter))).toEqual(['d']);
  });
});

describe('valueCounts', () => {
  it('lists each value once with its count, in sort order, empty last', () => {
    const rows = [row('a', '2121'), row('b', null), row('c', '111'), row('d', '111')];
    expect(valueCounts(rows, 0, 'code')).toEqual([
      { value: '111', count: 2 },
      { value: '2121', count: 1 },
      { value: null, count: 1 },
    ]);
  });
});
