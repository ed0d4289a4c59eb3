/**
 * Member names of zips. Without the UTF-8 flag (bit 11) the bytes are in the zipping machine's code page:
 * on Chinese Windows (the built-in "send to compressed folder", WinRAR, 好压, 360压缩) that is GBK. The
 * Info-ZIP Unicode Path field (0x7075) wins when present and its CRC matches the raw name. GDAL's
 * /vsizip/ needs `CPL_ZIP_ENCODING=CP936` for the same names.
 */
import { detectEncoding } from '../text/detect-encoding.ts';
import { crc32 } from './crc32.ts';

const utf8 = new TextDecoder('utf-8');
const gbk = new TextDecoder('gbk');

export function decodeZipName(raw: Uint8Array, utf8Flag: boolean, extra: Uint8Array): string {
  // A flag over bytes that are no UTF-8 at all is a tool's mistake (seen in Java-made zips): the code page it is.
  if (utf8Flag) return strictUtf8(raw) ?? gbk.decode(raw);
  const unicodePath = unicodePathField(extra, raw);
  if (unicodePath !== undefined) return unicodePath;
  if (detectEncoding([raw]).encoding !== 'utf-8') return gbk.decode(raw);
  // Valid as both. A short GBK name can be valid UTF-8 by chance — 水系 (CB AE CF B5) reads as "ˮϵ" — so the
  // UTF-8 reading is kept only when it is text a planner writes (Chinese, ASCII, full-width forms).
  const asUtf8 = utf8.decode(raw);
  return PLANNER_TEXT.test(asUtf8) || !PLANNER_TEXT.test(gbk.decode(raw)) ? asUtf8 : gbk.decode(raw);
}

/**
 * Printable ASCII, the middle dot, general punctuation (“” —), CJK punctuation and ideographs (with
 * extension A), full-width forms: a Chinese export's file names. Not the rest of Latin-1: GBK pairs read
 * as UTF-8 give Latin-1 letters (隆隆 → ¡¡); with it out, no two-character GB2312 name is misread.
 */
const PLANNER_TEXT = /^[\u0020-\u007e\u00b7\u2000-\u206f\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]*$/u;

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

function strictUtf8(raw: Uint8Array): string | null {
  try {
    return utf8Strict.decode(raw);
  } catch {
    return null;
  }
}

function unicodePathField(extra: Uint8Array, raw: Uint8Array): string | undefined {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let at = 0; at + 4 <= extra.length; at += 4 + view.getUint16(at + 2, true)) {
    const size = view.getUint16(at + 2, true);
    if (view.getUint16(at, true) !== 0x7075 || size < 5 || at + 4 + size > extra.length) continue;
    if (view.getUint8(at + 4) !== 1 || view.getUint32(at + 5, true) !== crc32(raw)) return undefined;
    return utf8.decode(extra.subarray(at + 9, at + 4 + size));
  }
  return undefined;
}
