/**
 * Place names (villagers' groups, the committee, the school, a bridge) as HTML labels. The browser draws
 * their Chinese text with its own fonts; as map symbols every new character would be rasterised into a
 * glyph atlas first, which is the slowest step of a first paint in software WebGL (measured: +280 ms).
 * They are kept apart by label-declutter.ts.
 */
import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import { declutterMarkers, PLACE_KIND_PRIORITY } from './label-declutter.ts';
import { layerFeatures, type Plan } from '../domain/plan.ts';
import type { Editor } from '../store/editor.ts';

export function attachPlaceMarkers(map: MapLibreMap, editor: Editor): () => void {
  let markers: Marker[] = [];
  const kinds = new WeakMap<Marker, string>();
  const declutter = declutterMarkers(map, () => markers, (marker) => PLACE_KIND_PRIORITY[kinds.get(marker) ?? ''] ?? 0);

  const render = (plan: Plan) => {
    markers.forEach((m) => m.remove());
    markers = layerFeatures(plan, 'places').map((place) => {
      const element = document.createElement('div');
      element.className = `place-label place-${place.properties.kind}`;
      // textContent, never innerHTML: a name is data, whatever characters it holds.
      element.textContent = place.properties.name;
      const [lon, lat] = place.geometry.coordinates as [number, number];
      const marker = new Marker({ element, anchor: 'center' }).setLngLat([lon, lat]).addTo(map);
      kinds.set(marker, place.properties.kind);
      return marker;
    });
    applyDisplay();
  };

  const applyDisplay = () => {
    const { visible, opacity } = editor.ui.getState().layers.places;
    for (const marker of markers) {
      marker.getElement().style.display = visible ? '' : 'none';
      marker.getElement().style.opacity = String(opacity);
    }
    declutter.update();
  };

  render(editor.plan.getState().plan);
  const offPlan = editor.plan.onChange((event) => {
    if (event.kind === 'reset' || event.patch.features.some((c) => c.layer === 'places')) render(event.plan);
  });
  const offUi = editor.ui.subscribe((next, previous) => {
    if (next.layers.places !== previous.layers.places) applyDisplay();
  });
  return () => {
    offPlan();
    offUi();
    declutter.detach();
    markers.forEach((m) => m.remove());
  };
}
