/**
 * `no-gap` (domain-2026.md §5, cct:chk CheckTopPolygon "Must Not Have Gaps"): the base parcels, the planned
 * parcels and the 管控边界 each cover their region (the 村级调查区, or the layer they were made from:
 * profiles/zhejiang-2026/coverage.ts) without a gap. Only clusters where the edges do not balance within the
 * survey's 1 mm are overlaid (database-coverage.ts), once each, in the GK plane with GEOS: the region in the
 * cluster's box (or its corridor) minus the union of the layer's features there (an invalid outline as its
 * repair, `geometry-valid` reporting the fault). A gap thinner than the tolerance is misalignment, not
 * land left out; one under the report area is not reported. The finding outlines the gap and names the
 * features along it.
 */
import { OutlineNeighbours } from '../../geo/along-outline.ts';
import type { CoverageCluster, LayerCoverage } from './database-coverage.ts';
import { databaseIssue, layerKey, type DatabaseIssue, type DatabaseRule } from './database-rule.ts';
import type { DatabaseLayerName } from '../../profiles/zhejiang-2026/layers.ts';
import { ClusterMemo, findInClusters, regionPartIssue } from './cluster-memo.ts';
import { clusterGaps } from './cluster-union.ts';

const memo = new ClusterMemo();

function gapsOf(layer: DatabaseLayerName, coverage: LayerCoverage, cluster: CoverageCluster): DatabaseIssue[] {
  const { toleranceM } = coverage;
  let gaps;
  try {
    // From the features' union inside-village and no-overlap use too (cluster-union.ts).
    gaps = clusterGaps(coverage, cluster);
  } catch (error) {
    return [databaseIssue('no-gap', 'error', { layer, key: 'overlayFailed', params: { layerKey: layerKey(layer), detail: String(error) } })];
  }
  const neighbours = new OutlineNeighbours(cluster.features, toleranceM);
  return gaps.flatMap((gap) => regionPartIssue('no-gap', layer, coverage, gap, (geometry) => neighbours.along(geometry).map((f) => f.feature.ref)) ?? []);
}

export const noGapRule: DatabaseRule = {
  id: 'no-gap',
  severity: 'error',
  source: 'cct:chk CheckTopPolygon',
  summary: 'JQDLTB, GHDLTB and GKBJ each cover their region (CJDCQ, else the layer they were made from) without a gap wider than 1 mm and over 0.01 m²; only where edges do not balance within 1 mm is anything clipped (GEOS, GK plane).',
  check(db) {
    return findInClusters('no-gap', db, memo, gapsOf, 'region', true);
  },
};
