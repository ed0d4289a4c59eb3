/**
 * Explodes multi-part features into one feature per part (ArcGIS's "Explode Multipart Feature"). An
 * imported layer often holds multi-part parcels, which terra-draw cannot reshape and a table counts as one
 * parcel; once exploded each part is a parcel of its own, with the attributes it had and, on a numbered
 * layer, the next parcel number. No vertex moves: the parts are the feature's own rings. A part under
 * the smallest drawn area is dropped with a note (undo brings it back).
 */
import type { AreaGeometry } from '../domain/features.ts';
import type { FeatureId } from '../domain/ids.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { validateAreaGeometry } from '../geo/validity.ts';
import { type CommandContext, type CommandResult, type Message, refuse } from './command.ts';
import { editableAreaFeatures } from './features-of.ts';
import { MIN_DRAWN_AREA_M2 } from './geometry-checks.ts';
import { featuresOfPieces, piecesOf, type Pieces } from './pieces.ts';

export function explodeFeatures(ctx: CommandContext, ids: readonly FeatureId[]): CommandResult {
  const found = editableAreaFeatures(ctx, ids);
  if (!found.ok) return { ok: false, error: found.error };
  const cut: Pieces[] = [];
  const slivers = { count: 0, areaM2: 0 };
  for (const feature of found.features) {
    if (feature.geometry.type !== 'MultiPolygon' || feature.geometry.coordinates.length < 2) continue;
    const parts: AreaGeometry[] = feature.geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
    // A part with a crossing outline would enter the plan unchecked: the planner is shown where, and nothing changes.
    const invalid = parts.map((part) => validateAreaGeometry(part).find((p) => p.severity === 'error')).find((p) => p !== undefined);
    if (invalid) return refuse(`geometry.invalid.${invalid.kind}`, undefined, invalid.at);
    // A part smaller than anything a planner draws is a sliver of the survey's clipping, not a parcel.
    const kept = parts.filter((part) => ellipsoidalArea(part) >= MIN_DRAWN_AREA_M2);
    for (const part of parts) {
      if (kept.includes(part)) continue;
      slivers.count++;
      slivers.areaM2 += ellipsoidalArea(part);
    }
    const pieces = kept.length > 1 ? piecesOf(feature, kept) : null;
    if (pieces) cut.push(pieces);
  }
  if (cut.length === 0) return refuse('commands.explode.notMultipart');
  const { changes, created } = featuresOfPieces(ctx.plan, cut);
  const notes: Message[] = slivers.count > 0 ? [{ key: 'commands.explode.sliversDropped', params: { count: slivers.count, areaM2: Number(slivers.areaM2.toFixed(4)) } }] : [];
  return { ok: true, label: 'commands.explode.label', patch: { features: changes }, select: [...cut.map((c) => c.feature.id), ...created.map((f) => f.id)], notes };
}
