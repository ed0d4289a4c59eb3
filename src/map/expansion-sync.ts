/** The expansion boundary as map data: recomputed when control zones change (a handful of polygons). */
import type { FeatureCollection } from 'geojson';
import type { Plan } from '../domain/plan.ts';
import { expansionBoundary } from '../geo/expansion-boundary.ts';

export function expansionData(plan: Plan): FeatureCollection {
  const boundary = expansionBoundary(plan);
  // A failed union shows nothing here; the rule `new-build-in-expansion-boundary` reports the failure.
  if (!boundary.ok || !boundary.value) return { type: 'FeatureCollection', features: [] };
  return { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: boundary.value, properties: {} }] };
}
