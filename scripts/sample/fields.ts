/**
 * Field blocks cut into long strips, the way plain-country paddies lie: 3–6 cells (≈ 18–38 m) wide, the
 * length of the block, split so a strip is 1–10 亩. Most blocks run one way, some the other. A block's
 * use (paddy, dry land, orchard, greenhouses) is chosen first; ponds, groves and homesteads come later.
 */
import type { LandClassCode } from '../../src/profiles/zhejiang-2017/land-classes.ts';
import { type CellGrid, type CellRect, rectHeight, rectWidth } from './grid.ts';
import { isInside } from './outline.ts';
import type { Rng } from './prng.ts';
import { fieldSurveyCode, makeRegion, type RegionKind } from './regions.ts';
import { nearSettlement, type Settlement } from './settlement-sites.ts';

export type BlockUse = 'paddy' | 'dry' | 'orchard' | 'greenhouse';

export interface FieldBlock {
  readonly col: number;
  readonly row: number;
  readonly use: BlockUse;
  readonly rect: CellRect;
  /** Corners already taken by a pond, grove or wasteland patch (0 SW, 1 SE, 2 NW, 3 NE). */
  readonly usedCorners: Set<number>;
}

/** Average design area of a fine cell (6.25 m square), for sizing strips before the warp. */
const CELL_AREA = 6.25 * 6.25;
/** 10 亩 in m²: no strip is longer than this. */
const MAX_STRIP_AREA = 6_667;

export function paintFieldBlocks(
  rng: Rng,
  grid: CellGrid,
  settlements: readonly Settlement[],
  targetParcels: number,
  stripScale: number,
): FieldBlock[] {
  const free: { col: number; row: number }[] = [];
  grid.rows.macros.forEach((row, r) => {
    if (row.kind !== 'block') return;
    for (let c = 0; c < grid.macros.cols; c++) {
      if (isInside(grid.macros, c, r) && !nearSettlement(settlements, c, r)) free.push({ col: c, row: r });
    }
  });
  const uses = new Map<number, BlockUse>();
  const keyOf = (b: { col: number; row: number }) => b.row * grid.macros.cols + b.col;
  const assign = (count: number, use: BlockUse, prefer: (b: { col: number; row: number }) => boolean) => {
    const pool = free.filter((b) => !uses.has(keyOf(b)));
    const preferred = pool.filter(prefer);
    for (let k = 0; k < count; k++) {
      const from = preferred.filter((b) => !uses.has(keyOf(b)));
      const source = from.length > 0 ? from : pool.filter((b) => !uses.has(keyOf(b)));
      if (source.length === 0) return;
      uses.set(keyOf(rng.pick(source)), use);
    }
  };
  const besideHamlet = (b: { col: number; row: number }) => nearSettlement(settlements, b.col, b.row, 1);
  assign(Math.max(1, Math.round(targetParcels / 2000)), 'greenhouse', (b) => !besideHamlet(b));
  assign(Math.max(1, Math.round(targetParcels / 1200)), 'orchard', besideHamlet);
  assign(Math.round(free.length * 0.06), 'dry', besideHamlet);

  // Most blocks of a village run one way (the old field pattern); about a quarter were laid out across.
  const mainAlongI = rng.chance(0.6);
  return free.map((b) => {
    const use = uses.get(keyOf(b)) ?? 'paddy';
    const rect = grid.fieldRect(b.col, b.row);
    const alongI = rng.chance(0.75) ? mainAlongI : !mainAlongI;
    paintStrips(rng, grid, rect, alongI, use, stripScale);
    return { ...b, use, rect, usedCorners: new Set<number>() };
  });
}

function stripClass(rng: Rng, use: BlockUse): { kind: RegionKind; classCode: LandClassCode } {
  switch (use) {
    case 'paddy':
      return { kind: 'strip', classCode: rng.chance(0.08) ? '113' : '111' };
    case 'dry':
      return { kind: 'strip', classCode: rng.chance(0.15) ? '111' : '113' };
    case 'orchard':
      return { kind: 'orchard', classCode: '12' };
    case 'greenhouse':
      return { kind: 'greenhouse', classCode: '151' };
  }
}

/** Splits `total` cells into widths between `min` and `max`; a short remainder widens the last one. */
export function splitWidths(rng: Rng, total: number, min: number, max: number): number[] {
  const widths: number[] = [];
  let left = total;
  while (left > 0) {
    if (left < min && widths.length > 0) {
      widths[widths.length - 1] = (widths[widths.length - 1] as number) + left;
      break;
    }
    const w = Math.min(left, rng.int(min, max));
    widths.push(w);
    left -= w;
  }
  return widths;
}

function paintStrips(rng: Rng, grid: CellGrid, rect: CellRect, alongI: boolean, use: BlockUse, scale: number): void {
  const across = alongI ? rectHeight(rect) : rectWidth(rect);
  const length = alongI ? rectWidth(rect) : rectHeight(rect);
  const [minW, maxW] = use === 'greenhouse' ? [3, 4] : [3, 6];
  let offset = 0;
  for (const width of splitWidths(rng, across, minW, maxW)) {
    const drawn = (use === 'greenhouse' ? rng.float(2200, 3200) : rng.float(1500, 4700)) * scale;
    const pieceArea = Math.min(MAX_STRIP_AREA * 0.85, drawn);
    const pieces = Math.max(1, Math.ceil((width * length * CELL_AREA) / pieceArea));
    let done = 0;
    for (let p = 0; p < pieces; p++) {
      const next = Math.round(((p + 1) * length) / pieces);
      const { kind, classCode } = stripClass(rng, use);
      const key = grid.add(makeRegion(kind, { classCode, surveyCode: fieldSurveyCode(classCode) }));
      const piece: CellRect = alongI
        ? { i0: rect.i0 + done, i1: rect.i0 + next, j0: rect.j0 + offset, j1: rect.j0 + offset + width }
        : { i0: rect.i0 + offset, i1: rect.i0 + offset + width, j0: rect.j0 + done, j1: rect.j0 + next };
      grid.fill(piece, key);
      done = next;
    }
    offset += width;
  }
}

/** The corner rectangle of a block, `w` × `h` cells, at corner 0 SW, 1 SE, 2 NW, 3 NE. */
export function cornerRect(block: CellRect, corner: number, w: number, h: number): CellRect {
  const east = corner % 2 === 1;
  const north = corner >= 2;
  const i0 = east ? block.i1 - w : block.i0;
  const j0 = north ? block.j1 - h : block.j0;
  return { i0, j0, i1: i0 + w, j1: j0 + h };
}
