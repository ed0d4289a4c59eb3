/**
 * The map of a 2026 village database (the reviewer's view, ui/database/): its layers in the profile's style
 * (map-style.ts) one GeoJSON source each, the picked features and the focused finding outlined on top.
 * Pan and zoom; a click names the feature under it (edits are the view's, through the session). No basemap: the database's own parcels cover
 * the village, and nothing is fetched.
 */
import { Map as MapLibreMap, type GeoJSONSource, type LayerSpecification, type MapGeoJSONFeature, type StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection, Geometry } from 'geojson';
import { MAP_LAYER_STYLES, PICK_ORDER, hexOf, type MapLayerStyle } from '../../profiles/zhejiang-2026/map-style.ts';
import type { VillageDatabase, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { emptyBBox, geometryBBox, isEmptyBBox, unionBBox, type BBox } from '../../geo/bbox.ts';
import { addHatchPatterns } from '../patterns.ts';
import { HATCH_IMAGES } from '../plan-style.ts';
import { createDatabaseDraw, type DatabaseDraw } from './database-draw.ts';
import { layerData } from './database-sources.ts';

const FOCUS_SOURCE = 'db-focus';
const PICKED_SOURCE = 'db-picked';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const FIT_PADDING = 40;

const sourceOf = (layer: VillageLayerName) => `db-${layer}`;
const fillOf = (layer: VillageLayerName) => `db-${layer}-fill`;
const lineOf = (layer: VillageLayerName) => `db-${layer}-line`;

function styleLayers(style: MapLayerStyle, shown: boolean): LayerSpecification[] {
  const source = sourceOf(style.layer);
  const visibility = shown ? 'visible' : 'none';
  const dash = style.dash ? { 'line-dasharray': [...style.dash] } : {};
  const line: LayerSpecification = {
    id: lineOf(style.layer),
    type: 'line',
    source,
    layout: { visibility },
    paint: { 'line-color': style.draw === 'outline' ? hexOf(style.colour) : ['get', 'colour'], 'line-width': style.width, ...dash },
  };
  if (style.draw === 'classes') {
    return [
      { id: fillOf(style.layer), type: 'fill', source, layout: { visibility }, paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.9 } },
      { id: `${fillOf(style.layer)}-unknown`, type: 'fill', source, filter: ['==', ['get', 'unknown'], 1], layout: { visibility }, paint: { 'fill-pattern': HATCH_IMAGES.demolition } },
      { ...line, paint: { 'line-color': hexOf(style.colour), 'line-width': style.width } },
    ];
  }
  // Outlined layers still answer a click inside them (a nearly transparent fill), as a planner expects.
  return [{ id: fillOf(style.layer), type: 'fill', source, layout: { visibility }, paint: { 'fill-color': hexOf(style.colour), 'fill-opacity': 0.04 } }, line];
}

export interface DatabaseMap {
  /** Drawing a change (a polygon) on the map; while it draws, clicks do not pick. */
  readonly draw: DatabaseDraw;
  /** Draws the database after an edit: only the layers whose records (or, filled by class, the plan's colours) changed are sent again. */
  update(db: VillageDatabase): void;
  setShown(layer: VillageLayerName, shown: boolean): void;
  /** Outlines the picked features. */
  showPicked(geometries: readonly Geometry[]): void;
  /** Outlines a finding's features or its own geometry and brings it into view. */
  focus(geometries: readonly Geometry[]): void;
  fitVillage(): void;
  /** `adding`: Shift was held (add to or take from the picked features). */
  onPick(listener: (layer: VillageLayerName | null, ref: string | null, adding: boolean) => void): void;
  /** For tests: where a lon/lat is on the canvas, and the next `idle`. */
  project(lonLat: [number, number]): { x: number; y: number };
  idle(): Promise<void>;
  remove(): void;
}

const collection = (geometries: readonly Geometry[]): FeatureCollection => ({ type: 'FeatureCollection', features: geometries.map((geometry) => ({ type: 'Feature', geometry, properties: {} })) });

function unionBox(geometries: readonly Geometry[]): BBox | null {
  const box = geometries.reduce((all, g) => unionBBox(all, geometryBBox(g)), emptyBBox());
  return isEmptyBBox(box) ? null : box;
}

export function createDatabaseMap(container: HTMLElement, db: VillageDatabase, shown: (layer: VillageLayerName) => boolean): DatabaseMap {
  const styles = MAP_LAYER_STYLES.filter((s) => db.layers[s.layer]);
  const sources: StyleSpecification['sources'] = {};
  for (const style of styles) sources[sourceOf(style.layer)] = { type: 'geojson', data: layerData(db, style) };
  sources[PICKED_SOURCE] = { type: 'geojson', data: EMPTY };
  sources[FOCUS_SOURCE] = { type: 'geojson', data: EMPTY };
  const layers: LayerSpecification[] = [
    { id: 'db-background', type: 'background', paint: { 'background-color': '#f4f3ef' } },
    ...styles.flatMap((style) => styleLayers(style, shown(style.layer))),
    { id: `${FOCUS_SOURCE}-fill`, type: 'fill', source: FOCUS_SOURCE, paint: { 'fill-color': '#ff00aa', 'fill-opacity': 0.25 } },
    { id: `${FOCUS_SOURCE}-line`, type: 'line', source: FOCUS_SOURCE, paint: { 'line-color': '#ff00aa', 'line-width': 3 } },
    { id: `${PICKED_SOURCE}-line`, type: 'line', source: PICKED_SOURCE, paint: { 'line-color': '#00a0ff', 'line-width': 3 } },
  ];
  const all = db.layers.CJDCQ?.features.length ? db.layers.CJDCQ.features : Object.values(db.layers).flatMap((l) => l.features);
  const village = unionBox(all.flatMap((f) => (f.geometry ? [f.geometry] : [])));
  const map = new MapLibreMap({
    container,
    style: { version: 8, sources, layers },
    ...(village ? { bounds: [village[0], village[1], village[2], village[3]] as [number, number, number, number], fitBoundsOptions: { padding: FIT_PADDING } } : { center: [120, 30], zoom: 10 }),
    maxZoom: 22,
    attributionControl: false,
    // Shift+click adds to the picked features, as in the 2017 editor, instead of starting a box zoom.
    boxZoom: false,
    dragRotate: false,
    pitchWithRotate: false,
  });
  map.touchZoomRotate.disableRotation();
  map.setMissingStyleImageResolver(() => addHatchPatterns(map));
  const source = (id: string) => map.getSource(id) as GeoJSONSource | undefined;
  const shownFill = (layer: VillageLayerName) => map.getLayer(fillOf(layer)) !== undefined && map.getLayoutProperty(fillOf(layer), 'visibility') !== 'none';

  let drawn = db;
  const draw = createDatabaseDraw(map);
  return {
    draw,
    update(next) {
      // A change of the plan's class colours refills the layers filled by class, which keep their records.
      const recoloured = next.classColours !== drawn.classColours;
      for (const style of styles) {
        if (next.layers[style.layer] !== drawn.layers[style.layer] || (recoloured && style.draw === 'classes')) source(sourceOf(style.layer))?.setData(layerData(next, style));
      }
      drawn = next;
    },
    setShown(layer, on) {
      for (const id of [fillOf(layer), `${fillOf(layer)}-unknown`, lineOf(layer)]) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
    },
    showPicked(geometries) {
      source(PICKED_SOURCE)?.setData(collection(geometries));
    },
    focus(geometries) {
      source(FOCUS_SOURCE)?.setData(collection(geometries));
      const box = unionBox(geometries);
      if (box) map.fitBounds([box[0], box[1], box[2], box[3]], { padding: FIT_PADDING * 3, maxZoom: 19, duration: 300 });
    },
    fitVillage() {
      if (village) map.fitBounds([village[0], village[1], village[2], village[3]], { padding: FIT_PADDING, duration: 300 });
    },
    onPick(listener) {
      map.on('click', (event) => {
        if (draw.drawing) return;
        for (const layer of PICK_ORDER.filter(shownFill)) {
          const hit: MapGeoJSONFeature | undefined = map.queryRenderedFeatures(event.point, { layers: [fillOf(layer)] })[0];
          if (hit) return listener(layer, String(hit.properties['ref']), event.originalEvent.shiftKey);
        }
        listener(null, null, event.originalEvent.shiftKey);
      });
    },
    project(lonLat) {
      const p = map.project(lonLat);
      return { x: p.x, y: p.y };
    },
    idle: () =>
      new Promise<void>((resolve) => {
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
    remove: () => map.remove(),
  };
}
