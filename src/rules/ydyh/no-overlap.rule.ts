/**
 * `no-overlap` (domain-2026.md §5, cct:chk CheckTopPolygon "Must Not Overlap"): features of the base
 * parcels, the planned parcels and the 管控边界 do not overlap. Only inside clusters where the edges do not
 * balance within the survey's 1 mm (database-coverage.ts): elsewhere the balance proves there is no overlap
 * without clipping. Inside, each pair whose boxes meet is intersected with GEOS in the GK plane; an overlap
 * counts where it is wider than the tolerance and at least the report area. Without a region to balance
 * against (JQDLTB without CJDCQ) the layer's outline would make the whole village one cluster, so the rule
 * says it is not checked rather than clip every pair.
 */
import { ellipsoidalArea } from '../../geo/area.ts';
import { bboxIntersects, geometryBBox } from '../../geo/bbox.ts';
import { meanWidth, overlapOf } from '../../geo/geos/coverage-overlay.ts';
import { rewindRfc7946 } from '../../geo/rings.ts';
import { COVERAGE_NUMBERS } from '../../profiles/zhejiang-2026/coverage.ts';
import type { DatabaseLayerName } from '../../profiles/zhejiang-2026/layers.ts';
import { m2, metres } from '../issue.ts';
import { ClusterMemo, findInClusters } from './cluster-memo.ts';
import type { CoverageCluster, LayerCoverage } from './database-coverage.ts';
import { databaseIssue, layerKey, type DatabaseIssue, type DatabaseRule } from './database-rule.ts';

const memo = new ClusterMemo();

function overlapsOf(layer: DatabaseLayerName, coverage: LayerCoverage, cluster: CoverageCluster): DatabaseIssue[] {
  const { plane, toleranceM } = coverage;
  const { reportM2 } = COVERAGE_NUMBERS;
  const found: DatabaseIssue[] = [];
  const features = cluster.features;
  const boxes = features.map((f) => geometryBBox(f.geometry));
  for (let i = 0; i < features.length; i++) {
    for (let j = i + 1; j < features.length; j++) {
      if (!bboxIntersects(boxes[i]!, boxes[j]!)) continue;
      const a = features[i]!;
      const b = features[j]!;
      const refs = [a.feature.ref, b.feature.ref];
      let parts;
      try {
        parts = overlapOf(plane.polygons(a.geometry), plane.polygons(b.geometry), toleranceM);
      } catch (error) {
        found.push(databaseIssue('no-overlap', 'error', { layer, features: refs, key: 'overlayFailed', params: { layerKey: layerKey(layer), detail: String(error) } }));
        continue;
      }
      const geometry = parts.length > 0 ? plane.toLonLat(parts.map((p) => p.polygon)) : null;
      if (!geometry) continue;
      const area = ellipsoidalArea(geometry);
      if (area < reportM2) continue;
      found.push(
        databaseIssue('no-overlap', 'error', {
          layer,
          features: refs,
          key: 'message',
          params: { layerKey: layerKey(layer), a: refs[0]!, b: refs[1]!, areaM2: m2(area), widthM: metres(meanWidth(parts, toleranceM)) },
          geometry: rewindRfc7946(geometry),
        }),
      );
    }
  }
  return found;
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
