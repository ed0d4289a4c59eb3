/**
 * The planner's example changes, placed where domain.md §6 expects them so the sample is compliant:
 * demolition of run-down isolated homesteads (back to paddy) and of one plot inside a hamlet (a small
 * park); new homes on fringe gardens beside a hamlet, inside 020, smaller in total than what the
 * demolitions return to farmland; wasteland brought into cultivation; a reserve area beside basic
 * farmland; a greenhouse farm's auxiliary plot; one consolidation zone around the new farmland.
 */
import type { FeatureOf } from '../../src/domain/features.ts';
import { asFeatureId } from '../../src/domain/ids.ts';
import { ZHEJIANG_2017 } from '../../src/profiles/zhejiang-2017/rule-profile.ts';
import { muToM2, roundTo } from '../../src/domain/units.ts';
import type { Farmland } from './farmland.ts';
import type { GeometryBuilder } from './geometry.ts';
import type { Ownership } from './groups.ts';
import type { VillageLayout } from './layout.ts';
import type { Rng } from './prng.ts';
import type { RegionKind } from './regions.ts';
import type { PlanZoneCode } from './zones.ts';

export interface PlanChanges {
  readonly demolition: FeatureOf<'demolition'>[];
  readonly newBuild: FeatureOf<'newBuild'>[];
  readonly useChange: FeatureOf<'useChange'>[];
  readonly reserve: FeatureOf<'reserve'>[];
  readonly facility: FeatureOf<'facility'>[];
  readonly consolidationZone: FeatureOf<'consolidationZone'>[];
}

export interface ChangeContext {
  readonly layout: VillageLayout;
  readonly builder: GeometryBuilder;
  readonly ownership: Ownership;
  readonly areas: Float64Array;
  readonly control: readonly PlanZoneCode[];
  readonly farmland: Farmland;
  readonly targetParcels: number;
}

const number = (prefix: string, k: number) => `${prefix}${String(k + 1).padStart(3, '0')}`;

export function planChanges(rng: Rng, ctx: ChangeContext): PlanChanges {
  const { layout, builder, areas, control, targetParcels } = ctx;
  const regions = layout.parcels.regions;
  const used = new Set<number>();
  const id = () => asFeatureId(rng.uuid());
  const scale = (per: number, min: number) => Math.max(min, Math.round(targetParcels / per));
  const sumArea = (ps: readonly number[]) => ps.reduce((s, p) => s + areas[p]!, 0);

  // Isolated homestead sites, farthest from the hamlets first: these are the run-down ones.
  const sites = new Map<number, number[]>();
  regions.forEach((r, p) => {
    if (r.kind === 'scatteredLot') sites.set(r.site, [...(sites.get(r.site) ?? []), p]);
  });
  const sitePieces = [...sites.values()]
    .flatMap((ps) => builder.components(ps))
    .map((ps) => ({ parcels: ps, remoteness: remoteness(ctx, ps[0]!) }))
    .sort((a, b) => b.remoteness - a.remoteness || a.parcels[0]! - b.parcels[0]!);

  // Fringe gardens on the hamlet edge inside 020: the new homes' sites, smallest first.
  const touchesCore = (p: number) => builder.neighbours[p]!.some((q) => regions[q]!.zone === 'core' && regions[q]!.settlement === regions[p]!.settlement);
  const gardens = regions
    .map((r, p) => ({ r, p }))
    .filter(({ r, p }) => r.kind === 'fringe' && r.classCode === '113' && control[p] === '020' && touchesCore(p))
    .filter(({ p }) => areas[p]! >= 400 && areas[p]! <= 900)
    .sort((a, b) => areas[a.p]! - areas[b.p]! || a.p - b.p);

  const wantedNewBuilds = scale(1000, 2);
  let demolished = scale(500, 4);
  let chosenBuilds: number[] = [];
  for (; demolished <= sitePieces.length; demolished++) {
    // New build must stay below what demolition returns to farmland (construction-total-not-increased).
    const budget = 0.9 * sitePieces.slice(0, demolished).reduce((s, site) => s + sumArea(site.parcels), 0);
    chosenBuilds = pickBuilds(gardens.map((g) => g.p), regions.map((r) => r.settlement), areas, budget, wantedNewBuilds);
    if (chosenBuilds.length >= wantedNewBuilds) break;
  }
  if (chosenBuilds.length < Math.min(2, wantedNewBuilds)) throw new Error('no room for new homes within the demolition quota');

  const demolition: FeatureOf<'demolition'>[] = sitePieces.slice(0, demolished).map((site, k) => {
    site.parcels.forEach((p) => used.add(p));
    return {
      id: id(),
      layer: 'demolition',
      geometry: builder.unionPolygon(site.parcels),
      properties: { parcelNo: number('CJ', k), linkage: 'C1', restorationUse: '111', households: site.parcels.length, note: '散居危旧房拆除，复垦为水田' },
    };
  });
  // One plot inside a hamlet, on its ragged edge, becomes a small park (村庄公共空间).
  const parks = regions
    .map((r, p) => ({ r, p }))
    .filter(({ r, p }) => r.kind === 'lot' && r.landNote === null && builder.neighbours[p]!.some((q) => regions[q]!.kind === 'fringe'))
    .sort((a, b) => areas[b.p]! - areas[a.p]! || a.p - b.p)
    .slice(0, scale(2000, 1));
  for (const { p } of parks) {
    used.add(p);
    demolition.push({
      id: id(),
      layer: 'demolition',
      geometry: builder.parcelPolygon(p),
      properties: { parcelNo: number('CJ', demolition.length), linkage: 'C1', restorationUse: '2125', households: 1, note: '村内危旧房拆除，建设村民小游园' },
    });
  }

  const newBuild: FeatureOf<'newBuild'>[] = chosenBuilds.map((p, k) => {
    used.add(p);
    return {
      id: id(),
      layer: 'newBuild',
      geometry: builder.parcelPolygon(p),
      properties: {
        parcelNo: number('JX', k),
        useCode: '2121',
        linkage: 'E2',
        // Within the 125 m² per household allowed on cultivated land.
        households: Math.ceil(areas[p]! / ZHEJIANG_2017.homesteadPerHouseholdM2.cultivated),
        quotaSource: 'linkage',
        industryPurpose: null,
        note: '农户建房，使用拆旧复垦指标',
      },
    };
  });

  const wastes = regions
    .map((r, p) => ({ r, p }))
    .filter(({ r, p }) => r.kind === 'wasteland' && control[p] === '030' && !used.has(p))
    .sort((a, b) => areas[b.p]! - areas[a.p]! || a.p - b.p)
    .slice(0, scale(2000, 1));
  const useChange: FeatureOf<'useChange'>[] = wastes.map(({ p }, k) => {
    used.add(p);
    return {
      id: id(),
      layer: 'useChange',
      geometry: builder.parcelPolygon(p),
      properties: { parcelNo: number('TZ', k), targetCode: '111', newFarmlandType: '01', note: '荒草地开垦为水田（农用地整理）' },
    };
  });

  const reserve = pickReserves(ctx, used, scale(2000, 1)).map((p): FeatureOf<'reserve'> => ({
    id: id(),
    layer: 'reserve',
    geometry: builder.parcelPolygon(p),
    properties: { kind: 'nearPbf', note: '永久基本农田周边集中连片耕地，划入整备区' },
  }));

  const facility = facilities(ctx, used).map(({ plot, projectArea }): FeatureOf<'facility'> => ({
    id: id(),
    layer: 'facility',
    geometry: builder.parcelPolygon(plot),
    properties: { facilityType: 'cultivation', projectArea: roundTo(projectArea, 2), note: '连栋大棚配套管理用房及农资仓库' },
  }));

  const consolidationZone: FeatureOf<'consolidationZone'>[] = wastes.slice(0, 1).map(({ p }) => ({
    id: id(),
    layer: 'consolidationZone',
    geometry: builder.unionPolygon(consolidationArea(ctx, p)),
    properties: { zoneType: 'farmland', note: '农用地整理区：荒草地开垦，沟渠路配套' },
  }));
  return { demolition, newBuild, useChange, reserve, facility, consolidationZone };
}

/** Distance (design metres) from a parcel to the nearest hamlet centre. */
function remoteness(ctx: ChangeContext, p: number): number {
  const { centres } = ctx.ownership;
  return Math.min(
    ...ctx.layout.settlements.map((s) => {
      const [x, y] = ctx.layout.grid.cellCentre(Math.floor((s.rect.i0 + s.rect.i1) / 2), Math.floor((s.rect.j0 + s.rect.j1) / 2));
      return Math.hypot(centres[2 * p]! - x, centres[2 * p + 1]! - y);
    }),
  );
}

/** Smallest gardens first, at most one per hamlet per round, while the total stays under the budget. */
function pickBuilds(candidates: readonly number[], settlementOf: readonly number[], areas: Float64Array, budget: number, wanted: number): number[] {
  const chosen: number[] = [];
  let total = 0;
  const hamletsUsed = new Set<number>();
  for (let round = 0; round < 3 && chosen.length < wanted; round++) {
    hamletsUsed.clear();
    for (const p of candidates) {
      if (chosen.length >= wanted) break;
      if (chosen.includes(p) || hamletsUsed.has(settlementOf[p]!) || total + areas[p]! > budget) continue;
      chosen.push(p);
      hamletsUsed.add(settlementOf[p]!);
      total += areas[p]!;
    }
  }
  return chosen;
}

/** Cultivated strips left out of basic farmland, in 030, touching it: most protected neighbours first. */
function pickReserves(ctx: ChangeContext, used: Set<number>, count: number): number[] {
  const { layout, builder, control, farmland, areas } = ctx;
  const picks = layout.parcels.regions
    .map((r, p) => ({ r, p, touching: builder.neighbours[p]!.filter((q) => farmland.protectedParcels.has(q)).length }))
    .filter(({ r, p, touching }) => r.kind === 'strip' && control[p] === '030' && !farmland.protectedParcels.has(p) && !used.has(p) && touching > 0)
    .sort((a, b) => b.touching - a.touching || areas[b.p]! - areas[a.p]! || a.p - b.p)
    .slice(0, count)
    .map(({ p }) => p);
  picks.forEach((p) => used.add(p));
  return picks;
}

/** Each greenhouse farm's plot, with the farm (its greenhouse parcels) as the project it serves. */
function facilities(ctx: ChangeContext, used: Set<number>): { plot: number; projectArea: number }[] {
  const { layout, builder, areas } = ctx;
  const regions = layout.parcels.regions;
  const caps = ZHEJIANG_2017.facilityCaps.cultivation;
  return regions.flatMap((r, plot) => {
    if (r.kind !== 'facilityPlot' || used.has(plot)) return [];
    const farm = builder.components(regions.flatMap((g, p) => (g.kind === 'greenhouse' ? [p] : [])))
      .find((piece) => piece.some((p) => builder.neighbours[plot]!.includes(p)));
    const projectArea = (farm ?? []).reduce((s, p) => s + areas[p]!, 0) + areas[plot]!;
    // Only a plot within the auxiliary-facility caps (share and size) is proposed.
    if (areas[plot]! > caps.maxShare * projectArea || areas[plot]! > muToM2(caps.maxMu)) return [];
    used.add(plot);
    return [{ plot, projectArea }];
  });
}

const CONSOLIDATION_KINDS: ReadonlySet<RegionKind> = new Set(['strip', 'farmRoad', 'ditch', 'pond', 'wasteland', 'orchard', 'grove']);

/** The field blocks around the new farmland (one block each way), as far as they are connected farmland in 030. */
function consolidationArea(ctx: ChangeContext, start: number): number[] {
  const { layout, builder, control } = ctx;
  const { grid } = layout;
  const blockOf = (p: number) => {
    const cell = builder.cellsOf(p)[0]!;
    return [grid.columns.macroOf[cell % grid.ni]!, grid.rows.macroOf[Math.floor(cell / grid.ni)]!] as const;
  };
  const [c0, r0] = blockOf(start);
  const allowed = layout.parcels.regions.flatMap((r, p) => {
    const [c, r1] = blockOf(p);
    return CONSOLIDATION_KINDS.has(r.kind) && control[p] === '030' && Math.abs(c - c0) <= 1 && Math.abs(r1 - r0) <= 1 ? [p] : [];
  });
  const piece = builder.components(allowed).find((ps) => ps.includes(start));
  if (!piece) throw new Error('the consolidation zone lost its own parcel');
  return piece;
}
