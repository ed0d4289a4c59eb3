/**
 * Rezoning by drawing on a partition layer (建设用地管制区, 功能分区): the drawn zone takes its area from the
 * zones underneath, which are cut along its outline, so the layer still covers the village once. A piece
 * of a cut zone left smaller than the layer's minimum is a sliver, not a zone: it joins the new zone and the
 * planner is told. One command, so one undo step puts every zone back.
 */
import type { Position } from 'geojson';
import type { AreaGeometry, FeatureOf, LayerProperties, PlanFeature } from '../domain/features.ts';
import { defaultProperties } from '../profiles/zhejiang-2017/fields.ts';
import { newFeatureId } from '../domain/ids.ts';
import type { LayerId } from '../profiles/zhejiang-2017/layers.ts';
import type { FeatureChange } from '../domain/patch.ts';
import { putFeature } from '../domain/patch.ts';
import { getFeature } from '../domain/plan.ts';
import type { RuleProfile } from '../profiles/zhejiang-2017/rule-profile.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { geometryBBox } from '../geo/bbox.ts';
import { difference, union } from '../geo/overlay.ts';
import { polygonsOf } from '../geo/rings.ts';
import { type CommandContext, type CommandResult, type Message, refuse } from './command.ts';
import { fitToVillage, geometryProblem, MIN_DRAWN_AREA_M2 } from './geometry-checks.ts';
import { adoptNeighbourVertices } from './shared-boundaries.ts';

export type PartitionLayerId = 'controlZone' | 'functionalZone';

const PARTITION_DRAWN_LAYERS: readonly LayerId[] = ['controlZone', 'functionalZone'] satisfies PartitionLayerId[];

export function isPartitionDrawnLayer(layer: LayerId): layer is PartitionLayerId {
  return PARTITION_DRAWN_LAYERS.includes(layer);
}

export interface DrawOverPartitionInput<L extends PartitionLayerId> {
  readonly layer: L;
  readonly geometry: AreaGeometry;
  readonly properties?: Partial<LayerProperties[L]>;
}

/**
 * The smallest zone left standing: the profile's control-zone minimum (min-parcel-area); functional zones
 * have none in the sources, so the farmland parcel minimum stands in for "too small to be a zone".
 */
function sliverLimitM2(layer: PartitionLayerId, profile: RuleProfile): number {
  return layer === 'controlZone' ? profile.minParcelAreaM2.controlZone : profile.minParcelAreaM2.farmland;
}

export function drawOverPartition<L extends PartitionLayerId>(ctx: CommandContext, input: DrawOverPartitionInput<L>): CommandResult {
  const problem = geometryProblem(input.geometry);
  if (problem) return { ok: false, error: problem };
  const fitted = fitToVillage(ctx.plan, input.geometry, ctx.profile.coverageToleranceM);
  if (!fitted.ok) return { ok: false, error: fitted.error };
  const notes: Message[] = [...fitted.notes];
  const drawn = fitted.geometry;
  const limit = sliverLimitM2(input.layer, ctx.profile);

  const changes: FeatureChange[] = [];
  const slivers: AreaGeometry[] = [];
  let takenM2 = 0;
  let zonesCut = 0;
  for (const hit of ctx.index.search(input.layer, geometryBBox(drawn))) {
    const zone = getFeature(ctx.plan, input.layer, hit.id) as (FeatureOf<L> & PlanFeature) | undefined;
    if (!zone) continue;
    const before = ellipsoidalArea(zone.geometry);
    const cut = difference(zone.geometry, drawn);
    if (!cut.ok) return refuse('geometry.overlayFailed', { detail: cut.error });
    // The overlay drops the zone's vertices on straight runs, its own and those its neighbours' corners sit on.
    const rest = cut.value ? adoptNeighbourVertices(ctx, cut.value, new Set([zone.id]), [zone.geometry]) : null;
    const left = rest ? ellipsoidalArea(rest) : 0;
    if (before - left < MIN_DRAWN_AREA_M2) continue;
    takenM2 += before - left;
    zonesCut++;
    const kept: Position[][][] = [];
    for (const polygon of rest ? polygonsOf(rest) : []) {
      const part: AreaGeometry = { type: 'Polygon', coordinates: polygon as Position[][] };
      if (ellipsoidalArea(part) < limit) slivers.push(part);
      else kept.push(polygon as Position[][]);
    }
    if (kept.length === 0) changes.push({ layer: input.layer, id: zone.id, after: null });
    else changes.push(putFeature({ ...zone, geometry: kept.length === 1 ? { type: 'Polygon', coordinates: kept[0] as Position[][] } : { type: 'MultiPolygon', coordinates: kept } }));
  }

  // The new zone takes the points where its outline crossed the zones' edges, which the cut zones now have.
  const cutZones = changes.flatMap((change) => (change.after ? [(change.after as PlanFeature).geometry as AreaGeometry] : []));
  let geometry = adoptNeighbourVertices(ctx, drawn, new Set(), cutZones);
  if (slivers.length > 0) {
    const joined = union([geometry, ...slivers]);
    if (!joined.ok || !joined.value) return refuse('geometry.overlayFailed', { detail: joined.ok ? 'empty union' : joined.error });
    geometry = adoptNeighbourVertices(ctx, joined.value, new Set(), [...cutZones, geometry, ...slivers]);
    const sliverM2 = slivers.reduce((s, g) => s + ellipsoidalArea(g), 0);
    notes.push({ key: 'commands.rezone.sliversJoined', params: { count: slivers.length, areaM2: Math.round(sliverM2 * 100) / 100, minM2: limit } });
  }
  if (zonesCut > 0) notes.push({ key: 'commands.rezone.took', params: { count: zonesCut, areaM2: Math.round(takenM2 * 100) / 100 } });

  const id = newFeatureId();
  const properties = { ...defaultProperties(input.layer, ctx.profile, ''), ...input.properties };
  const feature = { id, layer: input.layer, geometry, properties } as PlanFeature;
  return { ok: true, label: 'commands.rezone.label', patch: { features: [...changes, putFeature(feature)] }, select: [id], notes };
}
