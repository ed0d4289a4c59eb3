/**
 * `inside-village` (seed §二: a plan never crosses the village boundary): every feature of the plan lies
 * inside the village boundary, up to the profile's tolerance. Partition layers whose edges balance against
 * the boundary within the coverage tolerance (geo/coverage-balance.ts) are inside by construction; only
 * their features reaching into a cluster of unbalanced stretches, and features of other layers not plainly
 * within, are clipped, with GEOS in the GK plane. What lies outside counts when its mean width (measured
 * without the slivers thinner than the coverage tolerance) exceeds the profile's tolerance; the report gives
 * that width with the area, as no-gap and no-overlap do. When many features of a layer reach out in thin strips
 * along much of the boundary, one warning more says the boundary is off (misaligned-boundary.ts).
 */
import type { Point } from 'geojson';
import { isAreaFeature } from '../domain/features.ts';
import { LAYERS, type LayerId } from '../profiles/zhejiang-2017/layers.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { m2, makeIssue, metres, notChecked } from './issue.ts';
import { withinDistance } from './measure.ts';
import type { FeatureRule } from './rule.ts';
import type { CheckState } from './context.ts';
import type { Issue } from './issue.ts';
import { BoundaryEdges, misalignedAlong, type StripOutside } from './misaligned-boundary.ts';
import { VILLAGE_LAYERS } from './area-layers.ts';
import { PreparedArea } from '../geo/prepared-area.ts';
import { meanWidth, partsOutside } from '../geo/geos/coverage-overlay.ts';
import { tolerantRelate } from '../geo/tolerant-relate.ts';
import { rewindRfc7946 } from '../geo/rings.ts';
import type { AreaGeometry } from '../domain/features.ts';

/**
 * One warning per layer whose features reach out in thin strips along much of the boundary
 * (misaligned-boundary.ts): the boundary is off, not each feature. Drawn from this check's findings, so an
 * edit costs a pass over them; the boundary's edges are indexed once per boundary. Its geometry is the
 * stretches of boundary the strips lie along, so the editor can zoom to it as to any finding.
 */
function misalignedBoundaryIssues(state: CheckState, village: AreaGeometry, found: readonly Issue[]): Issue[] {
  const byLayer = new Map<LayerId, StripOutside[]>();
  for (const issue of found) {
    const { areaM2, widthM } = issue.message.params;
    const geometry = issue.geometry;
    if (issue.message.key !== 'rules.inside-village.message' || !issue.layer || typeof areaM2 !== 'number' || typeof widthM !== 'number' || (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon')) continue;
    let strips = byLayer.get(issue.layer);
    if (!strips) byLayer.set(issue.layer, (strips = []));
    strips.push({ areaM2, widthM, features: issue.features, geometry });
  }
  if (byLayer.size === 0) return [];
  const plane = state.plane();
  const edges = state.memo('inside-village.boundary-edges', village, [plane], () => BoundaryEdges.of(plane, [village]));
  const issues: Issue[] = [];
  for (const [layer, strips] of byLayer) {
    const off = misalignedAlong(strips, edges);
    if (!off) continue;
    issues.push(
      makeIssue('inside-village', 'warning', {
        layer,
        key: 'rules.inside-village.misaligned',
        params: { layerKey: `layer.${layer}`, count: off.features, areaM2: m2(off.areaM2), minWidthM: metres(off.minWidthM), maxWidthM: metres(off.maxWidthM), alongM: Math.round(off.alongM) },
        geometry: off.along,
        part: `misaligned-${layer}`,
        summarises: off.features,
      }),
    );
  }
  return issues;
}

export const insideVillageRule: FeatureRule = {
  id: 'inside-village',
  kind: 'feature',
  severity: 'error',
  layers: VILLAGE_LAYERS,
  reads: ['boundary', ...VILLAGE_LAYERS.filter((l) => LAYERS[l].partition)],
  profileKeys: ['insideVillageToleranceM', 'coverageToleranceM'],
  source: 'seed §二',
  seedDifference: '',
  checkPlan(state, found) {
    const boundary = state.boundary();
    if (!boundary.ok) return [makeIssue(this.id, this.severity, { key: 'rules.clipFailed', params: { detail: boundary.error }, part: 'boundary' })];
    if (!boundary.geometry) return [notChecked(this.id, 'rules.missing.boundary')];
    return misalignedBoundaryIssues(state, boundary.geometry, found);
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
    // An invalid outline as its repair (geometry-valid reports the fault), as the derivation counts it.
    const outline = state.usable(feature.geometry);
    if (!outline) return [];
    if (LAYERS[feature.layer].partition && !state.balance(feature.layer).meetsCluster(outline)) return [];
    const coverageTolerance = state.profile.coverageToleranceM;
    const village = boundary.geometry;
    // Remembered per outline: a zone is judged again whenever a parcel under it changes (the rule reads the
    // partition layers), and a large zone along a misaligned boundary took 5–20 ms to clip each time.
    return state.memo(this.id, outline, [village, feature.id, feature.layer, tolerance, coverageTolerance], () => {
      if (tolerantRelate(outline, village, coverageTolerance) === 'within') return [];
      const plane = state.plane();
      let parts;
      try {
        parts = partsOutside(plane.polygons(outline), plane.polygons(village), coverageTolerance);
      } catch (error) {
        return [makeIssue(this.id, this.severity, { layer: feature.layer, features: [feature.id], key: 'rules.clipFailed', params: { detail: String(error) } })];
      }
      const width = parts.length === 0 ? 0 : meanWidth(parts, coverageTolerance);
      if (width <= tolerance) return [];
      const outside = rewindRfc7946(plane.toLonLat(parts.map((p) => p.polygon)) as AreaGeometry);
      return [
        makeIssue(this.id, this.severity, {
          layer: feature.layer,
          features: [feature.id],
          key: 'rules.inside-village.message',
          params: { layerKey: `layer.${feature.layer}`, areaM2: m2(ellipsoidalArea(outside)), widthM: metres(width) },
          geometry: outside,
        }),
      ];
    });
  },
};
