/** Shows one feature the planner picked (a search result): selected, its layer visible, the map on it. */
import type { FeatureId } from '../../domain/ids.ts';
import type { LayerId } from '../../profiles/zhejiang-2017/layers.ts';
import { getFeature } from '../../domain/plan.ts';
import { geometryBBox } from '../../geo/bbox.ts';
import type { Services } from '../services.tsx';

export function showFeature({ editor, view }: Services, layer: LayerId, id: FeatureId): boolean {
  const feature = getFeature(editor.plan.getState().plan, layer, id);
  if (!feature) return false;
  if (!editor.ui.getState().layers[layer].visible) editor.ui.setLayerDisplay(layer, { visible: true });
  // A drawing or split in progress would take the click that follows; picking a feature means selecting.
  const tool = editor.tool.getState().tool.kind;
  if (tool !== 'select' && tool !== 'boxSelect') editor.tool.setTool({ kind: 'select' });
  editor.selection.set([id]);
  view?.fitBBox(geometryBBox(feature.geometry));
  return true;
}
