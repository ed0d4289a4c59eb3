/**
 * A cursor over a FeatureCollection's bytes: where each feature begins and ends, and the envelope
 * (everything but the features, with `[]` in their place), so each feature can be decoded and parsed on
 * its own, or skimmed (geojson-skim.ts), which finds its end itself.
 *
 * Why: a package layer has a row per base parcel, and the plan uses all of JQDLTB but a few hundred rows of
 * GHYT and TDGHDL. Parsed whole, every row of a 14 MB file stays alive until the parse ends, so the
 * garbage collector copies all of them (scavenges were a third of reading); parsed one by one, the rows
 * left out die young and cost almost nothing, and each row's text is small.
 *
 * Nothing is trusted: the cursor only finds where members begin and end (strings and nesting, as JSON
 * lays them out); the envelope and every feature are still given to JSON.parse (or checked against the
 * JSON grammar by the skim), and only whitespace and commas are allowed between features, so the pieces
 * parse exactly when the whole file does. Anything the cursor does not expect (a single Feature, no
 * top-level `features` array, text after the end) is `null` or BROKEN: the caller then parses the file
 * whole, which also gives JSON.parse's own message for a broken file.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const FEATURES = new TextEncoder().encode('"features"');
const CRS = new TextEncoder().encode('"crs"');

/** 1 for the bytes that matter inside a nested value: quotes and brackets. */
const STRUCTURAL = new Uint8Array(256);
for (const c of [QUOTE, OPEN_OBJECT, CLOSE_OBJECT, OPEN_ARRAY, CLOSE_ARRAY]) STRUCTURAL[c] = 1;

const SPACE = new Uint8Array(256);
for (const c of [0x20, 0x0a, 0x0d, 0x09]) SPACE[c] = 1;

/** What `first()` and `after()` answer when there is no next feature, or when the layout is not one to cut. */
export const NO_MORE = -1;
export const BROKEN = -2;

export class FeatureCursor {
  /** Where the features array's `[` and (once reached) its `]` are. */
  private arrayEnd = -1;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly arrayStart: number,
    /**
     * The text of a (GeoJSON 2008) `crs` member written before the features, as GDAL and QGIS write it, so
     * the rows can be read in the system it names; null when there is none before them.
     */
    readonly leadingCrs: Uint8Array | null = null,
  ) {}

  /** A cursor on the top-level `features` array of an object, or null for any other layout. */
  static open(bytes: Uint8Array): FeatureCursor | null {
    const cut = new FeatureCursor(bytes, -1);
    // A UTF-8 byte order mark is allowed before the text, as TextDecoder allows it.
    let i = cut.skipSpace(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0);
    if (bytes[i] !== OPEN_OBJECT) return null;
    i = cut.skipSpace(i + 1);
    let leadingCrs: Uint8Array | null = null;
    for (;;) {
      if (bytes[i] !== QUOTE) return null;
      const keyStart = i;
      i = cut.skipString(i);
      if (i < 0) return null;
      const keyEnd = i;
      i = cut.skipSpace(i);
      if (bytes[i] !== COLON) return null;
      i = cut.skipSpace(i + 1);
      if (isKey(bytes, keyStart, keyEnd, FEATURES)) return bytes[i] === OPEN_ARRAY ? new FeatureCursor(bytes, i, leadingCrs) : null;
      const valueStart = i;
      i = cut.skipValue(i);
      if (i < 0) return null;
      if (isKey(bytes, keyStart, keyEnd, CRS)) leadingCrs = bytes.subarray(valueStart, i);
      i = cut.skipSpace(i);
      if (bytes[i] !== COMMA) return null;
      i = cut.skipSpace(i + 1);
    }
  }

  /** Where the first feature begins, or NO_MORE for an empty array. */
  first(): number {
    return this.after(this.arrayStart + 1, true);
  }

  /** Where the feature beginning at `start` ends (exclusive), found by its brackets; BROKEN when it does not. */
  end(start: number): number {
    const end = this.skipValue(start);
    return end > start ? end : BROKEN;
  }

  /** Where the next feature begins after one ending at `end`: its start, NO_MORE past the last, or BROKEN. */
  after(end: number, atStart = false): number {
    const bytes = this.bytes;
    let i = this.skipSpace(end);
    if (bytes[i] === CLOSE_ARRAY) {
      this.arrayEnd = i + 1;
      return NO_MORE;
    }
    if (!atStart) {
      if (bytes[i] !== COMMA) return BROKEN;
      i = this.skipSpace(i + 1);
    }
    return i < bytes.length && bytes[i] !== CLOSE_ARRAY ? i : BROKEN;
  }

  /** The file without its features, once the last one is passed; null when what follows is not a layout to cut. */
  envelope(): Uint8Array | null {
    const bytes = this.bytes;
    if (this.arrayEnd < 0) return null;
    let i = this.skipSpace(this.arrayEnd);
    while (bytes[i] === COMMA) {
      i = this.skipSpace(i + 1);
      const keyStart = i;
      i = bytes[i] === QUOTE ? this.skipString(i) : -1;
      // A second `features` member would replace the first in JSON.parse: not a layout to cut.
      if (i < 0 || isKey(bytes, keyStart, i, FEATURES)) return null;
      i = this.skipSpace(i);
      if (bytes[i] !== COLON) return null;
      i = this.skipValue(this.skipSpace(i + 1));
      if (i < 0) return null;
      i = this.skipSpace(i);
    }
    if (bytes[i] !== CLOSE_OBJECT || this.skipSpace(i + 1) !== bytes.length) return null;
    const envelope = new Uint8Array(this.arrayStart + 2 + (bytes.length - this.arrayEnd));
    envelope.set(bytes.subarray(0, this.arrayStart));
    envelope[this.arrayStart] = OPEN_ARRAY;
    envelope[this.arrayStart + 1] = CLOSE_ARRAY;
    envelope.set(bytes.subarray(this.arrayEnd), this.arrayStart + 2);
    return envelope;
  }

  private skipSpace(i: number): number {
    const bytes = this.bytes;
    while (i < bytes.length && SPACE[bytes[i] as number]) i++;
    return i;
  }

  /** End (exclusive) of the string starting at i, or -1. */
  private skipString(i: number): number {
    const bytes = this.bytes;
    for (i++; i < bytes.length; i++) {
      const c = bytes[i];
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) return i + 1;
    }
    return -1;
  }

  /** End (exclusive) of the value starting at i, or -1; brackets are only counted (JSON.parse checks them). */
  private skipValue(i: number): number {
    const bytes = this.bytes;
    const n = bytes.length;
    const first = bytes[i];
    if (first === QUOTE) return this.skipString(i);
    if (first !== OPEN_OBJECT && first !== OPEN_ARRAY) {
      while (i < n && !SPACE[bytes[i] as number] && bytes[i] !== COMMA && bytes[i] !== CLOSE_OBJECT && bytes[i] !== CLOSE_ARRAY) i++;
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
  }
}

function isKey(bytes: Uint8Array, start: number, end: number, key: Uint8Array): boolean {
  if (end - start !== key.length) return false;
  for (let k = 0; k < key.length; k++) if (bytes[start + k] !== key[k]) return false;
  return true;
}
