/**
 * The printed plan map in one call, for the editor (in the browser) and for Node alike: compose the sheet
 * (or the series of sheets), then render it as PDF or JPG. A village that does not fit the sheet at the
 * scale is a refusal, not a smaller map.
 */
import type { Message, Result } from '../domain/message.ts';
import { composeSheet, mapTitle, type ComposedSheet, type PrintInput } from './compose.ts';
import { composeSeries, type SeriesInput } from './compose-series.ts';
import { textOf, type Sheet } from './display-list.ts';
import { missingCharacters } from './font-subset.ts';
import { sheetJpeg } from './jpg.ts';
import { sheetPdf, sheetsPdf, type PrintFonts } from './pdf.ts';
import { woffToSfnt } from './woff.ts';

export interface PrintedMap {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly scaleBar: ComposedSheet['scaleBar'];
  readonly widthMm: number;
  readonly heightMm: number;
}

export interface PrintedSeries {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  /** The index page and the sheets. */
  readonly pages: number;
  readonly sheetNumbers: readonly string[];
}

function fileName(input: PrintInput, extension: string): string {
  return `${mapTitle(input)}-${input.paper}-1比${input.scale}.${extension}`;
}

/**
 * A warning naming the characters of the sheets' text the print fonts have no glyph for: the map still
 * prints, with an empty box for each, so the planner can choose another form (岙 for 嶴) or write it in.
 */
function missingGlyphNotes(sheets: readonly Sheet[], fonts: PrintFonts): Message[] {
  const ops = sheets.flatMap((sheet) => sheet.ops);
  const missing = new Set([...missingCharacters(woffToSfnt(fonts.regular), textOf(ops, false)), ...missingCharacters(woffToSfnt(fonts.bold), textOf(ops, true))]);
  return missing.size ? [{ key: 'print.missingGlyphs', params: { chars: [...missing].join(' ') } }] : [];
}

export async function printMapPdf(input: PrintInput, fonts: PrintFonts): Promise<Result<PrintedMap>> {
  const composed = composeSheet(input);
  if (!composed.ok) return composed;
  const { sheet, scaleBar } = composed.value;
  const bytes = await sheetPdf(sheet, fonts, { title: mapTitle(input), author: input.issuer, date: input.date });
  return { ok: true, value: { bytes, fileName: fileName(input, 'pdf'), scaleBar, widthMm: sheet.widthMm, heightMm: sheet.heightMm }, notes: missingGlyphNotes([sheet], fonts) };
}

/** 标准分幅 or 拼幅: one PDF, the index page first, then a page per sheet. */
export async function printSeriesPdf(input: SeriesInput, fonts: PrintFonts): Promise<Result<PrintedSeries>> {
  const composed = composeSeries(input);
  if (!composed.ok) return composed;
  const { pages, sheets, title, fileStem } = composed.value;
  const bytes = await sheetsPdf(pages, fonts, { title, author: input.issuer, date: input.date });
  return { ok: true, value: { bytes, fileName: `${fileStem}.pdf`, pages: pages.length, sheetNumbers: sheets.map((s) => s.number) }, notes: missingGlyphNotes(pages, fonts) };
}

/** The package's image (4.图像文件/…村土地利用现状图.jpg): the same sheet at `dpi`. */
export async function printMapJpg(input: PrintInput, fonts: PrintFonts, dpi = 150): Promise<Result<PrintedMap>> {
  const composed = composeSheet(input);
  if (!composed.ok) return composed;
  const { sheet, scaleBar } = composed.value;
  return { ok: true, value: { bytes: await sheetJpeg(sheet, fonts, dpi), fileName: `${mapTitle(input)}.jpg`, scaleBar, widthMm: sheet.widthMm, heightMm: sheet.heightMm }, notes: missingGlyphNotes([sheet], fonts) };
}
