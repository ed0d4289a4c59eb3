/**
 * Areas as a township writes them in its 乡级任务 sheet: the unit in a header or after a task name, in Chinese
 * or as a symbol (公顷, hm², 平方公里, km², 亩, mu, 平方米, m², 万平方米, 万亩), and the number in a cell.
 * Nothing here guesses: a unit not in the table is undefined and a comma that may be a decimal comma is
 * ambiguous, and the reader refuses both naming the row (docs/package.md, township section).
 */

export const AREA_UNITS = ['ha', 'km2', 'mu', 'm2', 'wanM2', 'wanMu'] as const;
export type AreaUnit = (typeof AREA_UNITS)[number];

/** Per unit: m² as a fraction (亩 = 10,000/15 m², kept exact until the end) and the forms written for it. */
const UNIT_TABLE: Readonly<Record<AreaUnit, { readonly m2: number; readonly per: number; readonly written: readonly string[] }>> = {
  ha: { m2: 10_000, per: 1, written: ['公顷', 'hm2', 'ha'] },
  km2: { m2: 1_000_000, per: 1, written: ['平方公里', '平方千米', 'km2'] },
  mu: { m2: 10_000, per: 15, written: ['亩', 'mu'] },
  m2: { m2: 1, per: 1, written: ['平方米', '平米', 'm2'] },
  wanM2: { m2: 10_000, per: 1, written: ['万平方米', '万m2'] },
  wanMu: { m2: 100_000_000, per: 15, written: ['万亩'] },
};

/** The units as a message lists them (the Chinese names, then the symbols). */
export const KNOWN_UNITS = '公顷、平方公里、亩、平方米、万平方米、万亩，hm²、ha、km²、m²、mu';

const BY_WRITTEN: ReadonlyMap<string, AreaUnit> = new Map(AREA_UNITS.flatMap((unit) => UNIT_TABLE[unit].written.map((w) => [w, unit] as const)));

/** The i18n key naming a unit (`package.township.unit.km2` 平方公里). */
export const unitKey = (unit: AreaUnit): string => `package.township.unit.${unit}`;

/**
 * The unit a text names, or undefined: full-width letters and ² read as written (NFKC: ｋｍ² → km2), any case,
 * spaces and a leading 单位：/单位: ignored (“单位：亩”).
 */
export function unitOf(text: string): AreaUnit | undefined {
  const t = text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\^/g, '')
    .toLowerCase()
    .replace(/^单位[:：]?/, '');
  return BY_WRITTEN.get(t);
}

/** An area in the unit to m², kept to 0.01 m² (171.28 公顷 is 1,712,800.00 m², 2302.5 亩 is 1,535,000.00 m²). */
export function toM2(value: number, unit: AreaUnit): number {
  const { m2, per } = UNIT_TABLE[unit];
  return Math.round(((value * m2) / per) * 100) / 100;
}

/** A label as written and what its trailing brackets hold: “耕地保有量（平方公里）” → 耕地保有量, 平方公里. */
export function splitLabel(text: string): { readonly name: string; readonly bracket: string | undefined } {
  const t = text.replace(/\s+/g, '');
  const match = /^(.*?)[（(]([^（()）]*)[)）]$/.exec(t);
  return match ? { name: match[1] as string, bracket: match[2] as string } : { name: t, bracket: undefined };
}

/**
 * The unit a header cell gives (“面积（公顷）”, “面积(单位：亩)”, “面积/km²”, “公顷”): `none` when it names no
 * unit; `unknown` when its brackets (or what follows a slash) hold something else. `strict` for the area
 * column's header, where brackets can only be a unit; the label column's (“指标（2021—2035年）”) may hold
 * anything but a unit it does not know (“指标（单位：平方丈）”).
 */
export function headerUnit(text: string, strict: boolean): { kind: 'none' } | { kind: 'unit'; unit: AreaUnit; written: string } | { kind: 'unknown'; written: string } {
  const t = text.replace(/\s+/g, '');
  if (t === '') return { kind: 'none' };
  const bare = unitOf(t);
  if (bare) return { kind: 'unit', unit: bare, written: t };
  const { bracket } = splitLabel(t);
  const slash = /[/／]([^/／]+)$/.exec(t)?.[1];
  const written = bracket ?? slash;
  if (written === undefined) return { kind: 'none' };
  const unit = unitOf(written);
  if (unit) return { kind: 'unit', unit, written };
  return strict || /^单位/.test(written) ? { kind: 'unknown', written } : { kind: 'none' };
}

export type CellNumber = { readonly kind: 'empty' } | { readonly kind: 'number'; readonly value: number } | { readonly kind: 'bad'; readonly reasonKey: 'package.township.badCell' | 'package.township.ambiguousComma' };

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Commas only as thousands separators: 1,535 and 1,535,000.5; not 153,5 or 1,5350. */
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** A number written as text in a cell: “153.5”, “1,535.00”; a comma not grouping thousands is ambiguous (“153,5”). */
export function numberOfText(text: string): CellNumber {
  const t = text.trim();
  if (t === '') return { kind: 'empty' };
  if (t.includes(',') && !GROUPED_NUMBER.test(t)) return { kind: 'bad', reasonKey: 'package.township.ambiguousComma' };
  const plain = t.replace(/,/g, '');
  if (!PLAIN_NUMBER.test(plain)) return { kind: 'bad', reasonKey: 'package.township.badCell' };
  const value = Number(plain);
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'bad', reasonKey: 'package.township.badCell' };
}
