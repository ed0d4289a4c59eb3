/**
 * JSON.parse keeping each integer a double cannot hold exactly as its text. Some tools write codes in
 * GeoJSON as numbers: a 19-digit 坐落单位代码 (ZLDWDM) or BSM parsed as a double comes back with its last
 * digits changed (3301021001010000123 → 3301021001010000000), silently, and would be written back so. GDAL
 * reads such a member as a 64-bit integer, exactly; the DBF reader keeps such a number as its text
 * (shapefile/dbf-read.ts), and so does this.
 *
 * Written by hand: JSON.parse's reviver sees only the double (source-text access, which gives the digits,
 * is V8 11.4+, after Node 20's), and a JSON library that keeps big numbers would parse every file slowly to
 * serve the rare one. GeoJSON is parsed by JSON.parse first and again, keeping long integers, only when a
 * feature's properties hold an integer it rounded (parseGeoJsonText); other JSON goes straight to JSON.parse
 * when it has no run of 16 digits outside a string or a fraction (2^53 has 16 digits, so every shorter
 * integer is exact).
 */

/** A run of 16 digits not continuing a number's digits, a fraction or a string's first digits. */
const MAYBE_LONG_INTEGER = /(?<![\d."])\d{16}/;
/** A JSON number at the sticky position; group 1 holds its fraction or exponent. */
const NUMBER = /-?(?:0|[1-9]\d*)((?:\.\d+)?(?:[eE][+-]?\d+)?)/y;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;

export function parseJsonKeepingLongIntegers(text: string): unknown {
  return JSON.parse(MAYBE_LONG_INTEGER.test(text) ? longIntegersQuoted(text) : text);
}

/**
 * A GeoJSON text (a FeatureCollection, a Feature or a sequence's record) parsed: by JSON.parse, and again
 * keeping long integers only when a feature's properties hold an integer JSON.parse rounded, so a file
 * without such codes costs no more than JSON.parse. Throws JSON.parse's error.
 */
export function parseGeoJsonText(text: string): unknown {
  const root: unknown = JSON.parse(text);
  return featuresIn(root).some((f) => typeof f === 'object' && f !== null && holdsRoundedInteger((f as { properties?: unknown }).properties)) ? parseJsonKeepingLongIntegers(text) : root;
}

function featuresIn(root: unknown): readonly unknown[] {
  if (typeof root !== 'object' || root === null) return [];
  const { type, features } = root as { type?: unknown; features?: unknown };
  return type === 'Feature' ? [root] : Array.isArray(features) ? features : [];
}

/** Whether parsed properties hold, among their values, an integer JSON.parse could not keep exactly. */
function holdsRoundedInteger(properties: unknown): boolean {
  if (typeof properties !== 'object' || properties === null) return false;
  for (const value of Object.values(properties)) {
    if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) return true;
  }
  return false;
}

/** The text with every integer beyond a double's exact range put in quotes; strings and other numbers as they were. */
function longIntegersQuoted(text: string): string {
  const out: string[] = [];
  let copiedTo = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = afterString(text, i);
      continue;
    }
    if (c !== MINUS && (c < ZERO || c > NINE)) {
      i++;
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (!number) {
      i++; // not JSON: JSON.parse names what is wrong
      continue;
    }
    const token = number[0];
    if (number[1] === '' && !Number.isSafeInteger(Number(token))) {
      out.push(text.slice(copiedTo, i), '"', token, '"');
      copiedTo = i + token.length;
    }
    i += token.length;
  }
  out.push(text.slice(copiedTo));
  return out.join('');
}

/** Index after the string starting at `start` (its quote); the text's end when it is not closed (JSON.parse then says so). */
function afterString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i + 1;
  }
  return text.length;
}
