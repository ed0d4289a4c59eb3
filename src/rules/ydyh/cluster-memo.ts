/**
 * Findings of one coverage cluster, kept from the last check while the cluster and every feature in it are
 * the same objects (fields included: a finding names refs): after an edit, only the clusters it touched are overlaid again. Entries not used by a
 * check are dropped at its end, so the memo holds one check's clusters at most.
 */
import type { CoverageCluster } from './database-coverage.ts';
import type { DatabaseIssue } from './database-rule.ts';

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
