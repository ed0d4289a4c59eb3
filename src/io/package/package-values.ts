/** Field values of package rows as the plan reads them (DBF and GeoJSON give text, numbers or flags). */
import type { FieldValue } from './package-layers.ts';

export function text(value: FieldValue | undefined): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

/**
 * A code whose leading zeros a tool dropped (QGIS, a DBF N field, GeoJSON written from either store GZQLXDM
 * 010 as the number 10, XZNTLX 01 as 1): the one code of `codes` it is with its zeros put back; any
 * other value as its text.
 */
export function codeWithZeros(value: FieldValue | undefined, codes: readonly string[]): string {
  const t = text(value);
  if (!/^\d+$/.test(t) || codes.includes(t)) return t;
  return codes.find((code) => code.length > t.length && code.endsWith(t) && /^0+$/.test(code.slice(0, code.length - t.length))) ?? t;
}

export function nullableText(value: FieldValue | undefined): string | null {
  const t = text(value);
  return t === '' ? null : t;
}

export function nullableNumber(value: FieldValue | undefined): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

export function isFlagSet(value: FieldValue | undefined): boolean {
  return value === true || value === 1 || (typeof value === 'string' && ['1', 'Y', 'YES', 'TRUE', '是'].includes(value.trim().toUpperCase()));
}

/** Whether each key is already upper case, by key: 24,000 rows of one layer repeat the same dozen keys. */
const upperCaseKnown = new Map<string, boolean>();

/**
 * A row's fields under upper-case names: the catalogue names them so (domain.md §4), and dBASE, GDAL and
 * ArcGIS take `cjjx` for `CJJX` (pgsql2shp writes lower case). The same record when every key already is;
 * an upper-case key wins over a lower-case one of the same name.
 */
export function upperCaseFields<T>(record: Record<string, T>): Record<string, T> {
  const keys = Object.keys(record);
  let upper = true;
  for (const key of keys) {
    let known = upperCaseKnown.get(key);
    if (known === undefined) upperCaseKnown.set(key, (known = key === key.toUpperCase()));
    if (!known) {
      upper = false;
      break;
    }
  }
  if (upper) return record;
  const out = Object.create(null) as Record<string, T>;
  for (const key of keys) if (key === key.toUpperCase()) out[key] = record[key] as T;
  for (const key of keys) if (!Object.hasOwn(out, key.toUpperCase())) out[key.toUpperCase()] = record[key] as T;
  return out;
}
