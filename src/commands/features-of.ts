/** Looks up the features a command acts on, refusing ids that are gone or on layers it may not touch. */
import type { AreaFeature } from '../domain/features.ts';
import type { FeatureId } from '../domain/ids.ts';
import { LAYERS } from '../profiles/zhejiang-2017/layers.ts';
import { findFeature } from '../domain/plan.ts';
import type { CommandContext, Message } from './command.ts';

export type Found = { readonly ok: true; readonly features: AreaFeature[] } | { readonly ok: false; readonly error: Message };

/** Area features whose geometry the planner may change (drawn layers), all on one layer if `sameLayer`. */
export function editableAreaFeatures(ctx: CommandContext, ids: readonly FeatureId[], sameLayer = false): Found {
  const features: AreaFeature[] = [];
  for (const id of ids) {
    const feature = findFeature(ctx.plan, id);
    if (!feature) return { ok: false, error: { key: 'commands.error.featureGone' } };
    if (!LAYERS[feature.layer].geometryEditable || feature.geometry.type === 'Point') {
      return { ok: false, error: { key: 'commands.error.referenceLayer', params: { layer: feature.layer } } };
    }
    features.push(feature as AreaFeature);
  }
  if (features.length === 0) return { ok: false, error: { key: 'commands.error.nothingSelected' } };
  if (sameLayer && new Set(features.map((f) => f.layer)).size > 1) return { ok: false, error: { key: 'commands.error.mixedLayers' } };
  return { ok: true, features };
}
