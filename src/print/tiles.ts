/**
 * 拼幅: the village at the chosen scale on as many sheets of the chosen paper as it needs, each sheet's map
 * overlapping its neighbours' by a strip so the pieces can be laid together, numbered row-column from the
 * north-west ("1-1", "1-2", … "2-1"). The set of tiles is centred on the village; tiles it does not reach
 * are left out, their numbers kept so the numbering stays a grid.
 */
import { touches, type Extent, type GkPolygons } from './outline.ts';
import type { SeriesSheet } from './sheets.ts';

/** Each tile repeats this much of its neighbour's map along the shared edge, on paper. */
export const TILE_OVERLAP_MM = 10;

export interface TileGrid {
  readonly rows: number;
  readonly cols: number;
  readonly tiles: SeriesSheet[];
}

/** How many tiles of `tileM` with `overlapM` in common cover `lengthM`. */
function tileCount(lengthM: number, tileM: number, overlapM: number): number {
  return Math.max(1, Math.ceil((lengthM - overlapM) / (tileM - overlapM) - 1e-9));
}

/**
 * Tiles of `widthM` × `heightM` ground metres (the paper's map frame at the scale) over the village,
 * overlapping by `overlapM`.
 */
export function tileGrid(polygons: GkPolygons, extent: Extent, widthM: number, heightM: number, overlapM: number): TileGrid {
  const cols = tileCount(extent[2] - extent[0], widthM, overlapM);
  const rows = tileCount(extent[3] - extent[1], heightM, overlapM);
  const [stepE, stepN] = [widthM - overlapM, heightM - overlapM];
  const west = (extent[0] + extent[2]) / 2 - (cols * stepE + overlapM) / 2;
  const north = (extent[1] + extent[3]) / 2 + (rows * stepN + overlapM) / 2;
  const inGrid = (row: number, col: number) => row >= 1 && row <= rows && col >= 1 && col <= cols;
  const boxOf = (row: number, col: number): Extent => {
    const [e, n] = [west + (col - 1) * stepE, north - (row - 1) * stepN];
    return [e, n - heightM, e + widthM, n];
  };
  const reached = (row: number, col: number) => inGrid(row, col) && touches(polygons, boxOf(row, col));
  const tiles: SeriesSheet[] = [];
  for (let row = 1; row <= rows; row++) {
    for (let col = 1; col <= cols; col++) {
      if (!reached(row, col)) continue;
      const adjoining = [-1, 0, 1].map((dr) => [-1, 0, 1].map((dc) => (reached(row + dr, col + dc) ? `${row + dr}-${col + dc}` : '')));
      tiles.push({ number: `${row}-${col}`, box: boxOf(row, col), adjoining });
    }
  }
  return { rows, cols, tiles };
}
