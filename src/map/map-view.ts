/**
 * The MapLibre view of the plan. It renders from the stores and never the other way round: a reset loads
 * every source with `setData`, a patch becomes `updateData` diffs on the touched layers only.
 */
import { Map as MapLibreMap, ScaleControl, NavigationControl, setWorkerUrl, type GeoJSONSource, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection } from 'geojson';
import { LAYER_IDS, type LayerId } from '../domain/layers.ts';
import type { Plan } from '../domain/plan.ts';
import { geometryBBox, type BBox } from '../geo/bbox.ts';
import { codeLabels } from '../i18n/code-labels.ts';
import type { Editor } from '../store/editor.ts';
import type { UiState } from '../store/ui.store.ts';
import { layerCollection, patchToDiffs, sourceId } from './map-features.ts';
import { addHatchPatterns } from './patterns.ts';
import { labelLayers, PLAN_LAYER_STYLES, styleLayerIds, viewPaint } from './plan-style.ts';
import { zoomForScale } from './scale.ts';
import { SELECTION_LAYERS, SELECTION_SOURCE } from './selection-style.ts';

setWorkerUrl(workerUrl);

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

function initialStyle(): StyleSpecification {
  const sources: StyleSpecification['sources'] = {};
  for (const layer of LAYER_IDS) sources[sourceId(layer)] = { type: 'geojson', data: EMPTY, promoteId: 'id' };
  sources[SELECTION_SOURCE] = { type: 'geojson', data: EMPTY };
  // No `glyphs`: labels are drawn from local fonts, so nothing is fetched and Chinese renders offline.
  return {
    version: 8,
    sources,
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f4f3ef' } }],
  };
}

export interface MapView {
  readonly map: MapLibreMap;
  /** Resolves once the style and the plan data are on the map. */
  readonly ready: Promise<void>;
  zoomToScale(denominator: number): void;
  fitPlan(): void;
  fitBBox(bbox: BBox): void;
  destroy(): void;
}

export function createMapView(container: HTMLElement, editor: Editor): MapView {
  const map = new MapLibreMap({
    container,
    style: initialStyle(),
    center: [120.8, 30.6],
    zoom: 14,
    maxZoom: 22,
    attributionControl: false,
    boxZoom: false,
    doubleClickZoom: false,
    localIdeographFontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif',
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
  map.addControl(new NavigationControl({ showCompass: true, visualizePitch: false }), 'top-right');

  const present = new Map<LayerId, Set<string>>();
  const unsubscribers: (() => void)[] = [];

  const loadAll = (plan: Plan) => {
    present.clear();
    for (const layer of LAYER_IDS) {
      const collection = layerCollection(plan, layer);
      present.set(layer, new Set(collection.features.map((f) => String(f.id))));
      (map.getSource(sourceId(layer)) as GeoJSONSource).setData(collection);
    }
  };

  const ready = new Promise<void>((resolve) => {
    map.once('load', () => {
      addHatchPatterns(map);
      const ui = editor.ui.getState();
      for (const layer of ui.order) for (const spec of PLAN_LAYER_STYLES[layer]) map.addLayer(spec);
      for (const spec of labelLayers(classNames(ui))) map.addLayer(spec);
      for (const spec of SELECTION_LAYERS) map.addLayer(spec);
      loadAll(editor.plan.getState().plan);
      applyDisplay(map, ui);
      unsubscribers.push(
        editor.plan.onChange((event) => {
          if (event.kind === 'reset') loadAll(event.plan);
          else for (const [layer, diff] of patchToDiffs(present, event.patch)) void (map.getSource(sourceId(layer)) as GeoJSONSource).updateData(diff);
        }),
        editor.ui.subscribe((next, previous) => {
          if (next.language !== previous.language) relabel(map, next);
          if (next.view !== previous.view || next.layers !== previous.layers) applyDisplay(map, next);
          if (next.order !== previous.order) applyOrder(map, next.order);
        }),
      );
      fit();
      resolve();
    });
  });

  const reportView = () => editor.pointer.setView(map.getZoom(), map.getCenter().lat);
  map.on('move', reportView);

  function fit(): void {
    const bbox = planBBox(editor.plan.getState().plan);
    if (bbox) map.fitBounds([[bbox[0], bbox[1]], [bbox[2], bbox[3]]], { padding: 40, duration: 0 });
    reportView();
  }

  return {
    map,
    ready,
    zoomToScale(denominator) {
      map.easeTo({ zoom: zoomForScale(denominator, map.getCenter().lat), duration: 300 });
    },
    fitPlan: fit,
    fitBBox(bbox) {
      map.fitBounds([[bbox[0], bbox[1]], [bbox[2], bbox[3]]], { padding: 80, maxZoom: 19, duration: 300 });
    },
    destroy() {
      unsubscribers.forEach((u) => u());
      map.remove();
    },
  };
}

function classNames(ui: UiState): Record<string, string> {
  const labels = codeLabels(ui.language);
  const names: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels)) if (key.startsWith('landClass.')) names[key.slice('landClass.'.length)] = value;
  return names;
}

function relabel(map: MapLibreMap, ui: UiState): void {
  for (const spec of labelLayers(classNames(ui))) {
    if (spec.type === 'symbol' && spec.layout) map.setLayoutProperty(spec.id, 'text-field', spec.layout['text-field']);
  }
}

const OPACITY_PROPERTY: Record<string, 'fill-opacity' | 'line-opacity' | 'circle-opacity' | 'text-opacity'> = { fill: 'fill-opacity', line: 'line-opacity', circle: 'circle-opacity', symbol: 'text-opacity' };

/** View paint, then each layer's visibility and opacity (the view's own opacity times the planner's). */
function applyDisplay(map: MapLibreMap, ui: UiState): void {
  const viewOpacity = new Map<string, number>();
  for (const { layerId, property, value } of viewPaint(ui.view)) {
    if (property.endsWith('-opacity')) viewOpacity.set(layerId, value as number);
    else map.setPaintProperty(layerId, property, value);
  }
  for (const layer of LAYER_IDS) {
    const display = ui.layers[layer];
    const ids = [...styleLayerIds(layer), ...(layer === 'base' ? ['base-label'] : []), ...(layer === 'places' ? ['places-label'] : [])];
    for (const id of ids) {
      const styleLayer = map.getLayer(id);
      if (!styleLayer) continue;
      map.setLayoutProperty(id, 'visibility', display.visible ? 'visible' : 'none');
      const property = OPACITY_PROPERTY[styleLayer.type];
      const isPattern = styleLayer.type === 'fill' && map.getPaintProperty(id, 'fill-pattern') !== undefined;
      if (property) map.setPaintProperty(id, property, (viewOpacity.get(id) ?? (isPattern ? 1 : defaultOpacity(id))) * display.opacity);
    }
  }
}

function defaultOpacity(layerId: string): number {
  if (layerId === 'pbf-fill') return 0.45;
  if (layerId === 'boundary-casing') return 0.8;
  return PLAN_FILLS_HIT_ONLY.has(layerId) ? 0 : 1;
}

/** Fills that exist only so clicks find zones; they paint nothing. */
const PLAN_FILLS_HIT_ONLY = new Set(['consolidationZone-fill', 'functionalZone-fill', 'controlZone-fill']);

function applyOrder(map: MapLibreMap, order: readonly LayerId[]): void {
  // Moving each group to just below the labels, bottom first, rebuilds the whole order.
  for (const layer of order) for (const id of styleLayerIds(layer)) if (map.getLayer(id)) map.moveLayer(id, 'base-label');
}

function planBBox(plan: Plan): BBox | undefined {
  const sourceLayer = Object.keys(plan.layers.boundary).length ? plan.layers.boundary : plan.layers.base;
  let box: BBox | undefined;
  for (const feature of Object.values(sourceLayer)) {
    const b = geometryBBox(feature.geometry);
    box = box ? [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])] : b;
  }
  return box;
}
