import { describe, expect, it } from 'vitest';
import { readDbf, readDbfHeader } from './dbf-read.ts';

/** A dBASE III table (numeric fields unless a type is given), each value written as given (right-aligned text, as dBASE writes it). */
function numericTable(fields: readonly { name: string; length: number; decimals: number; type?: string }[], rows: readonly string[][]): Uint8Array {
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((n, f) => n + f.length, 0);
  const bytes = new Uint8Array(headerLength + rows.length * recordLength + 1);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x03;
  view.setUint32(4, rows.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  fields.forEach((field, i) => {
    const at = 32 + 32 * i;
    bytes.set(new TextEncoder().encode(field.name), at);
    bytes[at + 11] = (field.type ?? 'N').charCodeAt(0);
    bytes[at + 16] = field.length;
    bytes[at + 17] = field.decimals;
  });
  bytes[headerLength - 1] = 0x0d;
  rows.forEach((row, r) => {
    let at = headerLength + r * recordLength;
    bytes[at++] = 0x20;
    row.forEach((value, i) => {
      const length = (fields[i] as { length: number }).length;
      bytes.set(new TextEncoder().encode(value.padStart(length, ' ')), at);
      at += length;
    });
  });
  bytes[bytes.length - 1] = 0x1a;
  return bytes;
}

function read(bytes: Uint8Array) {
  const header = readDbfHeader(bytes, 't.dbf');
  if (!header.ok) throw new Error(header.error.key);
  const table = readDbf(bytes, header.value, 'utf-8', 't.dbf');
  if (!table.ok) throw new Error(table.error.key);
  return table.value.records.map((r) => r.properties);
}

describe('numeric dBASE fields', () => {
  it('keeps every digit of an integer too long for a double (a 20-digit BSM stored as a number) as its text', () => {
    const rows = read(numericTable([{ name: 'BSM', length: 20, decimals: 0 }, { name: 'TBMJ', length: 15, decimals: 2 }], [['33042110121000001536', '1234.56'], ['330421101210', '7']]));
    expect(rows).toEqual([
      { BSM: '33042110121000001536', TBMJ: 1234.56 },
      // Within a double's exact integers: a number, as before.
      { BSM: 330421101210, TBMJ: 7 },
    ]);
  });

  it('says which values read as no number (read as empty, as before), and not blank, too-wide or ordinary ones', () => {
    const values = ['1,5', '12abc', '1 234', '-', '.', '1234.56', '-7', '+0.5', '1e3', '', '****', '.5'];
    const bytes = numericTable([{ name: 'TBMJ', length: 10, decimals: 2 }], values.map((v) => [v]));
    const header = readDbfHeader(bytes, 't.dbf');
    const table = header.ok ? readDbf(bytes, header.value, 'utf-8', 't.dbf') : null;
    expect(table?.ok && table.value.records.map((r) => r.properties.TBMJ)).toEqual([null, null, null, null, null, 1234.56, -7, 0.5, 1000, null, null, 0.5]);
    const note = table?.ok ? table.notes.find((n) => n.key === 'io.dbf.numbersUnreadable') : undefined;
    expect(note?.params).toEqual({ file: 't.dbf', count: 5, list: 'TBMJ #1 “1,5”, TBMJ #2 “12abc”, TBMJ #3 “1 234”, TBMJ #4 “-”, TBMJ #5 “.”' });
    expect(read(numericTable([{ name: 'TBMJ', length: 10, decimals: 2 }], [['7'], ['']]))).toEqual([{ TBMJ: 7 }, { TBMJ: null }]);
  });
});

describe('date dBASE fields', () => {
  it('reads a date of zeros as no date, as a blank one (shapelib and GDAL: null; ogrinfo on such a file prints "(null)")', () => {
    const rows = read(numericTable([{ name: 'GXSJ', length: 8, decimals: 0, type: 'D' }], [['20240630'], ['00000000'], ['        ']]));
    expect(rows).toEqual([{ GXSJ: '2024-06-30' }, { GXSJ: null }, { GXSJ: null }]);
  });
});

describe('text dBASE fields', () => {
  it('reads a value up to its first NUL and without surrounding spaces, as GDAL does (ogrinfo: "0103", "abc")', () => {
    // Right-aligned by the helper: `    0103`; a value ended by a NUL with an older value's bytes after it.
    const rows = read(numericTable([{ name: 'DLBM', length: 8, decimals: 0, type: 'C' }], [['0103'], ['abc\u0000old'], ['  0201  ']]));
    expect(rows).toEqual([{ DLBM: '0103' }, { DLBM: 'abc' }, { DLBM: '0201' }]);
  });
});
