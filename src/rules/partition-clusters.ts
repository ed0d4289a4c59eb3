/**
 * Where a partition layer may be wrong: the clusters of its unbalanced edges (geo/edge-balance.ts), each
 * with the layer's features that reach into it. Overlaps and gaps can lie only there, so only there are
 * features clipped; an exact partition (the survey's parcels, zones traced on them) has no cluster at all.
 */
import type { AreaFeature } from '../domain/features.ts';
import { isAreaFeature } from '../domain/features.ts';
import type { LayerId } from '../profiles/zhejiang-2017/layers.ts';
import type { BBox } from '../geo/bbox.ts';
import type { CheckState } from './context.ts';

export interface Cluster {
  readonly box: BBox;
  /** Stable name of the cluster for memos: its box. */
  readonly name: string;
  readonly features: readonly AreaFeature[];
}

export function partitionClusters(state: CheckState, layer: LayerId): Cluster[] {
  const balance = state.balance(layer);
  if (balance.balanced) return [];
  return balance.clusters().map((box) => ({
    box,
    name: `${layer}:${box.join(',')}`,
    features: state
      .near(layer, box)
      .filter(isAreaFeature)
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
  }));
}
