/**
 * The linear network: farm roads (152) and ditches (154) on some block lines, the river (31) with its bank
 * forest or grass, the county road (221) along the south side, and bridges where a farm road crosses the
 * river. A line is one parcel per stretch; stretches break at random junctions, as survey parcels do
 * where ownership or width changes.
 */
import type { LineRole } from './axes.ts';
import { ABSORB, type CellGrid, type CellRect } from './grid.ts';
import { isInside } from './outline.ts';
import type { Rng } from './prng.ts';
import { makeRegion, type RegionKind } from './regions.ts';
import { nearSettlement, type Settlement } from './settlement-sites.ts';

const RANK: Readonly<Record<string, number>> = { farmRoad: 2, bridge: 2, ditch: 1 };

function lineKind(role: LineRole): RegionKind | undefined {
  return role === 'road' ? 'farmRoad' : role === 'ditch' ? 'ditch' : undefined;
}

function rankAt(grid: CellGrid, i: number, j: number): number {
  const region = grid.region(grid.key(i, j));
  return region ? (RANK[region.kind] ?? 3) : 0;
}

export function paintFieldLines(rng: Rng, grid: CellGrid): void {
  const { columns, rows, macros } = grid;
  // North–south lines: the trailing column of each block column, block row by block row.
  columns.macros.forEach((col, c) => {
    let previous: { row: number; key: number } | undefined;
    rows.macros.forEach((row, r) => {
      if (row.kind !== 'block' || !isInside(macros, c, r)) return;
      const kind = rng.chance(0.12) ? undefined : lineKind(col.lineRole);
      if (!kind) return;
      const key = previous && previous.row === r - 1 && rng.chance(0.55) ? previous.key : grid.add(makeRegion(kind));
      for (let j = row.start; j < row.end; j++) grid.set(col.lineCell, j, key);
      previous = { row: r, key };
    });
  });
  // East–west lines: a crossing cell goes to the stronger line (road over ditch), the north–south one on a tie.
  rows.macros.forEach((row, r) => {
    if (row.lineCell < 0) return;
    let previous: { col: number; key: number } | undefined;
    columns.macros.forEach((col, c) => {
      if (!isInside(macros, c, r)) return;
      const kind = rng.chance(0.12) ? undefined : lineKind(row.lineRole);
      if (!kind) return;
      const key = previous && previous.col === c - 1 && rng.chance(0.55) ? previous.key : grid.add(makeRegion(kind));
      const rank = RANK[kind] as number;
      for (let i = col.start; i < col.end; i++) {
        if (i !== col.lineCell || rank > rankAt(grid, i, row.lineCell)) grid.set(i, row.lineCell, key);
      }
      previous = { col: c, key };
    });
  });
}

/** The county road: one parcel along the whole south side. */
export function paintCountyRoad(grid: CellGrid): void {
  const key = grid.add(makeRegion('countyRoad'));
  grid.rows.macros.forEach((row) => {
    if (row.kind !== 'countyRoad') return;
    for (let j = row.start; j < row.end; j++) {
      if (grid.rows.cellKind[j] !== 'countyRoad') continue;
      for (let i = 0; i < grid.ni; i++) grid.set(i, j, key);
    }
  });
}

/** Rivers (one parcel each until a bridge cuts it) and their banks: ecological forest, grass, or field edge. */
export function paintRivers(rng: Rng, grid: CellGrid): void {
  grid.rows.macros.forEach((row, r) => {
    if (row.kind !== 'river') return;
    const river = grid.add(makeRegion('river'));
    grid.columns.macros.forEach((col, c) => {
      if (!isInside(grid.macros, c, r)) return;
      for (let j = row.start; j < row.end; j++) {
        const kind = grid.rows.cellKind[j];
        let key = river;
        if (kind === 'bank') {
          const pick = rng.next();
          if (pick >= 0.6) continue; // left unpainted: the fields beside reach the water
          key = grid.add(makeRegion('bank', pick < 0.35 ? {} : { classCode: '32', surveyCode: '0404' }));
        }
        for (let i = col.start; i < col.end; i++) grid.set(i, j, key);
      }
    });
  });
}

/**
 * One bridge per river, where a north–south farm road can cross with fields on both sides. The road is
 * forced on both approaches, so the bridge always leads somewhere. Returns the bridge cells.
 */
export function paintBridges(rng: Rng, grid: CellGrid, settlements: readonly Settlement[]): CellRect[] {
  const bridges: CellRect[] = [];
  grid.rows.macros.forEach((row, r) => {
    if (row.kind !== 'river') return;
    // Keep to the middle 70 % of the river's run through the village, so both parts of the river are long.
    const run = grid.columns.macros.map((_, c) => c).filter((c) => isInside(grid.macros, c, r));
    const [first, last] = [run[0] ?? 0, run[run.length - 1] ?? 0];
    const crossings = (margin: number) => grid.columns.macros
      .map((col, c) => ({ col, c }))
      .filter(({ c }) => c >= first + (last - first) * 0.15 && c <= last - (last - first) * 0.15)
      .filter(({ c }) => [r - 1, r, r + 1].every((rr) => isInside(grid.macros, c, rr)))
      .filter(({ c }) => !nearSettlement(settlements, c, r - 1, margin) && !nearSettlement(settlements, c, r + 1, margin));
    // Clear of hamlets if possible (their riverside roads have their own footbridges), else beside one.
    const clear = crossings(1);
    const candidates = clear.length > 0 ? clear : crossings(0);
    if (candidates.length === 0) return;
    const roads = candidates.filter(({ col }) => col.lineRole === 'road');
    const { col } = rng.pick(roads.length > 0 ? roads : candidates);
    for (const approach of [r - 1, r + 1]) {
      const macro = grid.rows.macros[approach];
      if (!macro) continue;
      const key = grid.add(makeRegion('farmRoad'));
      for (let j = macro.start; j < macro.end; j++) {
        if (grid.key(col.lineCell, j) === ABSORB || rankAt(grid, col.lineCell, j) <= 2) grid.set(col.lineCell, j, key);
      }
    }
    const bridge = grid.add(makeRegion('bridge'));
    const rect: CellRect = { i0: col.lineCell, i1: col.lineCell + 1, j0: row.start, j1: row.end };
    grid.fill(rect, bridge);
    bridges.push(rect);
  });
  return bridges;
}
