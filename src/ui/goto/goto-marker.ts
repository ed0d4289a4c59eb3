/** The marker "go to coordinates" leaves at the point: one per map, moved by the next go-to, cleared on request. */
import { Marker, type Map as MapLibreMap } from 'maplibre-gl';

const markers = new WeakMap<MapLibreMap, Marker>();

export function placeMarker(map: MapLibreMap, lonLat: readonly [number, number]): void {
  let marker = markers.get(map);
  if (!marker) {
    const element = document.createElement('div');
    element.className = 'goto-marker';
    element.dataset.testid = 'goto-marker';
    marker = new Marker({ element });
    markers.set(map, marker);
  }
  marker.setLngLat([lonLat[0], lonLat[1]]).addTo(map);
}

export function clearMarker(map: MapLibreMap): void {
  markers.get(map)?.remove();
}

export function hasMarker(map: MapLibreMap): boolean {
  return !!markers.get(map)?.getElement().isConnected;
}
