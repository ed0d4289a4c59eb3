/**
 * Splits polygons along a drawn line. The largest piece keeps the feature's id (its history and links
 * stay with it); the other pieces are new features with the same attributes and the next parcel numbers.
 */
import type { Position } from 'geojson';
import type { AreaFeature, AreaGeometry, PlanFeature } from '../domain/features.ts';
import { type FeatureId, newFeatureId } from '../domain/ids.ts';
import type { LayerId } from '../profiles/zhejiang-2017/layers.ts';
import { putFeature, type FeatureChange } from '../domain/patch.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { splitPolygonByLine } from '../geo/split.ts';
import { type CommandContext, type CommandResult, refuse } from './command.ts';
import { editableAreaFeatures } from './features-of.ts';
import { geometryProblem } from './geometry-checks.ts';
import { nextParcelNumbers } from './parcel-numbers.ts';
import { shareVerticesWithNeighbours } from './shared-boundaries.ts';

export function splitFeatures(ctx: CommandContext, ids: readonly FeatureId[], line: readonly Position[]): CommandResult {
  if (line.length < 2) return refuse('commands.split.lineTooShort');
  const found = editableAreaFeatures(ctx, ids);
  if (!found.ok) return { ok: false, error: found.error };

  const cut: { feature: AreaFeature; largest: AreaGeometry; others: AreaGeometry[] }[] = [];
  for (const feature of found.features) {
    const result = splitPolygonByLine(feature.geometry, [...line], { reachM: ctx.profile.coverageToleranceM });
    if (!result.ok) {
      if (result.reason === 'lineDoesNotCross') continue;
      return refuse('geometry.overlayFailed', { detail: result.detail ?? '' });
    }
    const [largest, ...others] = [...result.pieces].sort((a, b) => ellipsoidalArea(b) - ellipsoidalArea(a));
    if (!largest || others.length === 0) continue;
    for (const piece of [largest, ...others]) {
      if (geometryProblem(piece)) return refuse('commands.split.pieceTooSmall');
    }
    cut.push({ feature, largest, others });
  }
  if (cut.length === 0) return refuse('commands.split.lineDoesNotCross');

  const numbers = new Map<LayerId, string[]>();
  for (const { feature, others } of cut) {
    const pending = numbers.get(feature.layer)?.length ?? 0;
    numbers.set(feature.layer, nextParcelNumbers(ctx.plan, feature.layer, pending + others.length));
  }
  const used = new Map<LayerId, number>();
  const changes: FeatureChange[] = [];
  const created: PlanFeature[] = [];
  for (const { feature, largest, others } of cut) {
    changes.push(putFeature({ ...feature, geometry: largest } as PlanFeature));
    for (const geometry of others) {
      const n = used.get(feature.layer) ?? 0;
      used.set(feature.layer, n + 1);
      const parcelNo = numbers.get(feature.layer)?.[n] ?? '';
      const properties = 'parcelNo' in feature.properties && parcelNo ? { ...feature.properties, parcelNo } : feature.properties;
      created.push({ ...feature, id: newFeatureId(), geometry, properties } as PlanFeature);
    }
  }
  changes.push(...created.map(putFeature));

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
