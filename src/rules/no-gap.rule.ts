/**
 * `no-gap`: base parcels, functional zones and control zones each cover the village exactly. A gap can only
 * lie where the layer's edges do not balance against the boundary, so each cluster of unbalanced edges is
 * clipped: the village inside the cluster's box minus the layer's features there; what is left over the
 * profile's threshold is reported as the gap itself.
 */
import type { Polygon, Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { expandBBox, geometryBBox, type BBox } from '../geo/bbox.ts';
import { polygonsOf } from '../geo/rings.ts';
import { PARTITION_LAYERS } from './area-layers.ts';
import { intersect, partOutside } from './clip.ts';
import type { Issue } from './issue.ts';
import { m2, makeIssue, notChecked } from './issue.ts';
import { partitionClusters } from './partition-clusters.ts';
import type { PlanRule } from './rule.ts';

export const noGapRule: PlanRule = {
  id: 'no-gap',
  kind: 'plan',
  severity: 'error',
  reads: ['boundary', ...PARTITION_LAYERS],
  profileKeys: ['gapReportM2'],
  source: 'std',
  seedDifference: '',
  check(state) {
    const boundary = state.boundary();
    if (!boundary.ok) return [makeIssue(this.id, this.severity, { key: 'rules.clipFailed', params: { detail: boundary.error }, part: 'boundary' })];
    const village = boundary.geometry;
    if (!village) return [notChecked(this.id, this.severity, 'rules.missing.boundary')];
    const threshold = state.profile.gapReportM2;
    const issues: Issue[] = [];
    for (const layer of PARTITION_LAYERS) {
      if (state.count(layer) === 0) {
        issues.push(notChecked(this.id, this.severity, `rules.missing.layer.${layer}`, layer));
        continue;
      }
      for (const cluster of partitionClusters(state, layer)) {
        issues.push(
          ...state.memo(this.id, cluster.name, [village, ...cluster.features, threshold], () => {
            // A hair wider than the cluster, so the clip box never runs along a gap's own edge.
            const box = expandBBox(cluster.box, (cluster.box[2] - cluster.box[0] + cluster.box[3] - cluster.box[1]) * 1e-6 + 1e-9);
            const region = intersect(village, boxPolygon(box), threshold);
            const gaps = region.ok && region.value ? partOutside(region.value, cluster.features.map((f) => f.geometry), threshold) : region;
            if (!gaps.ok) return [makeIssue(this.id, this.severity, { layer, key: 'rules.clipFailed', params: { detail: gaps.error }, part: cluster.name })];
            return separate(gaps.value)
              .map((gap) => ({ gap, area: ellipsoidalArea(gap) }))
              .filter(({ area }) => area >= threshold)
              .map(({ gap, area }) => {
                const around = cluster.features.filter((f) => touchesBox(f.geometry, geometryBBox(gap))).map((f) => f.id);
                return makeIssue(this.id, this.severity, { layer, features: around, key: 'rules.no-gap.message', params: { layerKey: `layer.${layer}`, areaM2: m2(area) }, geometry: gap, part: `${layer}@${placeKey(gap)}` });
              });
          }),
        );
      }
    }
    return issues;
  },
};

function boxPolygon([x0, y0, x1, y1]: BBox): Polygon {
  return { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] };
}

function separate(geometry: AreaGeometry | null): AreaGeometry[] {
  if (!geometry) return [];
  return polygonsOf(geometry).map((rings) => ({ type: 'Polygon', coordinates: rings as Position[][] }) satisfies Polygon);
}

function touchesBox(geometry: AreaGeometry, box: BBox): boolean {
  const b = geometryBBox(geometry);
  return b[0] <= box[2] && box[0] <= b[2] && b[1] <= box[3] && box[1] <= b[3];
}

/** A stable name for where a gap is: its box's corner to 1e-6° (~0.1 m), so a justification survives re-checks. */
function placeKey(gap: AreaGeometry): string {
  const b = geometryBBox(gap);
  return `${b[0].toFixed(6)},${b[1].toFixed(6)}`;
}
