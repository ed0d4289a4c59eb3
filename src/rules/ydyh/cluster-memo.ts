/**
 * Findings of one coverage cluster, kept from the last check while the cluster and every feature in it are
 * the same objects (fields included: a finding names refs): after an edit, only the clusters it touched are overlaid again. Entries not used by a
 * check are dropped at its end, so the memo holds one check's clusters at most.
 */
import type { Polygon } from 'geojson';
import { ellipsoidalArea } from '../../geo/area.ts';
import type { CoordinateGrid } from '../../geo/coordinate-grid.ts';
import { meanWidth, type PlanarPart } from '../../geo/geos/coverage-overlay.ts';
import { rewindRfc7946 } from '../../geo/rings.ts';
import { COVERAGE_NUMBERS, PARTITION_LAYERS } from '../../profiles/zhejiang-2026/coverage.ts';
import { m2, metres } from '../issue.ts';
import type { DatabaseLayerName } from '../../profiles/zhejiang-2026/layers.ts';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import { layerCoverage, type CoverageCluster, type LayerCoverage } from './database-coverage.ts';
import { databaseIssue, layerKey, notCheckedFor, type DatabaseIssue, type DatabaseRuleId } from './database-rule.ts';

interface Entry {
  readonly inputs: readonly object[];
  readonly issues: readonly DatabaseIssue[];
}

export class ClusterMemo {
  private kept = new Map<string, Entry>();
  private used = new Map<string, Entry>();

  startRun(): void {
    this.used = new Map();
  }

  endRun(): void {
    this.kept = this.used;
  }

  get(cluster: CoverageCluster, compute: () => readonly DatabaseIssue[]): readonly DatabaseIssue[] {
    const inputs = [...cluster.features, ...cluster.region].map((f) => f.feature);
    const before = this.kept.get(cluster.name);
    const entry = before && before.inputs.length === inputs.length && before.inputs.every((g, i) => g === inputs[i]) ? before : { inputs, issues: compute() };
    this.used.set(cluster.name, entry);
    return entry.issues;
  }
}

/**
 * A coverage rule's findings over every partition layer: `find` runs on each cluster whose features changed
 * since the last check, the rest come from the memo. A layer without a region to balance against is not checked.
 */
export function findInClusters(
  rule: DatabaseRuleId,
  db: VillageDatabase,
  memo: ClusterMemo,
  find: (layer: DatabaseLayerName, coverage: LayerCoverage, cluster: CoverageCluster) => DatabaseIssue[],
  /** The `rules.db.missing.*` key saying what a layer without a region cannot be checked for. */
  missing = 'region',
  /** Whether to warn, per layer, that rounded coordinates widened the tolerance (database-coverage.ts): one rule says it for the gap and overlap checks. */
  sayWidened = false,
): DatabaseIssue[] {
  memo.startRun();
  const issues: DatabaseIssue[] = [];
  for (const partition of PARTITION_LAYERS) {
    const coverage = layerCoverage(db, partition);
    if (!coverage) continue;
    if (!coverage.region) {
      issues.push(notCheckedFor(rule, missing, { layerKey: layerKey(partition.layer) }));
      continue;
    }
    if (sayWidened && coverage.widenedFor) issues.push(widenedToleranceIssue(rule, partition.layer, coverage.toleranceM, coverage.widenedFor));
    for (const cluster of coverage.clusters) issues.push(...memo.get(cluster, () => find(partition.layer, coverage, cluster)));
  }
  memo.endRun();
  return issues;
}

/** The warning that a layer's gaps and overlaps were looked for at the tolerance its rounded coordinates need, not the survey's. */
function widenedToleranceIssue(rule: DatabaseRuleId, layer: DatabaseLayerName, toleranceM: number, grid: CoordinateGrid): DatabaseIssue {
  const gridParams: Readonly<Record<string, string | number>> = grid.kind === 'lonLat' ? { gridKey: 'rules.db.coverageGrid.lonLat', decimals: Math.round(-Math.log10(grid.step)) } : { gridKey: 'rules.db.coverageGrid.gk', stepM: grid.step };
  const params = { layerKey: layerKey(layer), ...gridParams, roundingM: grid.roundingM, toleranceM, surveyToleranceM: COVERAGE_NUMBERS.toleranceM };
  return databaseIssue(rule, 'warning', { layer, key: 'widenedTolerance', params });
}

/**
 * A part of a layer's region an overlay found (a gap, land outside the region) as the rule's finding: its
 * outline in lon/lat, its ellipsoidal area and its mean width; null under the report area. `named` gives
 * the features the finding names, from the part's outline (lon/lat) or the part itself (the plane).
 */
export function regionPartIssue(rule: DatabaseRuleId, layer: DatabaseLayerName, coverage: LayerCoverage, part: PlanarPart, named: (geometry: Polygon, part: PlanarPart) => string[]): DatabaseIssue | null {
  const geometry = rewindRfc7946(coverage.plane.toLonLat([part.polygon]) as Polygon);
  const area = ellipsoidalArea(geometry);
  if (area < COVERAGE_NUMBERS.reportM2) return null;
  const params = { layerKey: layerKey(layer), areaM2: m2(area), widthM: metres(meanWidth([part], coverage.toleranceM)) };
  return databaseIssue(rule, 'error', { layer, features: named(geometry, part), key: 'message', params, geometry });
}
