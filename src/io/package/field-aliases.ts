/**
 * A package layer whose fields are named by their Chinese aliases (地类代码 for DLDM, 规划用途代码 for
 * GHYTDM), as QGIS writes a layer saved with “use aliases for exported field names”, or a table exported
 * with its display names: read under the catalogue's names (delivery-fields.ts), with a note. Without
 * this every code read as missing ("483 parcels have no DLDM, e.g. #1 DLDM=null") while the codes were there.
 * Decided per layer from its field names: an alias is read as its name when the name itself is not there.
 */
import type { Message } from '../../domain/message.ts';
import { DELIVERY_FIELDS, type DeliveryLayerName } from './delivery-fields.ts';
import type { PackageLayerName } from './package-layers.ts';

export type AliasRenames = ReadonlyMap<string, string>;

/** Alias → field name for this layer's fields named by their aliases (and not also by their names), else null. */
export function aliasRenames(layer: PackageLayerName, fieldNames: readonly string[]): AliasRenames | null {
  const present = new Set(fieldNames.map((name) => name.toUpperCase()));
  const renames = new Map<string, string>();
  for (const field of DELIVERY_FIELDS[layer as DeliveryLayerName] ?? []) {
    if (field.alias && !present.has(field.name) && present.has(field.alias)) renames.set(field.alias, field.name);
  }
  return renames.size > 0 ? renames : null;
}

/** The alias of a field of this layer (DLDM → 地类代码), for a record read before its layer's names are known. */
export function aliasOf(layer: PackageLayerName, name: string): string | undefined {
  return (DELIVERY_FIELDS[layer as DeliveryLayerName] ?? []).find((f) => f.name === name)?.alias;
}

/** A record under the catalogue's names (a null-prototype copy); names that are no alias stay as they are. */
export function renamedFields<T>(record: Readonly<Record<string, T>>, renames: AliasRenames): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const key of Object.keys(record)) out[renames.get(key) ?? key] = record[key] as T;
  return out;
}

/** The note saying a layer's fields were read under their names, with the first few pairs. */
export function aliasNote(file: string, renames: AliasRenames): Message {
  const pairs = [...renames].slice(0, 4).map(([alias, name]) => `${alias} → ${name}`);
  return { key: 'package.aliasFieldNames', params: { file, fields: pairs.join('; ') } };
}
