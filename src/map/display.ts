/**
 * What each style layer looks like for the current view and the planner's layer settings: visibility,
 * opacity (the view's own times the planner's) and the paint the view changes. One pure function feeds
 * both the initial style and later updates, so the first frame already draws only what is visible.
 */
import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { LAYER_IDS, type LayerId } from '../profiles/zhejiang-2017/layers.ts';
import type { UiState } from '../store/ui.store.ts';
import { styleLayerIds, viewPaint } from './plan-style.ts';

const OPACITY_PROPERTY = { fill: 'fill-opacity', line: 'line-opacity', circle: 'circle-opacity', symbol: 'text-opacity' } as const;
type OpacityProperty = (typeof OPACITY_PROPERTY)[keyof typeof OPACITY_PROPERTY];
type PaintProperty = Parameters<MapLibreMap['setPaintProperty']>[1];
type PaintValue = Parameters<MapLibreMap['setPaintProperty']>[2];

const LABEL_LAYERS: Partial<Record<LayerId, readonly string[]>> = { base: ['base-label'] };

/** Opacity a style layer has before the view and the planner change it. */
function ownOpacity(layerId: string): number {
  if (layerId === 'pbf-fill') return 0.45;
  if (layerId === 'boundary-casing') return 0.8;
  return 1;
}

export interface StyleLayerDisplay {
  readonly visible: boolean;
  readonly paint: Readonly<Partial<Record<PaintProperty, PaintValue>>>;
}

/** Display of every style layer that belongs to a plan layer, keyed by style layer id. */
export function displayOf(ui: UiState, typeOf: (styleLayerId: string) => string | undefined): Map<string, StyleLayerDisplay> {
  const viewOpacity = new Map<string, number>();
  const viewOther = new Map<string, Partial<Record<PaintProperty, PaintValue>>>();
  for (const { layerId, property, value } of viewPaint(ui.view)) {
    if (property.endsWith('-opacity')) viewOpacity.set(layerId, value as number);
    else viewOther.set(layerId, { ...viewOther.get(layerId), [property]: value });
  }
  const result = new Map<string, StyleLayerDisplay>();
  for (const layer of LAYER_IDS) {
    const settings = ui.layers[layer];
    for (const id of [...styleLayerIds(layer), ...(LABEL_LAYERS[layer] ?? [])]) {
      const type = typeOf(id);
      if (!type) continue;
      const opacity = (viewOpacity.get(id) ?? ownOpacity(id)) * settings.opacity;
      const property = (OPACITY_PROPERTY as Record<string, OpacityProperty | undefined>)[type];
      const paint: Partial<Record<PaintProperty, PaintValue>> = { ...viewOther.get(id), ...(property ? { [property]: opacity } : {}) };
      // Opacity 0 means hidden, not drawn transparent: software WebGL pays for every fill it draws.
      result.set(id, { visible: settings.visible && opacity > 0, paint });
    }
  }
  return result;
}

/** The layer specs with their display applied, for the style the map starts with. */
export function withDisplay(specs: readonly LayerSpecification[], ui: UiState): LayerSpecification[] {
  const types = new Map(specs.map((s) => [s.id, s.type]));
  const display = displayOf(ui, (id) => types.get(id));
  return specs.map((spec) => {
    const d = display.get(spec.id);
    if (!d || spec.type === 'background') return spec;
    return {
      ...spec,
      layout: { ...spec.layout, visibility: d.visible ? 'visible' : 'none' },
      paint: { ...spec.paint, ...d.paint },
    } as LayerSpecification;
  });
}

export function applyDisplay(map: MapLibreMap, ui: UiState): void {
  for (const [id, d] of displayOf(ui, (styleLayerId) => map.getLayer(styleLayerId)?.type)) {
    map.setLayoutProperty(id, 'visibility', d.visible ? 'visible' : 'none');
    for (const [property, value] of Object.entries(d.paint)) map.setPaintProperty(id, property as PaintProperty, value);
  }
}
