/**
 * "Clip to neighbours": cuts from each selected feature what other features of its layer already cover,
 * so a zone drawn roughly over its neighbours ends exactly on their boundaries.
 */
import type { AreaGeometry, PlanFeature } from '../domain/features.ts';
import type { FeatureId } from '../domain/ids.ts';
import { putFeature, type FeatureChange } from '../domain/patch.ts';
import { getFeature } from '../domain/plan.ts';
import { geometryBBox } from '../geo/bbox.ts';
import { type CommandContext, type CommandResult, type Message, refuse } from './command.ts';
import { editableAreaFeatures } from './features-of.ts';
import { clipAgainst } from './geometry-checks.ts';
import { adoptNeighbourVertices } from './shared-boundaries.ts';

export function clipToNeighbours(ctx: CommandContext, ids: readonly FeatureId[]): CommandResult {
  const found = editableAreaFeatures(ctx, ids);
  if (!found.ok) return { ok: false, error: found.error };
  const selected = new Set(found.features.map((f) => f.id));
  const changes: FeatureChange[] = [];
  const notes: Message[] = [];
  for (const feature of found.features) {
    const others = ctx.index
      .search(feature.layer, geometryBBox(feature.geometry))
      .filter((hit) => !selected.has(hit.id))
      .map((hit) => getFeature(ctx.plan, hit.layer, hit.id))
      .filter((f): f is PlanFeature => f !== undefined)
      .map((f) => ({ id: f.id, geometry: f.geometry as AreaGeometry }));
    const clipped = clipAgainst(feature.geometry, others, ctx.profile.coverageToleranceM);
    if (!clipped.ok) return { ok: false, error: clipped.error };
    if (clipped.notes.length === 0) continue;
    notes.push(...clipped.notes);
    const geometry = adoptNeighbourVertices(ctx, clipped.geometry, new Set([feature.id]));
    changes.push(putFeature({ ...feature, geometry } as PlanFeature));
  }
  if (changes.length === 0) return refuse('commands.clip.nothingToClip');
  return { ok: true, label: 'commands.clip.label', patch: { features: changes }, notes };
}
