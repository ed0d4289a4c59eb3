/**
 * Which macro blocks belong to the village. Plain-country village boundaries follow field roads, ditches
 * and rivers, so the outline is chosen block by block: blocks whose centre lies in a lobed blob, the
 * county road wherever the blocks above it are in, the river wherever it touches the village. Then the
 * set is made one piece with no holes and no corner-only contacts, so the boundary is one simple ring.
 */
import { type Axis, macroCentre } from './axes.ts';
import type { Rng } from './prng.ts';

export interface MacroGrid {
  readonly cols: number;
  readonly rows: number;
  /** 1 where the macro cell (col, row) is inside the village; index row * cols + col. */
  readonly inside: Uint8Array;
}

export function isInside(grid: MacroGrid, col: number, row: number): boolean {
  return col >= 0 && row >= 0 && col < grid.cols && row < grid.rows && grid.inside[row * grid.cols + col] === 1;
}

export function selectVillageBlocks(rng: Rng, columns: Axis, rows: Axis): MacroGrid {
  const cols = columns.macros.length;
  const rowCount = rows.macros.length;
  const inside = new Uint8Array(cols * rowCount);
  const cx = columns.length / 2;
  const cy = rows.length * 0.45;
  const a = columns.length * 0.47;
  const b = rows.length * 0.56;
  const lobes = [2, 3, 5].map((k) => ({ k, amp: rng.float(0.03, 0.1), phase: rng.float(0, 2 * Math.PI) }));
  const inBlob = (x: number, y: number): boolean => {
    const u = (x - cx) / a;
    const v = (y - cy) / b;
    const theta = Math.atan2(v, u);
    const radius = 1 + lobes.reduce((s, l) => s + l.amp * Math.sin(l.k * theta + l.phase), 0);
    return u * u + v * v <= radius * radius;
  };
  rows.macros.forEach((row, r) => {
    if (row.kind !== 'block') return;
    columns.macros.forEach((col, c) => {
      if (inBlob(macroCentre(columns, col), macroCentre(rows, row))) inside[r * cols + c] = 1;
    });
  });
  const grid: MacroGrid = { cols, rows: rowCount, inside };
  rows.macros.forEach((row, r) => {
    for (let c = 0; c < cols; c++) {
      if (row.kind === 'countyRoad' && isInside(grid, c, r + 1)) inside[r * cols + c] = 1;
      if (row.kind === 'river' && (isInside(grid, c, r - 1) || isInside(grid, c, r + 1))) inside[r * cols + c] = 1;
    }
  });
  for (let pass = 0; pass < 50; pass++) {
    keepLargestPiece(grid);
    const filled = fillHoles(grid);
    const unpinched = removeCornerContacts(grid);
    if (!filled && !unpinched) return grid;
  }
  throw new Error('village outline did not settle');
}

function neighbours(grid: MacroGrid, index: number): number[] {
  const c = index % grid.cols;
  const r = Math.floor(index / grid.cols);
  const out: number[] = [];
  if (c > 0) out.push(index - 1);
  if (c < grid.cols - 1) out.push(index + 1);
  if (r > 0) out.push(index - grid.cols);
  if (r < grid.rows - 1) out.push(index + grid.cols);
  return out;
}

/** Labels 4-connected pieces of cells with the given value; returns labels (-1 elsewhere) and sizes. */
function pieces(grid: MacroGrid, value: number): { label: Int32Array; sizes: number[] } {
  const label = new Int32Array(grid.inside.length).fill(-1);
  const sizes: number[] = [];
  for (let start = 0; start < label.length; start++) {
    if (grid.inside[start] !== value || label[start] !== -1) continue;
    const id = sizes.length;
    let size = 0;
    const stack = [start];
    label[start] = id;
    while (stack.length > 0) {
      const cell = stack.pop() as number;
      size++;
      for (const n of neighbours(grid, cell)) {
        if (grid.inside[n] === value && label[n] === -1) {
          label[n] = id;
          stack.push(n);
        }
      }
    }
    sizes.push(size);
  }
  return { label, sizes };
}

function keepLargestPiece(grid: MacroGrid): void {
  const { label, sizes } = pieces(grid, 1);
  const largest = sizes.indexOf(Math.max(...sizes));
  for (let i = 0; i < label.length; i++) if (label[i] !== largest) grid.inside[i] = 0;
}

/** Outside pieces that do not reach the grid edge are enclaves: the village takes them in. */
function fillHoles(grid: MacroGrid): boolean {
  const { label, sizes } = pieces(grid, 0);
  const reachesEdge = new Array<boolean>(sizes.length).fill(false);
  for (let i = 0; i < label.length; i++) {
    const c = i % grid.cols;
    const r = Math.floor(i / grid.cols);
    const l = label[i] as number;
    if (l >= 0 && (c === 0 || r === 0 || c === grid.cols - 1 || r === grid.rows - 1)) reachesEdge[l] = true;
  }
  let changed = false;
  for (let i = 0; i < label.length; i++) {
    const l = label[i] as number;
    if (l >= 0 && !reachesEdge[l]) {
      grid.inside[i] = 1;
      changed = true;
    }
  }
  return changed;
}

/** Two blocks touching only at a corner would pinch the boundary ring: take in one of the other two. */
function removeCornerContacts(grid: MacroGrid): boolean {
  let changed = false;
  for (let r = 1; r < grid.rows; r++) {
    for (let c = 1; c < grid.cols; c++) {
      const sw = isInside(grid, c - 1, r - 1);
      const se = isInside(grid, c, r - 1);
      const nw = isInside(grid, c - 1, r);
      const ne = isInside(grid, c, r);
      if (sw === ne && se === nw && sw !== se) {
        // Fill the empty cell of the pair: the village only grows, so no piece gets cut off.
        grid.inside[sw ? r * grid.cols + (c - 1) : r * grid.cols + c] = 1;
        changed = true;
      }
    }
  }
  return changed;
}
