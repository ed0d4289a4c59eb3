/**
 * The notice map's style and camera without MapLibre's code (only its types): the layers come from the
 * editor's `map/plan-style.ts` (the same palette, outlines and view paint), so the first view drawn by the
 * small canvas renderer (canvas-map.ts) and MapLibre's map (notice-map.ts) are painted from one source,
 * and both start at the same camera (`villageCamera`), so MapLibre replaces the canvas without a jump.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import { sourceId } from '../../map/map-features.ts';
import { PLAN_LAYER_STYLES, viewPaint } from '../../map/plan-style.ts';
import type { AreaItem, NoticeModel, PlaceItem } from './notice-model.ts';

export type NoticeView = 'plan' | 'base';

export const CHANGE_LAYERS = ['demolition', 'newBuild', 'useChange', 'facility', 'reserve'] as const;
const STYLED_LAYERS = ['base', 'pbf', ...CHANGE_LAYERS, 'boundary'] as const;
export const PINS_SOURCE = 'notice-pins';
export const SELECTED_SOURCE = 'notice-selected';
export const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
export const FIT_PADDING = 16;
export const MIN_ZOOM = 11;
export const MAX_ZOOM = 21;

export interface Pin {
  readonly id: string;
  readonly at: Position;
  readonly pending: boolean;
}

/** What the viewer asks of its map, whichever draws it (the canvas first view or MapLibre). */
export interface NoticeMap {
  setView(view: NoticeView): void;
  showSelected(geometry: Geometry | null): void;
  showPins(pins: readonly Pin[]): void;
  flyTo(lonLat: [number, number]): void;
  fitVillage(): void;
  onTap(listener: (lonLat: [number, number]) => void): void;
}

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

/** The plan layers' data by source id, as both renderers read it. */
export function planSources(model: NoticeModel): Map<string, FeatureCollection> {
  return new Map(STYLED_LAYERS.map((layer) => [sourceId(layer), collection(model.areas[layer])]));
}

/** What a notice map draws, whichever plan type it shows: the plan's sources and layers, its box and places. */
export interface MapContent {
  readonly bbox: readonly [number, number, number, number];
  readonly sources: ReadonlyMap<string, FeatureCollection>;
  readonly places: readonly PlaceItem[];
  /** The plan's style layers with the paint of a view, bottom to top. */
  planLayers(view: NoticeView): LayerSpecification[];
}

export function mapContent2017(model: NoticeModel): MapContent {
  return { bbox: model.payload.bbox, sources: planSources(model), places: model.places, planLayers };
}

export function selectedData(geometry: Geometry | null): FeatureCollection {
  return geometry ? { type: 'FeatureCollection', features: [{ type: 'Feature', geometry, properties: {} }] } : EMPTY;
}

export function pinsData(pins: readonly Pin[]): FeatureCollection {
  return { type: 'FeatureCollection', features: pins.map((p) => ({ type: 'Feature', id: p.id, geometry: { type: 'Point', coordinates: [...p.at] }, properties: { pending: p.pending } })) };
}

/** Style layers with the paint of a view: change fills show their target use in 规划, nothing in 现状. */
export function planLayers(view: NoticeView): LayerSpecification[] {
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

/** Every layer of the notice map, bottom to top: ground, the plan, the tapped parcel, the comment pins. */
export function noticeLayers(content: MapContent, view: NoticeView): LayerSpecification[] {
  return [
    { id: 'background', type: 'background', paint: { 'background-color': '#f4f3ef' } },
    ...content.planLayers(view),
    { id: 'selected-casing', type: 'line', source: SELECTED_SOURCE, paint: { 'line-color': '#ffffff', 'line-width': 7 } },
    { id: 'selected-line', type: 'line', source: SELECTED_SOURCE, paint: { 'line-color': '#0050b4', 'line-width': 4 } },
    { id: 'pins', type: 'circle', source: PINS_SOURCE, paint: { 'circle-radius': 9, 'circle-color': ['case', ['get', 'pending'], '#0050b4', '#e65c00'], 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 } },
  ];
}

/** MapLibre's camera: the map's centre and its zoom (512 px tiles, Web Mercator). */
export interface Camera {
  readonly center: [number, number];
  readonly zoom: number;
}

const TILE_SIZE = 512;

/** Web Mercator in world units (0…1 across the world, y down), as MapLibre projects. */
export function mercator(lon: number, lat: number): [number, number] {
  const sin = Math.sin((lat * Math.PI) / 180);
  return [(lon + 180) / 360, 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)];
}

export function inverseMercator(x: number, y: number): [number, number] {
  return [x * 360 - 180, (360 / Math.PI) * Math.atan(Math.exp((0.5 - y) * 2 * Math.PI)) - 90];
}

/** Pixels per world unit at a zoom. */
export function worldSize(zoom: number): number {
  return TILE_SIZE * 2 ** zoom;
}

/** The camera that fits `bbox` into a width × height view with the notice's padding, as MapLibre's fitBounds does. */
export function fitCamera(bbox: readonly [number, number, number, number], width: number, height: number): Camera {
  const [w, s, e, n] = bbox;
  const [x0, y0] = mercator(w, n);
  const [x1, y1] = mercator(e, s);
  const scale = Math.min((width - 2 * FIT_PADDING) / Math.max(x1 - x0, 1e-12), (height - 2 * FIT_PADDING) / Math.max(y1 - y0, 1e-12));
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.log2(Math.max(scale, 1e-9) / TILE_SIZE)));
  return { center: inverseMercator((x0 + x1) / 2, (y0 + y1) / 2), zoom };
}

/** How a search result is shown: centred, at least at zoom 17. */
export function flyToCamera(current: Camera, lonLat: [number, number]): Camera {
  return { center: lonLat, zoom: Math.max(current.zoom, 17) };
}
