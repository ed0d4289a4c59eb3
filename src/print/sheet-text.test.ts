import { describe, expect, it } from 'vitest';
import { croppedSamplePlan, samplePlan } from '../../tests/e2e/support/notice.ts';
import { createI18n } from '../i18n/index.ts';
import { fullCheck } from '../rules/engine.ts';
import { composeSheet } from './compose.ts';
import { composeSeries } from './compose-series.ts';
import { roughTextWidth, wrapText, type DrawOp, type Sheet, type TextOp } from './display-list.ts';

const i18n = createI18n('zh-CN');
const t = (k: string, p?: Record<string, unknown>) => i18n.t(k, p ?? {});

/** An issuing body as counties write it when the township and the village committee issue together. */
const LONG_ISSUER = '杭州市余杭区良渚街道办事处、良渚街道新港村村民委员会（新港村股份经济合作社）';

const textsOf = (ops: readonly DrawOp[]): TextOp[] => ops.flatMap((op) => (op.kind === 'text' ? [op] : op.kind === 'clip' ? textsOf(op.ops) : []));

/** The texts whose rough box leaves the page's printed border (half the margin in from the edge). */
function outsideBorder(sheet: Sheet, borderMm: number): string[] {
  return textsOf(sheet.ops)
    .filter((op) => {
      const w = roughTextWidth(op.text, op.sizeMm);
      const left = op.align === 'left' ? op.x : op.align === 'center' ? op.x - w / 2 : op.x - w;
      return left < borderMm || left + w > sheet.widthMm - borderMm;
    })
    .map((op) => op.text);
}

describe('text on the printed sheet stays on the paper', () => {
  const plan = croppedSamplePlan(500, 400);
  const input = { plan, kind: 'plan' as const, issuer: LONG_ISSUER, date: '2026-11-01', indicators: fullCheck(plan).tables.F1, t };

  it('wraps a long issuing body inside the side column of the one-sheet map, every character kept', () => {
    const composed = composeSheet({ ...input, paper: 'A3', scale: 2000 });
    if (!composed.ok) throw new Error(composed.error.key);
    // A3: margin 10 mm, the border at 5 mm from the edge.
    expect(outsideBorder(composed.value.sheet, 5)).toEqual([]);
    const footer = textsOf(composed.value.sheet.ops).filter((op) => op.bold && op.sizeMm === 2.8);
    expect(footer.map((op) => op.text).join('')).toContain(`发布单位：${LONG_ISSUER}`);
  });

  it('keeps the series index page’s notes inside its border too', () => {
    const composed = composeSeries({ ...input, layout: { kind: 'standard' } });
    if (!composed.ok) throw new Error(composed.error.key);
    const [index] = composed.value.pages;
    const unit = Math.sqrt(index!.widthMm / 420);
    expect(outsideBorder(index!, 5 * unit)).toEqual([]);
  });
});

/** Pairs of texts whose rough boxes (baseline up one size, 0.2 mm of air) overlap. */
function overlappingTexts(sheet: Sheet): string[] {
  const boxes = textsOf(sheet.ops).map((op) => {
    const w = roughTextWidth(op.text, op.sizeMm);
    const left = op.align === 'left' ? op.x : op.align === 'center' ? op.x - w / 2 : op.x - w;
    return { text: op.text, box: [left + 0.1, op.y - op.sizeMm + 0.1, left + w - 0.1, op.y - 0.1] as const };
  });
  return boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => a.box[0] < b.box[2] && b.box[0] < a.box[2] && a.box[1] < b.box[3] && b.box[1] < a.box[3]).map((b) => `${a.text} × ${b.text}`));
}

describe('the legend and the indicators table in English', () => {
  const english = createI18n('en');
  const plan = samplePlan();
  const input = { plan, kind: 'plan' as const, paper: 'A0' as const, scale: 2500, issuer: 'Anlan Town Government', date: '2026-11-01', indicators: fullCheck(plan).tables.F1, t: (k: string, p?: Record<string, unknown>) => english.t(k, p ?? {}) };

  it('wrap long names inside their column: no text runs into another or off the sheet', () => {
    const composed = composeSheet(input);
    if (!composed.ok) throw new Error(composed.error.key);
    const { sheet } = composed.value;
    expect(overlappingTexts(sheet)).toEqual([]);
    expect(outsideBorder(sheet, 5 * Math.sqrt(sheet.widthMm / 420))).toEqual([]);
    const texts = textsOf(sheet.ops).map((op) => op.text);
    expect(texts).toEqual(expect.arrayContaining(['Commercial', 'construction land', 'Urban and rural', 'construction land']));
  });
});

describe('wrapText', () => {
  it('breaks CJK anywhere and Latin at spaces, never wider than asked unless one character is', () => {
    expect(wrapText('良渚街道新港村村民委员会', 2, 10)).toEqual(['良渚街道新', '港村村民委', '员会']);
    expect(wrapText('Issued by the Liangzhu Subdistrict Office', 2, 25)).toEqual(['Issued by the Liangzhu', 'Subdistrict Office']);
    expect(wrapText('短', 2, 1)).toEqual(['短']);
    expect(wrapText('', 2, 10)).toEqual(['']);
    // A character outside the BMP (GBK-era rare characters are often mapped there) is one character.
    expect(wrapText('𠮷𠮷𠮷', 2, 4)).toEqual(['𠮷𠮷', '𠮷']);
  });
});
