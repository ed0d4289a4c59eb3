/**
 * Writing `.dbf` with the field types, widths and decimals the deliverable catalogue gives (domain.md §4),
 * text in GBK or UTF-8. Problems come back as values naming the feature and the field: a number too wide
 * for its field is an error (it would be written as asterisks, i.e. lost); text cut to fit is a note.
 */
import type { ExportField, ExportValue } from '../formats/types.ts';
import { failure, listSome, note, success, type Message, type Result } from '../result.ts';
import { encodeText, type OutputEncoding } from '../text/encode-text.ts';
import { addToList } from '../../domain/lists.ts';

/** Language driver ids (header byte 29): 0x4D is what ArcGIS writes for code page 936. */
const LANGUAGE_DRIVER: Record<OutputEncoding, number> = { gbk: 0x4d, 'utf-8': 0x00 };

export interface DbfRow {
  readonly values: Readonly<Record<string, ExportValue>>;
  /** How messages name the feature (its BSM or parcel number, else its position). */
  readonly label: string;
}

function checkFieldNames(fields: readonly ExportField[], layer: string): Result<void> {
  const seen = new Set<string>();
  for (const field of fields) {
    const upper = field.name.toUpperCase();
    if (!/^[A-Za-z][A-Za-z0-9_]{0,9}$/.test(field.name) || seen.has(upper) || field.length < 1 || field.length > 254) {
      return failure('io.write.badField', { layer, field: field.name });
    }
    seen.add(upper);
  }
  return success(undefined);
}

export function writeDbf(layer: string, fields: readonly ExportField[], rows: readonly DbfRow[], encoding: OutputEncoding, date: Date): Result<Uint8Array> {
  const named = checkFieldNames(fields, layer);
  if (!named.ok) return named;
  const headerLength = 32 + fields.length * 32 + 1;
  const recordLength = 1 + fields.reduce((n, f) => n + f.length, 0);
  const bytes = new Uint8Array(headerLength + rows.length * recordLength + 1);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x03;
  bytes[1] = date.getUTCFullYear() - 1900;
  bytes[2] = date.getUTCMonth() + 1;
  bytes[3] = date.getUTCDate();
  view.setUint32(4, rows.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  bytes[29] = LANGUAGE_DRIVER[encoding];
  fields.forEach((field, i) => {
    const at = 32 + i * 32;
    for (let c = 0; c < field.name.length; c++) bytes[at + c] = field.name.charCodeAt(c);
    bytes[at + 11] = field.type.charCodeAt(0);
    bytes[at + 16] = field.length;
    bytes[at + 17] = field.type === 'N' || field.type === 'F' ? field.decimals : 0;
  });
  bytes[headerLength - 1] = 0x0d;

  const truncated = new Map<string, string[]>();
  const unencodable = new Map<string, string[]>();
  const remember = (map: Map<string, string[]>, field: string, label: string) => addToList(map, field, label);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as DbfRow;
    let at = headerLength + r * recordLength;
    bytes[at++] = 0x20;
    for (const field of fields) {
      const cell = bytes.subarray(at, at + field.length);
      cell.fill(0x20);
      const value = row.values[field.name] ?? null;
      if (field.type === 'C') {
        const encoded = encodeText(value === null ? '' : String(value), encoding);
        if (encoded.unencodable) remember(unencodable, field.name, `${row.label} (${encoded.unencodable})`);
        const fitted = fitText(encoded.bytes, field.length, encoding);
        if (fitted.length < encoded.bytes.length) remember(truncated, field.name, row.label);
        cell.set(fitted);
      } else {
        const text = formatValue(field, value);
        if (text.length > field.length) {
          return failure('io.write.numberTooWide', { layer, feature: row.label, field: field.name, value: String(value), width: field.length, decimals: field.decimals });
        }
        for (let c = 0; c < text.length; c++) cell[field.length - text.length + c] = text.charCodeAt(c);
      }
      at += field.length;
    }
  }
  bytes[bytes.length - 1] = 0x1a;
  const notes: Message[] = [];
  for (const [field, labels] of truncated) notes.push(note('io.write.textTruncated', { layer, field, count: labels.length, features: listSome(labels, 5) }));
  for (const [field, labels] of unencodable) notes.push(note('io.write.notInGbk', { layer, field, count: labels.length, features: listSome(labels, 5) }));
  return success(bytes, notes);
}

/** Numbers right-aligned with the field's decimals, dates as YYYYMMDD, logicals as T/F/?; blank for null. */
function formatValue(field: ExportField, value: ExportValue): string {
  if (field.type === 'L') return value === null ? '?' : value ? 'T' : 'F';
  if (value === null || value === '') return '';
  if (field.type === 'D') return String(value).replace(/-/g, '').slice(0, 8);
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(number)) return '';
  return field.decimals > 0 ? number.toFixed(field.decimals) : String(Math.round(number));
}

/** Cuts text to the field width without splitting a character (a GBK pair or a UTF-8 sequence). */
function fitText(bytes: Uint8Array, width: number, encoding: OutputEncoding): Uint8Array {
  if (bytes.length <= width) return bytes;
  let end = 0;
  while (end < bytes.length) {
    const lead = bytes[end] as number;
    // GBK: 0x80 is the euro sign, one byte (encode-text.ts); only 0x81–0xFE lead a pair.
    const size = encoding === 'gbk' ? (lead > 0x80 ? 2 : 1) : lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    if (end + size > width) break;
    end += size;
  }
  return bytes.subarray(0, end);
}
