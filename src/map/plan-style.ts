/**
 * MapLibre layers for every plan layer, built from the domain palette. One set of layers serves the three
 * views (基期 / 规划 / 变化): switching view only changes paint properties, never data.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { LayerId } from '../profiles/zhejiang-2017/layers.ts';
import { LAND_CLASSES } from '../profiles/zhejiang-2017/land-classes.ts';
import { CHANGE_COLOURS, CONTROL_ZONE_STYLE, LAND_CLASS_COLOURS, PBF_COLOUR, rgbHex } from '../profiles/zhejiang-2017/palette.ts';
import { FACILITY_FARMLAND_CLASS } from '../profiles/zhejiang-2017/class-roles.ts';
import { sourceId } from './map-features.ts';

import type { ViewMode } from '../store/ui.store.ts';

export const HATCH_IMAGES = {
  demolition: 'hatch-demolition',
  reserve: 'hatch-reserve',
  forbidden: 'hatch-forbidden',
  redline: 'hatch-redline',
  pbfModel: 'hatch-pbf-model',
} as const;

const FALLBACK = '#cccccc';

/** The derived expansion boundary (outline of 010 ∪ 020): drawn with the control zones. */
export const EXPANSION_SOURCE = 'derived-expansion';

function classColour(property: string): ExpressionSpecification {
  const pairs = LAND_CLASSES.flatMap((c) => [c.code, rgbHex(LAND_CLASS_COLOURS[c.code])]);
  return ['match', ['get', property], ...pairs, FALLBACK] as unknown as ExpressionSpecification;
}

function controlZoneColour(): ExpressionSpecification {
  return [
    'match',
    ['slice', ['get', 'zoneCode'], 0, 2],
    '01', rgbHex(CONTROL_ZONE_STYLE['010'].colour),
    '02', rgbHex(CONTROL_ZONE_STYLE['020'].colour),
    '04', rgbHex(CONTROL_ZONE_STYLE['040'].colour),
    rgbHex(CONTROL_ZONE_STYLE['030'].colour),
  ];
}

/** Every MapLibre layer id that belongs to one plan layer (for show/hide, opacity and order). */
export function styleLayerIds(layer: LayerId): string[] {
  return PLAN_LAYER_STYLES[layer].map((l) => l.id);
}

const hex = rgbHex;
const src = sourceId;

/**
 * Style layers per plan layer, bottom to top within each. Clicks are resolved in the plan (map/pick.ts),
 * so no layer exists only to be clicked.
 */
export const PLAN_LAYER_STYLES: Readonly<Record<LayerId, LayerSpecification[]>> = {
  base: [
    { id: 'base-fill', type: 'fill', source: src('base'), paint: { 'fill-color': classColour('classCode') } },
    {
      id: 'base-line',
      type: 'line',
      source: src('base'),
      paint: { 'line-color': '#7a7a7a', 'line-width': ['interpolate', ['linear'], ['zoom'], 14, 0.2, 18, 1] },
    },
  ],
  pbf: [
    { id: 'pbf-fill', type: 'fill', source: src('pbf'), paint: { 'fill-color': hex(PBF_COLOUR), 'fill-opacity': 0.45 } },
    {
      id: 'pbf-hatch',
      type: 'fill',
      source: src('pbf'),
      filter: ['==', ['get', 'pbfType'], 'G111'],
      paint: { 'fill-pattern': HATCH_IMAGES.pbfModel },
    },
    { id: 'pbf-line', type: 'line', source: src('pbf'), paint: { 'line-color': '#c8a400', 'line-width': 1 } },
  ],
  redline: [
    { id: 'redline-hatch', type: 'fill', source: src('redline'), paint: { 'fill-pattern': HATCH_IMAGES.redline } },
    { id: 'redline-line', type: 'line', source: src('redline'), paint: { 'line-color': hex(CHANGE_COLOURS.redline), 'line-width': 2, 'line-dasharray': [4, 2] } },
  ],
  townshipZones: [
    { id: 'townshipZones-line', type: 'line', source: src('townshipZones'), paint: { 'line-color': controlZoneColour(), 'line-width': 1.5, 'line-dasharray': [1, 2] } },
  ],
  demolition: [
    { id: 'demolition-fill', type: 'fill', source: src('demolition'), paint: { 'fill-color': classColour('restorationUse'), 'fill-opacity': 0 } },
    { id: 'demolition-hatch', type: 'fill', source: src('demolition'), paint: { 'fill-pattern': HATCH_IMAGES.demolition } },
    { id: 'demolition-line', type: 'line', source: src('demolition'), paint: { 'line-color': hex(CHANGE_COLOURS.demolition), 'line-width': 1.5 } },
  ],
  newBuild: [
    { id: 'newBuild-fill', type: 'fill', source: src('newBuild'), paint: { 'fill-color': classColour('useCode'), 'fill-opacity': 0 } },
    { id: 'newBuild-line', type: 'line', source: src('newBuild'), paint: { 'line-color': hex(CHANGE_COLOURS.newBuild), 'line-width': 2.5 } },
  ],
  useChange: [
    { id: 'useChange-fill', type: 'fill', source: src('useChange'), paint: { 'fill-color': classColour('targetCode'), 'fill-opacity': 0 } },
    { id: 'useChange-line', type: 'line', source: src('useChange'), paint: { 'line-color': hex(CHANGE_COLOURS.useChange), 'line-width': 2, 'line-dasharray': [3, 1] } },
  ],
  facility: [
    { id: 'facility-fill', type: 'fill', source: src('facility'), paint: { 'fill-color': hex(LAND_CLASS_COLOURS[FACILITY_FARMLAND_CLASS]), 'fill-opacity': 0 } },
    { id: 'facility-line', type: 'line', source: src('facility'), paint: { 'line-color': hex(CHANGE_COLOURS.facility), 'line-width': 2 } },
  ],
  reserve: [
    { id: 'reserve-hatch', type: 'fill', source: src('reserve'), paint: { 'fill-pattern': HATCH_IMAGES.reserve } },
    { id: 'reserve-line', type: 'line', source: src('reserve'), paint: { 'line-color': hex(CHANGE_COLOURS.reserve), 'line-width': 2, 'line-dasharray': [2, 1] } },
  ],
  consolidationZone: [
    { id: 'consolidationZone-line', type: 'line', source: src('consolidationZone'), paint: { 'line-color': hex(CHANGE_COLOURS.consolidationZone), 'line-width': 2, 'line-dasharray': [5, 2] } },
  ],
  functionalZone: [
    { id: 'functionalZone-line', type: 'line', source: src('functionalZone'), paint: { 'line-color': hex(CHANGE_COLOURS.functionalZone), 'line-width': 2.5 } },
  ],
  controlZone: [
    { id: 'controlZone-hatch', type: 'fill', source: src('controlZone'), filter: ['==', ['slice', ['get', 'zoneCode'], 0, 2], '04'], paint: { 'fill-pattern': HATCH_IMAGES.forbidden } },
    { id: 'controlZone-line', type: 'line', source: src('controlZone'), filter: ['!=', ['get', 'zoneCode'], '020'], paint: { 'line-color': controlZoneColour(), 'line-width': 2 } },
    { id: 'controlZone-line-dashed', type: 'line', source: src('controlZone'), filter: ['==', ['get', 'zoneCode'], '020'], paint: { 'line-color': controlZoneColour(), 'line-width': 2, 'line-dasharray': [3, 2] } },
    { id: 'expansion-boundary', type: 'line', source: EXPANSION_SOURCE, paint: { 'line-color': '#a00018', 'line-width': 4, 'line-opacity': 0.9 } },
  ],
  boundary: [
    { id: 'boundary-casing', type: 'line', source: src('boundary'), paint: { 'line-color': '#ffffff', 'line-width': 5, 'line-opacity': 0.8 } },
    { id: 'boundary-line', type: 'line', source: src('boundary'), paint: { 'line-color': hex(CHANGE_COLOURS.boundary), 'line-width': 3, 'line-dasharray': [4, 1, 1, 1] } },
  ],
  places: [],
  feedback: [
    { id: 'feedback-circle', type: 'circle', source: src('feedback'), paint: { 'circle-radius': 6, 'circle-color': '#ff6600', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } },
  ],
};


export type ViewPaintProperty = 'fill-color' | 'fill-opacity';

/** Paint that changes with the view: [layer id, property, value per view]. */
const VIEW_PAINT: readonly [string, ViewPaintProperty, Record<ViewMode, ExpressionSpecification | string | number>][] = [
  ['base-fill', 'fill-color', { base: classColour('classCode'), plan: classColour('classCode'), change: '#eeeeee' }],
  ['base-fill', 'fill-opacity', { base: 1, plan: 1, change: 1 }],
  ['demolition-fill', 'fill-opacity', { base: 0, plan: 1, change: 0.85 }],
  ['demolition-fill', 'fill-color', { base: classColour('restorationUse'), plan: classColour('restorationUse'), change: '#9e9e9e' }],
  ['newBuild-fill', 'fill-opacity', { base: 0, plan: 1, change: 0.85 }],
  ['newBuild-fill', 'fill-color', { base: classColour('useCode'), plan: classColour('useCode'), change: hex(CHANGE_COLOURS.newBuild) }],
  ['useChange-fill', 'fill-opacity', { base: 0, plan: 1, change: 0.85 }],
  ['useChange-fill', 'fill-color', { base: classColour('targetCode'), plan: classColour('targetCode'), change: hex(CHANGE_COLOURS.useChange) }],
  ['facility-fill', 'fill-opacity', { base: 0, plan: 1, change: 0.6 }],
];

export function viewPaint(view: ViewMode): { layerId: string; property: ViewPaintProperty; value: ExpressionSpecification | string | number }[] {
  return VIEW_PAINT.map(([layerId, property, values]) => ({ layerId, property, value: values[view] }));
}

/** Land-class names as a `match` expression, so labels follow the language switch. */
export function classNameExpression(names: Readonly<Record<string, string>>, property: string): ExpressionSpecification {
  const pairs = LAND_CLASSES.flatMap((c) => [c.code, names[c.code] ?? c.code]);
  return ['match', ['get', property], ...pairs, ''] as unknown as ExpressionSpecification;
}

/** Labels: class name and parcel number on base parcels at large scales (place names are HTML: place-markers.ts). */
export function labelLayers(names: Readonly<Record<string, string>>): LayerSpecification[] {
  return [
    {
      id: 'base-label',
      type: 'symbol',
      source: src('base'),
      minzoom: 17.3,
      layout: {
        'text-field': ['format', classNameExpression(names, 'classCode'), {}, '\n', {}, ['get', 'parcelNo'], { 'font-scale': 0.8 }],
        'text-size': 11,
        'text-allow-overlap': false,
        'text-padding': 4,
      },
      paint: { 'text-color': '#333333', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
    },
  ];
}
