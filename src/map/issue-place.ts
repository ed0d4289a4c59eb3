/** Where an issue is on the map: its own geometry when it has one, else the features it names. */
import type { AreaGeometry } from '../domain/features.ts';
import { findFeature, type Plan } from '../domain/plan.ts';
import { geometryBBox, type BBox } from '../geo/bbox.ts';
import type { Issue } from '../rules/issue.ts';

export function issueBBox(plan: Plan, issue: Issue): BBox | undefined {
  if (issue.geometry) return geometryBBox(issue.geometry);
  let box: BBox | undefined;
  for (const id of issue.features) {
    const feature = findFeature(plan, id);
    if (!feature) continue;
    const b = geometryBBox(feature.geometry as AreaGeometry);
    box = box ? [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])] : b;
  }
  return box;
}
