/**
 * Member names of zips. Without the UTF-8 flag (bit 11) the bytes are in the zipping machine's code page:
 * on Chinese Windows (the built-in "send to compressed folder", WinRAR, 好压, 360压缩) that is GBK. The
 * Info-ZIP Unicode Path field (0x7075) wins when present and its CRC matches the raw name.
 */
import { detectEncoding } from '../text/detect-encoding.ts';
import { crc32 } from './crc32.ts';

const utf8 = new TextDecoder('utf-8');
const gbk = new TextDecoder('gbk');

export function decodeZipName(raw: Uint8Array, utf8Flag: boolean, extra: Uint8Array): string {
  if (utf8Flag) return utf8.decode(raw);
  const unicodePath = unicodePathField(extra, raw);
  if (unicodePath !== undefined) return unicodePath;
  return detectEncoding([raw]).encoding === 'gbk' ? gbk.decode(raw) : utf8.decode(raw);
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
