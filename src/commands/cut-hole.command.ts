/** Cuts a drawn ring out of a polygon (a pond kept inside a zone, a courtyard out of a parcel). */
import type { Polygon } from 'geojson';
import type { PlanFeature } from '../domain/features.ts';
import type { FeatureId } from '../domain/ids.ts';
import { putFeature } from '../domain/patch.ts';
import { difference } from '../geo/overlay.ts';
import { type CommandContext, type CommandResult, refuse } from './command.ts';
import { editableAreaFeatures } from './features-of.ts';
import { geometryProblem, MIN_DRAWN_AREA_M2 } from './geometry-checks.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { adoptNeighbourVertices, shareVerticesWithNeighbours } from './shared-boundaries.ts';

export function cutHole(ctx: CommandContext, id: FeatureId, hole: Polygon): CommandResult {
  const found = editableAreaFeatures(ctx, [id]);
  if (!found.ok) return { ok: false, error: found.error };
  const [feature] = found.features;
  if (!feature) return refuse('commands.error.nothingSelected');
  const holeProblem = geometryProblem(hole);
  if (holeProblem) return { ok: false, error: holeProblem };

  const cut = difference(feature.geometry, hole);
  if (!cut.ok) return refuse('geometry.overlayFailed', { detail: cut.error });
  if (!cut.value) return refuse('commands.hole.wouldRemoveAll');
  if (ellipsoidalArea(feature.geometry) - ellipsoidalArea(cut.value) < MIN_DRAWN_AREA_M2) return refuse('commands.hole.outsideFeature');

  const exclude = new Set([feature.id]);
  const geometry = adoptNeighbourVertices(ctx, cut.value, exclude, [feature.geometry]);
  const problem = geometryProblem(geometry);
  if (problem) return { ok: false, error: problem };
  return {
    ok: true,
    label: 'commands.hole.label',
    patch: { features: [putFeature({ ...feature, geometry } as PlanFeature), ...shareVerticesWithNeighbours(ctx, geometry, exclude)] },
    select: [feature.id],
  };
}
