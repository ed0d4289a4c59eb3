/**
 * `no-gap` (domain-2026.md §5, cct:chk CheckTopPolygon "Must Not Have Gaps"): the base parcels, the planned
 * parcels and the 管控边界 each cover their region (the 村级调查区, or the layer they were made from:
 * profiles/zhejiang-2026/coverage.ts) without a gap. Only clusters where the edges do not balance within the
 * survey's 1 mm are overlaid (database-coverage.ts), once each, in the GK plane with GEOS: the region in the
 * cluster's box minus the union of the layer's valid features there. A gap thinner than the tolerance is
 * misalignment, not land left out; one under the report area is not reported. The finding outlines the gap
 * and names the features along it.
 */
import type { Polygon } from 'geojson';
import { bboxIntersects, expandBBox, geometryBBox } from '../../geo/bbox.ts';
import { clipParts } from '../../geo/geos/coverage-overlay.ts';
import { metresPerDegree, toleranceDegreesXY } from '../../geo/local-metric.ts';
import { PreparedArea } from '../../geo/prepared-area.ts';
import { FeatureIndex } from '../../geo/spatial-index.ts';
import type { AreaFeature, CoverageCluster, LayerCoverage } from './database-coverage.ts';
import { databaseIssue, layerKey, type DatabaseIssue, type DatabaseRule } from './database-rule.ts';
import type { DatabaseLayerName } from '../../profiles/zhejiang-2026/layers.ts';
import { ClusterMemo, findInClusters, regionPartIssue } from './cluster-memo.ts';
import { clusterUnion } from './cluster-union.ts';

const memo = new ClusterMemo();

function gapsOf(layer: DatabaseLayerName, coverage: LayerCoverage, cluster: CoverageCluster): DatabaseIssue[] {
  const { plane, toleranceM } = coverage;
  const outline = plane.boxOutline(cluster.box, toleranceM);
  let gaps;
  try {
    // The region may be a layer of many parcels: dissolved inside the box, so GEOS gets one valid area. The
    // features' union is the one inside-village and no-overlap use too (cluster-union.ts).
    const region = clipParts('intersection', [outline], cluster.region.map((f) => plane.polygons(f.geometry)), 0).map((part) => part.polygon);
    gaps = clipParts('difference', region, [clusterUnion(coverage, cluster)], toleranceM);
  } catch (error) {
    return [databaseIssue('no-gap', 'error', { layer, key: 'overlayFailed', params: { layerKey: layerKey(layer), detail: String(error) } })];
  }
  return gaps.flatMap((gap) => regionPartIssue('no-gap', layer, coverage, gap, (geometry) => bordering(cluster, geometry, toleranceM)) ?? []);
}

/**
 * The features along a gap: those with at least two of its vertices on their outline (within the tolerance).
 * The gap's outline is made of pieces of the features' and the region's edges, each piece ending on the edge
 * it came from, so a feature beside the gap has two; one touching it at a point has one. Found by box, as
 * before, a gap along a boundary 0.3 m off all round named every parcel of the village its box held.
 */
function bordering(cluster: CoverageCluster, gap: Polygon, toleranceM: number): string[] {
  const index = new FeatureIndex<string>();
  const reach = expandBBox(geometryBBox(gap), 1e-7);
  const candidates = new Map(cluster.features.filter((f) => bboxIntersects(geometryBBox(f.geometry), reach)).map((f, i) => [String(i), f]));
  index.load([...candidates].map(([key, f]) => [key, f.geometry] as const));
  const hits = new Map<AreaFeature, number>();
  const [y0, y1] = [reach[1], reach[3]];
  const m = metresPerDegree((y0 + y1) / 2);
  const { x: dx, y: dy } = toleranceDegreesXY(toleranceM, Math.max(Math.abs(y0), Math.abs(y1)));
  for (const ring of gap.coordinates) {
    let [px, py] = ring[0] as [number, number];
    for (const [x, y] of ring.slice(1) as [number, number][]) {
      // GEOS may write one vertex twice, a few nanometres apart: one point, not two.
      if (Math.abs(x - px) <= dx && Math.abs(y - py) <= dy) continue;
      [px, py] = [x, y];
      for (const key of index.search([x - dx, y - dy, x + dx, y + dy])) {
        const f = candidates.get(key) as AreaFeature;
        if (PreparedArea.of(f.geometry).locateNear(x, y, m.x, m.y, toleranceM) === 'boundary') hits.set(f, (hits.get(f) ?? 0) + 1);
      }
    }
  }
  return cluster.features.filter((f) => (hits.get(f) ?? 0) >= 2).map((f) => f.feature.ref);
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
