/**
 * The notice map: the plan's layers styled as in the editor (notice-style.ts over map/plan-style.ts: the
 * same palette, hatching and outlines), place names as HTML labels, the villager's own comment pins, and
 * the tapped parcel outlined. Read-only: MapLibre's pan and pinch, no drawing (editing) tools at all. It starts at the
 * camera of the canvas first view it replaces (map-host.ts).
 */
import { Map as MapLibreMap, Marker, type GeoJSONSource, type StyleSpecification } from 'maplibre-gl';
import { declutterMarkers, PLACE_KIND_PRIORITY } from '../../map/label-declutter.ts';
import { addHatchPatterns } from '../../map/patterns.ts';
import { EMPTY, FIT_PADDING, flyToCamera, MAX_ZOOM, MIN_ZOOM, noticeLayers, pinsData, PINS_SOURCE, SELECTED_SOURCE, selectedData, type Camera, type MapContent, type NoticeMap, type NoticeView } from './notice-style.ts';

/** The MapLibre map behind the viewer's NoticeMap, with what the host and the tests need of it. */
export interface LiveNoticeMap extends NoticeMap {
  /** Resolves at the next `idle` (everything visible drawn). */
  idle(): Promise<void>;
  project(lonLat: [number, number]): { x: number; y: number };
  /** Follows the canvas first view while it is still shown (a search made before MapLibre was ready). */
  jumpTo(camera: Camera): void;
}

/** What the big script hands the small one (single-file.ts / map-route.ts). */
export interface NoticeMapModule {
  createNoticeMap(container: HTMLElement, content: MapContent, camera: Camera, view: NoticeView): LiveNoticeMap;
}

export function createNoticeMap(container: HTMLElement, content: MapContent, camera: Camera, view: NoticeView): LiveNoticeMap {
  const sources: StyleSpecification['sources'] = {};
  for (const [id, data] of content.sources) sources[id] = { type: 'geojson', data };
  sources[SELECTED_SOURCE] = { type: 'geojson', data: EMPTY };
  sources[PINS_SOURCE] = { type: 'geojson', data: EMPTY };
  const [w, s, e, n] = content.bbox;
  const map = new MapLibreMap({
    container,
    style: { version: 8, sources, layers: noticeLayers(content, view) },
    center: camera.center,
    zoom: camera.zoom,
    maxZoom: MAX_ZOOM,
    minZoom: MIN_ZOOM,
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
  const labels = content.places.map((place) => {
    const element = document.createElement('div');
    element.className = `place-label place-${place.kind}`;
    // textContent, never innerHTML: a name is data.
    element.textContent = place.name;
    return { marker: new Marker({ element, anchor: 'center' }).setLngLat(place.lonLat).addTo(map), kind: place.kind };
  });
  // On a phone the names are the first thing a villager reads: never on top of each other.
  const declutter = declutterMarkers(map, () => labels.map((l) => l.marker), (marker) => PLACE_KIND_PRIORITY[labels.find((l) => l.marker === marker)?.kind ?? ''] ?? 0);
  map.once('idle', () => declutter.update());
  const source = (id: string) => map.getSource(id) as GeoJSONSource | undefined;
  return {
    setView(next) {
      for (const spec of content.planLayers(next)) {
        if (!map.getLayer(spec.id)) continue;
        map.setLayoutProperty(spec.id, 'visibility', spec.layout?.visibility ?? 'visible');
        for (const [property, value] of Object.entries(spec.paint ?? {})) map.setPaintProperty(spec.id, property as Parameters<MapLibreMap['setPaintProperty']>[1], value);
      }
    },
    showSelected(geometry) {
      source(SELECTED_SOURCE)?.setData(selectedData(geometry));
    },
    showPins(pins) {
      source(PINS_SOURCE)?.setData(pinsData(pins));
    },
    flyTo(lonLat) {
      map.easeTo({ ...flyToCamera({ center: [map.getCenter().lng, map.getCenter().lat], zoom: map.getZoom() }, lonLat), duration: 400 });
    },
    fitVillage() {
      map.fitBounds([w, s, e, n], { padding: FIT_PADDING, duration: 300 });
    },
    onTap(listener) {
      map.on('click', (event) => listener([event.lngLat.lng, event.lngLat.lat]));
    },
    idle: () =>
      new Promise<void>((resolve) => {
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
    jumpTo(next) {
      map.jumpTo({ center: next.center, zoom: next.zoom });
    },
    project(lonLat) {
      const q = map.project(lonLat);
      return { x: q.x, y: q.y };
    },
  };
}
