/**
 * Merges adjacent polygons of one layer into one. The first selected feature keeps its id and attributes;
 * polygons that do not touch along an edge are refused rather than turned into a multi-part feature.
 */
import type { AreaGeometry, PlanFeature } from '../domain/features.ts';
import type { FeatureId } from '../domain/ids.ts';
import { putFeature } from '../domain/patch.ts';
import { union } from '../geo/overlay.ts';
import { type CommandContext, type CommandResult, refuse } from './command.ts';
import { editableAreaFeatures } from './features-of.ts';
import { geometryProblem } from './geometry-checks.ts';
import { adoptNeighbourVertices } from './shared-boundaries.ts';

export function mergeFeatures(ctx: CommandContext, ids: readonly FeatureId[]): CommandResult {
  if (new Set(ids).size < 2) return refuse('commands.merge.needTwo');
  const found = editableAreaFeatures(ctx, [...new Set(ids)], true);
  if (!found.ok) return { ok: false, error: found.error };
  const [keep, ...absorbed] = found.features;
  if (!keep) return refuse('commands.error.nothingSelected');

  const merged = union(found.features.map((f) => f.geometry));
  if (!merged.ok) return refuse('geometry.overlayFailed', { detail: merged.error });
  if (!merged.value) return refuse('commands.merge.empty');
  if (merged.value.type === 'MultiPolygon') return refuse('commands.merge.notAdjacent');

  const exclude = new Set(found.features.map((f) => f.id));
  const geometry: AreaGeometry = adoptNeighbourVertices(ctx, merged.value, exclude);
  const problem = geometryProblem(geometry);
  if (problem) return { ok: false, error: problem };
  return {
    ok: true,
    label: 'commands.merge.label',
    patch: {
      features: [
        putFeature({ ...keep, geometry } as PlanFeature),
        ...absorbed.map((f) => ({ layer: f.layer, id: f.id, after: null })),
      ],
    },
    select: [keep.id],
  };
}
