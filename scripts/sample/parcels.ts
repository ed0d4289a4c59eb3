/**
 * From painted regions to survey parcels: unpainted line cells join the fields beside them, each
 * connected piece of one region becomes a parcel, slivers below the survey's minimum area join their best
 * neighbour, and corner-only self-contacts are filled so every parcel ring is simple.
 */
import { ZHEJIANG_2017 } from '../../src/profiles/zhejiang-2017/rule-profile.ts';
import { ABSORB, type CellGrid, OUTSIDE } from './grid.ts';
import { minimumArea, type Region } from './regions.ts';

export interface ParcelModel {
  /** Parcel index per cell (row-major, j * ni + i), OUTSIDE beyond the village. */
  readonly pid: Int32Array;
  readonly regions: readonly Region[];
  /** Planar area of each parcel in warped metres, for the minimum-area test. */
  readonly areas: Float64Array;
}

/**
 * Gives every unpainted cell to a neighbouring field. A line cell looks across the line first (a line
 * widens the fields either side of it, never creeps along itself into the next block); then any
 * field beside it; cells with no field beside them take any neighbour.
 */
export function absorbUnpainted(grid: CellGrid): void {
  const { ni, nj, keys } = grid;
  const across = (i: number, j: number): readonly (readonly [number, number])[] => {
    const vertical = grid.columns.cellKind[i] === 'line';
    const horizontal = grid.rows.cellKind[j] === 'line' || grid.rows.cellKind[j] === 'bank';
    // A line trails its block (west or south of it), so it joins that block first.
    if (vertical && !horizontal) return [[-1, 0], [1, 0]];
    if (horizontal && !vertical) return [[0, -1], [0, 1]];
    return [];
  };
  const all = [[-1, 0], [0, -1], [1, 0], [0, 1]] as const;
  const pass = (directions: typeof across, accept: (key: number) => boolean): boolean => {
    let changed = false;
    for (let j = 0; j < nj; j++) {
      for (let i = 0; i < ni; i++) {
        if (keys[j * ni + i] !== ABSORB) continue;
        for (const [di, dj] of directions(i, j)) {
          const k = grid.key(i + di, j + dj);
          if (k >= 0 && accept(k)) {
            keys[j * ni + i] = k;
            changed = true;
            break;
          }
        }
      }
    }
    return changed;
  };
  const field = (k: number) => grid.regions[k]?.absorbs === true;
  while (pass(across, field));
  while (pass(() => all, field));
  while (pass(() => all, () => true));
  if (keys.includes(ABSORB)) throw new Error('unpainted cells with no painted neighbour');
}

/** Labels 4-connected pieces of equal key. */
function label(grid: CellGrid): { pid: Int32Array; regions: Region[]; keyOf: number[] } {
  const { ni, nj, keys } = grid;
  const pid = new Int32Array(ni * nj).fill(OUTSIDE);
  const regions: Region[] = [];
  const keyOf: number[] = [];
  const stack: number[] = [];
  for (let start = 0; start < pid.length; start++) {
    const key = keys[start] as number;
    if (key < 0 || pid[start] !== OUTSIDE) continue;
    const id = regions.length;
    regions.push(grid.regions[key] as Region);
    keyOf.push(key);
    pid[start] = id;
    stack.push(start);
    while (stack.length > 0) {
      const cell = stack.pop() as number;
      const i = cell % ni;
      const neighbours = [i > 0 ? cell - 1 : -1, i < ni - 1 ? cell + 1 : -1, cell - ni, cell + ni];
      for (const n of neighbours) {
        if (n >= 0 && n < pid.length && keys[n] === key && pid[n] === OUTSIDE) {
          pid[n] = id;
          stack.push(n);
        }
      }
    }
  }
  return { pid, regions, keyOf };
}

export function buildParcels(grid: CellGrid, cellArea: Float64Array): ParcelModel {
  const { ni, nj, keys } = grid;
  const minimums = ZHEJIANG_2017.minParcelAreaM2;
  for (let iteration = 0; iteration < 40; iteration++) {
    const { pid, regions, keyOf } = label(grid);
    const areas = new Float64Array(regions.length);
    for (let c = 0; c < pid.length; c++) {
      const p = pid[c]!;
      if (p >= 0) areas[p] = areas[p]! + cellArea[c]!;
    }

    // Shared border lengths between neighbouring parcels, to pick the neighbour a sliver joins.
    const borders = new Map<number, Map<number, number>>();
    const addBorder = (a: number, b: number, length: number) => {
      if (a < 0 || b < 0 || a === b) return;
      for (const [x, y] of [[a, b], [b, a]] as const) {
        const row = borders.get(x) ?? new Map<number, number>();
        row.set(y, (row.get(y) ?? 0) + length);
        borders.set(x, row);
      }
    };
    const colWidth = (i: number) => (grid.columns.edges[i + 1] as number) - (grid.columns.edges[i] as number);
    const rowHeight = (j: number) => (grid.rows.edges[j + 1] as number) - (grid.rows.edges[j] as number);
    for (let j = 0; j < nj; j++) {
      for (let i = 0; i < ni; i++) {
        const p = pid[j * ni + i] as number;
        if (i > 0) addBorder(p, pid[j * ni + i - 1] as number, rowHeight(j));
        if (j > 0) addBorder(p, pid[(j - 1) * ni + i] as number, colWidth(i));
      }
    }

    let changed = false;
    const touched = new Set<number>();
    const small = regions
      .map((region, p) => ({ p, area: areas[p] as number, min: minimumArea(region.classCode, minimums) * 1.05 }))
      .filter((s) => s.area < s.min)
      .sort((a, b) => a.area - b.area || a.p - b.p);
    const target = new Map<number, number>();
    for (const { p } of small) {
      if (touched.has(p)) continue;
      const best = bestNeighbour(p, regions, borders.get(p));
      if (best === undefined || touched.has(best)) continue;
      target.set(p, best);
      touched.add(p).add(best);
    }
    if (target.size > 0) {
      for (let c = 0; c < pid.length; c++) {
        const to = target.get(pid[c] as number);
        if (to !== undefined) keys[c] = keyOf[to] as number;
      }
      changed = true;
    }
    if (!changed) changed = fillCornerContacts(grid, pid);
    if (!changed) return { pid, regions, areas };
  }
  throw new Error('parcel clean-up did not settle');
}

/** The neighbour a sliver joins: same class first, then same zone, never the river or county road. */
function bestNeighbour(p: number, regions: readonly Region[], borders: Map<number, number> | undefined): number | undefined {
  if (!borders) return undefined;
  const self = regions[p] as Region;
  let best: { q: number; score: number; length: number } | undefined;
  for (const [q, length] of [...borders].sort((a, b) => a[0] - b[0])) {
    const other = regions[q] as Region;
    const score =
      (other.classCode === self.classCode ? 4 : 0) +
      (other.zone === self.zone ? 2 : 0) +
      (other.kind === 'river' || other.kind === 'countyRoad' ? 0 : 1);
    if (!best || score > best.score || (score === best.score && length > best.length)) best = { q, score, length };
  }
  return best?.q;
}

/**
 * Where one parcel's cells meet only at a corner (SW+NE or SE+NW) its ring would touch itself: one of the
 * two other cells joins it. Returns whether anything changed.
 */
function fillCornerContacts(grid: CellGrid, pid: Int32Array): boolean {
  const { ni, nj, keys } = grid;
  let changed = false;
  for (let j = 1; j < nj; j++) {
    for (let i = 1; i < ni; i++) {
      const sw = (j - 1) * ni + i - 1;
      const se = sw + 1;
      const nw = j * ni + i - 1;
      const ne = nw + 1;
      for (const [a, d, b, c] of [[sw, ne, se, nw], [se, nw, sw, ne]] as const) {
        const p = pid[a] as number;
        if (p < 0 || pid[d] !== p || pid[b] === p || pid[c] === p) continue;
        const take = (pid[b] as number) >= 0 ? b : c;
        if ((pid[take] as number) < 0) continue;
        keys[take] = keys[a] as number;
        pid[take] = p;
        changed = true;
      }
    }
  }
  return changed;
}
