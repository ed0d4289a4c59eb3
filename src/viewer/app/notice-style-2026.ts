/**
 * The notice map of a 2026 plan, for both renderers (canvas-map.ts first, then MapLibre): the planned
 * parcels filled with the class colours the payload carries, and over them the outlines in the profile's
 * map style (profiles/zhejiang-2026/map-style.ts: the 永久基本农田, the 生态保护红线, the 管控边界 by type
 * and the village), with the 村庄建设边界 drawn boldest, since it says where building may happen.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import { GKBJ_TYPE_COLOURS, hexOf, MAP_LAYER_STYLES } from '../../profiles/zhejiang-2026/map-style.ts';
import { CONCENTRATED_CONSTRUCTION_TYPE, type GkbjTypeCode } from '../../profiles/zhejiang-2026/code-lists.ts';
import type { VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import type { Area2026, Notice2026Model } from './notice-model-2026.ts';
import type { MapContent } from './notice-style.ts';

/** No colour for a code the classification does not know: the editor's map shows such parcels grey too. */
export const UNKNOWN_CLASS_COLOUR = '#cccccc';
/** The 村庄建设边界 in the colour of the 村庄集中建设区, wider than any 管控边界. */
export const CONSTRUCTION_BOUNDARY_COLOUR = hexOf(GKBJ_TYPE_COLOURS[CONCENTRATED_CONSTRUCTION_TYPE]);
const CONSTRUCTION_BOUNDARY_WIDTH = 3.5;

const SOURCES = { parcels: 'n26-parcels', control: 'n26-control', pbf: 'n26-pbf', redLine: 'n26-red-line', village: 'n26-village', construction: 'n26-construction' } as const;

const isControlType = (type: string): type is GkbjTypeCode => type in GKBJ_TYPE_COLOURS;

/** The outline colour of a 管控边界 type; the layer's own colour for a type not in the code list. */
export const controlColour = (type: string): string => hexOf(isControlType(type) ? GKBJ_TYPE_COLOURS[type] : styleOf('GKBJ').colour);

function styleOf(layer: VillageLayerName) {
  const style = MAP_LAYER_STYLES.find((s) => s.layer === layer);
  if (!style) throw new Error(`the 2026 map style has no ${layer}`);
  return style;
}

function collection<P>(items: readonly Area2026<P>[], properties: (item: Area2026<P>) => Record<string, unknown> = () => ({})): FeatureCollection {
  return { type: 'FeatureCollection', features: items.map((item): Feature => ({ type: 'Feature', id: item.id, geometry: item.geometry, properties: { id: item.id, ...properties(item) } })) };
}

/** An outline layer in the profile's style: its colour (or each feature's), width and dashes. */
function outline(id: string, source: string, layer: VillageLayerName, colour: unknown = hexOf(styleOf(layer).colour)): LayerSpecification {
  const style = styleOf(layer);
  return { id, type: 'line', source, paint: { 'line-color': colour, 'line-width': style.width, ...(style.dash ? { 'line-dasharray': [...style.dash] } : {}) } } as LayerSpecification;
}

const LAYERS: readonly LayerSpecification[] = [
  { id: 'n26-parcels-fill', type: 'fill', source: SOURCES.parcels, paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.9 } },
  outline('n26-parcels-line', SOURCES.parcels, 'GHDLTB'),
  outline('n26-pbf-line', SOURCES.pbf, 'YJJBNT'),
  outline('n26-red-line', SOURCES.redLine, 'STBHHX'),
  outline('n26-control-line', SOURCES.control, 'GKBJ', ['get', 'colour']),
  { id: 'n26-construction-line', type: 'line', source: SOURCES.construction, paint: { 'line-color': CONSTRUCTION_BOUNDARY_COLOUR, 'line-width': CONSTRUCTION_BOUNDARY_WIDTH } },
  outline('n26-village-line', SOURCES.village, 'CJDCQ'),
];

export function mapContent2026(model: Notice2026Model): MapContent {
  const colours = model.payload.classColours;
  const sources = new Map<string, FeatureCollection>([
    [SOURCES.parcels, collection(model.parcels, (p) => ({ colour: colours[p.props.c] ?? UNKNOWN_CLASS_COLOUR }))],
    [SOURCES.control, collection(model.control, (c) => ({ colour: controlColour(c.props.t) }))],
    [SOURCES.pbf, collection(model.pbf)],
    [SOURCES.redLine, collection(model.redLine)],
    [SOURCES.village, collection(model.village)],
    [SOURCES.construction, collection(model.constructionBoundary ? [model.constructionBoundary] : [])],
  ]);
  // One view only: a 2026 notice shows the plan, not the base year's land use.
  return { bbox: model.payload.bbox, sources, places: model.places, planLayers: () => LAYERS.map((layer) => ({ ...layer })) };
}

/** The style of an outline layer of the legend: colour, width and whether dashed. */
export function outlineStyle(layer: VillageLayerName): { readonly colour: readonly [number, number, number]; readonly dashed: boolean } {
  const style = styleOf(layer);
  return { colour: style.colour, dashed: style.dash !== undefined };
}
