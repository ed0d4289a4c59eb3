/**
 * Adds a drawn feature: checked (valid, not empty), kept inside the village, optionally clipped to the
 * features of its layer, and stitched to its neighbours so shared boundaries stay shared.
 */
import type { AreaGeometry, FeatureOf, LayerProperties, PlanFeature } from '../domain/features.ts';
import { defaultProperties } from '../profiles/zhejiang-2017/fields.ts';
import { newFeatureId } from '../domain/ids.ts';
import type { DrawnLayerId } from '../profiles/zhejiang-2017/layers.ts';
import { putFeature } from '../domain/patch.ts';
import { getFeature } from '../domain/plan.ts';
import { geometryBBox } from '../geo/bbox.ts';
import { type CommandContext, type CommandResult, type Message, refuse } from './command.ts';
import { clipAgainst, fitToVillage, geometryProblem } from './geometry-checks.ts';
import { nextParcelNumbers } from './parcel-numbers.ts';
import { adoptNeighbourVertices, shareVerticesWithNeighbours } from './shared-boundaries.ts';

export interface AddFeatureInput<L extends DrawnLayerId> {
  readonly layer: L;
  readonly geometry: AreaGeometry;
  readonly properties?: Partial<LayerProperties[L]>;
  /** Cut away what other features of the same layer already cover. */
  readonly clipToNeighbours: boolean;
}

export function addFeature<L extends DrawnLayerId>(ctx: CommandContext, input: AddFeatureInput<L>): CommandResult {
  const problem = geometryProblem(input.geometry);
  if (problem) return { ok: false, error: problem };

  const fitted = fitToVillage(ctx.plan, input.geometry, ctx.profile.coverageToleranceM);
  if (!fitted.ok) return { ok: false, error: fitted.error };
  let geometry = fitted.geometry;
  const notes: Message[] = [...fitted.notes];

  if (input.clipToNeighbours) {
    const sameLayer = ctx.index
      .search(input.layer, geometryBBox(geometry))
      .map((hit) => getFeature(ctx.plan, hit.layer, hit.id))
      .filter((f): f is FeatureOf<L> & PlanFeature => f !== undefined) as { id: FeatureOf<L>['id']; geometry: AreaGeometry }[];
    const clipped = clipAgainst(geometry, sameLayer, ctx.profile.coverageToleranceM);
    if (!clipped.ok) return { ok: false, error: clipped.error };
    geometry = clipped.geometry;
    notes.push(...clipped.notes);
  }

  const id = newFeatureId();
  const exclude = new Set([id]);
  if (notes.length > 0) geometry = adoptNeighbourVertices(ctx, geometry, exclude);
  const afterClip = geometryProblem(geometry);
  if (afterClip) return refuse('commands.add.invalidAfterClip');

  const [parcelNo = ''] = nextParcelNumbers(ctx.plan, input.layer, 1);
  const properties = { ...defaultProperties(input.layer, ctx.profile, parcelNo), ...input.properties };
  const feature = { id, layer: input.layer, geometry, properties } as PlanFeature;

  return {
    ok: true,
    label: `commands.add.${input.layer}`,
    patch: { features: [putFeature(feature), ...shareVerticesWithNeighbours(ctx, geometry, exclude)] },
    select: [id],
    notes,
  };
}
