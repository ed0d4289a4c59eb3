/** Where the village is, for go-to: its 3° zone (for a Y written without one) and whether a point is inside. */
import type { Position } from 'geojson';
import { layerFeatures, type Plan } from '../../domain/plan.ts';
import { geometryBBox } from '../../geo/bbox.ts';
import { pointInAreaGeometry } from '../../geo/point-in-ring.ts';

/** The middle of the village boundary's box (of the base parcels when there is no boundary). */
export function villageCentre(plan: Plan): [number, number] | null {
  const features = layerFeatures(plan, 'boundary').length ? layerFeatures(plan, 'boundary') : layerFeatures(plan, 'base');
  let box: [number, number, number, number] | null = null;
  for (const f of features) {
    const b = geometryBBox(f.geometry);
    box = box ? [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])] : b;
  }
  return box ? [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2] : null;
}

/** Whether a point lies within the village boundary; null when the plan has no boundary. */
export function insideVillage(plan: Plan, point: Position): boolean | null {
  const boundaries = layerFeatures(plan, 'boundary');
  if (boundaries.length === 0) return null;
  return boundaries.some((b) => pointInAreaGeometry(point, b.geometry) !== 'outside');
}
