/** Field values of package rows as the plan reads them (DBF and GeoJSON give text, numbers or flags). */
import type { FieldValue } from './package-layers.ts';

export function text(value: FieldValue | undefined): string {
  return value === null || value === undefined ? '' : String(value).trim();
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
