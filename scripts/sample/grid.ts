/**
 * The painting canvas: one key per fine cell, naming the region that owns it. Later painters overwrite
 * earlier ones (fields, then lines, then the river, then hamlets), and parcels are the connected pieces
 * of one key. Cells outside the village are OUTSIDE; cells nobody painted are ABSORB and join a
 * neighbouring field (an unused line between two blocks simply widens the fields beside it).
 */
import type { Axis } from './axes.ts';
import { isInside, type MacroGrid } from './outline.ts';
import type { Region } from './regions.ts';

export const OUTSIDE = -1;
export const ABSORB = -2;

export interface CellRect {
  readonly i0: number;
  readonly j0: number;
  /** Exclusive. */
  readonly i1: number;
  readonly j1: number;
}

export class CellGrid {
  readonly ni: number;
  readonly nj: number;
  readonly keys: Int32Array;
  readonly regions: Region[] = [];

  constructor(
    readonly columns: Axis,
    readonly rows: Axis,
    readonly macros: MacroGrid,
  ) {
    this.ni = columns.cellKind.length;
    this.nj = rows.cellKind.length;
    this.keys = new Int32Array(this.ni * this.nj).fill(OUTSIDE);
    for (let j = 0; j < this.nj; j++) {
      const r = rows.macroOf[j] as number;
      for (let i = 0; i < this.ni; i++) {
        if (isInside(macros, columns.macroOf[i] as number, r)) this.keys[j * this.ni + i] = ABSORB;
      }
    }
  }

  add(region: Region): number {
    this.regions.push(region);
    return this.regions.length - 1;
  }

  region(key: number): Region | undefined {
    return key >= 0 ? this.regions[key] : undefined;
  }

  key(i: number, j: number): number {
    if (i < 0 || j < 0 || i >= this.ni || j >= this.nj) return OUTSIDE;
    return this.keys[j * this.ni + i] as number;
  }

  isVillage(i: number, j: number): boolean {
    return this.key(i, j) !== OUTSIDE;
  }

  set(i: number, j: number, key: number): void {
    if (this.isVillage(i, j)) this.keys[j * this.ni + i] = key;
  }

  /** Paints a rectangle of cells; cells outside the village stay outside. */
  fill(rect: CellRect, key: number): void {
    for (let j = rect.j0; j < rect.j1; j++) for (let i = rect.i0; i < rect.i1; i++) this.set(i, j, key);
  }

  /** Whether every cell of the rectangle is inside the village. */
  allInside(rect: CellRect): boolean {
    for (let j = rect.j0; j < rect.j1; j++) for (let i = rect.i0; i < rect.i1; i++) if (!this.isVillage(i, j)) return false;
    return true;
  }

  /** The field cells of a block macro cell: its fine cells less the trailing lines. */
  fieldRect(col: number, row: number): CellRect {
    const c = this.columns.macros[col];
    const r = this.rows.macros[row];
    if (!c || !r) throw new Error(`no macro cell ${col},${row}`);
    return {
      i0: c.start,
      j0: r.start,
      i1: c.lineCell >= 0 ? c.lineCell : c.end,
      j1: r.lineCell >= 0 ? r.lineCell : r.end,
    };
  }

  /** All fine cells of a run of macro cells, lines included. */
  macroRect(col0: number, row0: number, col1: number, row1: number): CellRect {
    const c0 = this.columns.macros[col0];
    const c1 = this.columns.macros[col1];
    const r0 = this.rows.macros[row0];
    const r1 = this.rows.macros[row1];
    if (!c0 || !c1 || !r0 || !r1) throw new Error('macro rectangle out of range');
    return { i0: c0.start, j0: r0.start, i1: c1.end, j1: r1.end };
  }

  /** Design-metre centre of a cell, for distances and nearest-hamlet look-ups. */
  cellCentre(i: number, j: number): [number, number] {
    const e = this.columns.edges;
    const n = this.rows.edges;
    return [((e[i] as number) + (e[i + 1] as number)) / 2, ((n[j] as number) + (n[j + 1] as number)) / 2];
  }
}

export function rectWidth(rect: CellRect): number {
  return rect.i1 - rect.i0;
}

export function rectHeight(rect: CellRect): number {
  return rect.j1 - rect.j0;
}
