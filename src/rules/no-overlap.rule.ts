/**
 * `no-overlap`: features of one partition layer (base parcels, functional zones, control zones) do not
 * overlap. Only inside clusters of stretches that do not balance within the coverage tolerance
 * (geo/coverage-balance.ts): elsewhere the balance proves there is no overlap wider than the tolerance
 * without clipping anything. Inside, each pair whose boxes meet is intersected with GEOS in the GK plane;
 * an overlap counts where it is wider than the tolerance (never by booleanOverlap, which calls adjoining
 * parcels overlapping) and at least the report area. An invalid feature counts as its repaired outline
 * (geometry-valid reports its fault), as the derivation and the tables count it.
 */
import { pairOverlaps } from '../geo/geos/pair-overlaps.ts';
import { PARTITION_LAYERS } from './area-layers.ts';
import type { Issue } from './issue.ts';
import { m2, makeIssue, metres } from './issue.ts';
import { clusterCover, idsAndOutlines, partitionClusters } from './partition-clusters.ts';
import type { PlanRule } from './rule.ts';

export const noOverlapRule: PlanRule = {
  id: 'no-overlap',
  kind: 'plan',
  severity: 'error',
  reads: ['boundary', ...PARTITION_LAYERS],
  profileKeys: ['overlapReportM2', 'coverageToleranceM'],
  source: 'std',
  seedDifference: '',
  check(state) {
    const issues: Issue[] = [];
    const minArea = state.profile.overlapReportM2;
    const tolerance = state.profile.coverageToleranceM;
    const plane = state.plane();
    // A pair reaching into several clusters (an overlap whose long sides balance, leaving clusters only at its
    // ends) is intersected whole in each: report it once.
    const reported = new Set<string>();
    for (const layer of PARTITION_LAYERS) {
      for (const cluster of partitionClusters(state, layer)) {
        const clusterIssues = state.memo(this.id, cluster.name, [...idsAndOutlines(cluster.features), minArea, tolerance], () => {
          const { features, coveredTwice } = clusterCover(state, cluster);
          return pairOverlaps(features.map((f) => f.geometry), plane, tolerance, minArea, coveredTwice).map((o) => {
            const pair = [features[o.i]!.id, features[o.j]!.id];
            return 'error' in o
              ? makeIssue(this.id, this.severity, { layer, features: pair, key: 'rules.clipFailed', params: { detail: o.error } })
              : makeIssue(this.id, this.severity, { layer, features: pair, key: 'rules.no-overlap.message', params: { layerKey: `layer.${layer}`, areaM2: m2(o.areaM2), widthM: metres(o.widthM) }, geometry: o.geometry });
          });
        });
        for (const issue of clusterIssues) {
          const pair = `${layer}|${issue.key}`;
          if (reported.has(pair)) continue;
          reported.add(pair);
          issues.push(issue);
        }
      }
    }
    return issues;
  },
};
