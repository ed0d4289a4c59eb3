/**
 * Reading dBASE III+ tables (`.dbf`) as Shapefiles use them, with the text encoding chosen by the caller.
 * Hand-written for the same reasons as shp-read.ts, and one more: the encoding guess needs the raw
 * bytes of the text fields, which the libraries decode away before anyone can look.
 */
import { emptyProperties, type JsonValue, type Properties } from '../formats/properties.ts';
import { failure, listSome, note, success, type Message, type Result } from '../result.ts';
import type { TextSample } from '../text/detect-encoding.ts';

export interface DbfField {
  readonly name: string;
  /** dBASE type letter: C text, N numeric, F float, L logical, D date, M memo (not read). */
  readonly type: string;
  readonly length: number;
  readonly decimals: number;
  /** Byte offset inside a record (after the deletion flag). */
  readonly offset: number;
}

export interface DbfHeader {
  readonly recordCount: number;
  readonly headerLength: number;
  readonly recordLength: number;
  /** Byte 29, the language driver id: a hint at the code page when there is no `.cpg`. */
  readonly languageDriver: number;
  /** Raw field descriptors; names are decoded once the encoding is known. */
  readonly rawFields: readonly { readonly nameBytes: Uint8Array; readonly type: string; readonly length: number; readonly decimals: number; readonly offset: number }[];
}

/**
 * The header, with its field descriptors. `shapes`, the `.shp`'s record count, settles a record count in the
 * header that the file's size contradicts (see recordCountOfFile).
 */
export function readDbfHeader(bytes: Uint8Array, file: string, shapes?: number): Result<DbfHeader> {
  if (bytes.length < 32) return failure('io.dbf.notDbf', { file });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declaredCount = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength < 33 || headerLength > bytes.length || recordLength < 1) return failure('io.dbf.notDbf', { file });
  const rawFields: DbfHeader['rawFields'][number][] = [];
  let offset = 1;
  for (let at = 32; at + 32 <= headerLength && bytes[at] !== 0x0d; at += 32) {
    let nameEnd = at;
    while (nameEnd < at + 11 && bytes[nameEnd] !== 0) nameEnd++;
    const length = bytes[at + 16] as number;
    rawFields.push({ nameBytes: bytes.subarray(at, nameEnd), type: String.fromCharCode(bytes[at + 11] as number).toUpperCase(), length, decimals: bytes[at + 17] as number, offset });
    offset += length;
  }
  if (offset > recordLength) return failure('io.dbf.notDbf', { file });
  const inFile = recordCountOfFile(bytes, headerLength, recordLength);
  const corrected = shapes !== undefined && declaredCount !== shapes && inFile === shapes;
  const recordCount = corrected ? shapes : declaredCount;
  if (headerLength + recordCount * recordLength > bytes.length) {
    return failure('io.dbf.truncated', { file, count: recordCount, complete: Math.max(0, Math.floor((bytes.length - headerLength) / recordLength)) });
  }
  const notes = corrected ? [note('io.dbf.recordCountCorrected', { file, declared: declaredCount, count: recordCount })] : [];
  return success({ recordCount, headerLength, recordLength, languageDriver: bytes[29] as number, rawFields }, notes);
}

/**
 * How many records the file holds when it ends right after whole records (and the 0x1A end mark dBASE
 * writes): a header count that disagrees with it is the header's mistake (a tool that appended or removed
 * records without updating it), not a file cut short. Undefined when the size is no whole number of records.
 * GDAL believes the header: it reads one parcel fewer, or stops at the count, without a word.
 */
function recordCountOfFile(bytes: Uint8Array, headerLength: number, recordLength: number): number | undefined {
  const body = bytes.length - headerLength;
  const whole = Math.floor(body / recordLength);
  const rest = body - whole * recordLength;
  return rest === 0 || (rest === 1 && bytes[bytes.length - 1] === 0x1a) ? whole : undefined;
}

/** The longest field name dBASE stores: 10 bytes and a NUL (some writers use the eleventh byte too). */
const NAME_BYTES = 10;

/**
 * The raw bytes of field names and of text values (padding trimmed) of the first records, for the encoding
 * guess; those that fill their space marked, as their writer may have cut their last character.
 */
export function textSamples(bytes: Uint8Array, header: DbfHeader, maxRecords = 500): TextSample[] {
  const samples: TextSample[] = header.rawFields.map((f) => (f.nameBytes.length >= NAME_BYTES ? { bytes: f.nameBytes, filled: true } : f.nameBytes));
  const textFields = header.rawFields.filter((f) => f.type === 'C');
  const count = Math.min(header.recordCount, maxRecords);
  for (let r = 0; r < count; r++) {
    const start = header.headerLength + r * header.recordLength;
    for (const field of textFields) {
      const value = textBytes(bytes, start + field.offset, field.length, false);
      const filled = value.byteOffset + value.length === bytes.byteOffset + start + field.offset + field.length;
      samples.push(filled ? { bytes: value, filled: true } : value);
    }
  }
  return samples;
}

/**
 * A text value's bytes as GDAL (shapelib) reads them: up to the first NUL, where C writers end a shorter
 * value and leave an older value's bytes behind it, without the spaces around it (right-aligned codes,
 * `    0103`, from tables made in Excel). In UTF-16 a NUL is half of a character, and a space too.
 */
function textBytes(bytes: Uint8Array, start: number, length: number, utf16: boolean): Uint8Array {
  let end = start + length;
  let from = start;
  if (!utf16) {
    for (let i = start; i < end; i++) {
      if (bytes[i] === 0) {
        end = i;
        break;
      }
    }
    while (from < end && bytes[from] === 0x20) from++;
  }
  while (end > from && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0)) end--;
  return bytes.subarray(from, end);
}

export interface DbfTable {
  readonly fields: readonly DbfField[];
  /** One record per row that is not marked deleted, each with its 1-based row number. */
  readonly records: readonly DbfRecord[];
}

/** What every record of one table decodes its values with. */
interface Decoding {
  readonly bytes: Uint8Array;
  readonly fields: readonly DbfField[];
  readonly byName: ReadonlyMap<string, DbfField>;
  /** The first field of each name in upper case. */
  readonly byUpperCaseName: ReadonlyMap<string, DbfField>;
  readonly decoder: TextDecoder;
}

/**
 * A row whose values are decoded when first asked for: a delivery package's GHYT and TDGHDL have a row
 * per base parcel and the plan keeps a few hundred of them, chosen by two or three fields; decoding every
 * value of the rest was a third of reading those layers (22,684 rows each).
 */
export class DbfRecord {
  private decoded: Properties | null = null;

  constructor(
    private readonly decoding: Decoding,
    /** 1-based, as GDAL and the planner's tools number rows. */
    readonly row: number,
    /** Where the record starts in the table's bytes. */
    readonly start: number,
  ) {}

  get properties(): Properties {
    if (!this.decoded) {
      const { bytes, fields, decoder } = this.decoding;
      const properties = emptyProperties();
      for (const field of fields) properties[field.name] = fieldValue(bytes, this.start + field.offset, field, decoder);
      this.decoded = properties;
    }
    return this.decoded;
  }

  /**
   * One value without decoding the others; undefined for a field the table does not have. The name in other
   * letter case finds it too when no field has it exactly, as dBASE and GDAL match names.
   */
  value(name: string): JsonValue | undefined {
    const { byName, byUpperCaseName } = this.decoding;
    const field = byName.get(name) ?? byUpperCaseName.get(name.toUpperCase());
    if (!field) return undefined;
    if (this.decoded) return this.decoded[field.name];
    return fieldValue(this.decoding.bytes, this.start + field.offset, field, this.decoding.decoder);
  }
}

export function readDbf(bytes: Uint8Array, header: DbfHeader, encoding: string, file: string): Result<DbfTable> {
  const decoder = new TextDecoder(encoding);
  const fields = uniqueNames(header.rawFields.map((f) => ({ name: decodeText(decoder, f.nameBytes).trim(), type: f.type, length: f.length, decimals: f.decimals, offset: f.offset })));
  const byUpperCaseName = new Map<string, DbfField>();
  for (const field of fields) if (!byUpperCaseName.has(field.name.toUpperCase())) byUpperCaseName.set(field.name.toUpperCase(), field);
  const decoding: Decoding = { bytes, fields, byName: new Map(fields.map((f) => [f.name, f])), byUpperCaseName, decoder };
  const records: DbfRecord[] = [];
  const notes: Message[] = [];
  let deleted = 0;
  for (let r = 0; r < header.recordCount; r++) {
    const start = header.headerLength + r * header.recordLength;
    if (bytes[start] === 0x2a) {
      deleted++;
      continue;
    }
    records.push(new DbfRecord(decoding, r + 1, start));
  }
  if (deleted) notes.push(note('io.dbf.deletedRecords', { file, count: deleted }));
  const unreadable = unreadableNumbers(decoding, records);
  if (unreadable.length) notes.push(note('io.dbf.numbersUnreadable', { file, count: unreadable.length, list: listSome(unreadable, NUMBERS_LISTED) }));
  const memo = fields.filter((f) => f.type === 'M').map((f) => f.name);
  if (memo.length) notes.push(note('io.dbf.memoFields', { file, fields: memo.join(', ') }));
  return success({ fields, records }, notes);
}

const NUMBERS_LISTED = 5;
const NUMERIC_TYPES = new Set(['N', 'F', 'B']);

/**
 * The values of number fields that read as no number (`1,5`, `12abc`, `1 234`), as `TBMJ #3 "1,5"`: read as
 * empty, they must be said, not lost without a word (GDAL reads `1,5` as 1, with a warning). Blank and `*`
 * (too wide for the field, as dBASE writes it) are empty by design. A plain number is told from its bytes
 * without decoding it: this runs over every row of a 20,000-row table whose rows are otherwise decoded lazily.
 */
function unreadableNumbers(decoding: Decoding, records: readonly DbfRecord[]): string[] {
  const numeric = decoding.fields.filter((f) => NUMERIC_TYPES.has(f.type));
  const found: string[] = [];
  if (numeric.length === 0) return found;
  for (const record of records) {
    for (const field of numeric) {
      if (plainNumber(decoding.bytes, record.start + field.offset, field.length)) continue;
      const text = decodeText(decoding.decoder, decoding.bytes.subarray(record.start + field.offset, record.start + field.offset + field.length)).trim();
      if (text !== '' && !text.startsWith('*') && !Number.isFinite(Number(text))) found.push(`${field.name} #${record.row} “${text}”`);
    }
  }
  return found;
}

/** Spaces, a sign, digits with at most one point, spaces (or NUL padding): what nearly every value is. */
function plainNumber(bytes: Uint8Array, start: number, length: number): boolean {
  let i = start;
  const end = start + length;
  while (i < end && bytes[i] === 0x20) i++;
  const signed = i < end && (bytes[i] === 0x2d || bytes[i] === 0x2b);
  if (signed) i++;
  let digits = 0;
  let point = false;
  for (; i < end; i++) {
    const b = bytes[i] as number;
    if (b >= 0x30 && b <= 0x39) digits++;
    else if (b === 0x2e && !point) point = true;
    else break;
  }
  while (i < end && (bytes[i] === 0x20 || bytes[i] === 0)) i++;
  return i === end && (digits > 0 || (!point && !signed));
}

/** Two fields whose names decode the same (or a name that is empty) get `_2`, `_3`… as GDAL does. */
function uniqueNames(fields: DbfField[]): DbfField[] {
  const seen = new Set<string>();
  return fields.map((field, i) => {
    let name = field.name || `FIELD_${i + 1}`;
    for (let n = 2; seen.has(name); n++) name = `${field.name}_${n}`;
    seen.add(name);
    return { ...field, name };
  });
}

/** ASCII is decoded by hand: one TextDecoder call per value costs more than the rest of the read. */
function decodeText(decoder: TextDecoder, bytes: Uint8Array): string {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) >= 0x80) return decoder.decode(bytes);
  // fromCharCode.apply takes any array-like; the cast only satisfies its `number[]` signature.
  return String.fromCharCode.apply(null, bytes as unknown as number[]);
}

function fieldValue(bytes: Uint8Array, start: number, field: DbfField, decoder: TextDecoder): JsonValue {
  switch (field.type) {
    case 'C':
      return decodeText(decoder, textBytes(bytes, start, field.length, decoder.encoding.startsWith('utf-16')));
    case 'N':
    case 'F':
    case 'B': {
      const text = decodeText(decoder, bytes.subarray(start, start + field.length)).trim();
      // Blank is "no value"; asterisks are how dBASE writes a number too wide for its field.
      if (text === '' || text.startsWith('*')) return null;
      const value = Number(text);
      if (!Number.isFinite(value)) return null;
      // An integer beyond a double's exact range (a 20-digit BSM in an N field, as Excel-made tables store
      // codes) would come back with its last digits changed: its text keeps them. GDAL reads such a field as
      // a real and loses them too.
      return Number.isSafeInteger(value) || !/^-?\d+$/.test(text) ? value : text;
    }
    case 'L': {
      const c = String.fromCharCode(bytes[start] as number).toUpperCase();
      return 'TY'.includes(c) ? true : 'FN'.includes(c) ? false : null;
    }
    case 'D': {
      const text = decodeText(decoder, bytes.subarray(start, start + field.length)).trim();
      // dBASE writes an empty date as zeros (GDAL reads it as null, as it does a blank one).
      return /^\d{8}$/.test(text) && text !== '00000000' ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}` : null;
    }
    default:
      return null;
  }
}
