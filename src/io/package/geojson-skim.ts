/**
 * A GeoJSON feature looked at in its bytes without building it: where its properties are (each field
 * readable on its own) and the box around its polygon, so a reader can decide to leave the row out before
 * paying for its coordinates and its text. GHYT and TDGHDL have a row per base parcel and the plan keeps a
 * few hundred of them; parsing every row only to drop it was most of the time spent on those layers.
 *
 * Only the plain case is answered: a feature whose geometry is a Polygon or MultiPolygon of positions of
 * two or more plain decimal numbers, with ASCII member names without escapes, each member once. Anything
 * else (another geometry, a position with text in it, an exponent, a duplicated member, non-ASCII outside
 * the properties, anything not JSON) is `null`, and the caller parses the row with JSON.parse as before,
 * which decides it exactly (and names what is wrong). So this is never less strict than JSON.parse: every
 * byte of a skimmed row is checked against the JSON grammar here, and its text against UTF-8 as
 * TextDecoder's fatal mode checks it (tested against both on damaged rows).
 *
 * The box is a little larger than the exact one (numbers are read approximately, then the box is grown by
 * 1e-9 of a degree): it only decides which rows to keep, and a kept row is parsed exactly.
 */
import type { BBox } from '../../geo/bbox.ts';

export interface Skimmed {
  /** Where the `properties` member's value is in the bytes; -1, -1 when the feature has none. */
  readonly propertiesFrom: number;
  readonly propertiesTo: number;
  /**
   * The properties object's members as byte ranges, four numbers each (name from, name to, value from,
   * value to), so one field can be read without parsing the others; null when the value is not an object
   * or a name has an escape (then the whole value is to be parsed).
   */
  readonly members: readonly number[] | null;
  readonly box: BBox;
  /** Where the feature's text ends (exclusive). */
  readonly end: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
/** Grown on every side so the box holds the exact one whatever the rounding of the approximate reading. */
const SLACK = 1e-9;
const RELATIVE_SLACK = 1e-12;
/** More integer digits than this could overflow to Infinity, which JSON.parse would give and the row check refuses. */
const MAX_INTEGER_DIGITS = 300;

const SPACE = new Uint8Array(256);
for (const c of [0x20, 0x0a, 0x0d, 0x09]) SPACE[c] = 1;
const DIGIT = new Uint8Array(256);
for (let c = ZERO; c <= 0x39; c++) DIGIT[c] = 1;
const HEX = new Uint8Array(256);
for (const c of '0123456789abcdefABCDEF') HEX[c.charCodeAt(0)] = 1;
const ESCAPED = new Uint8Array(256);
for (const c of '"\\/bfnrt') ESCAPED[c.charCodeAt(0)] = 1;
const encode = (text: string) => new TextEncoder().encode(text);
/** Member names that matter, by id; the ids below index this list. */
const NAMES = [encode('properties'), encode('geometry'), encode('type'), encode('coordinates')];
const PROPERTIES = 0;
const GEOMETRY = 1;
const TYPE = 2;
const COORDINATES = 3;
const OTHER = -1;
const INVALID = -2;
const POLYGON = encode('"Polygon"');
const MULTI_POLYGON = encode('"MultiPolygon"');
/** propertyMembers' answer for text that is not JSON (a distinct array, compared by identity). */
const WRONG_MEMBERS: number[] = [];
const MORE = 1;
const END = 0;
const WRONG = -1;
const POWERS = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * End of the UTF-8 sequence starting at i (a byte ≥ 0x80), or -1 when it is not one TextDecoder's fatal
 * mode accepts: no overlong forms, no surrogates, nothing above U+10FFFF, nothing cut short.
 */
export function utf8Sequence(b: Uint8Array, i: number): number {
  const c = b[i] as number;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) length = 2;
  else if (c >= 0xe0 && c <= 0xef) {
    length = 3;
    if (c === 0xe0) low = 0xa0;
    else if (c === 0xed) high = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    length = 4;
    if (c === 0xf0) low = 0x90;
    else if (c === 0xf4) high = 0x8f;
  } else return -1;
  const second = b[i + 1];
  if (second === undefined || second < low || second > high) return -1;
  for (let k = 2; k < length; k++) {
    const next = b[i + k];
    if (next === undefined || next < 0x80 || next > 0xbf) return -1;
  }
  return i + length;
}

/** The feature whose text begins at `start`, or null when it is not the plain case (or not JSON, or not UTF-8). */
export function skimFeature(bytes: Uint8Array, start: number): Skimmed | null {
  try {
    return new Skim(bytes).feature(start);
  } catch {
    // Something absurd (nesting deep enough to exhaust the stack): the caller's exact parse of the row says
    // what is wrong.
    return null;
  }
}

function bytesAre(b: Uint8Array, from: number, to: number, name: Uint8Array): boolean {
  if (name.length !== to - from) return false;
  for (let k = 0; k < name.length; k++) if (b[from + k] !== name[k]) return false;
  return true;
}

const grow = (v: number) => SLACK + Math.abs(v) * RELATIVE_SLACK;

class Skim {
  private i = 0;
  private minX = Infinity;
  private minY = Infinity;
  private maxX = -Infinity;
  private maxY = -Infinity;

  private readonly end: number;

  constructor(private readonly b: Uint8Array) {
    this.end = b.length;
  }

  feature(start: number): Skimmed | null {
    this.i = start;
    let propertiesFrom = -1;
    let propertiesTo = -1;
    let members: number[] | null = null;
    let hasGeometry = false;
    // Plain loops, no callbacks: this runs for every row of 24,000-row layers.
    let more = this.open();
    while (more === MORE) {
      const key = this.key();
      if (key === PROPERTIES) {
        if (propertiesFrom >= 0) return null;
        propertiesFrom = this.i;
        // The one place non-ASCII text is expected (names, notes): checked as UTF-8 here, parsed only when read.
        members = this.b[this.i] === OPEN_OBJECT ? this.propertyMembers() : this.value(false) ? null : WRONG_MEMBERS;
        if (members === WRONG_MEMBERS) return null;
        propertiesTo = this.i;
      } else if (key === GEOMETRY) {
        if (hasGeometry || !this.geometry()) return null;
        hasGeometry = true;
      } else if (key === INVALID || !this.value(true)) return null;
      more = this.next();
    }
    if (more === WRONG || !hasGeometry) return null;
    return {
      propertiesFrom,
      propertiesTo,
      members,
      box: [this.minX - grow(this.minX), this.minY - grow(this.minY), this.maxX + grow(this.maxX), this.maxY + grow(this.maxY)],
      end: this.i,
    };
  }

  /**
   * The properties object, checked to the grammar (UTF-8 included), its members' ranges listed; null when a
   * name has an escape (parse the whole value), WRONG_MEMBERS when it is not JSON.
   */
  private propertyMembers(): number[] | null {
    const b = this.b;
    const members: number[] = [];
    let plain = true;
    let more = this.open();
    while (more === MORE) {
      const keyFrom = this.i;
      if (b[keyFrom] !== QUOTE || !this.string(false)) return WRONG_MEMBERS;
      const keyTo = this.i;
      for (let k = keyFrom + 1; k < keyTo - 1; k++) if (b[k] === BACKSLASH) plain = false;
      if (b[this.skipSpace()] !== COLON) return WRONG_MEMBERS;
      this.i++;
      const valueFrom = this.skipSpace();
      if (!this.value(false)) return WRONG_MEMBERS;
      members.push(keyFrom + 1, keyTo - 1, valueFrom, this.i);
      more = this.next();
    }
    if (more === WRONG) return WRONG_MEMBERS;
    return plain ? members : null;
  }

  /** `{"type":"Polygon"|"MultiPolygon","coordinates":…}` with the positions read into the box; other members checked as JSON. */
  private geometry(): boolean {
    let depth = 0;
    let hasType = false;
    let coordinatesAt = -1;
    let readEarly = false;
    let more = this.open();
    while (more === MORE) {
      const key = this.key();
      if (key === TYPE) {
        if (hasType) return false;
        hasType = true;
        depth = this.polygonType();
        if (depth === 0) return false;
      } else if (key === COORDINATES) {
        if (coordinatesAt >= 0 || readEarly) return false;
        // Usually the type comes first and the coordinates are read at once; otherwise checked now, read below.
        if (depth > 0) {
          readEarly = true;
          if (!this.nested(depth)) return false;
        } else {
          coordinatesAt = this.i;
          if (!this.value(true)) return false;
        }
      } else if (key === INVALID || !this.value(true)) return false;
      more = this.next();
    }
    if (more === WRONG || depth === 0) return false;
    if (readEarly) return true;
    if (coordinatesAt < 0) return false;
    const after = this.i;
    this.i = coordinatesAt;
    const read = this.nested(depth);
    this.i = after;
    return read;
  }

  /** At `{`: MORE with the cursor on the first member, END when empty, WRONG when not an object. */
  private open(): number {
    if (this.b[this.skipSpace()] !== OPEN_OBJECT) return WRONG;
    this.i++;
    if (this.b[this.skipSpace()] === CLOSE_OBJECT) {
      this.i++;
      return END;
    }
    return MORE;
  }

  /** After a member's value: MORE with the cursor on the next member, END past `}`, WRONG otherwise. */
  private next(): number {
    const c = this.b[this.skipSpace()];
    this.i++;
    if (c === CLOSE_OBJECT) return END;
    if (c !== COMMA) return WRONG;
    this.skipSpace();
    return MORE;
  }

  /**
   * A member name and its colon, the cursor left on the value: which of the names that matter it is,
   * OTHER, or INVALID (not a plain ASCII name without escapes: an escaped name could spell `geometry`).
   */
  private key(): number {
    const b = this.b;
    if (b[this.i] !== QUOTE) return INVALID;
    const from = ++this.i;
    for (; this.i < this.end; this.i++) {
      const c = b[this.i] as number;
      if (c === QUOTE) break;
      if (c === BACKSLASH || c < 0x20 || c >= 0x80) return INVALID;
    }
    if (this.i >= this.end) return INVALID;
    const to = this.i++;
    if (b[this.skipSpace()] !== COLON) return INVALID;
    this.i++;
    this.skipSpace();
    for (let id = 0; id < NAMES.length; id++) if (bytesAre(b, from, to, NAMES[id] as Uint8Array)) return id;
    return OTHER;
  }

  /** The `type` value: 3 for "Polygon", 4 for "MultiPolygon" (how deep positions lie), 0 for anything else. */
  private polygonType(): number {
    const from = this.i;
    if (!this.value(true)) return 0;
    return bytesAre(this.b, from, this.i, POLYGON) ? 3 : bytesAre(this.b, from, this.i, MULTI_POLYGON) ? 4 : 0;
  }

  /** A non-empty array nested `depth` deep down to positions; false for anything else. */
  private nested(depth: number): boolean {
    const b = this.b;
    if (b[this.i] !== OPEN_ARRAY) return false;
    this.i++;
    this.skipSpace();
    for (;;) {
      if (!(depth === 1 ? this.number(0) : this.nested(depth - 1))) return false;
      if (depth === 1) {
        // A position: x then y then any further plain numbers (z, m).
        let k = 1;
        while (b[this.skipSpace()] === COMMA) {
          this.i++;
          this.skipSpace();
          if (!this.number(k++)) return false;
        }
        if (k < 2) return false;
      }
      const c = b[this.skipSpace()];
      this.i++;
      if (c === CLOSE_ARRAY) return true;
      if (c !== COMMA) return false;
      this.skipSpace();
    }
  }

  /** A plain JSON decimal (no exponent); the first two of a position go into the box. */
  private number(index: number): boolean {
    const b = this.b;
    let i = this.i;
    const negative = b[i] === MINUS;
    if (negative) i++;
    const first = i;
    if (b[i] === ZERO) i++;
    else if (DIGIT[b[i] as number]) while (DIGIT[b[i] as number]) i++;
    else return false;
    const integerDigits = i - first;
    let fractionFrom = i;
    if (b[i] === DOT) {
      i++;
      fractionFrom = i;
      if (!DIGIT[b[i] as number]) return false;
      while (DIGIT[b[i] as number]) i++;
    }
    const c = b[i];
    if (c === 0x65 || c === 0x45 || integerDigits > MAX_INTEGER_DIGITS) return false;
    if (index < 2) {
      // Approximate: digits as one number, scaled once; SLACK covers the rounding.
      let digits = 0;
      for (let k = first; k < i; k++) if (k !== fractionFrom - 1 || b[k] !== DOT) digits = digits * 10 + ((b[k] as number) - ZERO);
      const fraction = i - fractionFrom;
      const scale = POWERS[fraction] ?? 10 ** fraction;
      const value = (negative ? -digits : digits) / scale;
      if (index === 0) {
        if (value < this.minX) this.minX = value;
        if (value > this.maxX) this.maxX = value;
      } else {
        if (value < this.minY) this.minY = value;
        if (value > this.maxY) this.maxY = value;
      }
    }
    this.i = i;
    return true;
  }

  /** Any JSON value, checked to the grammar and skipped; `asciiOnly` gives up on non-ASCII text. */
  private value(asciiOnly = false): boolean {
    const b = this.b;
    const c = b[this.i];
    if (c === QUOTE) return this.string(asciiOnly);
    if (c === OPEN_OBJECT) {
      this.i++;
      if (b[this.skipSpace()] === CLOSE_OBJECT) {
        this.i++;
        return true;
      }
      for (;;) {
        if (b[this.i] !== QUOTE || !this.string(asciiOnly) || b[this.skipSpace()] !== COLON) return false;
        this.i++;
        this.skipSpace();
        if (!this.value(asciiOnly)) return false;
        const d = b[this.skipSpace()];
        this.i++;
        if (d === CLOSE_OBJECT) return true;
        if (d !== COMMA) return false;
        this.skipSpace();
      }
    }
    if (c === OPEN_ARRAY) {
      this.i++;
      if (b[this.skipSpace()] === CLOSE_ARRAY) {
        this.i++;
        return true;
      }
      for (;;) {
        if (!this.value(asciiOnly)) return false;
        const d = b[this.skipSpace()];
        this.i++;
        if (d === CLOSE_ARRAY) return true;
        if (d !== COMMA) return false;
        this.skipSpace();
      }
    }
    if (c === 0x74) return this.word('true');
    if (c === 0x66) return this.word('false');
    if (c === 0x6e) return this.word('null');
    return this.anyNumber();
  }

  private string(asciiOnly: boolean): boolean {
    const b = this.b;
    for (this.i++; this.i < this.end; this.i++) {
      const c = b[this.i] as number;
      if (c === QUOTE) {
        this.i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c >= 0x80) {
        if (asciiOnly) return false;
        const next = utf8Sequence(b, this.i);
        if (next < 0) return false;
        this.i = next - 1;
        continue;
      }
      if (c === BACKSLASH) {
        const e = b[++this.i] as number;
        if (e === 0x75) {
          if (!(HEX[b[this.i + 1] as number] && HEX[b[this.i + 2] as number] && HEX[b[this.i + 3] as number] && HEX[b[this.i + 4] as number])) return false;
          this.i += 4;
        } else if (!ESCAPED[e]) return false;
      }
    }
    return false;
  }

  private word(word: string): boolean {
    for (let k = 0; k < word.length; k++) if (this.b[this.i + k] !== word.charCodeAt(k)) return false;
    this.i += word.length;
    return true;
  }

  /** Any JSON number, exponent included (outside coordinates its value does not matter). */
  private anyNumber(): boolean {
    const b = this.b;
    let i = this.i;
    if (b[i] === MINUS) i++;
    if (b[i] === ZERO) i++;
    else if (DIGIT[b[i] as number]) while (DIGIT[b[i] as number]) i++;
    else return false;
    if (b[i] === DOT) {
      i++;
      if (!DIGIT[b[i] as number]) return false;
      while (DIGIT[b[i] as number]) i++;
    }
    if (b[i] === 0x65 || b[i] === 0x45) {
      i++;
      if (b[i] === PLUS || b[i] === MINUS) i++;
      if (!DIGIT[b[i] as number]) return false;
      while (DIGIT[b[i] as number]) i++;
    }
    this.i = i;
    return true;
  }

  private skipSpace(): number {
    while (this.i < this.end && SPACE[this.b[this.i] as number]) this.i++;
    return this.i;
  }
}
