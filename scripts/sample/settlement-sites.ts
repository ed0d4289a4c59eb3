/**
 * Where the hamlets (自然村) and the industrial patch go, at block level. Hamlets in the Hangjiahu plain
 * string along rivers and roads, so sites that face the river or the county road score highest; hamlets
 * keep at least one block of fields between them and avoid the village edge.
 */
import type { CellRect, CellGrid } from './grid.ts';
import { isInside } from './outline.ts';
import type { Rng } from './prng.ts';

export type SettlementKind = 'hamlet' | 'industry';
/** The side of the site that faces a river or the county road; that side has no fringe. */
export type Anchor = 'south' | 'north' | 'none';

export interface Settlement {
  readonly index: number;
  readonly kind: SettlementKind;
  readonly col0: number;
  readonly row0: number;
  /** Inclusive. */
  readonly col1: number;
  readonly row1: number;
  readonly anchor: Anchor;
  /** What the anchor side faces. */
  readonly facing: 'river' | 'countyRoad' | 'none';
  readonly rect: CellRect;
}

/** Share of the village's field blocks that hamlets take: ~14 % gives ~half the parcels as homesteads. */
const HAMLET_BLOCK_SHARE = 0.17;
/** One hamlet per ~700 parcels: three for the 2,000-parcel sample. */
const PARCELS_PER_HAMLET = 700;

export function placeSettlements(rng: Rng, grid: CellGrid, targetParcels: number): Settlement[] {
  const { rows, macros } = grid;
  const blockCount = countBlocks(grid);
  const hamlets = Math.max(2, Math.round(targetParcels / PARCELS_PER_HAMLET));
  const industries = Math.max(1, Math.round(targetParcels / 8000));
  const cellsPerHamlet = (HAMLET_BLOCK_SHARE * blockCount) / hamlets;
  const placed: Settlement[] = [];

  const rowKind = (r: number) => rows.macros[r]?.kind;
  const fits = (c0: number, r0: number, c1: number, r1: number): boolean => {
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) if (!isInside(macros, c, r) || rowKind(r) !== 'block') return false;
    }
    // One block of fields between settlements (diagonals too).
    return placed.every((s) => c0 > s.col1 + 1 || c1 < s.col0 - 1 || r0 > s.row1 + 1 || r1 < s.row0 - 1);
  };
  const anchorOf = (r0: number, r1: number): Pick<Settlement, 'anchor' | 'facing'> => {
    if (rowKind(r0 - 1) === 'river') return { anchor: 'south', facing: 'river' };
    if (rowKind(r1 + 1) === 'river') return { anchor: 'north', facing: 'river' };
    if (rowKind(r0 - 1) === 'countyRoad') return { anchor: 'south', facing: 'countyRoad' };
    return { anchor: 'none', facing: 'none' };
  };
  const outsideNeighbours = (c0: number, r0: number, c1: number, r1: number): number => {
    let n = 0;
    for (let c = c0; c <= c1; c++) n += (isInside(macros, c, r0 - 1) ? 0 : 1) + (isInside(macros, c, r1 + 1) ? 0 : 1);
    for (let r = r0; r <= r1; r++) n += (isInside(macros, c0 - 1, r) ? 0 : 1) + (isInside(macros, c1 + 1, r) ? 0 : 1);
    return n;
  };

  const place = (kind: SettlementKind, width: number, height: number): void => {
    for (let w = width; w >= 1; w--) {
      let best: { score: number; c0: number; r0: number } | undefined;
      for (let r0 = 0; r0 + height - 1 < macros.rows; r0++) {
        for (let c0 = 0; c0 + w - 1 < macros.cols; c0++) {
          const c1 = c0 + w - 1;
          const r1 = r0 + height - 1;
          if (!fits(c0, r0, c1, r1)) continue;
          const { facing } = anchorOf(r0, r1);
          // The industrial patch sits on the county road (lorries); hamlets prefer the river, then the road.
          const facingScore = kind === 'industry'
            ? (facing === 'countyRoad' ? 4 : 0)
            : facing === 'river' ? 3 : facing === 'countyRoad' ? 2.5 : 0;
          const score = facingScore - 0.6 * outsideNeighbours(c0, r0, c1, r1) + rng.float(0, 1.5);
          if (!best || score > best.score) best = { score, c0, r0 };
        }
      }
      if (best) {
        const c1 = best.c0 + w - 1;
        const r1 = best.r0 + height - 1;
        placed.push({
          index: placed.length,
          kind,
          col0: best.c0,
          row0: best.r0,
          col1: c1,
          row1: r1,
          ...anchorOf(best.r0, r1),
          rect: grid.macroRect(best.c0, best.r0, c1, r1),
        });
        return;
      }
    }
    throw new Error(`no room left for a ${kind}`);
  };

  for (let k = 0; k < industries; k++) place('industry', 1, 1);
  for (let k = 0; k < hamlets; k++) {
    const size = Math.max(1, Math.round(cellsPerHamlet * rng.float(0.7, 1.3)));
    const height = size >= 4 && rng.chance(0.4) ? 2 : 1;
    place('hamlet', Math.min(4, Math.max(1, Math.round(size / height))), height);
  }
  return placed;
}

function countBlocks(grid: CellGrid): number {
  let n = 0;
  grid.rows.macros.forEach((row, r) => {
    if (row.kind !== 'block') return;
    for (let c = 0; c < grid.macros.cols; c++) if (isInside(grid.macros, c, r)) n++;
  });
  return n;
}

/** Whether macro cell (col, row) belongs to a settlement, or lies next to one when `margin` is 1. */
export function nearSettlement(settlements: readonly Settlement[], col: number, row: number, margin = 0): boolean {
  return settlements.some(
    (s) => col >= s.col0 - margin && col <= s.col1 + margin && row >= s.row0 - margin && row <= s.row1 + margin,
  );
}
