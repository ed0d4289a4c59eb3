/**
 * 村土地利用现状图 and 村土地利用规划图 as a display list: the map at a true scale in the Gauss-Krüger plane,
 * the title, the legend, the scale and its bar, the north arrow, the coordinate ticks, the indicators table
 * (F1), and the issuing body and date. The plan map draws the editor's 规划 view: base parcels, then the
 * changes in derivation order (demolition, new-build, other change), each filled with its target use.
 */
import type { AreaGeometry } from '../domain/features.ts';
import { LAND_CLASSES, type LandClassCode } from '../domain/land-classes.ts';
import type { Message, Result } from '../domain/message.ts';
import { layerFeatures, type Plan } from '../domain/plan.ts';
import type { Translate } from '../rules/render.ts';
import type { Table } from '../rules/tables/table.ts';
import { dayNumber } from '../domain/calendar.ts';
import { BLACK, type DrawOp, type Sheet } from './display-list.ts';
import { gridTicks, indicatorsTable, legend, northArrow, scaleBar, type LegendItem } from './furniture.ts';
import { DEFAULT_SCALE, fittingScales, metresPerMm, PAPER_SIZES, PRINT_SCALES, sheetLayout, type PaperSize } from './paper.ts';
import { areaToPaper, crsFor, gkExtent, insideRings, type PaperProjection } from './project.ts';
import { landSymbol, OVERLAY_SYMBOLS, type Symbol } from './symbols.ts';

export type MapKind = 'current' | 'plan';

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

const LABEL_MM = 1.6;
/** Rough text width for fitting labels in parcels: a CJK character is square, Latin about half. */
const roughWidth = (s: string, size: number) => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? size : size * 0.55), 0);

function shape(rings: ReturnType<typeof areaToPaper>, s: Symbol): DrawOp {
  return { kind: 'shape', rings, ...s };
}

/** The village's outline (its boundary, else its parcels) in its GK zone: what a sheet must hold. */
function villageExtent(plan: Plan): { crs: ReturnType<typeof crsFor>; extent: ReturnType<typeof gkExtent> } | null {
  const outline = layerFeatures(plan, 'boundary').length ? layerFeatures(plan, 'boundary') : layerFeatures(plan, 'base');
  if (outline.length === 0) return null;
  const geometry = outline[0]?.geometry;
  const first = geometry?.type === 'Polygon' ? geometry.coordinates[0]?.[0] : geometry?.coordinates[0]?.[0]?.[0];
  const crs = crsFor((first?.[0] as number | undefined) ?? 120);
  return { crs, extent: gkExtent(crs, outline.map((f) => f.geometry)) };
}

/**
 * The sheet and scale the print dialog starts with: the plan's own 1:2000 on the smallest sheet that holds
 * the village, else the largest scale any sheet holds it at (smallest sheet first), so the defaults print.
 */
export function fittingSheet(plan: Plan): { paper: PaperSize; scale: number } {
  const village = villageExtent(plan);
  if (!village) return { paper: 'A1', scale: DEFAULT_SCALE };
  const [widthM, heightM] = [village.extent[2] - village.extent[0], village.extent[3] - village.extent[1]];
  for (const scale of PRINT_SCALES.filter((s) => s >= DEFAULT_SCALE)) {
    const paper = (Object.keys(PAPER_SIZES) as PaperSize[]).find((p) => fittingScales(p, widthM, heightM).includes(scale));
    if (paper) return { paper, scale };
  }
  return { paper: 'A0', scale: PRINT_SCALES[PRINT_SCALES.length - 1] as number };
}

export function composeSheet(input: PrintInput): Result<ComposedSheet> {
  const { plan, kind, paper, scale, t } = input;
  const layout = sheetLayout(paper);
  const village = villageExtent(plan);
  if (!village) return refuse('print.empty');
  const { crs, extent } = village;
  const mPerMm = metresPerMm(scale);
  const [widthM, heightM] = [extent[2] - extent[0], extent[3] - extent[1]];
  if (widthM / mPerMm > layout.map.w || heightM / mPerMm > layout.map.h) {
    const fits = fittingScales(paper, widthM, heightM);
    return refuse('print.tooLarge', { paper, scale, needW: Math.round(widthM / mPerMm), needH: Math.round(heightM / mPerMm), fits: fits.length ? fits.map((s) => `1:${s}`).join(', ') : '—' });
  }
  const projection: PaperProjection = {
    crs,
    mPerMm,
    frame: layout.map,
    east0: (extent[0] + extent[2]) / 2 - (layout.map.w * mPerMm) / 2,
    north0: (extent[1] + extent[3]) / 2 + (layout.map.h * mPerMm) / 2,
  };
  const ops: DrawOp[] = [];
  const labels: DrawOp[] = [];
  const usedClasses = new Set<LandClassCode>();
  const label = (rings: ReturnType<typeof areaToPaper>, code: LandClassCode) => {
    const name = t(`landClass.${code}`);
    const ring = rings[0] ?? [];
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i < ring.length; i += 2) [x0, y0, x1, y1] = [Math.min(x0, ring[i] as number), Math.min(y0, ring[i + 1] as number), Math.max(x1, ring[i] as number), Math.max(y1, ring[i + 1] as number)];
    const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
    if (x1 - x0 < roughWidth(name, LABEL_MM) + 1 || y1 - y0 < LABEL_MM * 2 || !insideRings(rings, cx, cy)) return;
    labels.push({ kind: 'text', text: name, x: cx, y: cy + LABEL_MM / 3, sizeMm: LABEL_MM, bold: false, align: 'center', colour: BLACK });
  };
  const area = (geometry: AreaGeometry, code: LandClassCode, extra: Symbol = {}) => {
    const rings = areaToPaper(projection, geometry);
    usedClasses.add(code);
    ops.push(shape(rings, { ...landSymbol(code), ...extra }));
    label(rings, code);
  };

  for (const f of layerFeatures(plan, 'base')) area(f.geometry, f.properties.classCode);
  const overlays: LegendItem[] = [];
  const overlay = (present: boolean, labelKey: string, symbol: Symbol) => present && overlays.push({ label: t(labelKey), symbol });
  if (kind === 'plan') {
    for (const f of layerFeatures(plan, 'demolition')) area(f.geometry, f.properties.restorationUse, OVERLAY_SYMBOLS.demolition);
    for (const f of layerFeatures(plan, 'newBuild')) area(f.geometry, f.properties.useCode, OVERLAY_SYMBOLS.newBuild);
    for (const f of layerFeatures(plan, 'useChange')) area(f.geometry, f.properties.targetCode, OVERLAY_SYMBOLS.useChange);
    for (const f of layerFeatures(plan, 'reserve')) ops.push(shape(areaToPaper(projection, f.geometry), OVERLAY_SYMBOLS.reserve));
    overlay(layerFeatures(plan, 'demolition').length > 0, 'print.legend.demolition', { fill: [255, 255, 255], ...OVERLAY_SYMBOLS.demolition });
    overlay(layerFeatures(plan, 'newBuild').length > 0, 'print.legend.newBuild', OVERLAY_SYMBOLS.newBuild);
    overlay(layerFeatures(plan, 'useChange').length > 0, 'print.legend.useChange', OVERLAY_SYMBOLS.useChange);
    overlay(layerFeatures(plan, 'reserve').length > 0, 'print.legend.reserve', OVERLAY_SYMBOLS.reserve);
  }
  for (const f of layerFeatures(plan, 'pbf')) ops.push(shape(areaToPaper(projection, f.geometry), OVERLAY_SYMBOLS.pbf));
  for (const f of layerFeatures(plan, 'boundary')) ops.push(shape(areaToPaper(projection, f.geometry), OVERLAY_SYMBOLS.boundary));
  overlay(layerFeatures(plan, 'pbf').length > 0, 'print.legend.pbf', OVERLAY_SYMBOLS.pbf);
  overlay(layerFeatures(plan, 'boundary').length > 0, 'print.legend.boundary', OVERLAY_SYMBOLS.boundary);
  ops.push(...labels);

  const { map, unit, margin, widthMm, heightMm, sideWidth } = layout;
  ops.push({ kind: 'shape', rings: [[map.x, map.y, map.x + map.w, map.y, map.x + map.w, map.y + map.h, map.x, map.y + map.h]], stroke: BLACK, strokeMm: 0.5 });
  ops.push(...gridTicks(projection, scale, unit));
  ops.push({ kind: 'shape', rings: [[margin / 2, margin / 2, widthMm - margin / 2, margin / 2, widthMm - margin / 2, heightMm - margin / 2, margin / 2, heightMm - margin / 2]], stroke: BLACK, strokeMm: 0.8 });

  const title = t(kind === 'plan' ? 'print.title.plan' : 'print.title.current', { village: plan.meta.villageName });
  ops.push({ kind: 'text', text: title, x: widthMm / 2, y: margin + 10 * unit, sizeMm: 9 * unit, bold: true, align: 'center', colour: BLACK });
  ops.push({ kind: 'text', text: t('print.subtitle', { baseYear: plan.meta.baseYear, targetYear: plan.meta.targetYear, county: plan.meta.county, township: plan.meta.township }), x: widthMm / 2, y: margin + 16.5 * unit, sizeMm: 4 * unit, bold: false, align: 'center', colour: BLACK });

  const side = widthMm - margin - sideWidth;
  let y = map.y;
  ops.push(...northArrow(side + sideWidth / 2, y + 5 * unit, unit));
  y += 24 * unit;
  ops.push({ kind: 'text', text: t('print.scale', { scale: scale.toLocaleString('en-US') }), x: side, y, sizeMm: 3.4 * unit, bold: true, align: 'left', colour: BLACK });
  const bar = scaleBar(side, y + 3 * unit, scale, unit);
  ops.push(...bar.ops);
  y += 14 * unit;
  const classes: LegendItem[] = LAND_CLASSES.filter((c) => usedClasses.has(c.code)).map((c) => ({ label: t(`landClass.${c.code}`), symbol: landSymbol(c.code) }));
  const key = legend([...overlays, ...classes], side, y, sideWidth, unit, t('print.legend.title'));
  ops.push(...key.ops);
  y += key.height + 4 * unit;
  const table = indicatorsTable(t, input.indicators, side, y, sideWidth, unit);
  ops.push(...table.ops);
  const bottom = map.y + map.h;
  const dateText = dayNumber(input.date) === null ? input.date : t('notice.date', { y: Number(input.date.slice(0, 4)), m: Number(input.date.slice(5, 7)), d: Number(input.date.slice(8, 10)), iso: input.date });
  const footer = [t('print.crs', { zone: crs.zone }), t('print.issuer', { issuer: input.issuer }), t('print.date', { date: dateText })];
  footer.forEach((line, i) => ops.push({ kind: 'text', text: line, x: side, y: bottom - (footer.length - 1 - i) * 5 * unit, sizeMm: 2.8 * unit, bold: i > 0, align: 'left', colour: BLACK }));
  return { ok: true, value: { sheet: { widthMm, heightMm, ops }, scaleBar: { x: bar.x, y: bar.y, lengthMm: bar.lengthMm, metres: bar.metres } }, notes: [] };
}

function refuse(key: string, params?: Message['params']): Result<never> {
  return { ok: false, error: { key, ...(params ? { params } : {}) } };
}
