/** The sheet's furniture: scale bar, north arrow, coordinate ticks, legend and the indicators table. */
import type { Translate } from '../rules/render.ts';
import { renderMessage } from '../rules/render.ts';
import type { Table } from '../rules/tables/table.ts';
import { BLACK, WHITE, type DrawOp, type Rgb } from './display-list.ts';
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

/** Ticks on the frame every grid interval of easting and northing, labelled outside; crosses where they meet. */
export function gridTicks(p: PaperProjection, scale: number, unit: number, options: GridOptions = {}): DrawOp[] {
  const step = options.step ?? GRID_INTERVAL[scale] ?? scale / 20;
  const label = options.label ?? ((metres: number) => String(metres));
  const { x, y, w, h } = p.frame;
  const east1 = p.east0 + w * p.mPerMm;
  const north1 = p.north0 - h * p.mPerMm;
  const tick = 2.5 * unit;
  const size = 1.9 * unit;
  const ops: DrawOp[] = [];
  const line = (points: number[]): DrawOp => ({ kind: 'line', points, stroke: BLACK, strokeMm: 0.2 });
  const eastings: number[] = [];
  const northings: number[] = [];
  for (let e = Math.ceil(p.east0 / step) * step; e <= east1; e += step) eastings.push(e);
  for (let n = Math.ceil(north1 / step) * step; n <= p.north0; n += step) northings.push(n);
  for (const e of eastings) {
    const [px] = gkToPaper(p, e, p.north0);
    ops.push(line([px, y, px, y + tick]), line([px, y + h, px, y + h - tick]), text(label(e, 'east'), px, y - 1, size, 'center'), text(label(e, 'east'), px, y + h + size + 0.8, size, 'center'));
  }
  for (const n of northings) {
    const [, py] = gkToPaper(p, p.east0, n);
    ops.push(line([x, py, x + tick, py]), line([x + w, py, x + w - tick, py]), text(label(n, 'north'), x - 1, py + size / 2, size, 'right'), text(label(n, 'north'), x + w + 1, py + size / 2, size, 'left'));
  }
  const arm = 1.2 * unit;
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

/** Legend entries in two columns; returns the ops and the height used. */
export function legend(items: readonly LegendItem[], x: number, y: number, width: number, unit: number, title: string): { ops: DrawOp[]; height: number } {
  const ops: DrawOp[] = [text(title, x, y + 4 * unit, 4 * unit, 'left', true)];
  const rowH = 6 * unit;
  const swW = 8 * unit;
  const swH = 4.2 * unit;
  const colW = width / 2;
  const top = y + 7 * unit;
  items.forEach((item, i) => {
    const col = i % 2;
    const row = Math.floor(i / 2);
    const sx = x + col * colW;
    const sy = top + row * rowH;
    const s = item.symbol;
    ops.push({ kind: 'shape', rings: rect(sx, sy, swW, swH), ...(s.fill ? { fill: s.fill } : { fill: WHITE }), ...(s.hatch ? { hatch: s.hatch } : {}), stroke: s.stroke ?? [120, 120, 120], strokeMm: Math.max(0.2, s.strokeMm ?? 0.2), ...(s.dashMm ? { dashMm: s.dashMm } : {}) });
    ops.push(text(item.label, sx + swW + 1.5 * unit, sy + swH - 0.6 * unit, 2.6 * unit));
  });
  return { ops, height: 7 * unit + Math.ceil(items.length / 2) * rowH };
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
  rows.forEach((row, i) => {
    const ry = top + i * rowH;
    ops.push(text(row.label, x + 1, ry + rowH - 1.2 * unit, size, 'left', row.bold));
    row.cells.forEach((cell, j) => ops.push(text(cell, x + firstW + (j + 1) * colW - 1, ry + rowH - 1.2 * unit, size, 'right', row.bold)));
  });
  const bottom = top + rows.length * rowH;
  const rule = (points: number[]): DrawOp => ({ kind: 'line', points, stroke: BLACK, strokeMm: 0.2 });
  for (let i = 0; i <= rows.length; i++) ops.push(rule([x, top + i * rowH, x + width, top + i * rowH]));
  ops.push(rule([x, top, x, bottom]), rule([x + width, top, x + width, bottom]));
  for (let j = 0; j < columns.length; j++) ops.push(rule([x + firstW + j * colW, top, x + firstW + j * colW, bottom]));
  const notes = table.footnotes.map((n, i) => text(renderMessage(t, n), x, bottom + (i + 1) * 3.2 * unit, 2 * unit));
  return { ops: [...ops, ...notes], height: bottom - y + table.footnotes.length * 3.2 * unit };
}
