/**
 * GBK or UTF-8? Chinese DBFs often come without a `.cpg`, and decoding GBK bytes as UTF-8 (or the other
 * way round) is the 乱码 every Chinese GIS user knows. UTF-8 has a strict byte grammar that GBK text
 * almost never satisfies by chance, so: valid UTF-8 with multi-byte sequences → UTF-8; otherwise valid
 * GBK → GBK. The guess and both readings of the first records are reported, so the planner can switch.
 */
export type DetectedEncoding = 'ascii' | 'utf-8' | 'gbk';

export interface EncodingGuess {
  readonly encoding: DetectedEncoding;
  /** 'high' when one reading is valid and the other is not; 'low' when neither or both are. */
  readonly confidence: 'high' | 'low';
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const gbkStrict = new TextDecoder('gbk', { fatal: true });

function validIn(decoder: TextDecoder, bytes: Uint8Array): boolean {
  try {
    decoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Text that fills its field: a DBF field name of 10 bytes, a value as wide as its column. The program that
 * wrote it may have cut its last character in half (GDAL and QGIS cut a Chinese field name at 10 bytes:
 * 地类名称代码 becomes 地类名 and one byte of 称), so a cut end is no evidence against an encoding.
 */
export interface FilledText {
  readonly bytes: Uint8Array;
  readonly filled: true;
}

export type TextSample = Uint8Array | FilledText;

const bytesOf = (sample: TextSample): Uint8Array => (sample instanceof Uint8Array ? sample : sample.bytes);

/** Valid UTF-8, or, for filled text, valid UTF-8 up to a multi-byte character cut at the end. */
function validUtf8(sample: TextSample): boolean {
  const bytes = bytesOf(sample);
  if (validIn(utf8Strict, bytes)) return true;
  if (sample instanceof Uint8Array) return false;
  // The last lead byte within the last three: a character cut short has fewer bytes after it than it needs.
  let lead = bytes.length - 1;
  while (lead >= 0 && lead > bytes.length - 4 && ((bytes[lead] as number) & 0xc0) === 0x80) lead--;
  const first = bytes[lead];
  if (first === undefined || first < 0xc0) return false;
  const needs = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : 2;
  return bytes.length - lead < needs && validIn(utf8Strict, bytes.subarray(0, lead));
}

/** Valid in a double-byte code page (GBK), or, for filled text, up to a character cut after its lead byte. */
function validDoubleByte(strict: TextDecoder, sample: TextSample): boolean {
  const bytes = bytesOf(sample);
  return validIn(strict, bytes) || (!(sample instanceof Uint8Array) && validIn(strict, bytes.subarray(0, bytes.length - 1)));
}

/** Guesses from the text bytes (only the bytes of text fields: numbers and padding say nothing). */
export function detectEncoding(samples: readonly TextSample[]): EncodingGuess {
  const nonAscii = samples.filter((s) => bytesOf(s).some((b) => b >= 0x80));
  if (nonAscii.length === 0) return { encoding: 'ascii', confidence: 'high' };
  if (nonAscii.every(validUtf8)) {
    // UTF-8 Chinese is nearly always valid GBK too (GBK accepts almost any byte pair), but GBK text is
    // valid UTF-8 only by chance, a chance that vanishes as the text grows: a dozen bytes settle it.
    const highBytes = nonAscii.reduce((n, s) => n + bytesOf(s).filter((b) => b >= 0x80).length, 0);
    return { encoding: 'utf-8', confidence: highBytes >= 12 ? 'high' : 'low' };
  }
  return { encoding: 'gbk', confidence: nonAscii.every((s) => validDoubleByte(gbkStrict, s)) ? 'high' : 'low' };
}

/** Whether every sample is valid in `encoding` (UTF-8 or a code page a .cpg names), filled text cut at its end aside. */
export function validInEncoding(samples: readonly TextSample[], encoding: string): boolean {
  if (new TextDecoder(encoding).encoding === 'utf-8') return samples.every(validUtf8);
  const strict = new TextDecoder(encoding, { fatal: true });
  return samples.every((sample) => validDoubleByte(strict, sample));
}

/**
 * Whether bytes that are not valid UTF-8 are still UTF-8 text with a few broken bytes (one value cut in half
 * by another program) rather than GBK text: read as UTF-8, at least four in five of their non-ASCII
 * characters read. GBK text forms a UTF-8 character only by chance, about one character in seven.
 */
export function mostlyUtf8(bytes: Uint8Array): boolean {
  let read = 0;
  let unreadable = 0;
  for (const char of new TextDecoder('utf-8').decode(bytes)) {
    if (char === '\uFFFD') unreadable++;
    else if (char >= '\u0080') read++;
  }
  return read > 0 && read >= 4 * unreadable;
}
