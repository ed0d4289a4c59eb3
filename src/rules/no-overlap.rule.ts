/**
 * `no-overlap`: features of one partition layer (base parcels, functional zones, control zones) do not
 * overlap. Found by intersection area over the profile's threshold, never by booleanOverlap (which calls
 * adjoining parcels overlapping), and only inside clusters of unbalanced edges: with exactly shared
 * edges, balance proves there is no overlap without clipping anything.
 */
import { ellipsoidalArea } from '../geo/area.ts';
import { bboxIntersects, geometryBBox } from '../geo/bbox.ts';
import { intersect } from './clip.ts';
import { PARTITION_LAYERS } from './area-layers.ts';
import type { Issue } from './issue.ts';
import { m2, makeIssue } from './issue.ts';
import { partitionClusters } from './partition-clusters.ts';
import type { PlanRule } from './rule.ts';

export const noOverlapRule: PlanRule = {
  id: 'no-overlap',
  kind: 'plan',
  severity: 'error',
  reads: ['boundary', ...PARTITION_LAYERS],
  profileKeys: ['overlapReportM2'],
  source: 'std',
  seedDifference: '',
  check(state) {
    const issues: Issue[] = [];
    const threshold = state.profile.overlapReportM2;
    for (const layer of PARTITION_LAYERS) {
      for (const cluster of partitionClusters(state, layer)) {
        issues.push(
          ...state.memo(this.id, cluster.name, [...cluster.features, threshold], () => {
            const found: Issue[] = [];
            const boxes = cluster.features.map((f) => geometryBBox(f.geometry));
            for (let i = 0; i < cluster.features.length; i++) {
              for (let j = i + 1; j < cluster.features.length; j++) {
                if (!bboxIntersects(boxes[i]!, boxes[j]!)) continue;
                const a = cluster.features[i]!;
                const b = cluster.features[j]!;
                const overlap = intersect(a.geometry, b.geometry, threshold);
                if (!overlap.ok) {
                  found.push(makeIssue(this.id, this.severity, { layer, features: [a.id, b.id], key: 'rules.clipFailed', params: { detail: overlap.error } }));
                  continue;
                }
                if (!overlap.value) continue;
                const area = ellipsoidalArea(overlap.value);
                if (area < threshold) continue;
                found.push(makeIssue(this.id, this.severity, { layer, features: [a.id, b.id], key: 'rules.no-overlap.message', params: { layerKey: `layer.${layer}`, areaM2: m2(area) }, geometry: overlap.value }));
              }
            }
            return found;
          }),
        );
      }
    }
    return issues;
  },
};
