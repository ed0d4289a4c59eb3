/**
 * Makes drawn features from selected ones (most often: base parcels → demolition parcels), so a planner
 * never retraces a survey boundary by hand. The copies share every vertex with their source.
 */
import type { AreaGeometry, PlanFeature } from '../domain/features.ts';
import { defaultProperties } from '../profiles/zhejiang-2017/fields.ts';
import { type FeatureId, newFeatureId } from '../domain/ids.ts';
import type { DrawnLayerId } from '../profiles/zhejiang-2017/layers.ts';
import { putFeature } from '../domain/patch.ts';
import { findFeature } from '../domain/plan.ts';
import { type CommandContext, type CommandResult, refuse } from './command.ts';
import { fitToVillage } from './geometry-checks.ts';
import { nextParcelNumbers } from './parcel-numbers.ts';

export function copyToLayer(ctx: CommandContext, ids: readonly FeatureId[], layer: DrawnLayerId): CommandResult {
  if (ids.length === 0) return refuse('commands.error.nothingSelected');
  const numbers = nextParcelNumbers(ctx.plan, layer, ids.length);
  const created: PlanFeature[] = [];
  const notes = [];
  for (const [i, id] of ids.entries()) {
    const source = findFeature(ctx.plan, id);
    if (!source) return refuse('commands.error.featureGone');
    if (source.geometry.type === 'Point') return refuse('commands.copy.notAnArea');
    const fitted = fitToVillage(ctx.plan, source.geometry as AreaGeometry, ctx.profile.coverageToleranceM);
    if (!fitted.ok) return { ok: false, error: fitted.error };
    notes.push(...fitted.notes);
    const properties = defaultProperties(layer, ctx.profile, numbers[i] ?? '');
    created.push({ id: newFeatureId(), layer, geometry: fitted.geometry, properties } as PlanFeature);
  }
  return {
    ok: true,
    label: `commands.copy.${layer}`,
    patch: { features: created.map(putFeature) },
    select: created.map((f) => f.id),
    notes,
  };
}
