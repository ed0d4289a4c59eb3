/**
 * Sheets and scales of the printed plan map. Landscape ISO sizes; the map is drawn at a true scale (1:2000
 * by default: 100 m on the ground is 50 mm on paper), so a village that does not fit the chosen sheet at
 * the chosen scale is refused with the scales that would fit, never shrunk silently.
 */
export const PAPER_SIZES = { A3: [420, 297], A1: [841, 594], A0: [1189, 841] } as const;
export type PaperSize = keyof typeof PAPER_SIZES;
export const PRINT_SCALES = [500, 1000, 2000, 2500, 5000, 10_000] as const;
export const DEFAULT_SCALE = 2000;

export interface SheetLayout {
  readonly widthMm: number;
  readonly heightMm: number;
  /** How much bigger than A3 the furniture (text, legend) is drawn: readable from the same distance per size. */
  readonly unit: number;
  readonly margin: number;
  readonly titleBand: number;
  readonly sideWidth: number;
  /** The map frame. */
  readonly map: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
}

export function sheetLayout(paper: PaperSize): SheetLayout {
  const [widthMm, heightMm] = PAPER_SIZES[paper];
  return pageLayout(widthMm, heightMm);
}

/** The one-map page on any page size (the series' index page is the size of its sheets). */
export function pageLayout(widthMm: number, heightMm: number): SheetLayout {
  const unit = Math.sqrt(widthMm / 420);
  const margin = 10 * unit;
  const titleBand = 22 * unit;
  const sideWidth = 82 * unit;
  // Room for the grid labels outside the frame.
  const labelBand = 7 * unit;
  const map = { x: margin + labelBand, y: margin + titleBand + labelBand, w: widthMm - 2 * margin - sideWidth - 2 * labelBand - 4 * unit, h: heightMm - 2 * margin - titleBand - 2 * labelBand };
  return { widthMm, heightMm, unit, margin, titleBand, sideWidth, map };
}

/** Ground metres shown by one millimetre of paper. */
export function metresPerMm(scale: number): number {
  return scale / 1000;
}

/** The scales (of PRINT_SCALES) at which an extent of `widthM` × `heightM` fits the sheet's map frame. */
export function fittingScales(paper: PaperSize, widthM: number, heightM: number): number[] {
  const { map } = sheetLayout(paper);
  return PRINT_SCALES.filter((s) => widthM / metresPerMm(s) <= map.w && heightM / metresPerMm(s) <= map.h);
}

/**
 * A page of a series (a standard sheet or a tile): the map frame, a band above it for the title, the sheet
 * number, the 接图表 and the north arrow, a band below for the scale and the notes, and room either side
 * for the grid's coordinates.
 */
export interface SeriesPageLayout {
  readonly widthMm: number;
  readonly heightMm: number;
  readonly unit: number;
  readonly frame: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
}

const seriesBands = (unit: number) => ({ top: 40 * unit, bottom: 28 * unit, side: 16 * unit });

/** The page around a frame of a fixed size (the 50 × 50 cm standard sheet). */
export function seriesPageAround(frameW: number, frameH: number): SeriesPageLayout {
  const unit = Math.sqrt(frameW / 420);
  const { top, bottom, side } = seriesBands(unit);
  return { widthMm: frameW + 2 * side, heightMm: frameH + top + bottom, unit, frame: { x: side, y: top, w: frameW, h: frameH } };
}

/** The frame on a sheet of paper (a tile of the chosen size). */
export function seriesPageOn(paper: PaperSize): SeriesPageLayout {
  const [widthMm, heightMm] = PAPER_SIZES[paper];
  const unit = Math.sqrt(widthMm / 420);
  const { top, bottom, side } = seriesBands(unit);
  return { widthMm, heightMm, unit, frame: { x: side, y: top, w: widthMm - 2 * side, h: heightMm - top - bottom } };
}
