/**
 * The MapLibre view of the plan. It renders from the stores and never the other way round: a reset loads
 * every source with `setData`, a patch becomes `updateData` diffs on the touched layers only.
 */
import { Map as MapLibreMap, ScaleControl, NavigationControl, setWorkerUrl, type GeoJSONSource, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection } from 'geojson';
import { LAYER_IDS, type LayerId } from '../profiles/zhejiang-2017/layers.ts';
import type { Plan } from '../domain/plan.ts';
import { geometryBBox, type BBox } from '../geo/bbox.ts';
import { codeLabels } from '../i18n/code-labels.ts';
import type { Editor } from '../store/editor.ts';
import type { UiState } from '../store/ui.store.ts';
import { layerCollection, patchToDiffs, sourceId } from './map-features.ts';
import { addHatchPatterns } from './patterns.ts';
import { applyDisplay, withDisplay } from './display.ts';
import { expansionData } from './expansion-sync.ts';
import { EXPANSION_SOURCE, labelLayers, PLAN_LAYER_STYLES, styleLayerIds } from './plan-style.ts';
import { zoomForScale } from './scale.ts';
import { SELECTION_LAYERS, SELECTION_SOURCE } from './selection-style.ts';

setWorkerUrl(workerUrl);

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * The whole style up front, data included when the plan is already there: one pass through MapLibre's
 * worker instead of an empty style followed by forty `addLayer` and fifteen `setData` calls.
 */
function initialStyle(plan: Plan, ui: UiState, present: Map<LayerId, Set<string>>): StyleSpecification {
  const sources: StyleSpecification['sources'] = {};
  for (const layer of LAYER_IDS) {
    const data = layerCollection(plan, layer);
    present.set(layer, new Set(data.features.map((f) => String(f.id))));
    sources[sourceId(layer)] = { type: 'geojson', data, promoteId: 'id' };
  }
  sources[SELECTION_SOURCE] = { type: 'geojson', data: EMPTY };
  sources[EXPANSION_SOURCE] = { type: 'geojson', data: expansionData(plan) };
  // No `glyphs`: labels are drawn from local fonts, so nothing is fetched and Chinese renders offline.
  return {
    version: 8,
    sources,
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f4f3ef' } },
      ...withDisplay([...ui.order.flatMap((layer) => PLAN_LAYER_STYLES[layer]), ...labelLayers(classNames(ui))], ui),
      ...SELECTION_LAYERS,
    ],
  };
}

export interface MapView {
  readonly map: MapLibreMap;
  /** Resolves once the style (and the plan data, when loaded) is on the map. */
  readonly ready: Promise<void>;
  /** Resolves when the map has first drawn everything it was given. */
  readonly firstIdle: Promise<void>;
  /** Resolves once every change sent to the map so far is processed and drawn. */
  whenDrawn(): Promise<void>;
  zoomToScale(denominator: number): void;
  fitPlan(): void;
  fitBBox(bbox: BBox): void;
  /** Centres the map on a point, zooming in to at least 1:`denominator` (go to coordinates). */
  centreOn(lonLat: readonly [number, number], denominator: number): void;
  destroy(): void;
}

const FIT_PADDING = 40;

export function createMapView(container: HTMLElement, editor: Editor): MapView {
  const present = new Map<LayerId, Set<string>>();
  const plan = editor.plan.getState().plan;
  const bbox = planBBox(plan);
  // A draft reopened where the planner left it (ui/view-memory) opens at that view, not fitted to the plan.
  const opening = editor.ui.getState().openingView;
  const camera = opening
    ? { center: [opening.center[0], opening.center[1]] as [number, number], zoom: opening.zoom }
    : bbox
      ? { bounds: bbox, fitBoundsOptions: { padding: FIT_PADDING } }
      : { center: [120.8, 30.6] as [number, number], zoom: 12 };
  const map = new MapLibreMap({
    container,
    style: initialStyle(plan, editor.ui.getState(), present),
    ...camera,
    maxZoom: 22,
    attributionControl: false,
    boxZoom: false,
    doubleClickZoom: false,
    localIdeographFontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif',
    canvasContextAttributes: { preserveDrawingBuffer: false },
  });
  map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
  map.addControl(new NavigationControl({ showCompass: true, visualizePitch: false }), 'top-right');
  // Hatch images are drawn when the style first asks for them.
  map.setMissingStyleImageResolver(() => addHatchPatterns(map));
  if (bbox) markFirstIdle(map);
  const firstIdle = new Promise<void>((resolve) => map.once('idle', () => resolve()));

  const unsubscribers: (() => void)[] = [];
  /** updateData calls still being processed by MapLibre's worker; each leaves the set when it settles. */
  const pending = new Set<Promise<void>>();
  const track = (update: Promise<void>) => {
    pending.add(update);
    const settled = () => void pending.delete(update);
    update.then(settled, settled);
  };
  const loadAll = (next: Plan, refit = true) => {
    present.clear();
    for (const layer of LAYER_IDS) {
      const collection = layerCollection(next, layer);
      present.set(layer, new Set(collection.features.map((f) => String(f.id))));
      (map.getSource(sourceId(layer)) as GeoJSONSource).setData(collection);
    }
    markFirstIdle(map);
    if (refit) fit();
    else reportView();
  };

  const ready = new Promise<void>((resolve) => {
    map.once('load', () => {
      unsubscribers.push(
        editor.plan.onChange((event) => {
          if (event.kind === 'reset') loadAll(event.plan);
          else for (const [layer, diff] of patchToDiffs(present, event.patch)) track((map.getSource(sourceId(layer)) as GeoJSONSource).updateData(diff));
          if (event.kind === 'reset' || event.patch.features.some((c) => c.layer === 'controlZone')) {
            (map.getSource(EXPANSION_SOURCE) as GeoJSONSource).setData(expansionData(event.plan));
          }
        }),
        editor.ui.subscribe((next, previous) => {
          if (next.language !== previous.language) relabel(map, next);
          if (next.view !== previous.view || next.layers !== previous.layers) applyDisplay(map, next);
          if (next.order !== previous.order) applyOrder(map, next.order);
        }),
      );
      // A plan that arrived while the style was loading is on the map only now.
      if (editor.plan.getState().plan !== plan) loadAll(editor.plan.getState().plan, !opening);
      reportView();
      resolve();
    });
  });

  const reportView = () => editor.pointer.setView(map.getZoom(), map.getCenter().lat);
  map.on('move', reportView);

  function fit(): void {
    const box = planBBox(editor.plan.getState().plan);
    if (box) map.fitBounds(box, { padding: FIT_PADDING, duration: 0 });
    reportView();
  }

  return {
    map,
    ready,
    firstIdle,
    async whenDrawn() {
      // Updates sent while waiting are waited for too; settled ones have already left the set.
      while (pending.size > 0) await Promise.allSettled([...pending]);
      await new Promise<void>((resolve) => {
        map.once('idle', () => resolve());
        map.triggerRepaint();
      });
    },
    zoomToScale(denominator) {
      map.easeTo({ zoom: zoomForScale(denominator, map.getCenter().lat), duration: 300 });
    },
    fitPlan: fit,
    fitBBox(bbox) {
      map.fitBounds([[bbox[0], bbox[1]], [bbox[2], bbox[3]]], { padding: 80, maxZoom: 19, duration: 300 });
    },
    centreOn(lonLat, denominator) {
      const zoom = Math.max(map.getZoom(), zoomForScale(denominator, lonLat[1]));
      map.easeTo({ center: [lonLat[0], lonLat[1]], zoom, duration: 300 });
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

function applyOrder(map: MapLibreMap, order: readonly LayerId[]): void {
  // Moving each group to just below the labels, bottom first, rebuilds the whole order.
  for (const layer of order) for (const id of styleLayerIds(layer)) if (map.getLayer(id)) map.moveLayer(id, 'base-label');
}

/** Performance marks the benchmark reads: the plan's data handed to the map, then the map idle with it. */
function markFirstIdle(map: MapLibreMap): void {
  performance.mark('village-plan:map-data-set');
  map.once('idle', () => performance.mark('village-plan:map-idle'));
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
