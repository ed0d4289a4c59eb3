/**
 * DXF bytes → text. A DXF says its own encoding, in two ways depending on its version: up to R2004
 * (AC1018) text is in the code page of `$DWGCODEPAGE` (ANSI_936 = GBK on Chinese AutoCAD and CASS) with
 * `\U+XXXX` escapes for characters outside it; from R2007 (AC1021) on it is UTF-8. Writers do not always
 * follow this (GDAL writes UTF-8 under `ANSI_1252`, or under `ANSI_936` when given a Chinese header as its
 * template; R12 files often lack the code page), so a declared single-byte Western code page, or any code
 * page that bytes valid as UTF-8 contradict, is checked with the same GBK/UTF-8 test the Shapefile reader
 * uses, and the choice is reported. Binary DXF and DWG are recognised from their first
 * bytes and refused with what to do.
 */
import { fileName } from '../files.ts';
import { failure, note, success, type Message, type Result } from '../result.ts';
import { encodingFromCpg, isDecodable } from '../text/code-pages.ts';
import { detectEncoding } from '../text/detect-encoding.ts';

export interface DecodedDxf {
  readonly text: string;
  /** `$ACADVER` (AC1009 = R12, AC1015 = R2000, AC1018 = R2004, AC1021 = R2007…), null when absent. */
  readonly version: string | null;
  /** The decoder used and how it was chosen. */
  readonly encoding: string;
  readonly how: 'chosen' | 'utf8Version' | 'codepage' | 'detected' | 'ascii';
}

const BINARY_SENTINEL = 'AutoCAD Binary DXF';
const RELEASES: Readonly<Record<string, string>> = {
  AC1009: 'R12',
  AC1012: 'R13',
  AC1014: 'R14',
  AC1015: 'R2000',
  AC1018: 'R2004',
  AC1021: 'R2007',
  AC1024: 'R2010',
  AC1027: 'R2013',
  AC1032: 'R2018',
};

/** `AC1015 (R2000)`, for notes. */
export function describeVersion(version: string | null): string {
  if (!version) return 'R12?';
  const release = RELEASES[version];
  return release ? `${version} (${release})` : version;
}

/** The value line after a header variable (`  9\n$ACADVER\n  1\nAC1015`), read from ASCII alone. */
function headerValue(head: string, variable: string): string | null {
  // Lines end in CR LF, LF or (old Macintosh writers) CR alone.
  const end = '[ \\t]*(?:\\r\\n?|\\n)';
  const match = new RegExp(`[\\r\\n][ \\t]*9${end}\\${variable}${end}[ \\t]*\\d+${end}([^\\r\\n]*)`).exec(`\n${head}`);
  return match ? (match[1] as string).trim() : null;
}

function startsWith(bytes: Uint8Array, text: string): boolean {
  if (bytes.length < text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false;
  return true;
}

/** A DWG starts with its version string (`AC1015`…) followed by binary; a DXF starts with a group code. */
function looksLikeDwg(bytes: Uint8Array): boolean {
  return bytes.length >= 6 && startsWith(bytes, 'AC10') && bytes.subarray(4, 6).every((b) => b >= 0x30 && b <= 0x39);
}

/** The text values of a file, for guessing: only lines with bytes ≥ 0x80 (numbers and codes say nothing). */
function textSamples(bytes: Uint8Array): Uint8Array[] {
  const samples: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      const line = bytes.subarray(start, i);
      if (line.some((b) => b >= 0x80)) samples.push(line);
      start = i + 1;
      if (samples.length >= 2000) break;
    }
  }
  return samples;
}

export function decodeDxf(path: string, bytes: Uint8Array, chosen?: string): Result<DecodedDxf> {
  const file = fileName(path);
  if (startsWith(bytes, BINARY_SENTINEL)) return failure('io.dxf.binary', { file });
  if (looksLikeDwg(bytes)) return failure('io.dxf.dwg', { file });
  if (bytes.length === 0) return failure('io.dxf.empty', { file });
  // A NUL byte never occurs in a text DXF: this is some other binary file under a .dxf name.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 64 * 1024));
  if (head.includes('\0')) return failure('io.dxf.notDxf', { file });
  const version = headerValue(head, '$ACADVER');
  const codepage = headerValue(head, '$DWGCODEPAGE');
  const notes: Message[] = [];

  let encoding: string;
  let how: DecodedDxf['how'];
  const samples = textSamples(bytes);
  const guess = detectEncoding(samples);
  if (chosen && isDecodable(chosen)) {
    encoding = chosen;
    how = 'chosen';
  } else if (version !== null && version >= 'AC1021') {
    encoding = 'utf-8';
    how = 'utf8Version';
  } else if (samples.length === 0) {
    encoding = 'utf-8';
    how = 'ascii';
  } else {
    const declared = codepage ? encodingFromCpg(codepage) : undefined;
    // Text that reads as UTF-8 (a dozen bytes or more, which GBK text satisfies only by chance) is UTF-8
    // whatever the header says: GDAL writes UTF-8 under the header it copies, ANSI_936 from a Chinese template.
    const utf8Anyway = guess.encoding === 'utf-8' && guess.confidence === 'high';
    if (declared && declared !== 'windows-1252' && !utf8Anyway) {
      encoding = declared;
      how = 'codepage';
    } else {
      // No code page, or the Western default that GDAL and others write whatever the text is.
      encoding = guess.encoding === 'ascii' ? 'utf-8' : guess.encoding;
      how = 'detected';
      if (codepage) notes.push(note('io.dxf.codepageIgnored', { file, codepage, encoding: encoding.toUpperCase() }));
    }
  }
  if (how !== 'chosen' && how !== 'ascii' && encoding === 'utf-8' && guess.encoding === 'gbk' && guess.confidence === 'high') {
    // Declared UTF-8 (R2007+) but the bytes are not: an old CAD tool labelled a GBK file wrongly.
    encoding = 'gbk';
    notes.push(note('io.dxf.notUtf8', { file }));
  }
  const text = new TextDecoder(encoding).decode(bytes);
  return success({ text, version, encoding, how }, notes);
}

/**
 * `\U+XXXX` escapes in text values and names, as AutoCAD writes characters outside the file's code page;
 * and `\M+nXXXX`, a double-byte character of code page n (1 Shift-JIS, 2 Big5, 3 Wansung, 4 Johab,
 * 5 GB2312), of which the Chinese ones are decoded.
 */
export function unescapeDxfText(value: string): string {
  if (!value.includes('\\')) return value;
  return value
    .replace(/\\U\+([0-9A-Fa-f]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\M\+([1-5])([0-9A-Fa-f]{4})/g, (whole, page: string, hex: string) => {
      const label = page === '5' ? 'gbk' : page === '2' ? 'big5' : null;
      if (!label) return whole;
      const code = parseInt(hex, 16);
      return new TextDecoder(label).decode(new Uint8Array([code >> 8, code & 0xff]));
    });
}
