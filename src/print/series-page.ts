/**
 * One page of a series, laid out as a Chinese large-scale map sheet: the map cut at its frame at a true
 * scale; above it the title (village and map) with the sheet number under it, the 接图表 (the neighbours'
 * numbers, this sheet hatched in the middle) at the top left and the north arrow at the top right; the
 * 坐标格网 (crosses inside, ticks and coordinates at the frame); below it the scale and its bar in the
 * middle, the coordinate system at the left and the issuer and date at the right.
 */
import type { Translate } from '../rules/render.ts';
import { BLACK, type DrawOp, type Sheet } from './display-list.ts';
import { gridTicks, northArrow, scaleBar, scaleBarMetres, type GridOptions } from './furniture.ts';
import type { SeriesPageLayout } from './paper.ts';
import type { PaperProjection } from './project.ts';
import type { SeriesSheet } from './sheets.ts';

export interface SeriesPageInput {
  readonly layout: SeriesPageLayout;
  /** The frame's projection: its top-left corner is the sheet's north-west corner. */
  readonly projection: PaperProjection;
  readonly scale: number;
  readonly sheet: SeriesSheet;
  /** The map's ops already in page millimetres (cut at the frame here). */
  readonly map: readonly DrawOp[];
  readonly title: string;
  /** 图号 … or 拼幅 …. */
  readonly numberLine: string;
  readonly grid: GridOptions;
  /** Lines at the bottom left, then the bottom right. */
  readonly notesLeft: readonly string[];
  readonly notesRight: readonly string[];
  readonly t: Translate;
}

const text = (s: string, x: number, y: number, sizeMm: number, align: 'left' | 'center' | 'right', bold = false): DrawOp => ({ kind: 'text', text: s, x, y, sizeMm, bold, align, colour: BLACK });

/** The 接图表: 3 × 3 cells of the neighbours' numbers, the sheet itself hatched. */
function adjoiningTable(adjoining: readonly (readonly string[])[], x: number, y: number, unit: number, title: string): DrawOp[] {
  const [w, h] = [19 * unit, 6 * unit];
  const size = 1.9 * unit;
  const ops: DrawOp[] = [text(title, x, y - 1.2 * unit, 2.4 * unit, 'left', true)];
  adjoining.forEach((row, r) =>
    row.forEach((number, c) => {
      const [cx, cy] = [x + c * w, y + r * h];
      const middle = r === 1 && c === 1;
      ops.push({ kind: 'shape', rings: [[cx, cy, cx + w, cy, cx + w, cy + h, cx, cy + h]], stroke: BLACK, strokeMm: 0.2, ...(middle ? { hatch: { angles: [45], spacingMm: 1, widthMm: 0.15, colour: [110, 110, 110] } } : {}) });
      if (!middle && number) ops.push(text(number, cx + w / 2, cy + h / 2 + size / 3, size, 'center'));
    }),
  );
  return ops;
}

export function composeSeriesPage(input: SeriesPageInput): Sheet {
  const { layout, projection, scale, t } = input;
  const { frame, unit, widthMm, heightMm } = layout;
  const ops: DrawOp[] = [{ kind: 'clip', ...frame, ops: input.map }];
  ops.push({ kind: 'shape', rings: [[frame.x, frame.y, frame.x + frame.w, frame.y, frame.x + frame.w, frame.y + frame.h, frame.x, frame.y + frame.h]], stroke: BLACK, strokeMm: 0.5 });
  ops.push(...gridTicks(projection, scale, unit, input.grid));

  ops.push(text(input.title, widthMm / 2, 16 * unit, 7 * unit, 'center', true));
  ops.push(text(input.numberLine, widthMm / 2, 25 * unit, 4 * unit, 'center'));
  ops.push(...adjoiningTable(input.sheet.adjoining, frame.x, 10 * unit, unit, t('print.series.adjoining')));
  ops.push(...northArrow(frame.x + frame.w - 8 * unit, 13 * unit, unit));

  const below = frame.y + frame.h;
  ops.push(text(t('print.scale', { scale: scale.toLocaleString('en-US') }), widthMm / 2, below + 11 * unit, 3.4 * unit, 'center', true));
  const barMm = (scaleBarMetres(scale) * 1000) / scale;
  ops.push(...scaleBar(widthMm / 2 - barMm / 2, below + 13.5 * unit, scale, unit).ops);
  input.notesLeft.forEach((line, i) => ops.push(text(line, frame.x, below + (10 + i * 4.5) * unit, 2.6 * unit, 'left')));
  input.notesRight.forEach((line, i) => ops.push(text(line, frame.x + frame.w, below + (10 + i * 4.5) * unit, 2.6 * unit, 'right', true)));
  return { widthMm, heightMm, ops };
}
