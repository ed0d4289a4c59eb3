/**
 * How a village database's features are keyed, shared by every reader of one (the folder of layer files,
 * the single database file): declared field names whatever case a file writes them in, attribute values as
 * the database holds them, and the `ref` reports name a feature by.
 */
import { DATABASE_LAYERS } from '../../profiles/zhejiang-2026/layers.ts';
import type { FieldValue, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import type { JsonValue, Properties } from '../formats/properties.ts';

/** The field a layer's features are classified by; any one of them will do (GKBJ: by code or by name, §4.3). */
export const CODE_FIELDS: Readonly<Partial<Record<VillageLayerName, readonly string[]>>> = {
  JQDLTB: ['JQDLBM'],
  GHDLTB: ['GHDLBM'],
  GKBJ: ['GKBJLXDM', 'GKBJLXMC'],
};

/** `jqdlbm` → `JQDLBM` for the fields the database declares for the layer; other names unchanged. */
export function fieldNamer(name: VillageLayerName): (field: string) => string {
  const declared = new Map((DATABASE_LAYERS.find((l) => l.name === name)?.fields ?? []).map((f) => [f.name.toUpperCase(), f.name]));
  for (const codeField of CODE_FIELDS[name] ?? []) declared.set(codeField, codeField);
  return (field) => declared.get(field.toUpperCase()) ?? field;
}

/** Text and numbers as they are; a true/false or a nested value as its text, so no value is lost. */
function fieldValue(value: JsonValue | undefined): FieldValue {
  if (value === undefined || value === null || typeof value === 'string' || typeof value === 'number') return value ?? null;
  return typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

/** A record's attributes under their declared names; null-prototype, as the formats' records, so a field named `__proto__` stays a field. */
export function villageProperties(record: Properties, rename: (field: string) => string): Record<string, FieldValue> {
  const properties = Object.create(null) as Record<string, FieldValue>;
  for (const [field, value] of Object.entries(record)) properties[rename(field)] = fieldValue(value);
  return properties;
}

/** `GHDLTB#<BSM>`, or `GHDLTB#<n>` (the 1-based record number) where the BSM is empty. */
export function featureRef(name: VillageLayerName, properties: Readonly<Record<string, FieldValue>>, recordNo: number): string {
  const bsm = properties.BSM;
  const id = bsm !== undefined && bsm !== null && String(bsm).trim() !== '' ? String(bsm).trim() : String(recordNo);
  return `${name}#${id}`;
}
