/**
 * The sheet as a PDF (pdf-lib), with the Chinese font embedded as a subset of the glyphs used (@pdf-lib/
 * fontkit): the file prints the same on any machine. Shapes are drawn in millimetres under one page
 * transform, so every length on paper is exactly what the display list says.
 */
import fontkit from '@pdf-lib/fontkit';
import {
  clip,
  closePath,
  concatTransformationMatrix,
  endPath,
  fill,
  lineTo,
  moveTo,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setDashPattern,
  setFillingRgbColor,
  setLineWidth,
  setStrokingRgbColor,
  stroke,
  type PDFFont,
  type PDFOperator,
} from 'pdf-lib';
import { textOf, type DrawOp, type Hatch, type Rgb, type Rings, type Sheet, type TextOp } from './display-list.ts';
import { subsetForText } from './font-subset.ts';
import { woffToSfnt } from './woff.ts';

/** The embedded font faces (Noto Sans SC from @fontsource/noto-sans-sc, WOFF). */
export interface PrintFonts {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

export interface PdfMeta {
  readonly title: string;
  readonly author: string;
  /** The map's date (YYYY-MM-DD, as printed on the sheet): the PDF's creation date, so one plan and date print to the same bytes. */
  readonly date: string;
}

const PT_PER_MM = 72 / 25.4;
const colour = (c: Rgb) => [c[0] / 255, c[1] / 255, c[2] / 255] as const;

function pathOps(rings: Rings): PDFOperator[] {
  const ops: PDFOperator[] = [];
  for (const ring of rings) {
    if (ring.length < 4) continue;
    ops.push(moveTo(ring[0] as number, ring[1] as number));
    for (let i = 2; i + 1 < ring.length; i += 2) ops.push(lineTo(ring[i] as number, ring[i + 1] as number));
    ops.push(closePath());
  }
  return ops;
}

/** Hatch lines across the rings' box, kept inside by a clipping path. */
function hatchLines(rings: Rings, hatch: Hatch): number[][] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) for (let i = 0; i + 1 < ring.length; i += 2) [x0, y0, x1, y1] = [Math.min(x0, ring[i] as number), Math.min(y0, ring[i + 1] as number), Math.max(x1, ring[i] as number), Math.max(y1, ring[i + 1] as number)];
  const lines: number[][] = [];
  const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
  const reach = Math.hypot(x1 - x0, y1 - y0) / 2 + hatch.spacingMm;
  for (const angle of hatch.angles) {
    // y grows downwards on the page: a line "rising to the right" goes to smaller y.
    const a = (-angle * Math.PI) / 180;
    const [dx, dy] = [Math.cos(a), Math.sin(a)];
    const [nx, ny] = [-dy, dx];
    // Lines on a fixed page grid (offsets from 0, not from the shape), so neighbours' hatches line up.
    const base = cx * nx + cy * ny;
    const first = Math.ceil((base - reach) / hatch.spacingMm) * hatch.spacingMm;
    for (let o = first; o <= base + reach; o += hatch.spacingMm) {
      const [px, py] = [cx + nx * (o - base), cy + ny * (o - base)];
      lines.push([px - dx * reach, py - dy * reach, px + dx * reach, py + dy * reach]);
    }
  }
  return lines;
}

function shapeOps(op: Extract<DrawOp, { kind: 'shape' }>): PDFOperator[] {
  const out: PDFOperator[] = [];
  const path = pathOps(op.rings);
  if (path.length === 0) return out;
  if (op.fill) out.push(setFillingRgbColor(...colour(op.fill)), ...path, fill());
  if (op.hatch) {
    out.push(pushGraphicsState(), ...path, clip(), endPath(), setStrokingRgbColor(...colour(op.hatch.colour)), setLineWidth(op.hatch.widthMm));
    for (const [ax, ay, bx, by] of hatchLines(op.rings, op.hatch)) out.push(moveTo(ax as number, ay as number), lineTo(bx as number, by as number));
    out.push(stroke(), popGraphicsState());
  }
  if (op.stroke) {
    out.push(setStrokingRgbColor(...colour(op.stroke)), setLineWidth(op.strokeMm ?? 0.2), setDashPattern([...(op.dashMm ?? [])], 0), ...path, stroke());
    if (op.dashMm) out.push(setDashPattern([], 0));
  }
  return out;
}

function lineOps(op: Extract<DrawOp, { kind: 'line' }>): PDFOperator[] {
  const out: PDFOperator[] = [setStrokingRgbColor(...colour(op.stroke)), setLineWidth(op.strokeMm), moveTo(op.points[0] as number, op.points[1] as number)];
  for (let i = 2; i + 1 < op.points.length; i += 2) out.push(lineTo(op.points[i] as number, op.points[i + 1] as number));
  out.push(stroke());
  return out;
}

/** A clip rectangle in page millimetres; texts carry theirs because pdf-lib draws text outside our transform. */
type ClipBox = { readonly x: number; readonly y: number; readonly w: number; readonly h: number };

function collect(ops: readonly DrawOp[], shapes: PDFOperator[], texts: { op: TextOp; clip?: ClipBox }[], clipBox?: ClipBox): void {
  for (const op of ops) {
    if (op.kind === 'text') texts.push(clipBox ? { op, clip: clipBox } : { op });
    else if (op.kind === 'clip') {
      shapes.push(pushGraphicsState(), ...pathOps([[op.x, op.y, op.x + op.w, op.y, op.x + op.w, op.y + op.h, op.x, op.y + op.h]]), clip(), endPath());
      collect(op.ops, shapes, texts, op);
      shapes.push(popGraphicsState());
    } else shapes.push(...(op.kind === 'shape' ? shapeOps(op) : lineOps(op)));
  }
}

export function sheetPdf(sheet: Sheet, fonts: PrintFonts, meta: PdfMeta): Promise<Uint8Array> {
  return sheetsPdf([sheet], fonts, meta);
}

/** Several sheets as the pages of one PDF (a series: its index, then its sheets), one font subset for all. */
export async function sheetsPdf(sheets: readonly Sheet[], fonts: PrintFonts, meta: PdfMeta): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const allOps = sheets.flatMap((sheet) => sheet.ops);
  const embed = (face: Uint8Array, bold: boolean) => doc.embedFont(subsetForText(woffToSfnt(face), textOf(allOps, bold)), { subset: false });
  const [regular, bold] = await Promise.all([embed(fonts.regular, false), embed(fonts.bold, true)]);
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setCreator('Village Plan');
  doc.setProducer('Village Plan');
  // The sheet's own date, not the clock: the same plan and date print to the same bytes. A date that is
  // not one (an empty field) falls back to today, never to 1970.
  const dated = /^\d{4}-\d{2}-\d{2}$/.test(meta.date) && !Number.isNaN(Date.parse(meta.date)) ? new Date(`${meta.date}T00:00:00Z`) : new Date();
  doc.setCreationDate(dated);
  doc.setModificationDate(dated);
  for (const sheet of sheets) {
    const heightPt = sheet.heightMm * PT_PER_MM;
    const page = doc.addPage([sheet.widthMm * PT_PER_MM, heightPt]);
    const shapes: PDFOperator[] = [pushGraphicsState(), concatTransformationMatrix(PT_PER_MM, 0, 0, -PT_PER_MM, 0, heightPt)];
    const texts: { op: TextOp; clip?: ClipBox }[] = [];
    collect(sheet.ops, shapes, texts);
    shapes.push(popGraphicsState());
    // In batches: one spread call with a hundred thousand operators overflows the call stack.
    for (let i = 0; i < shapes.length; i += 5000) page.pushOperators(...shapes.slice(i, i + 5000));
    let openClip: ClipBox | undefined;
    for (const { op, clip: box } of texts) {
      if (box !== openClip) {
        if (openClip) page.pushOperators(popGraphicsState());
        if (box) page.pushOperators(pushGraphicsState(), rectangle(box.x * PT_PER_MM, heightPt - (box.y + box.h) * PT_PER_MM, box.w * PT_PER_MM, box.h * PT_PER_MM), clip(), endPath());
        openClip = box;
      }
      drawText(page, op, op.bold ? bold : regular, heightPt);
    }
    if (openClip) page.pushOperators(popGraphicsState());
  }
  return doc.save({ useObjectStreams: true });
}

function drawText(page: ReturnType<PDFDocument['addPage']>, op: TextOp, font: PDFFont, heightPt: number): void {
  const size = op.sizeMm * PT_PER_MM;
  const width = font.widthOfTextAtSize(op.text, size);
  const x = op.x * PT_PER_MM - (op.align === 'center' ? width / 2 : op.align === 'right' ? width : 0);
  page.drawText(op.text, { x, y: heightPt - op.y * PT_PER_MM, size, font, color: rgb(...colour(op.colour)) });
}
