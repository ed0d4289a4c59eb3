/**
 * `inside-village` (seed §二: a plan never crosses the village boundary): every feature of the plan lies
 * inside the village boundary, up to the profile's tolerance. Partition layers whose edges balance against
 * the boundary (geo/edge-balance.ts) are inside by construction; only features on unbalanced edges, and
 * the features of other layers, are clipped.
 */
import type { Point } from 'geojson';
import { isAreaFeature } from '../domain/features.ts';
import { LAYERS } from '../domain/layers.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { partOutside } from './clip.ts';
import { m2, makeIssue, notChecked } from './issue.ts';
import { meanWidthMetres, withinDistance } from './measure.ts';
import type { FeatureRule } from './rule.ts';
import { VILLAGE_LAYERS } from './area-layers.ts';
import { PreparedArea } from '../geo/prepared-area.ts';

export const insideVillageRule: FeatureRule = {
  id: 'inside-village',
  kind: 'feature',
  severity: 'error',
  layers: VILLAGE_LAYERS,
  reads: ['boundary', ...VILLAGE_LAYERS.filter((l) => LAYERS[l].partition)],
  profileKeys: ['insideVillageToleranceM', 'overlapReportM2'],
  source: 'seed §二',
  seedDifference: '',
  checkPlan(state) {
    const boundary = state.boundary();
    if (!boundary.ok) return [makeIssue(this.id, this.severity, { key: 'rules.clipFailed', params: { detail: boundary.error }, part: 'boundary' })];
    return boundary.geometry ? [] : [notChecked(this.id, this.severity, 'rules.missing.boundary')];
  },
  check(state, feature) {
    const boundary = state.boundary();
    if (!boundary.ok || !boundary.geometry) return [];
    const tolerance = state.profile.insideVillageToleranceM;
    if (!isAreaFeature(feature)) {
      const p = feature.geometry.coordinates;
      if (PreparedArea.of(boundary.geometry).locate(p) !== 'outside') return [];
      const dot: Point = { type: 'Point', coordinates: [p[0] as number, p[1] as number] };
      const square = { type: 'Polygon' as const, coordinates: [[p, p, p, p]] };
      if (withinDistance(square, boundary.geometry, tolerance)) return [];
      return [makeIssue(this.id, this.severity, { layer: feature.layer, features: [feature.id], key: 'rules.inside-village.point', params: { layerKey: `layer.${feature.layer}` }, geometry: dot })];
    }
    if (LAYERS[feature.layer].partition && state.isValid(feature.geometry) && !state.balance(feature.layer).touches(feature.geometry)) return [];
    const outside = partOutside(feature.geometry, [boundary.geometry], state.profile.overlapReportM2);
    if (!outside.ok) return [makeIssue(this.id, this.severity, { layer: feature.layer, features: [feature.id], key: 'rules.clipFailed', params: { detail: outside.error } })];
    if (!outside.value || meanWidthMetres(outside.value) <= tolerance) return [];
    return [
      makeIssue(this.id, this.severity, {
        layer: feature.layer,
        features: [feature.id],
        key: 'rules.inside-village.message',
        params: { layerKey: `layer.${feature.layer}`, areaM2: m2(ellipsoidalArea(outside.value)) },
        geometry: outside.value,
      }),
    ];
  },
};
