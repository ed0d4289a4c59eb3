/**
 * A FeatureCollection's bytes cut into its members: the envelope (everything but the features, with `[]`
 * in their place) and each feature's byte range, so each feature can be decoded and parsed on its own.
 *
 * Why: a package layer has a row per base parcel, and the plan uses all of JQDLTB but a few hundred rows of
 * GHYT and TDGHDL. Parsed whole, every row of a 14 MB file stays alive until the parse ends, so the
 * garbage collector copies all of them (scavenges were a third of reading); parsed one by one, the rows
 * left out die young and cost almost nothing, and each row's text is small.
 *
 * Nothing is trusted: the cut only finds where members begin and end (strings and nesting, as JSON lays
 * them out); the envelope and every feature are still given to JSON.parse, and only whitespace and commas
 * are allowed between features, so the pieces parse exactly when the whole file does. Anything the cut does
 * not expect (a single Feature, no top-level `features` array, text after the end) is `null`: the caller
 * then parses the file whole, which also gives JSON.parse's own message for a broken file.
 */

export interface FeatureCut {
  /** The file without its features: `{"type":"FeatureCollection",…,"features":[]}`. */
  readonly envelope: Uint8Array;
  /** Feature i is bytes [ranges[2i], ranges[2i+1]). */
  readonly ranges: Uint32Array;
  readonly count: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const FEATURES = new TextEncoder().encode('"features"');

/** 1 for the bytes that matter inside a nested value: quotes and brackets. */
const STRUCTURAL = new Uint8Array(256);
for (const c of [QUOTE, OPEN_OBJECT, CLOSE_OBJECT, OPEN_ARRAY, CLOSE_ARRAY]) STRUCTURAL[c] = 1;

const isSpace = (c: number | undefined) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

export function cutFeatureCollection(bytes: Uint8Array): FeatureCut | null {
  const n = bytes.length;
  const skipSpace = (i: number) => {
    while (i < n && isSpace(bytes[i])) i++;
    return i;
  };
  /** End (exclusive) of the string starting at i, or -1. */
  const skipString = (i: number) => {
    for (i++; i < n; i++) {
      const c = bytes[i];
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) return i + 1;
    }
    return -1;
  };
  /** End (exclusive) of the value starting at i, or -1; brackets are only counted (JSON.parse checks them). */
  const skipValue = (i: number) => {
    const first = bytes[i];
    if (first === QUOTE) return skipString(i);
    if (first !== OPEN_OBJECT && first !== OPEN_ARRAY) {
      while (i < n && !isSpace(bytes[i]) && bytes[i] !== COMMA && bytes[i] !== CLOSE_OBJECT && bytes[i] !== CLOSE_ARRAY) i++;
      return i;
    }
    // One tight loop over the nested value (most of a feature's bytes are coordinates): strings skipped inline.
    let depth = 0;
    for (; i < n; i++) {
      const c = bytes[i] as number;
      if (STRUCTURAL[c] === 0) continue;
      if (c === QUOTE) {
        for (i++; i < n; i++) {
          const d = bytes[i];
          if (d === BACKSLASH) i++;
          else if (d === QUOTE) break;
        }
        if (i >= n) return -1;
      } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
      else if (--depth === 0) return i + 1;
    }
    return -1;
  };
  const isFeaturesKey = (start: number, end: number) => end - start === FEATURES.length && FEATURES.every((b, k) => bytes[start + k] === b);

  // A UTF-8 byte order mark is allowed before the text, as TextDecoder allows it.
  let i = skipSpace(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0);
  if (bytes[i] !== OPEN_OBJECT) return null;
  let arrayStart = -1;
  let arrayEnd = -1;
  const ranges: number[] = [];
  i = skipSpace(i + 1);
  if (bytes[i] === CLOSE_OBJECT) return null;
  for (;;) {
    if (bytes[i] !== QUOTE) return null;
    const keyStart = i;
    i = skipString(i);
    if (i < 0) return null;
    const keyEnd = i;
    i = skipSpace(i);
    if (bytes[i] !== COLON) return null;
    i = skipSpace(i + 1);
    if (isFeaturesKey(keyStart, keyEnd)) {
      // A second `features` member would replace the first in JSON.parse: not a layout to cut.
      if (arrayStart >= 0 || bytes[i] !== OPEN_ARRAY) return null;
      arrayStart = i;
      i = skipSpace(i + 1);
      if (bytes[i] !== CLOSE_ARRAY) {
        for (;;) {
          const end = skipValue(i);
          if (end <= i) return null;
          ranges.push(i, end);
          i = skipSpace(end);
          if (bytes[i] === CLOSE_ARRAY) break;
          if (bytes[i] !== COMMA) return null;
          i = skipSpace(i + 1);
        }
      }
      arrayEnd = i + 1;
      i = arrayEnd;
    } else {
      i = skipValue(i);
      if (i < 0) return null;
    }
    i = skipSpace(i);
    if (bytes[i] === CLOSE_OBJECT) break;
    if (bytes[i] !== COMMA) return null;
    i = skipSpace(i + 1);
  }
  if (arrayStart < 0 || skipSpace(i + 1) !== n) return null;
  const envelope = new Uint8Array(arrayStart + 2 + (n - arrayEnd));
  envelope.set(bytes.subarray(0, arrayStart));
  envelope[arrayStart] = OPEN_ARRAY;
  envelope[arrayStart + 1] = CLOSE_ARRAY;
  envelope.set(bytes.subarray(arrayEnd), arrayStart + 2);
  return { envelope, ranges: Uint32Array.from(ranges), count: ranges.length / 2 };
}
