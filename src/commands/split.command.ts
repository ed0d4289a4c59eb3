/** Splits polygons along a drawn line into pieces as pieces.ts makes features of them. */
import type { Position } from 'geojson';
import type { AreaFeature, AreaGeometry } from '../domain/features.ts';
import type { FeatureId } from '../domain/ids.ts';
import { splitPolygonByLine } from '../geo/split.ts';
import { type CommandContext, type CommandResult, refuse } from './command.ts';
import { editableAreaFeatures } from './features-of.ts';
import { geometryProblem } from './geometry-checks.ts';
import { featuresOfPieces, piecesOf, type Pieces } from './pieces.ts';
import { shareVerticesWithNeighbours } from './shared-boundaries.ts';

export function splitFeatures(ctx: CommandContext, ids: readonly FeatureId[], line: readonly Position[]): CommandResult {
  if (line.length < 2) return refuse('commands.split.lineTooShort');
  const found = editableAreaFeatures(ctx, ids);
  if (!found.ok) return { ok: false, error: found.error };

  const cut: Pieces[] = [];
  for (const feature of found.features) {
    const result = splitPolygonByLine(feature.geometry, [...line], { reachM: ctx.profile.coverageToleranceM });
    if (!result.ok) {
      if (result.reason === 'lineDoesNotCross') continue;
      return refuse('geometry.overlayFailed', { detail: result.detail ?? '' });
    }
    const pieces = piecesOf(feature, result.pieces);
    if (!pieces || pieces.others.length === 0) continue;
    if (result.pieces.some((piece) => geometryProblem(piece))) return refuse('commands.split.pieceTooSmall');
    cut.push(pieces);
  }
  if (cut.length === 0) return refuse('commands.split.lineDoesNotCross');

  const { changes, created } = featuresOfPieces(ctx.plan, cut);

  const selected = [...cut.map((c) => c.feature.id), ...created.map((f) => f.id)];
  // The cut adds vertices where the line crossed the old boundary: neighbours on that boundary get them too.
  const allPieces: AreaGeometry = {
    type: 'MultiPolygon',
    coordinates: changes.flatMap((c) => {
      const g = (c.after as AreaFeature).geometry;
      return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    }),
  };
  changes.push(...shareVerticesWithNeighbours(ctx, allPieces, new Set(selected)));
  return { ok: true, label: 'commands.split.label', patch: { features: changes }, select: selected };
}
