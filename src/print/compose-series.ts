/**
 * The village as a series of sheets: 标准分幅 (the 1:2000 standard sheets, sheets.ts) or 拼幅 (tiles of the
 * chosen paper at the chosen scale, tiles.ts). The first page is the index (分幅索引图: the whole map at a
 * scale that fits the page, the sheets' grid and numbers over it, the legend and the indicators); then one
 * page per sheet, the map cut at its frame at the series' scale (series-page.ts). The map is drawn once in
 * the series' plane and moved onto each page.
 */
import type { Result } from '../domain/message.ts';
import { composeWhole, mapTitle, printedDate, refuse, type PrintInput } from './compose.ts';
import { BLACK, type DrawOp, type Sheet } from './display-list.ts';
import { gridCrossBoxes, gridStep, type GridOptions } from './furniture.ts';
import { drawPlanMap } from './map-drawing.ts';
import { villageOutline, type Extent } from './outline.ts';
import { metresPerMm, pageLayout, PRINT_SCALES, seriesPageAround, seriesPageOn, type PaperSize, type SeriesPageLayout } from './paper.ts';
import type { PaperProjection } from './project.ts';
import { composeSeriesPage } from './series-page.ts';
import { STANDARD_SCALE, STANDARD_SHEET_M, STANDARD_SHEET_MM, standardSheets, type SeriesSheet } from './sheets.ts';
import { TILE_OVERLAP_MM, tileGrid } from './tiles.ts';
import { flatBBox } from '../geo/bbox.ts';

export type SeriesLayout = { readonly kind: 'standard' } | { readonly kind: 'tiled'; readonly paper: PaperSize; readonly scale: number };

export interface SeriesInput extends Omit<PrintInput, 'paper' | 'scale'> {
  readonly layout: SeriesLayout;
}

export interface ComposedSeries {
  /** The index page first, then one page per sheet. */
  readonly pages: Sheet[];
  readonly sheets: SeriesSheet[];
  readonly scale: number;
  /** For the PDF's metadata and the file name. */
  readonly title: string;
  readonly fileStem: string;
}

/** More sheets than this is a setting chosen by mistake (A3 at 1:500 for a whole village), not a print. */
export const MAX_SERIES_SHEETS = 60;

/** The 坐标格网 of the standard sheet: every 10 cm (200 m), coordinates in km as the sheet numbers are. */
const STANDARD_GRID_M = 200;

interface Setup {
  readonly scale: number;
  readonly page: SeriesPageLayout;
  readonly sheets: SeriesSheet[];
  readonly numberLine: (sheet: SeriesSheet) => string;
  readonly notes: readonly string[];
  readonly grid: GridOptions;
  readonly title: string;
  readonly fileStem: string;
}

function setup(input: SeriesInput, village: NonNullable<ReturnType<typeof villageOutline>>): Setup {
  const { t, layout } = input;
  const map = mapTitle(input);
  const { crs, extent, polygons } = village;
  if (layout.kind === 'standard') {
    const zoneMillion = crs.zonePrefix ? crs.zone * 1_000_000 : 0;
    const page = seriesPageAround(STANDARD_SHEET_MM, STANDARD_SHEET_MM);
    const sheets = standardSheets(polygons, extent, zoneMillion);
    const km = (metres: number, axis: 'east' | 'north') => ((axis === 'east' ? metres - zoneMillion : metres) / 1000).toFixed(1);
    return {
      scale: STANDARD_SCALE,
      page,
      sheets,
      numberLine: (sheet) => t('print.series.sheetNumber', { number: sheet.number }),
      notes: [t('print.series.standardNote', { count: sheets.length }), t('print.series.numberingNote')],
      grid: { step: STANDARD_GRID_M, label: km },
      title: t('print.series.pdfTitle.standard', { map }),
      fileStem: t('print.series.fileName.standard', { map }),
    };
  }
  const { paper, scale } = layout;
  const page = seriesPageOn(paper);
  const mPerMm = metresPerMm(scale);
  const grid = tileGrid(polygons, extent, page.frame.w * mPerMm, page.frame.h * mPerMm, TILE_OVERLAP_MM * mPerMm);
  return {
    scale,
    page,
    sheets: grid.tiles,
    numberLine: (sheet) => t('print.series.tileNumber', { number: sheet.number, rows: grid.rows, cols: grid.cols }),
    notes: [t('print.series.tiledNote', { count: grid.tiles.length, paper, scale, overlap: TILE_OVERLAP_MM })],
    grid: {},
    title: t('print.series.pdfTitle.tiled', { map, paper, scale }),
    fileStem: t('print.series.fileName.tiled', { map, paper, scale }),
  };
}

function unionOf(sheets: readonly SeriesSheet[]): Extent {
  return sheets.reduce<Extent>((u, { box }) => [Math.min(u[0], box[0]), Math.min(u[1], box[1]), Math.max(u[2], box[2]), Math.max(u[3], box[3])], [Infinity, Infinity, -Infinity, -Infinity]);
}

/** The largest print scale at which `extent` fits `frame` (rounded up to 1:5000s beyond the list). */
function indexScale(extent: Extent, frame: { w: number; h: number }): number {
  const needed = Math.max(((extent[2] - extent[0]) * 1000) / frame.w, ((extent[3] - extent[1]) * 1000) / frame.h);
  return PRINT_SCALES.find((s) => s >= needed) ?? Math.ceil(needed / 5000) * 5000;
}

/** The sheets' outlines and numbers over the index page's map. */
function sheetGrid(sheets: readonly SeriesSheet[], projection: PaperProjection, unit: number): DrawOp[] {
  const { mPerMm, frame, east0, north0 } = projection;
  return sheets.flatMap(({ box, number }) => {
    const [x0, y0] = [frame.x + (box[0] - east0) / mPerMm, frame.y + (north0 - box[3]) / mPerMm];
    const [x1, y1] = [frame.x + (box[2] - east0) / mPerMm, frame.y + (north0 - box[1]) / mPerMm];
    const size = Math.min(3.2 * unit, (x1 - x0) / 8);
    return [
      { kind: 'shape', rings: [[x0, y0, x1, y0, x1, y1, x0, y1]], stroke: BLACK, strokeMm: 0.45 },
      { kind: 'text', text: number, x: (x0 + x1) / 2, y: (y0 + y1) / 2 + size / 3, sizeMm: size, bold: true, align: 'center', colour: BLACK },
    ] satisfies DrawOp[];
  });
}

type Box = readonly [number, number, number, number];

function opBox(op: DrawOp): Box {
  if (op.kind === 'text') return [op.x - op.sizeMm * op.text.length, op.y - op.sizeMm, op.x + op.sizeMm * op.text.length, op.y + op.sizeMm];
  if (op.kind === 'clip') return [op.x, op.y, op.x + op.w, op.y + op.h];
  return flatBBox(op.kind === 'shape' ? op.rings : [op.points]);
}

function moved(op: DrawOp, dx: number, dy: number): DrawOp {
  const shift = (flat: readonly number[]) => flat.map((v, i) => v + (i % 2 === 0 ? dx : dy));
  if (op.kind === 'text') return { ...op, x: op.x + dx, y: op.y + dy };
  if (op.kind === 'line') return { ...op, points: shift(op.points) };
  if (op.kind === 'shape') return { ...op, rings: op.rings.map(shift) };
  return { ...op, x: op.x + dx, y: op.y + dy, ops: op.ops.map((inner) => moved(inner, dx, dy)) };
}

/** A sheet's ground width and height (the tiles' step: what each adds to the set) in the layout. */
function sheetGround(layout: SeriesLayout): [number, number] {
  if (layout.kind === 'standard') return [STANDARD_SHEET_M, STANDARD_SHEET_M];
  const { frame } = seriesPageOn(layout.paper);
  const mPerMm = metresPerMm(layout.scale);
  return [(frame.w - TILE_OVERLAP_MM) * mPerMm, (frame.h - TILE_OVERLAP_MM) * mPerMm];
}

/**
 * A village more sheets across than a series may have needs at least that many sheets (its outline crosses
 * every one of them), so it is refused before its box is searched sheet by sheet: with a mistyped
 * coordinate (12.06 for 120.6) that box holds millions of sheets and the search would take minutes.
 */
function tooWide(layout: SeriesLayout, extent: Extent): boolean {
  const [w, h] = sheetGround(layout);
  return Math.max(Math.floor((extent[2] - extent[0]) / w), Math.floor((extent[3] - extent[1]) / h)) > MAX_SERIES_SHEETS;
}

export function composeSeries(input: SeriesInput): Result<ComposedSeries> {
  const village = villageOutline(input.plan);
  if (!village) return refuse('print.empty');
  const { extent } = village;
  if (tooWide(input.layout, extent)) return refuse('print.seriesTooWide', { widthKm: Math.round((extent[2] - extent[0]) / 1000), heightKm: Math.round((extent[3] - extent[1]) / 1000), max: MAX_SERIES_SHEETS });
  const s = setup(input, village);
  if (s.sheets.length > MAX_SERIES_SHEETS) return refuse('print.tooManySheets', { count: s.sheets.length, max: MAX_SERIES_SHEETS });
  const { t } = input;
  const { crs } = village;
  const union = unionOf(s.sheets);

  // The index page is the size of the sheets: the set prints on one paper.
  const indexLayout = pageLayout(s.page.widthMm, s.page.heightMm);
  const index = composeWhole(
    { ...input, scale: indexScale(union, indexLayout.map) },
    { layout: indexLayout, crs, extent: union, title: t('print.series.indexTitle', { map: mapTitle(input) }), notes: s.notes, overlay: (p) => sheetGrid(s.sheets, p, indexLayout.unit) },
  );

  // The whole map once, in millimetres from the series' north-west corner.
  const mPerMm = metresPerMm(s.scale);
  const whole: PaperProjection = { crs, mPerMm, frame: { x: 0, y: 0, w: (union[2] - union[0]) / mPerMm, h: (union[3] - union[1]) / mPerMm }, east0: union[0], north0: union[3] };
  // Every page's grid crosses lie on the same whole multiples of the step: the labels keep clear of them all.
  const drawing = drawPlanMap(input.plan, input.kind, whole, t, gridCrossBoxes(whole, gridStep(s.scale, s.grid), s.page.unit));
  const ops = [...drawing.ops, ...drawing.labels];
  const boxes = ops.map(opBox);
  const { frame } = s.page;
  const notesLeft = [t('print.crs', { zone: crs.zone }), ...(input.layout.kind === 'standard' ? [t('print.series.gridNote')] : [])];
  const notesRight = [t('print.issuer', { issuer: input.issuer }), t('print.date', { date: printedDate(input) })];
  const pages = s.sheets.map((sheet) => {
    const [gx, gy] = [(sheet.box[0] - union[0]) / mPerMm, (union[3] - sheet.box[3]) / mPerMm];
    const map = ops.filter((_, i) => {
      const b = boxes[i] as Box;
      return b[2] >= gx && b[0] <= gx + frame.w && b[3] >= gy && b[1] <= gy + frame.h;
    });
    const projection: PaperProjection = { crs, mPerMm, frame, east0: sheet.box[0], north0: sheet.box[3] };
    return composeSeriesPage({
      layout: s.page,
      projection,
      scale: s.scale,
      sheet,
      map: map.map((op) => moved(op, frame.x - gx, frame.y - gy)),
      title: mapTitle(input),
      numberLine: s.numberLine(sheet),
      grid: s.grid,
      notesLeft,
      notesRight,
      t,
    });
  });
  return { ok: true, value: { pages: [index.sheet, ...pages], sheets: s.sheets, scale: s.scale, title: s.title, fileStem: s.fileStem }, notes: [] };
}
