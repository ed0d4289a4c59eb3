/**
 * 村土地利用现状图 and 村土地利用规划图 on one sheet, as a display list: the map (map-drawing.ts) at a true
 * scale in the Gauss-Krüger plane, the title, the legend, the scale and its bar, the north arrow, the
 * coordinate ticks, the indicators table (F1), and the issuing body and date. The index page of a series
 * (compose-series.ts) is such a sheet too, with the grid of its sheets drawn over the map.
 */
import type { Message, Result } from '../domain/message.ts';
import type { Plan } from '../domain/plan.ts';
import type { Translate } from '../rules/render.ts';
import type { Table } from '../rules/tables/table.ts';
import { dayNumber } from '../domain/calendar.ts';
import { BLACK, wrapText, type DrawOp, type Sheet } from './display-list.ts';
import { gridCrossBoxes, gridStep, gridTicks, indicatorsTable, legend, northArrow, scaleBar } from './furniture.ts';
import { drawPlanMap, type MapKind } from './map-drawing.ts';
import { villageOutline, type Extent } from './outline.ts';
import { DEFAULT_SCALE, fittingScales, metresPerMm, PAPER_SIZES, PRINT_SCALES, sheetLayout, type PaperSize, type SheetLayout } from './paper.ts';
import type { GkCrs } from '../geo/projection.ts';
import type { PaperProjection } from './project.ts';

export type { MapKind } from './map-drawing.ts';

export interface PrintInput {
  readonly plan: Plan;
  readonly kind: MapKind;
  readonly paper: PaperSize;
  /** The N of 1:N. */
  readonly scale: number;
  readonly issuer: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  /** F1 主要指标表 of the plan (the rule engine's tables). */
  readonly indicators: Table;
  readonly t: Translate;
}

export interface ComposedSheet {
  readonly sheet: Sheet;
  /** Where the scale bar is and what it stands for (tests measure it on the rendered page). */
  readonly scaleBar: { readonly x: number; readonly y: number; readonly lengthMm: number; readonly metres: number };
}

/**
 * The sheet and scale the print dialog starts with: the plan's own 1:2000 on the smallest sheet that holds
 * the village, else the largest scale any sheet holds it at (smallest sheet first), so the defaults print.
 */
export function fittingSheet(plan: Plan): { paper: PaperSize; scale: number } {
  const village = villageOutline(plan);
  if (!village) return { paper: 'A1', scale: DEFAULT_SCALE };
  const [widthM, heightM] = [village.extent[2] - village.extent[0], village.extent[3] - village.extent[1]];
  for (const scale of PRINT_SCALES.filter((s) => s >= DEFAULT_SCALE)) {
    const paper = (Object.keys(PAPER_SIZES) as PaperSize[]).find((p) => fittingScales(p, widthM, heightM).includes(scale));
    if (paper) return { paper, scale };
  }
  return { paper: 'A0', scale: PRINT_SCALES[PRINT_SCALES.length - 1] as number };
}

/** The map title: 某村土地利用现状图 / 某村土地利用规划图. */
export function mapTitle(input: Pick<PrintInput, 'plan' | 'kind' | 't'>): string {
  return input.t(input.kind === 'plan' ? 'print.title.plan' : 'print.title.current', { village: input.plan.meta.villageName });
}

/** The date as the sheet prints it (年月日 in Chinese), or as typed when it is not a date. */
export function printedDate(input: Pick<PrintInput, 'date' | 't'>): string {
  const { date, t } = input;
  return dayNumber(date) === null ? date : t('notice.date', { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)), iso: date });
}

export function composeSheet(input: PrintInput): Result<ComposedSheet> {
  const { plan, paper, scale } = input;
  const layout = sheetLayout(paper);
  const village = villageOutline(plan);
  if (!village) return refuse('print.empty');
  const { extent } = village;
  const mPerMm = metresPerMm(scale);
  const [widthM, heightM] = [extent[2] - extent[0], extent[3] - extent[1]];
  if (widthM / mPerMm > layout.map.w || heightM / mPerMm > layout.map.h) {
    const fits = fittingScales(paper, widthM, heightM);
    // Too large at every scale is rarely a village: more often a coordinate typed wrong (12.06 for 120.6).
    if (!fits.length) return refuse('print.tooLargeAtAnyScale', { paper, widthKm: Math.round(widthM / 1000), heightKm: Math.round(heightM / 1000) });
    return refuse('print.tooLarge', { paper, scale, needW: Math.round(widthM / mPerMm), needH: Math.round(heightM / mPerMm), fits: fits.map((s) => `1:${s}`).join(', ') });
  }
  return { ok: true, value: composeWhole(input, { layout, crs: village.crs, extent, title: mapTitle(input), notes: [], overlay: () => [] }), notes: [] };
}

/** What differs between the one-sheet map and a series' index page. */
export interface WholeMapOptions {
  readonly layout: SheetLayout;
  readonly crs: GkCrs;
  /** Centred in the map frame. */
  readonly extent: Extent;
  readonly title: string;
  /** Lines above the footer (what the series is). */
  readonly notes: readonly string[];
  /** Drawn over the map, inside the frame (the grid of a series' sheets). */
  readonly overlay: (projection: PaperProjection) => DrawOp[];
}

/** The whole village on one page at `input.scale`, with the legend and the indicators beside it. */
export function composeWhole(input: Omit<PrintInput, 'paper'>, options: WholeMapOptions): ComposedSheet {
  const { plan, kind, scale, t } = input;
  const { layout, crs, extent } = options;
  const { map, unit, margin, widthMm, heightMm, sideWidth } = layout;
  const mPerMm = metresPerMm(scale);
  const projection: PaperProjection = {
    crs,
    mPerMm,
    frame: map,
    east0: (extent[0] + extent[2]) / 2 - (map.w * mPerMm) / 2,
    north0: (extent[1] + extent[3]) / 2 + (map.h * mPerMm) / 2,
  };
  const drawing = drawPlanMap(plan, kind, projection, t, gridCrossBoxes(projection, gridStep(scale), unit));
  const ops: DrawOp[] = [...drawing.ops, ...drawing.labels, ...options.overlay(projection)];
  ops.push({ kind: 'shape', rings: [[map.x, map.y, map.x + map.w, map.y, map.x + map.w, map.y + map.h, map.x, map.y + map.h]], stroke: BLACK, strokeMm: 0.5 });
  ops.push(...gridTicks(projection, scale, unit));
  ops.push({ kind: 'shape', rings: [[margin / 2, margin / 2, widthMm - margin / 2, margin / 2, widthMm - margin / 2, heightMm - margin / 2, margin / 2, heightMm - margin / 2]], stroke: BLACK, strokeMm: 0.8 });

  ops.push({ kind: 'text', text: options.title, x: widthMm / 2, y: margin + 10 * unit, sizeMm: 9 * unit, bold: true, align: 'center', colour: BLACK });
  ops.push({ kind: 'text', text: t('print.subtitle', { baseYear: plan.meta.baseYear, targetYear: plan.meta.targetYear, county: plan.meta.county, township: plan.meta.township }), x: widthMm / 2, y: margin + 16.5 * unit, sizeMm: 4 * unit, bold: false, align: 'center', colour: BLACK });

  const side = widthMm - margin - sideWidth;
  let y = map.y;
  ops.push(...northArrow(side + sideWidth / 2, y + 5 * unit, unit));
  y += 24 * unit;
  ops.push({ kind: 'text', text: t('print.scale', { scale: scale.toLocaleString('en-US') }), x: side, y, sizeMm: 3.4 * unit, bold: true, align: 'left', colour: BLACK });
  const bar = scaleBar(side, y + 3 * unit, scale, unit);
  ops.push(...bar.ops);
  y += 14 * unit;
  const key = legend(drawing.legend, side, y, sideWidth, unit, t('print.legend.title'));
  ops.push(...key.ops);
  y += key.height + 4 * unit;
  const table = indicatorsTable(t, input.indicators, side, y, sideWidth, unit);
  ops.push(...table.ops);
  const bottom = map.y + map.h;
  // Wrapped to the side column: an issuing body of two offices (镇政府、村委会) is longer than a line, and
  // unwrapped it ran over the sheet's border and off the paper.
  const footerSize = 2.8 * unit;
  const footer = [...options.notes.map((line) => ({ line, bold: false })), { line: t('print.crs', { zone: crs.zone }), bold: false }, { line: t('print.issuer', { issuer: input.issuer }), bold: true }, { line: t('print.date', { date: printedDate(input) }), bold: true }].flatMap(({ line, bold }) => wrapText(line, footerSize, sideWidth).map((text) => ({ text, bold })));
  footer.forEach(({ text, bold }, i) => ops.push({ kind: 'text', text, x: side, y: bottom - (footer.length - 1 - i) * 5 * unit, sizeMm: footerSize, bold, align: 'left', colour: BLACK }));
  return { sheet: { widthMm, heightMm, ops }, scaleBar: { x: bar.x, y: bar.y, lengthMm: bar.lengthMm, metres: bar.metres } };
}

export function refuse(key: string, params?: Message['params']): Result<never> {
  return { ok: false, error: { key, ...(params ? { params } : {}) } };
}
