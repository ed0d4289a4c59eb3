/**
 * Imported attribute records. They are built on null-prototype objects, so a field or property named
 * `__proto__`, `constructor` or `prototype` stays a plain key with a plain value and can never reach an
 * object's prototype (in this code or in any code that copies the record by assignment later).
 */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type Properties = Readonly<Record<string, JsonValue>>;

export function emptyProperties(): Record<string, JsonValue> {
  return Object.create(null) as Record<string, JsonValue>;
}

/** A null-prototype deep copy of parsed JSON (JSON.parse itself keeps `__proto__` as an own key, but a plain object still has a prototype). */
export function plainJson(value: unknown): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(plainJson);
  if (typeof value === 'object') {
    const out = emptyProperties();
    for (const [key, v] of Object.entries(value)) out[key] = plainJson(v);
    return out;
  }
  return null;
}
