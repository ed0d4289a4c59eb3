/**
 * Merges adjacent polygons of one layer into one. The first selected feature keeps its id and attributes;
 * polygons that do not touch along an edge are refused rather than turned into a multi-part feature.
 *
 * Imported zones do not share vertices bit for bit: copies of a corner lie a fraction of a millimetre apart
 * and a corner may sit on the middle of a neighbour's edge, so an exact union leaves a sliver gap between
 * them or falls apart into pieces. The features are snapped together first within the coverage tolerance
 * (as the 2026 editor's merge-parcels does), onto the features around them where those are near.
 */
import type { AreaGeometry, PlanFeature } from '../domain/features.ts';
import type { FeatureId } from '../domain/ids.ts';
import { putFeature } from '../domain/patch.ts';
import { snapCoverage } from '../geo/coverage-snap.ts';
import { union } from '../geo/overlay.ts';
import { type CommandContext, type CommandResult, refuse } from './command.ts';
import { editableAreaFeatures } from './features-of.ts';
import { geometryProblem } from './geometry-checks.ts';
import { adoptNeighbourVertices, neighbours } from './shared-boundaries.ts';

export function mergeFeatures(ctx: CommandContext, ids: readonly FeatureId[]): CommandResult {
  if (new Set(ids).size < 2) return refuse('commands.merge.needTwo');
  const found = editableAreaFeatures(ctx, [...new Set(ids)], true);
  if (!found.ok) return { ok: false, error: found.error };
  const [keep, ...absorbed] = found.features;
  if (!keep) return refuse('commands.error.nothingSelected');

  const exclude = new Set(found.features.map((f) => f.id));
  const around = new Map(found.features.flatMap((f) => neighbours(ctx, f.geometry, exclude)).filter((n) => n.layer === keep.layer || n.layer === 'boundary').map((n) => [n.id, n.geometry]));
  const snapped = snapCoverage(found.features, { toleranceM: ctx.profile.coverageToleranceM, reference: [...around.values()] }).features;
  const merged = union(snapped.map((f) => f.geometry));
  if (!merged.ok) return refuse('geometry.overlayFailed', { detail: merged.error });
  if (!merged.value) return refuse('commands.merge.empty');
  if (merged.value.type === 'MultiPolygon') return refuse('commands.merge.notAdjacent');

  // Where two of the merged features met on a straight outer edge the union drops their corner: it goes
  // back, or the merged area is not the sum of theirs.
  const geometry: AreaGeometry = adoptNeighbourVertices(ctx, merged.value, exclude, snapped.map((f) => f.geometry));
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
