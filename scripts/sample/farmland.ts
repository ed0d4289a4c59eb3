/**
 * Permanent basic farmland (永久基本农田) as the township delineated it: most paddy strips away from the
 * hamlets, one polygon per field block (the union of its protected strips), with one 2×2-block model
 * area (示范区, G111) as far from the hamlets as the village allows. About 8 % of eligible paddies are
 * left out, as real delineations leave out odd parcels; those are where a farmland reserve can go.
 */
import type { FeatureOf } from '../../src/domain/features.ts';
import { asFeatureId } from '../../src/domain/ids.ts';
import { roundTo } from '../../src/domain/units.ts';
import { ellipsoidalArea } from '../../src/geo/area.ts';
import type { GeometryBuilder } from './geometry.ts';
import type { VillageLayout } from './layout.ts';
import type { Rng } from './prng.ts';
import type { PlanZoneCode } from './zones.ts';

/** Paddies closer than this to a hamlet's outer edge (its fringe included) stay general farmland. */
const SETTLEMENT_CLEARANCE_CELLS = 4;

export interface Farmland {
  readonly protectedParcels: ReadonlySet<number>;
  readonly features: FeatureOf<'pbf'>[];
}

export function delineateFarmland(
  rng: Rng,
  layout: VillageLayout,
  builder: GeometryBuilder,
  control: readonly PlanZoneCode[],
): Farmland {
  const { grid, settlements, parcels } = layout;
  const blockOf = (p: number): number => {
    const cell = builder.cellsOf(p)[0]!;
    return grid.rows.macroOf[Math.floor(cell / grid.ni)]! * grid.macros.cols + grid.columns.macroOf[cell % grid.ni]!;
  };
  const clearOfSettlements = (p: number): boolean => {
    let i0 = Infinity, i1 = -Infinity, j0 = Infinity, j1 = -Infinity;
    for (const cell of builder.cellsOf(p)) {
      const i = cell % grid.ni;
      const j = Math.floor(cell / grid.ni);
      i0 = Math.min(i0, i); i1 = Math.max(i1, i); j0 = Math.min(j0, j); j1 = Math.max(j1, j);
    }
    return settlements.every((s) => {
      const gapI = Math.max(s.rect.i0 - i1 - 1, i0 - s.rect.i1, 0);
      const gapJ = Math.max(s.rect.j0 - j1 - 1, j0 - s.rect.j1, 0);
      return Math.max(gapI, gapJ) >= SETTLEMENT_CLEARANCE_CELLS;
    });
  };
  const protectedParcels = new Set<number>();
  parcels.regions.forEach((region, p) => {
    if (region.kind === 'strip' && region.classCode === '111' && control[p] === '030' && clearOfSettlements(p) && rng.chance(0.92)) {
      protectedParcels.add(p);
    }
  });

  // The model area: the paddy block farthest from every settlement, with its east, north and north-east neighbours.
  const paddyBlocks = layout.fieldBlocks.filter((b) => b.use === 'paddy');
  const distance = (b: { col: number; row: number }) =>
    Math.min(...settlements.map((s) => Math.max(Math.abs(b.col - (s.col0 + s.col1) / 2), Math.abs(b.row - (s.row0 + s.row1) / 2))));
  const modelBlocks = new Set<number>();
  const model = paddyBlocks.reduce<(typeof paddyBlocks)[number] | undefined>((best, b) => (!best || distance(b) > distance(best) ? b : best), undefined);
  if (model) for (const [dc, dr] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) modelBlocks.add((model.row + dr) * grid.macros.cols + model.col + dc);

  const byBlock = new Map<number, number[]>();
  for (const p of [...protectedParcels].sort((a, b) => a - b)) {
    const block = blockOf(p);
    byBlock.set(block, [...(byBlock.get(block) ?? []), p]);
  }
  const features: FeatureOf<'pbf'>[] = [];
  for (const [block, members] of [...byBlock].sort((a, b) => a[0] - b[0])) {
    for (const piece of builder.components(members)) {
      const geometry = builder.unionPolygon(piece);
      features.push({
        id: asFeatureId(rng.uuid()),
        layer: 'pbf',
        geometry,
        properties: { pbfType: modelBlocks.has(block) ? 'G111' : 'G112', recordedArea: roundTo(ellipsoidalArea(geometry), 2) },
      });
    }
  }
  return { protectedParcels, features };
}
