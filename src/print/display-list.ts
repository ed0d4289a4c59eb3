/**
 * A printed sheet as a list of drawing operations in millimetres from the page's top-left corner (y down).
 * One list feeds both renderers, the PDF (pdf.ts) and the JPG (jpg.ts), so the two can never disagree.
 */
export type Rgb = readonly [number, number, number];

/** Parallel lines drawn inside a shape: what keeps meaning when a sheet is printed in grey. */
export interface Hatch {
  /** Degrees from the x axis (0 horizontal, 45 rising to the right, 90 vertical). */
  readonly angles: readonly number[];
  readonly spacingMm: number;
  readonly widthMm: number;
  readonly colour: Rgb;
}

/** Rings of [x0, y0, x1, y1, …] in mm; each closed implicitly. Filled with the non-zero rule. */
export type Rings = readonly (readonly number[])[];

export interface ShapeOp {
  readonly kind: 'shape';
  readonly rings: Rings;
  readonly fill?: Rgb;
  readonly hatch?: Hatch;
  readonly stroke?: Rgb;
  readonly strokeMm?: number;
  /** Dash pattern in mm (on, off, …). */
  readonly dashMm?: readonly number[];
}

/** An open polyline (ticks, the north arrow's shaft, table rules). */
export interface LineOp {
  readonly kind: 'line';
  readonly points: readonly number[];
  readonly stroke: Rgb;
  readonly strokeMm: number;
}

export interface TextOp {
  readonly kind: 'text';
  readonly text: string;
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  readonly sizeMm: number;
  readonly bold: boolean;
  readonly align: 'left' | 'center' | 'right';
  readonly colour: Rgb;
}

/** Ops drawn only inside a rectangle: a series sheet's map, cut at its frame. */
export interface ClipOp {
  readonly kind: 'clip';
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly ops: readonly DrawOp[];
}

export type DrawOp = ShapeOp | LineOp | TextOp | ClipOp;

export interface Sheet {
  readonly widthMm: number;
  readonly heightMm: number;
  readonly ops: readonly DrawOp[];
}

/** The display list's text in one face (bold or regular), clipped ops included: what that face must draw. */
export function textOf(ops: readonly DrawOp[], bold: boolean): string {
  return ops.map((op) => (op.kind === 'text' && op.bold === bold ? op.text : op.kind === 'clip' ? textOf(op.ops, bold) : '')).join('');
}

/**
 * Rough width of a line of text in mm, for layout without the font: a CJK character is square, Latin about
 * half as wide. Enough to fit labels in parcels and keep lines inside their column.
 */
export function roughTextWidth(text: string, sizeMm: number): number {
  return [...text].reduce((w, c) => w + ((c.codePointAt(0) as number) > 0x2e80 ? sizeMm : sizeMm * 0.55), 0);
}

/**
 * A line of text broken into lines no wider than `widthMm` (roughly, as `roughTextWidth` measures):
 * between any two CJK characters, between Latin words at spaces, and inside a Latin word only when the
 * word alone is too wide. A long issuing body or village name then stays inside its column and the page.
 */
export function wrapText(text: string, sizeMm: number, widthMm: number): string[] {
  const pieces = text.match(/[\u2e80-\u{10ffff}]|[^\u2e80-\u{10ffff}\s]+\s*|\s+/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces.flatMap((p) => (roughTextWidth(p.trimEnd(), sizeMm) > widthMm ? [...p] : [p]))) {
    if (line && roughTextWidth(line + piece.trimEnd(), sizeMm) > widthMm) {
      lines.push(line.trimEnd());
      line = piece.trimStart();
    } else line += piece;
  }
  if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

export const BLACK: Rgb = [0, 0, 0];
export const WHITE: Rgb = [255, 255, 255];
