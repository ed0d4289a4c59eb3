import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { croppedSamplePlan, samplePlan } from '../../tests/e2e/support/notice.ts';
import { layerFeatures } from '../domain/plan.ts';
import { createI18n } from '../i18n/index.ts';
import { fullCheck } from '../rules/engine.ts';
import { composeSheet, fittingSheet } from './compose.ts';
import { subsetForText } from './font-subset.ts';
import { scaleBarMetres } from './furniture.ts';
import { fittingScales } from './paper.ts';
import { printMapJpg, printMapPdf, printSeriesPdf } from './print-map.ts';
import { Raster } from './raster.ts';
import { woffToSfnt } from './woff.ts';

const WOFF = readFileSync('node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff');
const BOLD_WOFF = readFileSync('node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-700-normal.woff');
const i18n = createI18n('zh-CN');
const t = (k: string, p?: Record<string, unknown>) => i18n.t(k, p ?? {});

describe('the printed map', () => {
  it('picks round scale-bar lengths near 50 mm', () => {
    expect([2000, 2500, 5000, 10_000].map(scaleBarMetres)).toEqual([100, 100, 250, 500]);
  });

  it('refuses a sheet the village does not fit, naming the scales that do', () => {
    const plan = samplePlan();
    const indicators = fullCheck(plan).tables.F1;
    const refused = composeSheet({ plan, kind: 'plan', paper: 'A1', scale: 2000, issuer: 'x', date: '2026-11-01', indicators, t });
    expect(refused).toMatchObject({ ok: false, error: { key: 'print.tooLarge', params: { fits: '1:5000, 1:10000' } } });
    expect(fittingScales('A0', 1791, 1710)).toEqual([2500, 5000, 10_000]);
    // A boundary vertex typed 12.06 for 120.6: no scale fits, and the message points at the coordinates.
    const [boundary] = layerFeatures(plan, 'boundary');
    if (boundary?.geometry.type !== 'Polygon') throw new Error('the sample’s boundary is one polygon');
    const ring = boundary.geometry.coordinates[0]!.map((p, i) => (i === 1 ? [p[0]! / 10, p[1]!] : p));
    const mistyped = { ...plan, layers: { ...plan.layers, boundary: { [boundary.id]: { ...boundary, geometry: { type: 'Polygon', coordinates: [ring] } } } } } as typeof plan;
    const typo = composeSheet({ plan: mistyped, kind: 'plan', paper: 'A0', scale: 10_000, issuer: 'x', date: '2026-11-01', indicators, t });
    expect(typo).toMatchObject({ ok: false, error: { key: 'print.tooLargeAtAnyScale', params: { paper: 'A0' } } });
    expect(!typo.ok && Number(typo.error.params?.widthKm)).toBeGreaterThan(1000);
    const fits = composeSheet({ plan, kind: 'plan', paper: 'A1', scale: 5000, issuer: '安澜镇人民政府', date: '2026-11-01', indicators, t });
    const texts = fits.ok ? fits.value.sheet.ops.filter((o) => o.kind === 'text').map((o) => (o.kind === 'text' ? o.text : '')) : [];
    expect(texts).toContain('沈家埭村土地利用规划图');
    expect(texts).toContain('发布单位：安澜镇人民政府');
    expect(fits.ok && fits.value.sheet.ops.some((o) => o.kind === 'shape' && o.hatch)).toBe(true);
  });

  it('unpacks the WOFF font and keeps glyph ids in the subset', () => {
    const sfnt = woffToSfnt(WOFF);
    const full = fontkit.create(sfnt as never) as unknown as { glyphForCodePoint(c: number): { id: number; path: { commands: unknown[] } } };
    const subset = fontkit.create(subsetForText(sfnt, '沈家埭村') as never) as unknown as typeof full;
    for (const c of '沈家埭村') expect(subset.glyphForCodePoint(c.codePointAt(0) as number).id).toBe(full.glyphForCodePoint(c.codePointAt(0) as number).id);
    expect(subset.glyphForCodePoint('沈'.codePointAt(0) as number).path.commands.length).toBeGreaterThan(0);
    expect(subset.glyphForCodePoint('图'.codePointAt(0) as number).path.commands.length).toBe(0);
  });

  it('names the characters the print font lacks (they would print as empty boxes), and still prints', async () => {
    // 嶴 and 溇 are in Zhejiang village names; the simplified-Chinese subset of Noto Sans SC has neither.
    const base = croppedSamplePlan(500, 400);
    const plan = { ...base, meta: { ...base.meta, villageName: '大嶴溇村' } };
    const input = { plan, kind: 'plan' as const, paper: 'A3' as const, scale: 2000, issuer: '安澜镇人民政府', date: '2026-11-01', indicators: fullCheck(plan).tables.F1, t };
    const fonts = { regular: WOFF, bold: BOLD_WOFF };
    const lacking = { key: 'print.missingGlyphs', params: { chars: '嶴 溇' } };
    for (const printed of [await printMapPdf(input, fonts), await printMapJpg(input, fonts, 20), await printSeriesPdf({ ...input, layout: { kind: 'standard' } }, fonts)]) {
      expect(printed.ok).toBe(true);
      if (printed.ok) expect(printed.notes).toEqual([lacking]);
    }
    const fine = await printMapPdf({ ...input, plan: base }, fonts);
    expect(fine.ok && fine.notes).toEqual([]);
  }, 60_000);

  it('rasterises with coverage: a half-pixel edge is half grey', () => {
    const raster = new Raster(4, 1);
    raster.fill([[0, 0, 2.5, 0, 2.5, 1, 0, 1]], { colour: [0, 0, 0] });
    expect([...raster.data.filter((_, i) => i % 4 === 0)]).toEqual([0, 0, 128, 255]);
  });
});

describe('the print dialog’s defaults', () => {
  const t = (key: string) => key;
  it('start at a sheet and scale the village fits: 1:2000 on the smallest sheet that holds it, else the largest scale that fits', () => {
    const plan = samplePlan();
    const chosen = fittingSheet(plan);
    // The sample (about 1.8 × 1.7 km) is too large for any sheet at 1:2000; A0 holds it at 1:2500.
    expect(chosen).toEqual({ paper: 'A0', scale: 2500 });
    expect(composeSheet({ plan, kind: 'plan', ...chosen, issuer: 'x', date: '2026-11-01', indicators: fullCheck(plan).tables.F1, t }).ok).toBe(true);
    const small = croppedSamplePlan(500, 400);
    expect(fittingSheet(small)).toEqual({ paper: 'A3', scale: 2000 });
  });
});

