/**
 * "Go to coordinates": reads what a planner types or pastes into a point. Pure (no DOM), errors as values.
 *
 * - lon/lat in decimal degrees (`120.7417, 30.4542`, `30.4542N 120.7417E`, the status bar's own
 *   `120.741700°E 30.454200°N`) or in 度分秒 (`120°44'30"E 30°27'15"N`, `东经120度44分30秒 北纬30度27分15秒`);
 *   without hemisphere letters the value above 90 is the longitude, else the order is lon, lat (x, y).
 * - CGCS2000 3° Gauss-Krüger X/Y as Chinese surveyors write them: X the northing (7 digits), Y the easting,
 *   with the zone number in front (`40500000.00`, 8 digits) or without (`500000.00`: the village's zone).
 *   Which is which follows from the size of the numbers; labels that say the other way round are noted.
 *   The status bar's `X 3,370,000.00  Y 40,500,000.00` reads back as it is shown.
 */
import { fromGaussKruger, GK_ZONES, type GkZone } from '../../geo/projection.ts';
import { failure, type Message, type Result } from '../../domain/message.ts';

export type ParsedPoint =
  | { readonly kind: 'lonLat'; readonly lonLat: [number, number] }
  | {
      readonly kind: 'gk';
      readonly lonLat: [number, number];
      /** Northing (m). */
      readonly x: number;
      /** Easting (m) without the zone number. */
      readonly y: number;
      readonly zone: GkZone;
      /** Whether the zone came from the number's prefix or is the village's own. */
      readonly zoneFrom: 'prefix' | 'village';
    };

export interface ParseOptions {
  /** The zone of a Y written without its zone number: the village's zone. */
  readonly defaultZone: GkZone;
}

type Parsed = Result<ParsedPoint>;


/** Typographic and Chinese forms of the symbols, in the plain forms the reader expects. */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/东经|東經/g, ' E ')
    .replace(/西经|西經/g, ' W ')
    .replace(/北纬|北緯/g, ' N ')
    .replace(/南纬|南緯/g, ' S ')
    .replace(/[度º˚]/g, '°')
    .replace(/[分′’‘´`]/g, "'")
    .replace(/[秒″”“]|''/g, '"')
    .replace(/[，、；;]/g, ',')
    .replace(/[−–—]/g, '-')
    .replace(/[＝=:：]/g, ' ')
    .trim()
    .toUpperCase();
}

export function parseCoordinates(input: string, options: ParseOptions): Parsed {
  const text = normalise(input);
  if (!text) return failure('goto.error.empty');
  if (/[°'"NSEW]/.test(text)) return parseAngles(text, input);
  return parsePlain(text, input, options);
}

// ---- lon/lat with symbols or hemisphere letters ---------------------------------------------------------

interface Angle {
  sign: 1 | -1;
  degrees: number;
  minutes?: number;
  seconds?: number;
  /** Whether the degrees carried a ° (then minutes and seconds may follow). */
  degreeMark: boolean;
  hemisphere?: 'N' | 'S' | 'E' | 'W';
  /** A letter written after the angle ends it: no minutes or seconds may follow. */
  closed?: boolean;
  text: string;
}

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)\s*([°'"])?|([NSEW])|([+-])|(,))/y;

function parseAngles(text: string, input: string): Parsed {
  const angles: Angle[] = [];
  /** Letters written before their angle (`N30° E120°`) or after it (`30°N 120°E`). */
  const lettersFirst = /^[NSEW]/.test(text);
  let pendingLetter: Angle['hemisphere'];
  let sign: 1 | -1 = 1;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) {
      if (/^\s*$/.test(text.slice(start))) break;
      return failure('goto.error.unreadable', { text: input.trim() });
    }
    const [, number, unit, letter, signChar] = match;
    if (signChar) {
      sign = signChar === '-' ? -1 : 1;
      continue;
    }
    if (letter) {
      const hemisphere = letter as NonNullable<Angle['hemisphere']>;
      if (lettersFirst) pendingLetter = hemisphere;
      else {
        const last = angles.at(-1);
        if (!last || last.hemisphere) return failure('goto.error.unreadable', { text: input.trim() });
        last.hemisphere = hemisphere;
        last.closed = true;
      }
      continue;
    }
    if (number === undefined) continue; // a separator
    const value = Number(number);
    const current = angles.at(-1);
    if (unit === "'" && current?.degreeMark && current.minutes === undefined && current.seconds === undefined && !current.closed) {
      current.minutes = value;
      current.text += ` ${number}'`;
    } else if (unit === '"' && current?.degreeMark && current.seconds === undefined && !current.closed) {
      current.seconds = value;
      current.text += ` ${number}"`;
    } else if (unit === "'" || unit === '"') {
      return failure('goto.error.unreadable', { text: input.trim() });
    } else {
      angles.push({ sign, degrees: value, degreeMark: unit === '°', text: `${number}${unit ?? ''}`, ...(pendingLetter ? { hemisphere: pendingLetter } : {}) });
      pendingLetter = undefined;
      sign = 1;
    }
  }
  if (pendingLetter) return failure('goto.error.unreadable', { text: input.trim() });
  if (angles.length !== 2) return failure('goto.error.count', { count: angles.length });

  const values: number[] = [];
  for (const angle of angles) {
    const { minutes, seconds } = angle;
    if ((minutes !== undefined && minutes >= 60) || (seconds !== undefined && seconds >= 60)) return failure('goto.error.minutes', { value: angle.text });
    if ((minutes !== undefined || seconds !== undefined) && !Number.isInteger(angle.degrees)) return failure('goto.error.degreeFraction', { value: angle.text });
    if (minutes !== undefined && seconds !== undefined && !Number.isInteger(minutes)) return failure('goto.error.degreeFraction', { value: angle.text });
    const magnitude = angle.degrees + (minutes ?? 0) / 60 + (seconds ?? 0) / 3600;
    const negative = angle.sign === -1 || angle.hemisphere === 'S' || angle.hemisphere === 'W';
    values.push(negative ? -magnitude : magnitude);
  }
  const [a, b] = angles as [Angle, Angle];
  const axis = (angle: Angle) => (angle.hemisphere === 'E' || angle.hemisphere === 'W' ? 'lon' : angle.hemisphere === 'N' || angle.hemisphere === 'S' ? 'lat' : null);
  let lonFirst: boolean;
  const [axisA, axisB] = [axis(a), axis(b)];
  if (axisA && axisB && axisA === axisB) return failure('goto.error.sameAxis', { axis: axisA });
  if (axisA) lonFirst = axisA === 'lon';
  else if (axisB) lonFirst = axisB === 'lat';
  else lonFirst = lonFirstByValue(values[0] as number, values[1] as number);
  const [lon, lat] = lonFirst ? [values[0] as number, values[1] as number] : [values[1] as number, values[0] as number];
  return lonLatResult(lon, lat);
}

/** Without letters: a value beyond ±90 can only be the longitude; otherwise x, y order. */
function lonFirstByValue(first: number, second: number): boolean {
  if (Math.abs(first) <= 90 && Math.abs(second) > 90) return false;
  return true;
}

function lonLatResult(lon: number, lat: number): Parsed {
  if (!(Math.abs(lat) <= 90)) return failure('goto.error.latRange', { value: round(lat) });
  if (!(Math.abs(lon) <= 180)) return failure('goto.error.lonRange', { value: round(lon) });
  return { ok: true, value: { kind: 'lonLat', lonLat: [lon, lat] }, notes: [] };
}

// ---- bare numbers: decimal degrees or Gauss-Krüger ------------------------------------------------------

/** A number, with thousands grouped by commas as the status bar shows them (`3,370,000.00`). */
const NUMBER = /-?(?:\d{1,3}(?:,\d{3})+(?![\d])|\d+)(?:\.\d+)?/y;

function parsePlain(text: string, input: string, options: ParseOptions): Parsed {
  const found: { value: number; label: 'X' | 'Y' | null }[] = [];
  let label: 'X' | 'Y' | null = null;
  let at = 0;
  while (at < text.length) {
    const char = text[at] as string;
    if (/[\s,]/.test(char)) {
      at++;
      continue;
    }
    if (char === 'X' || char === 'Y') {
      if (label) return failure('goto.error.unreadable', { text: input.trim() });
      label = char;
      at++;
      continue;
    }
    NUMBER.lastIndex = at;
    const match = NUMBER.exec(text);
    if (!match) return failure('goto.error.unreadable', { text: input.trim() });
    found.push({ value: Number(match[0].replace(/,/g, '')), label });
    label = null;
    at = NUMBER.lastIndex;
  }
  if (label) return failure('goto.error.unreadable', { text: input.trim() });
  if (found.length !== 2) return failure('goto.error.count', { count: found.length });
  const [first, second] = found as [(typeof found)[number], (typeof found)[number]];
  // Degrees are small numbers, Gauss-Krüger metres six digits or more: anything under 1000 is meant as degrees.
  const small = (v: number) => Math.abs(v) < 1000;
  if (small(first.value) && small(second.value)) {
    if (first.label || second.label) return failure('goto.error.unreadable', { text: input.trim() });
    const lonFirst = lonFirstByValue(first.value, second.value);
    return lonFirst ? lonLatResult(first.value, second.value) : lonLatResult(second.value, first.value);
  }
  if (small(first.value) || small(second.value)) return failure('goto.error.mixed');
  return gaussKruger(first, second, options);
}

type Role = 'northing' | 'eastingPrefixed' | 'easting';

/** The role a value's size allows: X is 7 digits in China; Y 6 digits, or 8 with the zone number. */
function roleOf(value: number): Role | null {
  if (value >= 10_000_000 && value < 100_000_000) return 'eastingPrefixed';
  if (value >= 1_000_000) return value < 10_000_000 ? 'northing' : null;
  if (value >= 100_000) return 'easting';
  return null;
}

function gaussKruger(first: { value: number; label: 'X' | 'Y' | null }, second: { value: number; label: 'X' | 'Y' | null }, options: ParseOptions): Parsed {
  const roles = [roleOf(first.value), roleOf(second.value)];
  const bad = [first, second].find((_, i) => roles[i] === null);
  if (bad) return failure('goto.error.gkRange', { value: bad.value });
  const northingAt = roles.indexOf('northing');
  const eastingAt = roles.findIndex((r) => r === 'easting' || r === 'eastingPrefixed');
  if (northingAt < 0 || eastingAt < 0 || northingAt === eastingAt) return failure('goto.error.gkAmbiguous');
  const pair = [first, second];
  const northing = pair[northingAt] as (typeof pair)[number];
  const easting = pair[eastingAt] as (typeof pair)[number];
  const notes: Message[] = [];
  if (northing.label === 'Y' || easting.label === 'X') notes.push({ key: 'goto.note.swapped' });

  let zone: GkZone;
  let y = easting.value;
  let zoneFrom: 'prefix' | 'village' = 'village';
  if (roles[eastingAt] === 'eastingPrefixed') {
    const prefix = Math.floor(easting.value / 1_000_000);
    if (!(GK_ZONES as readonly number[]).includes(prefix)) return failure('goto.error.zone', { zone: prefix });
    zone = prefix as GkZone;
    y = easting.value - prefix * 1_000_000;
    zoneFrom = 'prefix';
  } else {
    zone = options.defaultZone;
    notes.push({ key: 'goto.note.villageZone', params: { zone } });
  }
  const lonLat = fromGaussKruger([y, northing.value], { zone, zonePrefix: false });
  if (!lonLat.every(Number.isFinite)) return failure('goto.error.gkRange', { value: easting.value });
  return { ok: true, value: { kind: 'gk', lonLat, x: northing.value, y, zone, zoneFrom }, notes };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** The panel loads this module on first use, proj4 with it: the zone of the village comes along. */
export { gkZoneForLongitude } from '../../geo/projection.ts';
