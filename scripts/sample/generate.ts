/**
 * The generator end to end: a village laid out to the wanted parcel count, its lattice simplified and
 * projected, then every layer of the plan. Pure: same options, same plan.
 */
import type { FeatureOf, PlanFeature } from '../../src/domain/features.ts';
import { asFeatureId, type FeatureId, type PlanId } from '../../src/domain/ids.ts';
import { LAYER_IDS, type LayerId } from '../../src/profiles/zhejiang-2017/layers.ts';
import { PLAN_SCHEMA_VERSION, type Plan } from '../../src/domain/plan.ts';
import { buildBaseParcels } from './base-parcels.ts';
import { planChanges } from './changes.ts';
import { delineateFarmland } from './farmland.ts';
import { GeometryBuilder } from './geometry.ts';
import { formGroups } from './groups.ts';
import { layoutVillage, type VillageLayout } from './layout.ts';
import { buildMeta } from './meta.ts';
import { chooseNames } from './names.ts';
import { buildPlaces } from './places.ts';
import { createRng } from './prng.ts';
import type { RegionKind } from './regions.ts';
import { BoundaryGraph, keptVertices } from './topology.ts';
import {
  assignZones,
  CONTROL_ZONE_NOTES,
  CONTROL_ZONE_ORDER,
  FUNCTIONAL_ZONE_NOTES,
  FUNCTIONAL_ZONE_ORDER,
  piecesByValue,
} from './zones.ts';

export interface SampleOptions {
  readonly seed: number;
  /** Wanted number of base parcels; the result lands within a few per cent. */
  readonly parcels: number;
}

/** First guess of village area per parcel (m²); the layout is then rescaled to hit the count. */
const AREA_PER_PARCEL_GUESS = 1000;
const COUNT_TOLERANCE = 0.015;

export function generateVillagePlan(options: SampleOptions): Plan {
  const { seed, parcels: target } = options;
  const layout = calibratedLayout(seed, target);
  const { grid, parcels } = layout;
  const pid = parcels.pid;
  const kept = keptVertices(new BoundaryGraph(pid, grid.ni, grid.nj), layout.vertices);
  const builder = new GeometryBuilder({
    ni: grid.ni,
    nj: grid.nj,
    pid,
    parcelCount: parcels.regions.length,
    vertices: layout.vertices,
    kept,
    warp: layout.warp,
  });
  const rng = (stream: string) => createRng(seed, stream);
  const names = chooseNames(rng('names'));
  const ownership = formGroups(layout, builder);
  const bases = buildBaseParcels(rng('base'), layout, builder, ownership, names);
  const areas = new Float64Array(parcels.regions.length);
  for (const b of bases) areas[b.parcel] = b.area;

  const zones = assignZones(layout, builder, areas);
  const farmland = delineateFarmland(rng('farmland'), layout, builder, zones.control);
  const changes = planChanges(rng('changes'), { layout, builder, ownership, areas, control: zones.control, farmland, targetParcels: target });

  const ids = rng('ids');
  const id = () => asFeatureId(ids.uuid());
  const boundary: FeatureOf<'boundary'> = {
    id: id(),
    layer: 'boundary',
    geometry: builder.unionPolygon(parcels.regions.map((_, p) => p)),
    properties: { villageCode: names.villageCode, villageName: names.village },
  };
  const controlPieces = piecesByValue(builder, zones.control, CONTROL_ZONE_ORDER);
  const townshipZones = controlPieces.map(({ value, parcels: ps }): FeatureOf<'townshipZones'> => ({
    id: id(),
    layer: 'townshipZones',
    geometry: builder.unionPolygon(ps),
    properties: { zoneCode: value },
  }));
  const controlZone = controlPieces.map(({ value, parcels: ps }): FeatureOf<'controlZone'> => ({
    id: id(),
    layer: 'controlZone',
    geometry: builder.unionPolygon(ps),
    properties: { zoneCode: value, note: CONTROL_ZONE_NOTES[value] },
  }));
  const functionalZone = piecesByValue(builder, zones.functional, FUNCTIONAL_ZONE_ORDER).map(
    ({ value, parcels: ps }): FeatureOf<'functionalZone'> => ({
      id: id(),
      layer: 'functionalZone',
      geometry: builder.unionPolygon(ps),
      properties: { zoneType: value, note: FUNCTIONAL_ZONE_NOTES[value] },
    }),
  );
  const places = buildPlaces(rng('places'), layout, builder, ownership, names);

  const features: Record<LayerId, readonly PlanFeature[]> = {
    boundary: [boundary],
    base: bases.map((b) => b.feature),
    pbf: farmland.features,
    redline: [],
    townshipZones,
    places,
    demolition: changes.demolition,
    newBuild: changes.newBuild,
    useChange: changes.useChange,
    reserve: changes.reserve,
    facility: changes.facility,
    functionalZone,
    consolidationZone: changes.consolidationZone,
    controlZone,
    feedback: [],
  };
  const layers = Object.fromEntries(
    LAYER_IDS.map((layer) => [layer, Object.fromEntries(features[layer].map((f) => [f.id, f])) as Record<FeatureId, PlanFeature>]),
  ) as unknown as Plan['layers']; // the per-layer record types are rebuilt from a list the loop cannot narrow
  return {
    format: 'village-plan',
    schemaVersion: PLAN_SCHEMA_VERSION,
    id: createRng(seed, 'plan').uuid() as PlanId,
    meta: buildMeta(rng('meta'), names, bases, changes, farmland.protectedParcels),
    layers,
  };
}

/**
 * Lays the village out at a guessed size and rescales its area by wanted/actual parcels while the count is
 * more than 10 % off (block-level outlines make the count jump); then tunes the field-strip size, which
 * moves the count smoothly, until it is within 1.5 %. Each try is a fresh layout from the same seed;
 * the closest is kept.
 */
function calibratedLayout(seed: number, target: number): VillageLayout {
  let area = target * AREA_PER_PARCEL_GUESS;
  let density = 1;
  let best: VillageLayout | undefined;
  const miss = (l: VillageLayout) => Math.abs(l.parcels.regions.length - target);
  for (let attempt = 0; attempt < 8; attempt++) {
    const layout = layoutVillage(seed, target, area, density);
    if (!best || miss(layout) < miss(best)) best = layout;
    const count = layout.parcels.regions.length;
    if (miss(layout) <= COUNT_TOLERANCE * target) break;
    if (miss(layout) > 0.1 * target && attempt < 4) {
      area *= target / count;
      continue;
    }
    const strips = layout.parcels.regions.filter((r) => FIELD_STRIP_KINDS.has(r.kind)).length;
    const wantedStrips = Math.max(1, target - (count - strips));
    density = Math.min(MAX_DENSITY, Math.max(MIN_DENSITY, (density * strips) / wantedStrips));
  }
  return best as VillageLayout;
}

const FIELD_STRIP_KINDS: ReadonlySet<RegionKind> = new Set(['strip', 'orchard', 'greenhouse']);
/** Strip size factor bounds: strips stay within 1–10 亩 (see fields.ts). */
const MIN_DENSITY = 0.75;
const MAX_DENSITY = 1.3;
