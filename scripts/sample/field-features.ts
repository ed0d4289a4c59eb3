/**
 * What breaks the field pattern: fish ponds, patches of wasteland and bamboo in block corners, isolated
 * old homesteads on farm roads (the demolition candidates), the plot beside each greenhouse farm (its
 * future auxiliary facility) and a drainage pumping station on the river bank.
 */
import { cornerRect, type FieldBlock } from './fields.ts';
import type { CellGrid, CellRect } from './grid.ts';
import { isInside } from './outline.ts';
import type { Rng } from './prng.ts';
import { makeRegion, type Region } from './regions.ts';
import { nearSettlement, type Settlement } from './settlement-sites.ts';

export interface FieldFeatureCounts {
  readonly ponds: number;
  readonly wasteland: number;
  readonly groves: number;
  readonly scatteredSites: number;
}

export function paintFieldFeatures(
  rng: Rng,
  grid: CellGrid,
  blocks: readonly FieldBlock[],
  settlements: readonly Settlement[],
  counts: FieldFeatureCounts,
): void {
  const arable = blocks.filter((b) => b.use === 'paddy' || b.use === 'dry');
  const inCorner = (count: number, size: () => [number, number], region: () => Region): void => {
    for (let k = 0; k < count; k++) {
      const candidates = arable.filter((b) => b.usedCorners.size < 2);
      if (candidates.length === 0) return;
      const block = rng.pick(candidates);
      const corner = rng.pick([0, 1, 2, 3].filter((c) => !block.usedCorners.has(c)));
      const [w, h] = size();
      const width = block.rect.i1 - block.rect.i0;
      const height = block.rect.j1 - block.rect.j0;
      if (w > width - 3 || h > height - 3) continue;
      block.usedCorners.add(corner);
      grid.fill(cornerRect(block.rect, corner, w, h), grid.add(region()));
    }
  };
  let pondGroup = 0;
  inCorner(counts.ponds, () => [rng.int(5, 8), rng.int(5, 9)], () =>
    makeRegion('pond', { site: pondGroup++, landNote: rng.chance(0.25) ? '30' : null }),
  );
  inCorner(counts.wasteland, () => [rng.int(5, 6), rng.int(5, 6)], () => makeRegion('wasteland'));
  inCorner(counts.groves, () => [rng.int(4, 6), rng.int(4, 6)], () => makeRegion('grove'));

  blocks.forEach((block, site) => {
    if (block.use !== 'greenhouse') return;
    grid.fill(cornerRect(block.rect, rng.int(0, 3), 4, 4), grid.add(makeRegion('facilityPlot', { site })));
  });

  paintScatteredHomesteads(rng, grid, arable, settlements, counts.scatteredSites);
}

/**
 * Isolated homesteads at the east edge of a block two or more blocks from any hamlet, fronting a farm
 * road (forced where the line had none). Each site is 1–2 lots of 3×2 cells.
 */
function paintScatteredHomesteads(
  rng: Rng,
  grid: CellGrid,
  arable: readonly FieldBlock[],
  settlements: readonly Settlement[],
  count: number,
): void {
  const remote = arable.filter((b) => !nearSettlement(settlements, b.col, b.row, 1) && b.usedCorners.size === 0);
  const chosen = new Set<FieldBlock>();
  for (let site = 0; site < count; site++) {
    const candidates = remote.filter((b) => !chosen.has(b));
    if (candidates.length === 0) return;
    const block = rng.pick(candidates);
    chosen.add(block);
    const lots = rng.int(1, 2);
    const j0 = block.rect.j0 + rng.int(2, block.rect.j1 - block.rect.j0 - 2 * lots - 2);
    for (let k = 0; k < lots; k++) {
      const lot: CellRect = { i0: block.rect.i1 - 3, i1: block.rect.i1, j0: j0 + 2 * k, j1: j0 + 2 * k + 2 };
      grid.fill(lot, grid.add(makeRegion('scatteredLot', { site })));
    }
    const col = grid.columns.macros[block.col];
    const row = grid.rows.macros[block.row];
    if (!col || !row) continue;
    const road = grid.add(makeRegion('farmRoad'));
    for (let j = row.start; j < row.end; j++) {
      const region = grid.region(grid.key(col.lineCell, j));
      if (!region || region.kind === 'ditch' || region.kind === 'farmRoad') grid.set(col.lineCell, j, road);
    }
  }
}

/** One drainage pumping station (排涝站, 226) per river, on the north bank away from the hamlets. */
export function paintWaterWorks(rng: Rng, grid: CellGrid, settlements: readonly Settlement[]): void {
  grid.rows.macros.forEach((row, r) => {
    if (row.kind !== 'river') return;
    const candidates = grid.columns.macros
      .map((col, c) => ({ col, c }))
      .filter(({ c }) => isInside(grid.macros, c, r) && isInside(grid.macros, c, r + 1))
      .filter(({ c }) => !nearSettlement(settlements, c, r + 1, 1));
    if (candidates.length === 0) return;
    const { col } = rng.pick(candidates);
    const i0 = col.start + rng.int(2, col.lineCell - col.start - 5);
    grid.fill({ i0, i1: i0 + 3, j0: row.end - 1, j1: row.end + 2 }, grid.add(makeRegion('waterWorks')));
  });
}
