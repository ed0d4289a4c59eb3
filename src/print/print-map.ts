/**
 * The printed plan map in one call, for the editor (in the browser) and for Node alike: compose the sheet,
 * then render it as PDF or JPG. A village that does not fit the sheet at the scale is a refusal, not a
 * smaller map.
 */
import type { Result } from '../domain/message.ts';
import { composeSheet, type ComposedSheet, type PrintInput } from './compose.ts';
import { sheetJpeg } from './jpg.ts';
import { sheetPdf, type PrintFonts } from './pdf.ts';

export interface PrintedMap {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly scaleBar: ComposedSheet['scaleBar'];
  readonly widthMm: number;
  readonly heightMm: number;
}

function fileName(input: PrintInput, extension: string): string {
  const title = input.t(input.kind === 'plan' ? 'print.title.plan' : 'print.title.current', { village: input.plan.meta.villageName });
  return `${title}-${input.paper}-1比${input.scale}.${extension}`;
}

export async function printMapPdf(input: PrintInput, fonts: PrintFonts): Promise<Result<PrintedMap>> {
  const composed = composeSheet(input);
  if (!composed.ok) return composed;
  const { sheet, scaleBar } = composed.value;
  const title = input.t(input.kind === 'plan' ? 'print.title.plan' : 'print.title.current', { village: input.plan.meta.villageName });
  const bytes = await sheetPdf(sheet, fonts, { title, author: input.issuer, date: input.date });
  return { ok: true, value: { bytes, fileName: fileName(input, 'pdf'), scaleBar, widthMm: sheet.widthMm, heightMm: sheet.heightMm }, notes: [] };
}

/** The package's image (4.图像文件/…村土地利用现状图.jpg): the same sheet at `dpi`. */
export async function printMapJpg(input: PrintInput, fonts: PrintFonts, dpi = 150): Promise<Result<PrintedMap>> {
  const composed = composeSheet(input);
  if (!composed.ok) return composed;
  const { sheet, scaleBar } = composed.value;
  const title = input.t(input.kind === 'plan' ? 'print.title.plan' : 'print.title.current', { village: input.plan.meta.villageName });
  return { ok: true, value: { bytes: await sheetJpeg(sheet, fonts, dpi), fileName: `${title}.jpg`, scaleBar, widthMm: sheet.widthMm, heightMm: sheet.heightMm }, notes: [] };
}
