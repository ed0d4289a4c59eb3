/**
 * A spatial index of every feature of a plan, one per layer, kept in step with the plan by patches.
 * It is a cache of the plan (never a second truth): commands, snapping and rules query it instead of
 * scanning 20,000 parcels.
 */
import type { PlanFeature } from '../domain/features.ts';
import type { FeatureId } from '../domain/ids.ts';
import { LAYER_IDS, type LayerId } from '../profiles/zhejiang-2017/layers.ts';
import type { Patch } from '../domain/patch.ts';
import { layerFeatures, type Plan } from '../domain/plan.ts';
import type { BBox } from './bbox.ts';
import { FeatureIndex } from './spatial-index.ts';

export class PlanIndex {
  private readonly layers = new Map<LayerId, FeatureIndex<FeatureId>>();

  static build(plan: Plan): PlanIndex {
    const index = new PlanIndex();
    for (const layer of LAYER_IDS) {
      const features = layerFeatures(plan, layer) as readonly PlanFeature[];
      index.layer(layer).load(features.map((f) => [f.id, f.geometry] as const));
    }
    return index;
  }

  /** Brings the index in step with a patch that has just been applied. */
  update(patch: Patch): void {
    for (const change of patch.features) {
      if (change.after) this.layer(change.layer).set(change.id, change.after.geometry);
      else this.layer(change.layer).delete(change.id);
    }
  }

  search(layers: LayerId | readonly LayerId[], bbox: BBox): { layer: LayerId; id: FeatureId }[] {
    const found: { layer: LayerId; id: FeatureId }[] = [];
    for (const layer of typeof layers === 'string' ? [layers] : layers) {
      for (const id of this.layer(layer).search(bbox)) found.push({ layer, id });
    }
    return found;
  }

  /** How many of the layer's features have boxes meeting `bbox`. */
  count(layer: LayerId, bbox: BBox): number {
    return this.layer(layer).count(bbox);
  }

  private layer(layer: LayerId): FeatureIndex<FeatureId> {
    let index = this.layers.get(layer);
    if (!index) {
      index = new FeatureIndex<FeatureId>();
      this.layers.set(layer, index);
    }
    return index;
  }
}
