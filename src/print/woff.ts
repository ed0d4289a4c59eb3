/**
 * WOFF (1.0) → plain TrueType. The font ships as WOFF (@fontsource/noto-sans-sc); fontkit can read WOFF
 * itself, but inflates its tables with a tiny pure-JS inflater that takes ~25 s for a CJK font. fflate
 * does it in well under a second, so the tables are unpacked here and fontkit gets an ordinary sfnt.
 */
import { unzlibSync } from 'fflate';

const WOFF_SIGNATURE = 0x774f4646;

export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (view.getUint32(0) !== WOFF_SIGNATURE) return woff;
  const flavor = view.getUint32(4);
  const numTables = view.getUint16(12);
  const tables: { tag: number; checksum: number; data: Uint8Array }[] = [];
  for (let i = 0; i < numTables; i++) {
    const entry = 44 + i * 20;
    const offset = view.getUint32(entry + 4);
    const compLength = view.getUint32(entry + 8);
    const origLength = view.getUint32(entry + 12);
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? unzlibSync(raw) : raw;
    if (data.length !== origLength) throw new Error('damaged WOFF table');
    tables.push({ tag: view.getUint32(entry), checksum: view.getUint32(entry + 16), data });
  }
  const headerSize = 12 + 16 * numTables;
  const total = tables.reduce((size, t) => size + ((t.data.length + 3) & ~3), headerSize);
  const out = new Uint8Array(total);
  const w = new DataView(out.buffer);
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  w.setUint32(0, flavor);
  w.setUint16(4, numTables);
  w.setUint16(6, searchRange);
  w.setUint16(8, entrySelector);
  w.setUint16(10, numTables * 16 - searchRange);
  let offset = headerSize;
  tables.forEach((t, i) => {
    const record = 12 + i * 16;
    w.setUint32(record, t.tag);
    w.setUint32(record + 4, t.checksum);
    w.setUint32(record + 8, offset);
    w.setUint32(record + 12, t.data.length);
    out.set(t.data, offset);
    offset += (t.data.length + 3) & ~3;
  });
  return out;
}
