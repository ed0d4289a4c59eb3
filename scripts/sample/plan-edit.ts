/**
 * Whole-plan rewrites for the real-looking generators: each feature of some layers replaced or dropped,
 * everything else shared with the input plan (which is never changed).
 */
import type { AreaGeometry, PlanFeature } from '../../src/domain/features.ts';
import type { FeatureId } from '../../src/domain/ids.ts';
import { LAYER_IDS, type LayerId } from '../../src/profiles/zhejiang-2017/layers.ts';
import { layerFeatures, type Plan } from '../../src/domain/plan.ts';
import { roundTo } from '../../src/domain/units.ts';
import { ellipsoidalArea } from '../../src/geo/area.ts';

/** The plan with `rewrite(feature)` in place of each feature of `layers`; null drops the feature. */
export function rewriteFeatures(plan: Plan, layers: readonly LayerId[], rewrite: (feature: PlanFeature) => PlanFeature | null): Plan {
  const touched = new Set(layers);
  const entries = LAYER_IDS.map((layer) => {
    if (!touched.has(layer)) return [layer, plan.layers[layer]] as const;
    const kept: Record<FeatureId, PlanFeature> = {};
    for (const feature of layerFeatures(plan, layer) as readonly PlanFeature[]) {
      const next = rewrite(feature);
      if (next) kept[next.id] = next;
    }
    return [layer, kept] as const;
  });
  // The per-layer record types are rebuilt from a list the loop cannot narrow (as in generate.ts).
  return { ...plan, layers: Object.fromEntries(entries) as unknown as Plan['layers'] };
}

/**
 * The feature with a new geometry. A survey recomputes TBMJ when it reshapes a parcel, so base parcels and
 * farmland patches get their recorded area from the new geometry; otherwise rule
 * `area-attribute-consistent` would report every reshaped parcel on top of what a test plants.
 */
export function withGeometry(feature: PlanFeature, geometry: AreaGeometry): PlanFeature {
  if (feature.layer === 'base' || feature.layer === 'pbf') {
    const recordedArea = feature.properties.recordedArea === null ? null : roundTo(ellipsoidalArea(geometry), 2);
    return { ...feature, geometry, properties: { ...feature.properties, recordedArea } } as PlanFeature;
  }
  return { ...feature, geometry } as PlanFeature;
}
