/**
 * Snapping for terra-draw's `toCustom`: vertices and/or edges of the base parcels, the village boundary and
 * every drawn feature near the pointer, found through the plan's spatial index (never terra-draw's store,
 * which lags with thousands of features). The tool store's snapping settings say the tolerance (screen
 * pixels), vertices or edges, and which layers. `snapToPlan` serves the measure tool too.
 */
import type { Position } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { SnapToCustom } from 'terra-draw';
import type { AreaGeometry } from '../../domain/features.ts';
import type { FeatureId } from '../../domain/ids.ts';
import { getFeature } from '../../domain/plan.ts';
import { findSnap, type Snap, type SnapCandidate } from '../../geo/snapping.ts';
import type { Editor } from '../../store/editor.ts';
import { snapLayers } from '../../store/snap-settings.ts';

const NOTHING: ReadonlySet<string> = new Set();

/** `exclude` names features that must not attract the pointer (the one being drawn or moved with it). */
export function createSnapper(map: MapLibreMap, editor: Editor, exclude: () => ReadonlySet<string>): SnapToCustom {
  return (event) => snapToPlan(map, editor, { x: event.containerX, y: event.containerY }, [event.lng, event.lat], exclude)?.position;
}

/**
 * The plan vertex or edge point within the tolerance of the pointer (at `point`, container pixels, and
 * `lonLat`), when the snapping switch is on, as the snapping settings say. Also used by the measure tool,
 * which needs no terra-draw.
 */
export function snapToPlan(map: MapLibreMap, editor: Editor, point: { x: number; y: number }, lonLat: Position, exclude: () => ReadonlySet<string> = () => NOTHING): Snap | undefined {
  const { snapping, snapSettings: settings } = editor.tool.getState();
  if (!snapping) return undefined;
  const shown = editor.ui.getState().layers;
  const layers = snapLayers(settings, (layer) => shown[layer].visible);
  const tolerance = settings.tolerancePx;
  const { x, y } = point;
  const corner1 = map.unproject([x - tolerance, y + tolerance]);
  const corner2 = map.unproject([x + tolerance, y - tolerance]);
  const { plan, index } = editor.plan.context();
  const skip = exclude();
  const candidates: SnapCandidate[] = [];
  for (const hit of index.search(layers, [corner1.lng, corner1.lat, corner2.lng, corner2.lat])) {
    if (skip.has(hit.id)) continue;
    const feature = getFeature(plan, hit.layer, hit.id as FeatureId);
    if (feature && feature.geometry.type !== 'Point') candidates.push({ id: feature.id, layer: hit.layer, geometry: feature.geometry as AreaGeometry });
  }
  const project = (p: Position): [number, number] => {
    const q = map.project([p[0] as number, p[1] as number]);
    return [q.x, q.y];
  };
  return findSnap(lonLat, candidates, project, tolerance, { vertices: settings.vertices, edges: settings.edges, layers: new Set(layers) });
}
