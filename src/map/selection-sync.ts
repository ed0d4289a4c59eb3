/** Keeps the selection highlight source equal to the selected features' geometries. */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature } from 'geojson';
import { findFeature } from '../domain/plan.ts';
import type { Editor } from '../store/editor.ts';
import { SELECTION_SOURCE } from './selection-style.ts';

export function syncSelection(map: MapLibreMap, editor: Editor): () => void {
  const render = () => {
    const plan = editor.plan.getState().plan;
    const features: Feature[] = [];
    for (const id of editor.selection.getState().ids) {
      const feature = findFeature(plan, id);
      if (feature) features.push({ type: 'Feature', id: feature.id, geometry: feature.geometry, properties: {} });
    }
    (map.getSource(SELECTION_SOURCE) as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features });
  };
  render();
  const offSelection = editor.selection.subscribe(render);
  const offPlan = editor.plan.onChange((event) => {
    const selected = new Set<string>(editor.selection.getState().ids);
    if (event.kind === 'reset' || event.patch.features.some((c) => selected.has(c.id))) render();
  });
  return () => {
    offSelection();
    offPlan();
  };
}
