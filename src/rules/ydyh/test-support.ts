/** Tiny village databases for the database checks' unit tests: square parcels near 120.1°E 30.2°N. Not used by the app. */
import type { Geometry, Polygon } from 'geojson';
import type { FieldValue, VillageDatabase, VillageFeature, VillageInfo, VillageLayer, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';

const ORIGIN = [120.1, 30.2] as const;
/** One cell: 0.001° ≈ 96 m east–west × 111 m north–south, ≈ 1.07 公顷. */
export const CELL = 0.001;

/** The square of cell (col, row), `size` degrees a side, counter-clockwise and closed. */
export function cell(col: number, row = 0, size = CELL): Polygon {
  const x0 = ORIGIN[0] + col * size;
  const y0 = ORIGIN[1] + row * size;
  return { type: 'Polygon', coordinates: [[[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]] };
}

export function feature(ref: string, geometry: Geometry | null, properties: Readonly<Record<string, FieldValue>> = {}): VillageFeature {
  return { ref, geometry, properties };
}

/** One parcel per code, in cells 0, 1, 2 … of the first row, each coded in `field`. */
export function parcels(layer: VillageLayerName, field: string, codes: readonly string[], extra: Readonly<Record<string, FieldValue>> = {}): VillageFeature[] {
  return codes.map((code, i) => feature(`${layer}#${i + 1}`, cell(i), { [field]: code, ...extra }));
}

export const FULL_INFO: VillageInfo = {
  villageName: '杭州市西湖区示例村',
  villageType: '集聚提升类',
  planPeriod: '2021-2035',
  basePopulation: 1200,
  targetPopulation: 1300,
  baseHeritage: 2,
  targetHeritage: 3,
};

/** A database of the given layers; a layer's fields are those its features carry, unless given. */
export function database(
  layers: Partial<Record<VillageLayerName, readonly VillageFeature[]>>,
  rest: Partial<Omit<VillageDatabase, 'layers'>> & { readonly fieldNames?: Partial<Record<VillageLayerName, readonly string[]>> } = {},
): VillageDatabase {
  const built: Partial<Record<VillageLayerName, VillageLayer>> = {};
  for (const [name, features] of Object.entries(layers) as [VillageLayerName, readonly VillageFeature[]][]) {
    const fieldNames = rest.fieldNames?.[name] ?? [...new Set(features.flatMap((f) => Object.keys(f.properties)))];
    built[name] = { name, file: `${name}.shp`, fieldNames, features };
  }
  return { layers: built, edition: rest.edition ?? 'ydyh-2023', info: rest.info ?? FULL_INFO, allocations: rest.allocations ?? {} };
}
