/**
 * `no-gap`: base parcels, functional zones and control zones each cover the village exactly. A gap can only
 * lie where the layer's edges do not balance against the boundary within the coverage tolerance
 * (geo/coverage-balance.ts), so only each cluster of unbalanced stretches is overlaid, once, in the GK plane
 * with GEOS: the village inside the cluster's box minus the union of the layer's features there.
 * What is left, wider than the tolerance and over the report area, is reported as the gap itself, with its
 * area and mean width. An invalid feature counts as its repaired outline (geometry-valid reports it).
 */
import type { Polygon } from 'geojson';
import { ellipsoidalArea } from '../geo/area.ts';
import { OutlineNeighbours } from '../geo/along-outline.ts';
import { geometryBBox } from '../geo/bbox.ts';
import { meanWidth } from '../geo/geos/coverage-overlay.ts';
import { rewindRfc7946 } from '../geo/rings.ts';
import { PARTITION_LAYERS } from './area-layers.ts';
import type { Issue } from './issue.ts';
import { m2, makeIssue, metres, notChecked } from './issue.ts';
import { clusterCover, idsAndOutlines, partitionClusters } from './partition-clusters.ts';
import type { PlanRule } from './rule.ts';

export const noGapRule: PlanRule = {
  id: 'no-gap',
  kind: 'plan',
  severity: 'error',
  reads: ['boundary', ...PARTITION_LAYERS],
  profileKeys: ['gapReportM2', 'coverageToleranceM'],
  source: 'std',
  seedDifference: '',
  check(state) {
    const boundary = state.boundary();
    if (!boundary.ok) return [makeIssue(this.id, this.severity, { key: 'rules.clipFailed', params: { detail: boundary.error }, part: 'boundary' })];
    const village = boundary.geometry;
    if (!village) return [notChecked(this.id, 'rules.missing.boundary')];
    if (!state.isValid(village)) return [notChecked(this.id, 'rules.missing.validBoundary')];
    const minArea = state.profile.gapReportM2;
    const tolerance = state.profile.coverageToleranceM;
    const plane = state.plane();
    const issues: Issue[] = [];
    for (const layer of PARTITION_LAYERS) {
      if (state.count(layer) === 0) {
        issues.push(notChecked(this.id, `rules.missing.layer.${layer}`, layer));
        continue;
      }
      for (const cluster of partitionClusters(state, layer)) {
        issues.push(
          ...state.memo(this.id, cluster.name, [village, ...idsAndOutlines(cluster.features), minArea, tolerance], () => {
            const cover = clusterCover(state, cluster);
            const covers = cover.features;
            let gaps;
            try {
              gaps = cover.gaps(plane.polygons(village), tolerance);
            } catch (error) {
              return [makeIssue(this.id, this.severity, { layer, key: 'rules.clipFailed', params: { detail: String(error) }, part: cluster.name })];
            }
            const neighbours = new OutlineNeighbours(covers, tolerance);
            return gaps.flatMap((gap) => {
              const geometry = rewindRfc7946(plane.toLonLat([gap.polygon]) as Polygon);
              const area = ellipsoidalArea(geometry);
              if (area < minArea) return [];
              // The gap came back from the GK plane: its vertices may lie a hair off its neighbours' edges.
              const around = neighbours.along(geometry).map((f) => f.id);
              return [
                makeIssue(this.id, this.severity, {
                  layer,
                  features: around,
                  key: 'rules.no-gap.message',
                  params: { layerKey: `layer.${layer}`, areaM2: m2(area), widthM: metres(meanWidth([gap], tolerance)) },
                  geometry,
                  part: `${layer}@${placeKey(geometry)}`,
                }),
              ];
            });
          }),
        );
      }
    }
    return issues;
  },
};

/** A stable name for where a gap is: its box's corner to 1e-6° (~0.1 m), so a justification survives re-checks. */
function placeKey(gap: Polygon): string {
  const b = geometryBBox(gap);
  return `${b[0].toFixed(6)},${b[1].toFixed(6)}`;
}
