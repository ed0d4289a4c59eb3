/**
 * Which feature a click means, found in the plan itself (spatial index + exact point-in-polygon), not in
 * rendered tiles: layers need no invisible fills to be clickable, and hidden paint never blocks a pick.
 * The current layer wins (QGIS's "current layer"); then the small change layers that sit on top; then the
 * base parcels. Zone layers cover the whole village, so they are picked only when current.
 */
import type { Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import type { FeatureId } from '../domain/ids.ts';
import type { LayerId } from '../profiles/zhejiang-2017/layers.ts';
import { getFeature } from '../domain/plan.ts';
import { bboxIntersects, geometryBBox, type BBox } from '../geo/bbox.ts';
import { intersection } from '../geo/overlay.ts';
import { pointInAreaGeometry } from '../geo/point-in-ring.ts';
import type { Editor } from '../store/editor.ts';

const OVERLAY_LAYERS: readonly LayerId[] = ['newBuild', 'useChange', 'demolition', 'facility', 'reserve'];
const ALWAYS_PICKABLE: readonly LayerId[] = [...OVERLAY_LAYERS, 'base'];

function pickOrder(editor: Editor): LayerId[] {
  const ui = editor.ui.getState();
  const order = [ui.activeLayer, ...ALWAYS_PICKABLE.filter((l) => l !== ui.activeLayer)];
  return order.filter((layer) => ui.layers[layer].visible);
}

/**
 * Everything under the pointer, in pick order: the first is what a click selects, the others what
 * clicking again on the same spot (or Alt+click) cycles through, as ArcGIS does. `toleranceDeg` lets a
 * click on a point feature (a feedback pin) count when it is near.
 */
export function pickStack(editor: Editor, at: Position, toleranceDeg: number): { id: FeatureId; layer: LayerId }[] {
  const { plan, index } = editor.plan.context();
  const [x, y] = at as [number, number];
  const stack: { id: FeatureId; layer: LayerId }[] = [];
  for (const layer of pickOrder(editor)) {
    const hits = index.search(layer, [x - toleranceDeg, y - toleranceDeg, x + toleranceDeg, y + toleranceDeg]);
    for (const hit of hits) {
      const feature = getFeature(plan, hit.layer, hit.id);
      if (!feature) continue;
      if (feature.geometry.type === 'Point' || pointInAreaGeometry(at, feature.geometry as AreaGeometry) !== 'outside') stack.push({ id: hit.id, layer });
    }
  }
  return stack;
}

/** Box selection: every feature of the current layer (or the base parcels) the box touches. */
export function pickInBox(editor: Editor, box: BBox): FeatureId[] {
  const ui = editor.ui.getState();
  const layer = ui.layers[ui.activeLayer].visible ? ui.activeLayer : 'base';
  const { plan, index } = editor.plan.context();
  const [x0, y0, x1, y1] = box;
  const rectangle: AreaGeometry = { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] };
  const found: FeatureId[] = [];
  for (const hit of index.search(layer, box)) {
    const feature = getFeature(plan, hit.layer, hit.id);
    if (!feature || !bboxIntersects(geometryBBox(feature.geometry), box)) continue;
    if (feature.geometry.type === 'Point') {
      found.push(hit.id);
      continue;
    }
    const overlap = intersection(rectangle, feature.geometry as AreaGeometry);
    if (overlap.ok && overlap.value) found.push(hit.id);
  }
  return found;
}
