/**
 * The columns of a layer's attribute table and its rows. First the frozen 编号 column (the parcel number,
 * a name, or the row's place in the layer when the layer has neither), then the layer's fields in the
 * attribute panel's order, then the computed area in m² and 亩 for area layers.
 */
import type { PlanFeature } from '../../domain/features.ts';
import { type FieldSpec, LAYER_FIELDS } from '../../profiles/zhejiang-2017/fields.ts';
import { LAYERS, type LayerId } from '../../profiles/zhejiang-2017/layers.ts';
import { m2ToMu } from '../../domain/units.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import type { CellValue, ColumnKind, TableRow } from './table-model.ts';

export type TableColumn =
  | { readonly kind: ColumnKind; readonly source: 'field'; readonly key: string; readonly spec: FieldSpec; readonly editable: boolean }
  | { readonly kind: 'number'; readonly source: 'sequence' | 'area' | 'mu'; readonly key: string };

/** The field shown as the row's 编号, if the layer has one. */
function headerField(layer: LayerId): FieldSpec | undefined {
  return LAYER_FIELDS[layer].find((f) => f.key === 'parcelNo') ?? LAYER_FIELDS[layer].find((f) => f.key === 'name');
}

export function tableColumns(layer: LayerId): TableColumn[] {
  const header = headerField(layer);
  const editable = LAYERS[layer].attributesEditable;
  const field = (spec: FieldSpec, canEdit: boolean): TableColumn => ({
    kind: spec.kind === 'integer' || spec.kind === 'number' ? 'number' : spec.kind,
    source: 'field',
    key: spec.key,
    spec,
    editable: canEdit,
  });
  return [
    // The frozen column names the row: double-click there shows it on the map, so it is not edited in place.
    header ? field(header, false) : { kind: 'number', source: 'sequence', key: 'sequence' },
    ...LAYER_FIELDS[layer].filter((spec) => spec !== header).map((spec) => field(spec, editable)),
    ...(LAYERS[layer].geometry === 'area'
      ? [
          { kind: 'number', source: 'area', key: 'area' } as const,
          { kind: 'number', source: 'mu', key: 'mu' } as const,
        ]
      : []),
  ];
}

// Keyed by the geometry object: an attribute edit keeps the geometry, so 20,000 areas are computed once.
const areas = new WeakMap<object, number>();

function areaOf(feature: PlanFeature): number | null {
  const geometry = feature.geometry;
  if (geometry.type === 'Point') return null;
  let value = areas.get(geometry);
  if (value === undefined) {
    value = ellipsoidalArea(geometry);
    areas.set(geometry, value);
  }
  return value;
}

export function cellValue(column: TableColumn, feature: PlanFeature, position: number): CellValue {
  switch (column.source) {
    case 'field':
      return (feature.properties as unknown as Record<string, CellValue | undefined>)[column.key] ?? null;
    case 'sequence':
      return position + 1;
    case 'area':
      return areaOf(feature);
    case 'mu': {
      const m2 = areaOf(feature);
      return m2 === null ? null : m2ToMu(m2);
    }
  }
}

/** `cellText`: the cell as the planner sees it (a code with its name), which the filter box matches. */
export function buildRows(
  features: readonly PlanFeature[],
  columns: readonly TableColumn[],
  cellText: (column: TableColumn, value: CellValue) => string,
): TableRow[] {
  return features.map((feature, position) => {
    const values = columns.map((column) => cellValue(column, feature, position));
    const search = values.map((value, i) => cellText(columns[i] as TableColumn, value)).join('\u0000').toLowerCase();
    return { id: feature.id, values, search };
  });
}
