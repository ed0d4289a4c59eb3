/**
 * 标准分幅 of the 1:2000 series: square 50 cm × 50 cm sheets, each 1 km × 1 km of the CGCS2000 Gauss-Krüger
 * plane, their edges on whole kilometres, numbered by the south-west corner.
 *
 * The rule, as the surveying textbooks state it (the 正方形分幅 of large-scale maps, GB/T 20257.1): the
 * 坐标编号法 numbers a sheet by its frame's south-west corner in kilometres, the x (northing) first and the
 * y (easting) after, joined by a hyphen, to 0.1 km at 1:2000 and 1:1000 (1 km at 1:5000, 0.01 km at
 * 1:500); a 1:2000 sheet is 50 × 50 cm, 1 km² on the ground (max.book118.com/html/2024/0530/
 * 6242212124010140.shtm; chineseyou.com/read.php?page=2&tid=8763, which also puts the 接合图表 of the
 * neighbours at the sheet's top left). The sources do not say whether the easting carries the zone number;
 * we print it without (the zone is named on the sheet), e.g. "3371.0-512.0". `sheetNumber` is the one place
 * that decides the format.
 */
import { touches, type Extent, type GkPolygons } from './outline.ts';

export const STANDARD_SCALE = 2000;
export const STANDARD_SHEET_MM = 500;
/** Ground metres along a sheet's side: 500 mm at 1:2000. */
export const STANDARD_SHEET_M = (STANDARD_SHEET_MM * STANDARD_SCALE) / 1000;

/** A sheet of a series: its ground rectangle, its number and the numbers around it (row by row, north first). */
export interface SeriesSheet {
  readonly number: string;
  /** [minE, minN, maxE, maxN] in the zone's metres (eastings as the plan's CRS gives them). */
  readonly box: Extent;
  /** The 接图表: 3 × 3, this sheet in the middle; '' where there is no sheet. */
  readonly adjoining: readonly (readonly string[])[];
}

/**
 * The sheet number: south-west corner, northing then easting, in km to 0.1 km. `east` without the zone's
 * million (the 500 km false easting kept).
 */
export function sheetNumber(southM: number, westM: number): string {
  return `${(southM / 1000).toFixed(1)}-${(westM / 1000).toFixed(1)}`;
}

/**
 * The 1:2000 sheets the village touches (more than a sliver of it inside), north row first, west to east.
 * `zoneMillion` is what the plan's eastings carry in front of the 500 km false easting (zone × 10⁶, or 0).
 */
export function standardSheets(polygons: GkPolygons, extent: Extent, zoneMillion: number): SeriesSheet[] {
  const size = STANDARD_SHEET_M;
  const [e0, n0, e1, n1] = [Math.floor(extent[0] / size), Math.floor(extent[1] / size), Math.ceil(extent[2] / size), Math.ceil(extent[3] / size)];
  const numberAt = (row: number, col: number) => sheetNumber(row * size, col * size - zoneMillion);
  const sheets: SeriesSheet[] = [];
  for (let row = n1 - 1; row >= n0; row--) {
    for (let col = e0; col < e1; col++) {
      const box: Extent = [col * size, row * size, (col + 1) * size, (row + 1) * size];
      if (!touches(polygons, box)) continue;
      const adjoining = [1, 0, -1].map((dr) => [-1, 0, 1].map((dc) => numberAt(row + dr, col + dc)));
      sheets.push({ number: numberAt(row, col), box, adjoining });
    }
  }
  return sheets;
}
