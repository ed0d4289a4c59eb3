import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { samplePlan } from '../../tests/e2e/support/notice.ts';
import { gdal, skipWithoutGdal } from '../../tests/support/gdal.ts';
import { kmSquaresReached, type Ring } from '../../tests/support/km-sheets.ts';
import { layerFeatures } from '../domain/plan.ts';
import { createI18n } from '../i18n/index.ts';
import { fullCheck } from '../rules/engine.ts';
import { composeSeries, MAX_SERIES_SHEETS, type SeriesInput } from './compose-series.ts';
import { seriesPageAround } from './paper.ts';
import { printSeriesPdf } from './print-map.ts';

const i18n = createI18n('zh-CN');
const t = (k: string, p?: Record<string, unknown>) => i18n.t(k, p ?? {});
const fonts = {
  regular: readFileSync('node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff'),
  bold: readFileSync('node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-700-normal.woff'),
};
const plan = samplePlan();
const base = { plan, kind: 'plan' as const, issuer: '安澜镇人民政府', date: '2026-11-01', indicators: fullCheck(plan).tables.F1, t };
const standard: SeriesInput = { ...base, layout: { kind: 'standard' } };
const dir = mkdtempSync(join(tmpdir(), 'print-series-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('标准分幅: the sample as 1:2000 standard sheets', () => {
  it.skipIf(skipWithoutGdal('gdaltransform'))('prints exactly the 1 km squares the boundary reaches, as PROJ projects it', () => {
    const [boundary] = layerFeatures(plan, 'boundary');
    if (boundary?.geometry.type !== 'Polygon') throw new Error('the sample’s boundary is one polygon');
    const lonLat = boundary.geometry.coordinates.map((ring) => ring.map((p) => `${p[0]} ${p[1]}`).join('\n'));
    const rings: Ring[] = lonLat.map((text) =>
      gdal('gdaltransform', ['-s_srs', '+proj=longlat +ellps=GRS80 +no_defs', '-t_srs', '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +units=m +no_defs', '-output_xy'], text)
        .trim()
        .split('\n')
        .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]),
    );
    const expected = kmSquaresReached(rings).map(([e, n]) => `${(n / 1000).toFixed(1)}-${((e - 40_000_000) / 1000).toFixed(1)}`);
    const composed = composeSeries(standard);
    if (!composed.ok) throw new Error(composed.error.key);
    expect([...composed.value.sheets.map((s) => s.number)].sort()).toEqual([...expected].sort());
    expect(composed.value.pages).toHaveLength(expected.length + 1);
  }, 60_000);

  it('makes one PDF: the index, then each sheet at 50 × 50 cm and 1:2000, with its number, 接图表 and metadata', async () => {
    const printed = await printSeriesPdf(standard, fonts);
    if (!printed.ok) throw new Error(printed.error.key);
    const { bytes, pages, sheetNumbers, fileName } = printed.value;
    expect(fileName).toBe('沈家埭村土地利用规划图-标准分幅-1比2000.pdf');
    const pdf = join(dir, 'standard.pdf');
    writeFileSync(pdf, bytes);
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), pdf], { encoding: 'utf8' });
    expect(info).toMatch(new RegExp(`Pages:\\s+${sheetNumbers.length + 1}\\n`));
    expect(info).toMatch(/Title:\s+沈家埭村土地利用规划图（1:2000 标准分幅）/);
    expect(info).toMatch(/Author:\s+安澜镇人民政府/);
    expect(info).toMatch(/Producer:\s+Village Plan\n/);
    expect(info).toMatch(/CreationDate:.*2026/);
    // Every page is the standard sheet's page: the 500 mm frame and its bands, in points.
    const page = seriesPageAround(500, 500);
    const pt = (mm: number) => ((mm * 72) / 25.4).toFixed(2);
    for (let i = 1; i <= pages; i++) expect(info).toMatch(new RegExp(`Page\\s+${i} size:\\s+${pt(page.widthMm)} x ${pt(page.heightMm)} pts`));
    expect(page.widthMm).toBeGreaterThan(500);

    const text = (first: number) => execFileSync('pdftotext', ['-f', String(first), '-l', String(first), '-layout', pdf, '-'], { encoding: 'utf8' });
    const index = text(1);
    expect(index).toContain('沈家埭村土地利用规划图 · 分幅索引图');
    expect(index).toContain('图例');
    for (const number of sheetNumbers) expect(index).toContain(number);
    const second = text(2);
    for (const expected of ['沈家埭村土地利用规划图', `图号 ${sheetNumbers[0]}`, '接图表', '比例尺 1:2,000', '发布单位：安澜镇人民政府']) expect(second).toContain(expected);
    expect(second).not.toContain('图例');

    // The frame on the rendered page: 500 mm between its lines' centres (1 km at 1:2000), nothing outside it.
    const dpi = 100;
    execFileSync('pdftoppm', ['-f', '2', '-l', '2', '-r', String(dpi), '-png', '-singlefile', pdf, join(dir, 'sheet')]);
    const png = PNG.sync.read(readFileSync(join(dir, 'sheet.png')));
    const pxPerMm = dpi / 25.4;
    // Halfway between two grid lines (every 100 mm), where no coordinate is written beside the frame.
    const row = Math.round((page.frame.y + page.frame.h / 2 + 25) * pxPerMm);
    const dark = (x: number) => {
      const i = (row * png.width + x) * 4;
      return (png.data[i] as number) + (png.data[i + 1] as number) + (png.data[i + 2] as number) < 300;
    };
    let left = 0;
    while (left < png.width && !dark(left)) left++;
    let right = png.width - 1;
    while (right > 0 && !dark(right)) right--;
    const centres = (right - left + 1) / pxPerMm - 0.5;
    expect(Math.abs(centres - 500)).toBeLessThan(0.6);
    expect(Math.abs(left / pxPerMm - page.frame.x)).toBeLessThan(0.6);
  }, 120_000);
});

describe('拼幅: tiles of the chosen paper', () => {
  it('numbers the tiles row-column and puts the index first', () => {
    const composed = composeSeries({ ...base, layout: { kind: 'tiled', paper: 'A1', scale: 2000 } });
    if (!composed.ok) throw new Error(composed.error.key);
    const numbers = composed.value.sheets.map((s) => s.number);
    expect(numbers[0]).toBe('1-1');
    expect(numbers.every((n) => /^\d+-\d+$/.test(n))).toBe(true);
    expect(composed.value.pages).toHaveLength(numbers.length + 1);
    expect(composed.value.pages.slice(1).every((p) => p.widthMm === 841 && p.heightMm === 594)).toBe(true);
  });

  it('refuses at once a village far too wide for any series (a boundary vertex typed 12.06 for 120.6), naming its size', () => {
    const [id, boundary] = Object.entries(plan.layers.boundary)[0] ?? [];
    if (!id || boundary?.geometry.type !== 'Polygon') throw new Error('the sample’s boundary is one polygon');
    const [shell = [], ...holes] = boundary.geometry.coordinates;
    const mistyped = shell.map((p, i) => (i === 5 ? [(p[0] as number) / 10, p[1] as number] : p));
    const wide = { ...plan, layers: { ...plan.layers, boundary: { [id]: { ...boundary, geometry: { type: 'Polygon' as const, coordinates: [mistyped, ...holes] } } } } };
    for (const layout of [{ kind: 'standard' }, { kind: 'tiled', paper: 'A0', scale: 10_000 }] as const) {
      // Refused before the box is searched: sheet by sheet (72 million 1 km squares) it took minutes and froze the editor.
      const refused = composeSeries({ ...base, plan: wide, layout });
      expect(refused).toMatchObject({ ok: false, error: { key: 'print.seriesTooWide', params: { widthKm: 7456, heightKm: 9698, max: MAX_SERIES_SHEETS } } });
    }
  });

  it('refuses settings that would make too many sheets, saying how many', () => {
    const refused = composeSeries({ ...base, layout: { kind: 'tiled', paper: 'A3', scale: 500 } });
    expect(refused).toMatchObject({ ok: false, error: { key: 'print.tooManySheets', params: { max: MAX_SERIES_SHEETS } } });
  });
});
