/**
 * `geometry-valid`: closed rings, ≥ 4 positions, no self-intersection, holes inside their shell, finite
 * coordinates (geo/validity.ts: an exact check; turf's booleanValid misses bow-ties). An invalid feature is
 * reported and every other rule still runs on the rest of the plan.
 */
import type { Point } from 'geojson';
import { isAreaFeature } from '../domain/features.ts';
import { AREA_LAYERS } from './area-layers.ts';
import { makeIssue } from './issue.ts';
import type { FeatureRule } from './rule.ts';

export const geometryValidRule: FeatureRule = {
  id: 'geometry-valid',
  kind: 'feature',
  severity: 'error',
  layers: AREA_LAYERS,
  reads: [],
  profileKeys: [],
  source: 'std (OGC simple features)',
  seedDifference: '',
  check(state, feature) {
    if (!isAreaFeature(feature)) return [];
    const problems = state.validity(feature.geometry).filter((p) => p.severity === 'error');
    const first = problems[0];
    if (!first) return [];
    const at: Point | null = first.at && first.at.every(Number.isFinite) ? { type: 'Point', coordinates: [first.at[0] as number, first.at[1] as number] } : null;
    return [
      makeIssue(this.id, this.severity, {
        layer: feature.layer,
        features: [feature.id],
        key: 'rules.geometry-valid.message',
        params: { layerKey: `layer.${feature.layer}`, problemKey: `geometry.invalid.${first.kind}`, count: problems.length },
        geometry: at,
      }),
    ];
  },
};
