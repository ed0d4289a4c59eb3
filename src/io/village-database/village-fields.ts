/**
 * How a village database's features are keyed, shared by every reader of one (the folder of layer files,
 * the single database file): declared field names whatever case a file writes them in, attribute values as
 * the database holds them, and the `ref` reports name a feature by.
 */
import { DATABASE_LAYERS } from '../../profiles/zhejiang-2026/layers.ts';
import type { FieldValue, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import type { JsonValue, Properties } from '../formats/properties.ts';
import { encodeText, type OutputEncoding } from '../text/encode-text.ts';

/** The field a layer's features are classified by; any one of them will do (GKBJ: by code or by name, §4.3). */
export const CODE_FIELDS: Readonly<Partial<Record<VillageLayerName, readonly string[]>>> = {
  JQDLTB: ['JQDLBM'],
  GHDLTB: ['GHDLBM'],
  GKBJ: ['GKBJLXDM', 'GKBJLXMC'],
};

/**
 * Names other tools give a parcel layer's code and name fields [ours ⚠]: the 国土空间规划 databases' 用地用海
 * 分类代码/名称 (YDYHFLDM/YDYHFLMC). Only names that are 用地用海 by definition: a DLBM is 三调's (§2.1) and
 * must be converted, never read as JQDLBM.
 */
const OTHER_TOOL_NAMES: Readonly<Partial<Record<VillageLayerName, Readonly<Record<string, string>>>>> = {
  JQDLTB: { YDYHFLDM: 'JQDLBM', YDYHFLMC: 'JQDLMC' },
  GHDLTB: { YDYHFLDM: 'GHDLBM', YDYHFLMC: 'GHDLMC' },
};

/** The longest beginning of a text that fits a Shapefile field name's 10 bytes in one encoding. */
function cutToBytes(text: string, encoding: OutputEncoding): string {
  let cut = '';
  for (const char of text) {
    if (encodeText(cut + char, encoding).bytes.length > DBF_NAME_BYTES) break;
    cut += char;
  }
  return cut;
}

const DBF_NAME_BYTES = 10;

/**
 * The names a field may be delivered under besides its own: its alias (规划地类编码), and that alias cut to a
 * Shapefile's 10-byte field name as GDAL and QGIS cut it when a layer exported "with aliases" goes to a
 * Shapefile (GBK 规划地类编, UTF-8 规划地). A cut name two fields of the layer share (UTF-8 规划地 is both
 * 规划地类编码 and 规划地类名称) names neither.
 */
function aliasNames(name: VillageLayerName): ReadonlyMap<string, string> {
  const byAlias = new Map<string, string | null>();
  for (const field of DATABASE_LAYERS.find((l) => l.name === name)?.fields ?? []) {
    for (const alias of new Set([field.alias, cutToBytes(field.alias, 'gbk'), cutToBytes(field.alias, 'utf-8')])) {
      if (alias === '') continue;
      const other = byAlias.get(alias);
      byAlias.set(alias, other === undefined || other === field.name ? field.name : null);
    }
  }
  for (const [other, field] of Object.entries(OTHER_TOOL_NAMES[name] ?? {})) byAlias.set(other, field);
  return new Map([...byAlias].flatMap(([alias, field]) => (field === null ? [] : [[alias, field] as const])));
}

/**
 * `jqdlbm` → `JQDLBM` for the fields the database declares for the layer, and an alias (`规划地类编码`, or the
 * same cut to a Shapefile's field name) or another tool's name (`ydyhfldm`) → its field when the file has
 * that field under no other of its names: a file with both BSM and 标识码 keeps 标识码 as a field of its own, never one value over the other.
 * Other names unchanged. `fileFields`: every field name the layer's file has.
 */
export function fieldNamer(name: VillageLayerName, fileFields: readonly string[]): (field: string) => string {
  const declared = new Map((DATABASE_LAYERS.find((l) => l.name === name)?.fields ?? []).map((f) => [f.name.toUpperCase(), f.name]));
  for (const codeField of CODE_FIELDS[name] ?? []) declared.set(codeField, codeField);
  const byName = (field: string) => declared.get(field.toUpperCase());
  const present = new Set(fileFields.map(byName));
  const aliases = aliasNames(name);
  const candidates = fileFields.flatMap((field) => {
    const target = byName(field) === undefined ? (aliases.get(field.trim()) ?? aliases.get(field.trim().toUpperCase())) : undefined;
    return target === undefined || present.has(target) ? [] : [[field, target] as const];
  });
  // Two fields naming one (规划地类编码 and its cut 规划地类编): neither is taken for it.
  const fromAlias = new Map(candidates.filter(([, target]) => candidates.filter(([, t]) => t === target).length === 1));
  return (field) => byName(field) ?? fromAlias.get(field) ?? field;
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
