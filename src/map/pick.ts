/**
 * Which feature a click means. The active layer wins (QGIS's "current layer"); then the small change
 * layers that sit on top; then the base parcels. Zone layers cover the whole village, so they are
 * picked only when active, or a click could never reach a parcel.
 */
import type { Map as MapLibreMap, PointLike } from 'maplibre-gl';
import type { FeatureId } from '../domain/ids.ts';
import type { LayerId } from '../domain/layers.ts';
import type { UiState } from '../store/ui.store.ts';
import { styleLayerIds } from './plan-style.ts';

const OVERLAY_LAYERS: readonly LayerId[] = ['newBuild', 'useChange', 'demolition', 'facility', 'reserve'];
const ALWAYS_PICKABLE: readonly LayerId[] = [...OVERLAY_LAYERS, 'base', 'feedback'];

function pickOrder(ui: UiState): LayerId[] {
  const order = [ui.activeLayer, ...ALWAYS_PICKABLE.filter((l) => l !== ui.activeLayer)];
  return order.filter((layer) => ui.layers[layer].visible);
}

function queryLayerIds(map: MapLibreMap, layer: LayerId): string[] {
  return styleLayerIds(layer).filter((id) => {
    const styleLayer = map.getLayer(id);
    return styleLayer && (styleLayer.type === 'fill' || styleLayer.type === 'circle');
  });
}

export function pickFeature(map: MapLibreMap, ui: UiState, point: PointLike): { id: FeatureId; layer: LayerId } | undefined {
  for (const layer of pickOrder(ui)) {
    const layers = queryLayerIds(map, layer);
    if (layers.length === 0) continue;
    const [hit] = map.queryRenderedFeatures(point, { layers });
    const id = hit?.properties?.id;
    if (typeof id === 'string') return { id: id as FeatureId, layer };
  }
  return undefined;
}

/** Box selection: every feature of the active layer (or the base parcels) the box touches. */
export function pickInBox(map: MapLibreMap, ui: UiState, box: [PointLike, PointLike]): FeatureId[] {
  const layer = ui.layers[ui.activeLayer].visible ? ui.activeLayer : 'base';
  const layers = queryLayerIds(map, layer);
  if (layers.length === 0) return [];
  const ids = new Set<FeatureId>();
  for (const hit of map.queryRenderedFeatures(box, { layers })) {
    const id = hit.properties?.id;
    if (typeof id === 'string') ids.add(id as FeatureId);
  }
  return [...ids];
}
