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

/** Guesses from the text bytes (only the bytes of text fields: numbers and padding say nothing). */
export function detectEncoding(samples: readonly Uint8Array[]): EncodingGuess {
  const nonAscii = samples.filter((s) => s.some((b) => b >= 0x80));
  if (nonAscii.length === 0) return { encoding: 'ascii', confidence: 'high' };
  const utf8 = nonAscii.every((s) => validIn(utf8Strict, s));
  if (utf8) {
    // UTF-8 Chinese is nearly always valid GBK too (GBK accepts almost any byte pair), but GBK text is
    // valid UTF-8 only by chance, a chance that vanishes as the text grows: a dozen bytes settle it.
    const highBytes = nonAscii.reduce((n, s) => n + s.filter((b) => b >= 0x80).length, 0);
    return { encoding: 'utf-8', confidence: highBytes >= 12 ? 'high' : 'low' };
  }
  return { encoding: 'gbk', confidence: nonAscii.every((s) => validIn(gbkStrict, s)) ? 'high' : 'low' };
}
