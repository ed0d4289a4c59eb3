/**
 * `no-overlap` (domain-2026.md §5, cct:chk CheckTopPolygon "Must Not Overlap"): features of the base
 * parcels, the planned parcels and the 管控边界 do not overlap. Only inside clusters where the edges do not
 * balance within the survey's 1 mm (database-coverage.ts): elsewhere the balance proves there is no overlap
 * without clipping. Inside, each pair whose boxes meet is intersected with GEOS in the GK plane; an overlap
 * counts where it is wider than the tolerance and at least the report area. Without a region to balance
 * against (JQDLTB without CJDCQ) the layer's outline would make the whole village one cluster, so the rule
 * says it is not checked rather than clip every pair.
 */
import { pairOverlaps } from '../../geo/geos/pair-overlaps.ts';
import { COVERAGE_NUMBERS } from '../../profiles/zhejiang-2026/coverage.ts';
import type { DatabaseLayerName } from '../../profiles/zhejiang-2026/layers.ts';
import { m2, metres } from '../issue.ts';
import { ClusterMemo, findInClusters } from './cluster-memo.ts';
import { clusterCoveredTwice } from './cluster-union.ts';
import type { CoverageCluster, LayerCoverage } from './database-coverage.ts';
import { databaseIssue, layerKey, type DatabaseIssue, type DatabaseRule } from './database-rule.ts';

const memo = new ClusterMemo();

function overlapsOf(layer: DatabaseLayerName, coverage: LayerCoverage, cluster: CoverageCluster): DatabaseIssue[] {
  const features = cluster.features;
  // A large cluster is first told by the union no-gap and inside-village use too (cluster-union.ts) whether
  // any pair can overlap: the features cut to the cluster's outline, as the union is (no overlap lies outside it).
  const twice = () => clusterCoveredTwice(coverage, cluster);
  return pairOverlaps(features.map((f) => f.geometry), coverage.plane, coverage.toleranceM, COVERAGE_NUMBERS.reportM2, twice).map((o) => {
    const refs = [features[o.i]!.feature.ref, features[o.j]!.feature.ref];
    if ('error' in o) return databaseIssue('no-overlap', 'error', { layer, features: refs, key: 'overlayFailed', params: { layerKey: layerKey(layer), detail: o.error } });
    return databaseIssue('no-overlap', 'error', {
      layer,
      features: refs,
      key: 'message',
      params: { layerKey: layerKey(layer), a: refs[0]!, b: refs[1]!, areaM2: m2(o.areaM2), widthM: metres(o.widthM) },
      geometry: o.geometry,
    });
  });
}

export const noOverlapRule: DatabaseRule = {
  id: 'no-overlap',
  severity: 'error',
  source: 'cct:chk CheckTopPolygon',
  summary: 'No two features of JQDLTB, GHDLTB or GKBJ overlap by more than 1 mm in width and 0.01 m²; pairs are intersected (GEOS, GK plane) only where edges do not balance within 1 mm. JQDLTB without CJDCQ: not checked.',
  check(db) {
    return findInClusters('no-overlap', db, memo, overlapsOf);
  },
};
