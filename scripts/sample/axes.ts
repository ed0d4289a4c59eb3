/**
 * The two axes of the village lattice, in design metres before the warp. Each axis is a run of "macro"
 * bands (a field block with its trailing ditch or road line, a river with its banks, the county road);
 * each band is cut into fine cells 5.5–7 m wide, so a homestead lot is 2×2 or 2×3 cells and a paddy strip
 * is 3–6 cells wide. Every parcel is a union of cells, which is what makes the partition exact.
 */
import type { Rng } from './prng.ts';

/** What runs along the trailing line of a field block: a farm road, a ditch, or nothing (fields absorb it). */
export type LineRole = 'road' | 'ditch' | 'none';
export type MacroKind = 'block' | 'river' | 'countyRoad';
export type CellKind = 'field' | 'line' | 'river' | 'bank' | 'countyRoad';

export interface Macro {
  readonly kind: MacroKind;
  /** First fine cell and one past the last. */
  readonly start: number;
  readonly end: number;
  /** Fine cell index of the trailing line, or -1 (rivers have none). */
  readonly lineCell: number;
  readonly lineRole: LineRole;
}

export interface Axis {
  /** Cell boundaries in design metres: cell k spans edges[k]..edges[k+1]. */
  readonly edges: Float64Array;
  readonly cellKind: readonly CellKind[];
  readonly macroOf: Int32Array;
  readonly macros: readonly Macro[];
  readonly length: number;
}

/** Fine cells are 5.5–7 m: a 2×2 homestead lot is then ≥ 121 m² even where the warp shrinks it by 9 %. */
const CELL_MIN = 5.5;
const CELL_MAX = 7;
const LINE_WIDTH: Readonly<Record<LineRole, readonly [number, number]>> = {
  road: [4, 6],
  ditch: [2.5, 4],
  none: [3, 4.5],
};

class AxisBuilder {
  private readonly widths: number[] = [];
  private readonly kinds: CellKind[] = [];
  private readonly macroIndex: number[] = [];
  readonly macros: Macro[] = [];
  total = 0;

  constructor(private readonly rng: Rng) {}

  private cell(width: number, kind: CellKind): number {
    this.widths.push(width);
    this.kinds.push(kind);
    this.macroIndex.push(this.macros.length);
    this.total += width;
    return this.widths.length - 1;
  }

  block(length: number, role: LineRole): void {
    const start = this.widths.length;
    const count = Math.max(8, Math.round(length / ((CELL_MIN + CELL_MAX) / 2)));
    for (let k = 0; k < count; k++) this.cell(this.rng.float(CELL_MIN, CELL_MAX), 'field');
    const [lo, hi] = LINE_WIDTH[role];
    const lineCell = this.cell(this.rng.float(lo, hi), 'line');
    this.macros.push({ kind: 'block', start, end: this.widths.length, lineCell, lineRole: role });
  }

  /** A river of three 7–10 m cells between two banks of 7–10 m (bank forest, grass or field edge). */
  river(): void {
    const start = this.widths.length;
    this.cell(this.rng.float(7, 10), 'bank');
    for (let k = 0; k < 3; k++) this.cell(this.rng.float(7, 10), 'river');
    this.cell(this.rng.float(7, 10), 'bank');
    this.macros.push({ kind: 'river', start, end: this.widths.length, lineCell: -1, lineRole: 'none' });
  }

  /** The county road (12–16 m with its shoulders) and a roadside ditch or a field edge behind it. */
  countyRoad(): void {
    const start = this.widths.length;
    this.cell(this.rng.float(12, 16), 'countyRoad');
    const role: LineRole = this.rng.chance(0.6) ? 'ditch' : 'none';
    const [lo, hi] = LINE_WIDTH[role];
    const lineCell = this.cell(this.rng.float(lo, hi), 'line');
    this.macros.push({ kind: 'countyRoad', start, end: this.widths.length, lineCell, lineRole: role });
  }

  lineRole(): LineRole {
    const r = this.rng.next();
    return r < 0.3 ? 'road' : r < 0.7 ? 'ditch' : 'none';
  }

  build(): Axis {
    const edges = new Float64Array(this.widths.length + 1);
    for (let k = 0; k < this.widths.length; k++) edges[k + 1] = (edges[k] as number) + (this.widths[k] as number);
    return {
      edges,
      cellKind: this.kinds,
      macroOf: Int32Array.from(this.macroIndex),
      macros: this.macros,
      length: this.total,
    };
  }
}

/** West→east: field blocks 120–200 m long, each closed by a line. */
export function buildColumns(rng: Rng, width: number): Axis {
  const axis = new AxisBuilder(rng);
  while (axis.total < width) axis.block(rng.float(120, 200), axis.lineRole());
  return axis.build();
}

/**
 * South→north: the county road first (it runs along the village's south side), then field blocks
 * 110–180 m deep, with a river band every ~1.6 km (one for a village of a few km²).
 */
export function buildRows(rng: Rng, height: number): Axis {
  const axis = new AxisBuilder(rng);
  axis.countyRoad();
  const riverCount = Math.max(1, Math.round(height / 1600));
  const riverAt = Array.from({ length: riverCount }, (_, k) => ((k + 0.5) / riverCount) * height + rng.float(-0.08, 0.08) * height);
  let nextRiver = 0;
  while (axis.total < height) {
    const due = riverAt[nextRiver];
    // A river only between two field blocks, never as the first or last band.
    if (due !== undefined && axis.total >= due && axis.macros.length >= 2) {
      axis.river();
      nextRiver++;
    }
    axis.block(rng.float(110, 180), axis.lineRole());
  }
  return axis.build();
}

export function macroCentre(axis: Axis, macro: Macro): number {
  return ((axis.edges[macro.start] as number) + (axis.edges[macro.end] as number)) / 2;
}
