/**
 * The notice map: the plan's layers styled as in the editor (map/plan-style.ts: the same palette, hatching
 * and outlines), place names as HTML labels, the villager's own comment pins, and the tapped parcel
 * outlined. Read-only: MapLibre's pan and pinch, no drawing code at all.
 */
import { Map as MapLibreMap, Marker, type GeoJSONSource, type LayerSpecification, type StyleSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { sourceId } from '../../map/map-features.ts';
import { addHatchPatterns } from '../../map/patterns.ts';
import { PLAN_LAYER_STYLES, viewPaint } from '../../map/plan-style.ts';
import type { AreaItem, NoticeModel } from './notice-model.ts';

export type NoticeView = 'plan' | 'base';

const CHANGE_LAYERS = ['demolition', 'newBuild', 'useChange', 'facility', 'reserve'] as const;
const STYLED_LAYERS = ['base', 'pbf', ...CHANGE_LAYERS, 'boundary'] as const;
const PINS_SOURCE = 'notice-pins';
const SELECTED_SOURCE = 'notice-selected';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The property names plan-style.ts reads, from the payload's short ones. */
function styleProperties(item: AreaItem): Record<string, unknown> {
  const p = item.props as Record<string, unknown>;
  switch (item.layer) {
    case 'base': return { classCode: p.c };
    case 'pbf': return { pbfType: p.t };
    case 'demolition': return { restorationUse: p.to };
    case 'newBuild': return { useCode: p.to };
    case 'useChange': return { targetCode: p.to };
    default: return {};
  }
}

function collection(items: readonly AreaItem[]): FeatureCollection {
  return { type: 'FeatureCollection', features: items.map((item): Feature => ({ type: 'Feature', id: item.id, geometry: item.geometry, properties: { id: item.id, ...styleProperties(item) } })) };
}

/** Style layers with the paint of a view: change fills show their target use in 规划, nothing in 现状. */
function layersFor(view: NoticeView): LayerSpecification[] {
  const paint = new Map<string, Record<string, unknown>>();
  for (const { layerId, property, value } of viewPaint(view)) paint.set(layerId, { ...paint.get(layerId), [property]: value });
  return STYLED_LAYERS.flatMap((layer) =>
    PLAN_LAYER_STYLES[layer].map((spec) => {
      const visible = view === 'plan' || !(CHANGE_LAYERS as readonly string[]).includes(layer);
      const extra = paint.get(spec.id);
      return { ...spec, layout: { ...('layout' in spec ? spec.layout : {}), visibility: visible ? 'visible' : 'none' }, ...(extra ? { paint: { ...spec.paint, ...extra } } : {}) } as LayerSpecification;
    }),
  );
}

export interface NoticeMap {
  readonly map: MapLibreMap;
  setView(view: NoticeView): void;
  showSelected(geometry: Geometry | null): void;
  showPins(pins: readonly { id: string; at: Position; pending: boolean }[]): void;
  flyTo(lonLat: [number, number]): void;
  fitVillage(): void;
  onTap(listener: (lonLat: [number, number]) => void): void;
}

export function createNoticeMap(container: HTMLElement, model: NoticeModel): NoticeMap {
  const sources: StyleSpecification['sources'] = {};
  for (const layer of STYLED_LAYERS) sources[sourceId(layer)] = { type: 'geojson', data: collection(model.areas[layer]) };
  sources[SELECTED_SOURCE] = { type: 'geojson', data: EMPTY };
  sources[PINS_SOURCE] = { type: 'geojson', data: EMPTY };
  const [w, s, e, n] = model.payload.bbox;
  const map = new MapLibreMap({
    container,
    style: {
      version: 8,
      sources,
      layers: [
        { id: 'background', type: 'background', paint: { 'background-color': '#f4f3ef' } },
        ...layersFor('plan'),
        { id: 'selected-casing', type: 'line', source: SELECTED_SOURCE, paint: { 'line-color': '#ffffff', 'line-width': 7 } },
        { id: 'selected-line', type: 'line', source: SELECTED_SOURCE, paint: { 'line-color': '#0050b4', 'line-width': 4 } },
        { id: 'pins', type: 'circle', source: PINS_SOURCE, paint: { 'circle-radius': 9, 'circle-color': ['case', ['get', 'pending'], '#0050b4', '#e65c00'], 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 } },
      ],
    },
    bounds: [w, s, e, n],
    fitBoundsOptions: { padding: 16 },
    maxZoom: 21,
    minZoom: 11,
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    canvasContextAttributes: { preserveDrawingBuffer: false },
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.setMissingStyleImageResolver(() => addHatchPatterns(map));
  map.once('idle', () => performance.mark('notice:map-idle'));
  for (const place of model.places) {
    const element = document.createElement('div');
    element.className = `place-label place-${place.kind}`;
    // textContent, never innerHTML: a name is data.
    element.textContent = place.name;
    new Marker({ element, anchor: 'center' }).setLngLat(place.lonLat).addTo(map);
  }
  const source = (id: string) => map.getSource(id) as GeoJSONSource | undefined;
  return {
    map,
    setView(view) {
      for (const spec of layersFor(view)) {
        if (!map.getLayer(spec.id)) continue;
        map.setLayoutProperty(spec.id, 'visibility', spec.layout?.visibility ?? 'visible');
        for (const [property, value] of Object.entries(spec.paint ?? {})) map.setPaintProperty(spec.id, property as Parameters<MapLibreMap['setPaintProperty']>[1], value);
      }
    },
    showSelected(geometry) {
      source(SELECTED_SOURCE)?.setData(geometry ? { type: 'Feature', geometry, properties: {} } : EMPTY);
    },
    showPins(pins) {
      source(PINS_SOURCE)?.setData({ type: 'FeatureCollection', features: pins.map((p) => ({ type: 'Feature', id: p.id, geometry: { type: 'Point', coordinates: p.at }, properties: { pending: p.pending } })) });
    },
    flyTo(lonLat) {
      map.easeTo({ center: lonLat, zoom: Math.max(map.getZoom(), 17), duration: 400 });
    },
    fitVillage() {
      map.fitBounds([w, s, e, n], { padding: 16, duration: 300 });
    },
    onTap(listener) {
      map.on('click', (event) => listener([event.lngLat.lng, event.lngLat.lat]));
    },
  };
}
