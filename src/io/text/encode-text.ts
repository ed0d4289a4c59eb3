/**
 * Text to bytes for DBF output: UTF-8 through TextEncoder, GBK through a table derived from the
 * platform's own GBK decoder. iconv-lite (the usual choice) needs Node's Buffer, which a browser worker
 * does not have (Vite externalises it, and the bundle grows by ~290 KB); deriving the table from
 * `TextDecoder('gbk')` keeps writing the exact inverse of reading, in every runtime. Tests compare the
 * table with iconv-lite's GBK encoder.
 */
export type OutputEncoding = 'gbk' | 'utf-8';

let gbkTable: Map<number, number> | undefined;

/** Unicode code unit → two GBK bytes (lead << 8 | trail), for every double-byte GBK character. */
function gbkEncodeTable(): Map<number, number> {
  if (gbkTable) return gbkTable;
  const table = new Map<number, number>();
  const decoder = new TextDecoder('gbk', { fatal: true });
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      let text: string;
      try {
        text = decoder.decode(pair);
      } catch {
        continue; // not a GBK character
      }
      if (text.length === 1 && !table.has(text.charCodeAt(0))) table.set(text.charCodeAt(0), (lead << 8) | trail);
    }
  }
  gbkTable = table;
  return table;
}

export interface EncodedText {
  readonly bytes: Uint8Array;
  /** Characters GBK cannot hold (written as `?`); the caller names the feature and suggests UTF-8. */
  readonly unencodable: string;
}

const utf8 = new TextEncoder();
const EURO = '\u20ac';

export function encodeText(text: string, encoding: OutputEncoding): EncodedText {
  if (encoding === 'utf-8') return { bytes: utf8.encode(text), unencodable: '' };
  const table = gbkEncodeTable();
  const out = new Uint8Array(text.length * 2);
  let length = 0;
  let unencodable = '';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code < 0x80) {
      out[length++] = code;
      continue;
    }
    // The one single-byte character above ASCII: code page 936 (what GDAL and ArcGIS read a GBK .cpg as)
    // and the WHATWG GBK decoder both read 0x80 as the euro sign.
    if (char === EURO) {
      out[length++] = 0x80;
      continue;
    }
    const gbk = char.length === 1 ? table.get(code) : undefined;
    if (gbk === undefined) {
      out[length++] = 0x3f;
      unencodable += char;
    } else {
      out[length++] = gbk >> 8;
      out[length++] = gbk & 0xff;
    }
  }
  return { bytes: out.subarray(0, length), unencodable };
}
