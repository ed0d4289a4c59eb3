/**
 * Which encoding a Shapefile's DBF is read with: the planner's choice, else the `.cpg` (unless it says UTF-8
 * of bytes that are not, or another code page of bytes that are UTF-8), else the DBF's language-driver byte
 * (the same unless the bytes are UTF-8), else a GBK-or-UTF-8 guess from the bytes, reported with a preview of
 * both readings.
 */
import { fileName, type InputFile } from '../files.ts';
import { note, type Message } from '../result.ts';
import type { DbfHeader } from '../shapefile/dbf-read.ts';
import { textSamples } from '../shapefile/dbf-read.ts';
import { encodingFromCpg, encodingFromLanguageDriver, isDecodable } from '../text/code-pages.ts';
import { detectEncoding, validInEncoding } from '../text/detect-encoding.ts';
import type { EncodingPreview, EncodingReport } from './types.ts';

const PREVIEW_RECORDS = 3;

export function chooseEncoding(
  dbf: InputFile,
  header: DbfHeader,
  cpg: InputFile | undefined,
  chosen: string | undefined,
  notes: Message[],
): EncodingReport {
  const preview = () => previewBothWays(dbf.bytes, header);
  if (chosen && isDecodable(chosen)) return { encoding: new TextDecoder(chosen).encoding, how: 'chosen', confidence: 'high', preview: preview() };
  if (cpg) {
    const text = new TextDecoder('utf-8').decode(cpg.bytes);
    const fromCpg = encodingFromCpg(text);
    if (fromCpg === 'utf-8') {
      // A .cpg is written by whichever program saved the layer last, not by the one that wrote its bytes: a GBK
      // table renamed or copied by a tool that writes "UTF-8" is common. Bytes that are not UTF-8 settle it.
      const guess = detectEncoding(textSamples(dbf.bytes, header));
      if (guess.encoding === 'gbk' && guess.confidence === 'high') {
        notes.push(note('io.dbf.cpgContradicted', { file: fileName(cpg.name), cpg: 'UTF-8', encoding: 'GBK' }));
        return { encoding: 'gbk', how: 'detected', confidence: 'high', preview: preview() };
      }
    }
    if (fromCpg && fromCpg !== 'utf-8' && bytesAreUtf8(dbf, header, fromCpg)) {
      notes.push(note('io.dbf.cpgContradicted', { file: fileName(cpg.name), cpg: text.replace(/^\uFEFF/, '').trim(), encoding: 'UTF-8' }));
      return { encoding: 'utf-8', how: 'detected', confidence: 'high', preview: preview() };
    }
    if (fromCpg) return { encoding: fromCpg, how: 'cpg', confidence: 'high', preview: null };
  }
  // A .cpg that names no encoding (empty, as GDAL writes it with ENCODING="", or "System", an HTML page) is
  // set aside; its note says what the text was then read as, and stands for the "no .cpg" guess note, which
  // would tell the planner there is no .cpg beside a .cpg.
  const setAside = cpg ? { file: fileName(cpg.name), start: new TextDecoder('utf-8').decode(cpg.bytes).trim().slice(0, 40) } : null;
  const readAs = (encoding: string) => {
    if (setAside) notes.push(note('io.dbf.cpgNotUnderstood', { ...setAside, encoding: new TextDecoder(encoding).encoding.toUpperCase() }));
  };
  const fromDriver = encodingFromLanguageDriver(header.languageDriver);
  if (fromDriver && bytesAreUtf8(dbf, header, fromDriver)) {
    readAs('utf-8');
    notes.push(note('io.dbf.languageDriverContradicted', { file: fileName(dbf.name), declared: new TextDecoder(fromDriver).encoding.toUpperCase(), encoding: 'UTF-8' }));
    return { encoding: 'utf-8', how: 'detected', confidence: 'high', preview: preview() };
  }
  if (fromDriver) {
    readAs(fromDriver);
    return { encoding: fromDriver, how: 'languageDriver', confidence: 'high', preview: null };
  }
  const guess = detectEncoding(textSamples(dbf.bytes, header));
  if (guess.encoding === 'ascii') {
    readAs('utf-8');
    return { encoding: 'utf-8', how: 'ascii', confidence: 'high', preview: null };
  }
  if (setAside) readAs(guess.encoding);
  else notes.push(note(guess.confidence === 'high' ? 'io.dbf.encodingGuessed' : 'io.dbf.encodingUncertain', { file: fileName(dbf.name), encoding: guess.encoding.toUpperCase() }));
  return { encoding: guess.encoding, how: 'detected', confidence: guess.confidence, preview: preview() };
}

/**
 * Whether the text is UTF-8 beyond doubt, whatever a `.cpg` or the language driver says: a GBK or other
 * code-page table forms valid UTF-8 only by chance, which a dozen bytes rule out (detectEncoding), while
 * UTF-8 text read as GBK is the 乱码 (“鏉戞皯灏忕粍”) of a layer whose `.cpg` or header byte was copied
 * from another file or written by a tool that always writes its own code page.
 */
function bytesAreUtf8(dbf: InputFile, header: DbfHeader, declared: string): boolean {
  const samples = textSamples(dbf.bytes, header);
  const guess = detectEncoding(samples);
  if (guess.encoding !== 'utf-8') return false;
  // A short UTF-8 text (a village name of three characters, 9 bytes) can read in the declared code page too,
  // and then only a dozen bytes settle it; but text the declared code page cannot read at all is the UTF-8.
  return guess.confidence === 'high' || !validInEncoding(samples, declared);
}

/** The first records' text fields decoded as GBK and as UTF-8, side by side for the encoding switch. */
function previewBothWays(bytes: Uint8Array, header: DbfHeader): EncodingPreview | null {
  const textFields = header.rawFields.filter((f) => f.type === 'C');
  const gbk = new TextDecoder('gbk');
  const utf8 = new TextDecoder('utf-8');
  const rows = { gbk: [] as string[][], utf8: [] as string[][] };
  let nonAscii = false;
  for (let r = 0; r < Math.min(header.recordCount, PREVIEW_RECORDS); r++) {
    const start = header.headerLength + r * header.recordLength;
    const values = textFields.map((f) => bytes.subarray(start + f.offset, start + f.offset + f.length));
    nonAscii ||= values.some((v) => v.some((b) => b >= 0x80));
    rows.gbk.push(values.map((v) => gbk.decode(v).trimEnd()));
    rows.utf8.push(values.map((v) => utf8.decode(v).trimEnd()));
  }
  if (!nonAscii) return null;
  return { fields: textFields.map((f) => gbk.decode(f.nameBytes)), gbk: rows.gbk, utf8: rows.utf8 };
}
