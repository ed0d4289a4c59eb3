/** The sheet's furniture: scale bar, north arrow, coordinate ticks, legend and the indicators table. */
import type { Translate } from '../rules/render.ts';
import { renderMessage } from '../rules/render.ts';
import type { Table } from '../rules/tables/table.ts';
import { BLACK, WHITE, wrapText, type DrawOp, type Rgb } from './display-list.ts';
import { gkToPaper, type PaperProjection } from './project.ts';
import type { Symbol } from './symbols.ts';

const text = (t: string, x: number, y: number, sizeMm: number, align: 'left' | 'center' | 'right' = 'left', bold = false, colour: Rgb = BLACK): DrawOp => ({ kind: 'text', text: t, x, y, sizeMm, bold, align, colour });
const rect = (x: number, y: number, w: number, h: number) => [[x, y, x + w, y, x + w, y + h, x, y + h]];

/** A round length near 50 mm on paper: 100 m at 1:2000, 250 m at 1:5000. */
export function scaleBarMetres(scale: number): number {
  const target = (50 * scale) / 1000;
  const power = 10 ** Math.floor(Math.log10(target));
  const nice = [5, 2.5, 2, 1].find((f) => f * power <= target) ?? 1;
  return nice * power;
}

export interface ScaleBar {
  readonly x: number;
  readonly y: number;
  readonly lengthMm: number;
  readonly metres: number;
  readonly ops: DrawOp[];
}

/** Four segments, black and white in turn, with 0, half and the whole length written under them. */
export function scaleBar(x: number, y: number, scale: number, unit: number): ScaleBar {
  const metres = scaleBarMetres(scale);
  const lengthMm = (metres * 1000) / scale;
  const height = 1.6 * unit;
  const ops: DrawOp[] = [];
  for (let i = 0; i < 4; i++) ops.push({ kind: 'shape', rings: rect(x + (i * lengthMm) / 4, y, lengthMm / 4, height), fill: i % 2 === 0 ? BLACK : WHITE, stroke: BLACK, strokeMm: 0.2 });
  const label = 2.4 * unit;
  ops.push(text('0', x, y + height + label + 0.5, label, 'center'), text(String(metres / 2), x + lengthMm / 2, y + height + label + 0.5, label, 'center'), text(`${metres} m`, x + lengthMm, y + height + label + 0.5, label, 'center'));
  return { x, y, lengthMm, metres, ops };
}

/** Grid north up; a half-black arrow so it reads in grey too. */
export function northArrow(cx: number, top: number, unit: number): DrawOp[] {
  const h = 14 * unit;
  const w = 5 * unit;
  return [
    { kind: 'shape', rings: [[cx, top, cx - w / 2, top + h, cx, top + h * 0.75]], fill: BLACK, stroke: BLACK, strokeMm: 0.2 },
    { kind: 'shape', rings: [[cx, top, cx + w / 2, top + h, cx, top + h * 0.75]], fill: WHITE, stroke: BLACK, strokeMm: 0.2 },
    text('N', cx, top - 1.2 * unit, 4 * unit, 'center', true),
  ];
}

const GRID_INTERVAL: Readonly<Record<number, number>> = { 500: 50, 1000: 100, 2000: 100, 2500: 200, 5000: 500, 10000: 1000 };

export interface GridOptions {
  /** Ground metres between grid lines (default: about 5 cm on paper, by scale). */
  readonly step?: number;
  /** How a coordinate is written at the frame (default: whole metres as the plan's CRS gives them). */
  readonly label?: (metres: number, axis: 'east' | 'north') => string;
}

/** Ground metres between grid lines at a scale (about 5 cm on paper), unless the options say. */
export function gridStep(scale: number, options: GridOptions = {}): number {
  return options.step ?? GRID_INTERVAL[scale] ?? scale / 20;
}

/** The grid's eastings and northings within the frame: whole multiples of the step, as the ticks are. */
function gridLines(p: PaperProjection, step: number): { eastings: number[]; northings: number[] } {
  const east1 = p.east0 + p.frame.w * p.mPerMm;
  const north1 = p.north0 - p.frame.h * p.mPerMm;
  const eastings: number[] = [];
  const northings: number[] = [];
  for (let e = Math.ceil(p.east0 / step) * step; e <= east1; e += step) eastings.push(e);
  for (let n = Math.ceil(north1 / step) * step; n <= p.north0; n += step) northings.push(n);
  return { eastings, northings };
}

const crossArm = (unit: number) => 1.2 * unit;

/** The boxes of the grid's crosses inside the frame, for the map's labels to keep clear of. */
export function gridCrossBoxes(p: PaperProjection, step: number, unit: number): [number, number, number, number][] {
  const { eastings, northings } = gridLines(p, step);
  const arm = crossArm(unit);
  return eastings.flatMap((e) => northings.map((n) => {
    const [px, py] = gkToPaper(p, e, n);
    return [px - arm, py - arm, px + arm, py + arm] as [number, number, number, number];
  }));
}

/** Ticks on the frame every grid interval of easting and northing, labelled outside; crosses where they meet. */
export function gridTicks(p: PaperProjection, scale: number, unit: number, options: GridOptions = {}): DrawOp[] {
  const label = options.label ?? ((metres: number) => String(metres));
  const { x, y, w, h } = p.frame;
  const tick = 2.5 * unit;
  const size = 1.9 * unit;
  const ops: DrawOp[] = [];
  const line = (points: number[]): DrawOp => ({ kind: 'line', points, stroke: BLACK, strokeMm: 0.2 });
  const { eastings, northings } = gridLines(p, gridStep(scale, options));
  for (const e of eastings) {
    const [px] = gkToPaper(p, e, p.north0);
    ops.push(line([px, y, px, y + tick]), line([px, y + h, px, y + h - tick]), text(label(e, 'east'), px, y - 1, size, 'center'), text(label(e, 'east'), px, y + h + size + 0.8, size, 'center'));
  }
  for (const n of northings) {
    const [, py] = gkToPaper(p, p.east0, n);
    ops.push(line([x, py, x + tick, py]), line([x + w, py, x + w - tick, py]), text(label(n, 'north'), x - 1, py + size / 2, size, 'right'), text(label(n, 'north'), x + w + 1, py + size / 2, size, 'left'));
  }
  const arm = crossArm(unit);
  for (const e of eastings) {
    for (const n of northings) {
      const [px, py] = gkToPaper(p, e, n);
      ops.push(line([px - arm, py, px + arm, py]), line([px, py - arm, px, py + arm]));
    }
  }
  return ops;
}

export interface LegendItem {
  readonly label: string;
  readonly symbol: Symbol;
}

/**
 * Legend entries in two columns; returns the ops and the height used. A label longer than its column
 * (English names: "Commercial construction land") wraps under itself instead of running into the next
 * column's swatch or off the sheet; its row grows to hold it.
 */
export function legend(items: readonly LegendItem[], x: number, y: number, width: number, unit: number, title: string): { ops: DrawOp[]; height: number } {
  const ops: DrawOp[] = [text(title, x, y + 4 * unit, 4 * unit, 'left', true)];
  const rowH = 6 * unit;
  const swW = 8 * unit;
  const swH = 4.2 * unit;
  const colW = width / 2;
  const size = 2.6 * unit;
  const lineH = 3 * unit;
  const lines = items.map((item) => wrapText(item.label, size, colW - swW - 2.5 * unit));
  let sy = y + 7 * unit;
  for (let first = 0; first < items.length; first += 2) {
    const row = [first, first + 1].filter((i) => i < items.length);
    for (const i of row) {
      const s = (items[i] as LegendItem).symbol;
      const sx = x + (i % 2) * colW;
      ops.push({ kind: 'shape', rings: rect(sx, sy, swW, swH), ...(s.fill ? { fill: s.fill } : { fill: WHITE }), ...(s.hatch ? { hatch: s.hatch } : {}), stroke: s.stroke ?? [120, 120, 120], strokeMm: Math.max(0.2, s.strokeMm ?? 0.2), ...(s.dashMm ? { dashMm: s.dashMm } : {}) });
      (lines[i] ?? []).forEach((line, k) => ops.push(text(line, sx + swW + 1.5 * unit, sy + swH - 0.6 * unit + k * lineH, size)));
    }
    sy += rowH + (Math.max(...row.map((i) => lines[i]?.length ?? 1)) - 1) * lineH;
  }
  return { ops, height: sy - y };
}

/** The indicators table (F1): item and the base, target and change columns, with the table's notes. */
export function indicatorsTable(t: Translate, table: Table, x: number, y: number, width: number, unit: number): { ops: DrawOp[]; height: number } {
  const columns = table.columns.filter((c) => c.key !== 'task');
  const size = 2.3 * unit;
  const rowH = 4.4 * unit;
  const firstW = width * 0.4;
  const colW = (width - firstW) / columns.length;
  const ops: DrawOp[] = [text(t(table.titleKey), x, y + 4 * unit, 3.4 * unit, 'left', true)];
  const top = y + 6 * unit;
  const rows = [{ label: t('tables.col.item'), cells: columns.map((c) => t(c.labelKey)), bold: true }, ...table.rows.map((r) => ({ label: renderMessage(t, { key: r.labelKey, params: r.labelParams ?? {} }), cells: columns.map((c) => { const cell = r.cells[c.key]; return !cell ? '' : 'text' in cell ? cell.text : cell.value.toFixed(2); }), bold: false }))];
  // An item longer than its column wraps inside it (as the legend's labels do) rather than under the figures.
  const lineH = 2.8 * unit;
  const rule = (points: number[]): DrawOp => ({ kind: 'line', points, stroke: BLACK, strokeMm: 0.2 });
  let ry = top;
  for (const row of rows) {
    const labelLines = wrapText(row.label, size, firstW - 2);
    labelLines.forEach((line, k) => ops.push(text(line, x + 1, ry + rowH - 1.2 * unit + k * lineH, size, 'left', row.bold)));
    row.cells.forEach((cell, j) => ops.push(text(cell, x + firstW + (j + 1) * colW - 1, ry + rowH - 1.2 * unit, size, 'right', row.bold)));
    ops.push(rule([x, ry, x + width, ry]));
    ry += rowH + (labelLines.length - 1) * lineH;
  }
  const bottom = ry;
  ops.push(rule([x, bottom, x + width, bottom]));
  ops.push(rule([x, top, x, bottom]), rule([x + width, top, x + width, bottom]));
  for (let j = 0; j < columns.length; j++) ops.push(rule([x + firstW + j * colW, top, x + firstW + j * colW, bottom]));
  const notes = table.footnotes.map((n, i) => text(renderMessage(t, n), x, bottom + (i + 1) * 3.2 * unit, 2 * unit));
  return { ops: [...ops, ...notes], height: bottom - y + table.footnotes.length * 3.2 * unit };
}
