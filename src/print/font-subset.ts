/**
 * A subset of a TrueType font that keeps glyph ids: every glyph the sheet's text does not use is emptied
 * (zero length in `loca`), the rest is copied as it is. pdf-lib then embeds this small font whole. Its own
 * subsetter (fontkit's) renumbers glyphs and, with Noto Sans SC, leaves many characters blank; keeping the
 * ids avoids that whole class of mistakes. Layout tables (GSUB, GPOS…) are dropped: the PDF positions each
 * character itself, so pdf-lib maps characters through `cmap` alone, in the subset as in the full font.
 */
import fontkit from '@pdf-lib/fontkit';

const DROPPED = new Set(['GSUB', 'GPOS', 'GDEF', 'BASE', 'STAT', 'vhea', 'vmtx', 'DSIG']);
const tagOf = (v: DataView, at: number) => String.fromCharCode(v.getUint8(at), v.getUint8(at + 1), v.getUint8(at + 2), v.getUint8(at + 3));

interface Table {
  readonly tag: string;
  data: Uint8Array;
}

function readTables(sfnt: Uint8Array): { flavor: number; tables: Table[] } {
  const v = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const count = v.getUint16(4);
  const tables: Table[] = [];
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    const offset = v.getUint32(record + 8);
    tables.push({ tag: tagOf(v, record), data: sfnt.subarray(offset, offset + v.getUint32(record + 12)) });
  }
  return { flavor: v.getUint32(0), tables };
}

function writeSfnt(flavor: number, tables: readonly Table[]): Uint8Array {
  const sorted = [...tables].sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const headerSize = 12 + 16 * sorted.length;
  const out = new Uint8Array(sorted.reduce((n, t) => n + ((t.data.length + 3) & ~3), headerSize));
  const w = new DataView(out.buffer);
  const selector = Math.floor(Math.log2(sorted.length));
  w.setUint32(0, flavor);
  w.setUint16(4, sorted.length);
  w.setUint16(6, 2 ** selector * 16);
  w.setUint16(8, selector);
  w.setUint16(10, sorted.length * 16 - 2 ** selector * 16);
  let offset = headerSize;
  sorted.forEach((t, i) => {
    const record = 12 + i * 16;
    for (let k = 0; k < 4; k++) w.setUint8(record + k, t.tag.charCodeAt(k));
    let sum = 0;
    const padded = new Uint8Array((t.data.length + 3) & ~3);
    padded.set(t.data);
    const pv = new DataView(padded.buffer);
    for (let k = 0; k < padded.length; k += 4) sum = (sum + pv.getUint32(k)) >>> 0;
    w.setUint32(record + 4, sum);
    w.setUint32(record + 8, offset);
    w.setUint32(record + 12, t.data.length);
    out.set(t.data, offset);
    offset += padded.length;
  });
  return out;
}

/** Glyph ids a composite glyph is built from. */
function components(glyph: Uint8Array): number[] {
  if (glyph.length < 10) return [];
  const v = new DataView(glyph.buffer, glyph.byteOffset, glyph.byteLength);
  if (v.getInt16(0) >= 0) return [];
  const ids: number[] = [];
  let at = 10;
  for (;;) {
    const flags = v.getUint16(at);
    ids.push(v.getUint16(at + 2));
    at += 4 + (flags & 0x0001 ? 4 : 2);
    if (flags & 0x0008) at += 2;
    else if (flags & 0x0040) at += 4;
    else if (flags & 0x0080) at += 8;
    if (!(flags & 0x0020)) return ids;
  }
}

type CmapFont = ReturnType<typeof fontkit.create> & { hasGlyphForCodePoint(cp: number): boolean };

/**
 * The characters of `text` the font has no glyph for, each once, in order: they would print as .notdef
 * (an empty box). The simplified-Chinese Noto Sans SC lacks rare characters of Zhejiang place names (嶴, 溇).
 */
export function missingCharacters(sfnt: Uint8Array, text: string): string[] {
  const font = fontkit.create(sfnt as never) as CmapFont;
  return [...new Set(text)].filter((c) => !/\s/.test(c) && !font.hasGlyphForCodePoint(c.codePointAt(0) as number));
}

/** The font with only the glyphs of `text` (and .notdef) left in it; glyph ids unchanged. */
export function subsetForText(sfnt: Uint8Array, text: string): Uint8Array {
  const { flavor, tables } = readTables(sfnt);
  const find = (tag: string) => tables.find((t) => t.tag === tag);
  const head = find('head');
  const loca = find('loca');
  const glyf = find('glyf');
  const maxp = find('maxp');
  if (!head || !loca || !glyf || !maxp) return sfnt;
  const font = fontkit.create(sfnt as never) as ReturnType<typeof fontkit.create> & { glyphForCodePoint(cp: number): { id: number } };
  const numGlyphs = new DataView(maxp.data.buffer, maxp.data.byteOffset).getUint16(4);
  const longLoca = new DataView(head.data.buffer, head.data.byteOffset).getInt16(50) === 1;
  const lv = new DataView(loca.data.buffer, loca.data.byteOffset, loca.data.byteLength);
  const offsetOf = (id: number) => (longLoca ? lv.getUint32(id * 4) : lv.getUint16(id * 2) * 2);
  const glyphData = (id: number) => glyf.data.subarray(offsetOf(id), offsetOf(id + 1));

  const keep = new Set<number>([0]);
  const pending = [...new Set([...text].map((c) => font.glyphForCodePoint(c.codePointAt(0) as number).id))];
  while (pending.length) {
    const id = pending.pop() as number;
    if (keep.has(id) && id !== 0) continue;
    keep.add(id);
    for (const c of components(glyphData(id))) if (!keep.has(c)) pending.push(c);
  }
  const parts: Uint8Array[] = [];
  const newLoca = new Uint8Array((numGlyphs + 1) * 4);
  const nl = new DataView(newLoca.buffer);
  let size = 0;
  for (let id = 0; id < numGlyphs; id++) {
    nl.setUint32(id * 4, size);
    if (!keep.has(id)) continue;
    const data = glyphData(id);
    const padded = new Uint8Array((data.length + 3) & ~3);
    padded.set(data);
    parts.push(padded);
    size += padded.length;
  }
  nl.setUint32(numGlyphs * 4, size);
  const newGlyf = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    newGlyf.set(p, at);
    at += p.length;
  }
  const newHead = head.data.slice();
  new DataView(newHead.buffer).setInt16(50, 1);
  const replaced: Record<string, Uint8Array> = { glyf: newGlyf, loca: newLoca, head: newHead };
  return writeSfnt(flavor, tables.filter((t) => !DROPPED.has(t.tag)).map((t) => ({ tag: t.tag, data: replaced[t.tag] ?? t.data })));
}
