/** Deletes drawn features. Reference layers (survey, township data) are never deleted from the editor. */
import type { FeatureId } from '../domain/ids.ts';
import { LAYERS } from '../profiles/zhejiang-2017/layers.ts';
import { findFeature } from '../domain/plan.ts';
import { type CommandContext, type CommandResult, refuse } from './command.ts';

export function deleteFeatures(ctx: CommandContext, ids: readonly FeatureId[]): CommandResult {
  if (ids.length === 0) return refuse('commands.error.nothingSelected');
  const changes = [];
  for (const id of new Set(ids)) {
    const feature = findFeature(ctx.plan, id);
    if (!feature) return refuse('commands.error.featureGone');
    if (LAYERS[feature.layer].kind === 'reference') return refuse('commands.error.referenceLayer', { layer: feature.layer });
    changes.push({ layer: feature.layer, id, after: null });
  }
  return { ok: true, label: 'commands.delete.label', patch: { features: changes }, select: [] };
}
