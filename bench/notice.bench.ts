/**
 * `npm run bench:notice` (issue 7, the public notice). In one run:
 *  - the size of the single-file notice of the sample village (goal ≤ 3 MB);
 *  - its time to first map render opened from file:// in headless Chromium at 360×740 with 4× CPU
 *    throttling: navigation → `notice:first-map-render` (the task after the first frame in which the
 *    canvas first view has drawn the village's parcels from the payload), and, as a second figure,
 *    → `notice:map-idle` (MapLibre's first idle, when it replaces the canvas); against the editor's own load
 *    of the same plan (→ its map idle, its first render) under the same conditions (goal ≤ 0.5×); fresh
 *    contexts, loads alternating;
 *  - the time to generate the A1 plan map PDF (and its JPG) in Node.
 * Writes bench/out/notice.json. Not a test: numbers, not verdicts.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { createI18n } from '../src/i18n/index.ts';
import { printMapJpg, printMapPdf } from '../src/print/print-map.ts';
import { loadGeos } from '../src/geo/geos/geos-module.ts';
import { fullCheck } from '../src/rules/engine.ts';
import { CHROMIUM_ARGS } from '../tests/e2e/support/browser.ts';
import { publishSample, SAMPLE_PLAN_PATH, samplePlan } from '../tests/e2e/support/notice.ts';
import { buildBenchApp, formatMs, median, serve } from './support.ts';

const PORT = 4423;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const LOADS = Number(process.env.BENCH_LOADS ?? 5);
const PRINTS = Number(process.env.BENCH_PRINTS ?? 5);
const OUT_DIR = resolve('.tmp/notice-bench');
const VIEWPORT = { width: 360, height: 740 };

/**
 * One load in a browser of its own: with one browser for all loads, times grew load after load (MapLibre's
 * software-GL leftovers on two cores), which made whichever page came later look slower.
 */
async function loadOnce(url: string, marks: readonly string[]): Promise<number[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: VIEWPORT, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url);
  await page.waitForFunction((ms) => ms.every((m) => performance.getEntriesByName(m).length > 0), marks, { timeout: 240_000, polling: 100 });
  const times = await page.evaluate((ms) => ms.map((m) => performance.getEntriesByName(m)[0]!.startTime), marks);
  await browser.close();
  return times;
}

async function main(): Promise<void> {
  await loadGeos();
  mkdirSync(OUT_DIR, { recursive: true });
  const notice = await publishSample();
  const noticePath = resolve(OUT_DIR, 'notice.html');
  writeFileSync(noticePath, notice.bytes);
  console.log(`notice file: ${(notice.bytes.length / 1_048_576).toFixed(2)} MB (${notice.bytes.length} bytes)`);

  // The editor, built as for the editor benchmark (no service worker installing beside the load).
  const dist = resolve(OUT_DIR, 'dist');
  buildBenchApp(dist);
  copyFileSync(SAMPLE_PLAN_PATH, resolve(dist, 'sample.plan.json'));
  const server = await serve(dist, PORT);
  const viewer: number[] = [];
  const viewerIdle: number[] = [];
  const editor: number[] = [];
  try {
    for (let i = 0; i < LOADS; i++) {
      const [first, idle] = await loadOnce(pathToFileURL(noticePath).href, ['notice:first-map-render', 'notice:map-idle']);
      viewer.push(first as number);
      viewerIdle.push(idle as number);
      editor.push(...(await loadOnce(`${ORIGIN}/?plan=/sample.plan.json`, ['village-plan:map-idle'])));
    }
  } finally {
    server.close();
  }

  const plan = samplePlan();
  const i18n = createI18n('zh-CN');
  const t = (key: string, params?: Record<string, unknown>) => i18n.t(key, params ?? {});
  const fonts = {
    regular: readFileSync('node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff'),
    bold: readFileSync('node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-700-normal.woff'),
  };
  const input = { plan, kind: 'plan' as const, paper: 'A1' as const, scale: 5000, issuer: '安澜镇人民政府', date: '2026-11-01', indicators: fullCheck(plan).tables.F1, t };
  const pdfMs: number[] = [];
  const jpgMs: number[] = [];
  let pdfBytes = 0;
  let jpgBytes = 0;
  for (let i = 0; i <= PRINTS; i++) {
    let started = performance.now();
    const pdf = await printMapPdf(input, fonts);
    if (i > 0) pdfMs.push(performance.now() - started);
    started = performance.now();
    const jpg = await printMapJpg(input, fonts, 150);
    if (i > 0) jpgMs.push(performance.now() - started);
    if (!pdf.ok || !jpg.ok) throw new Error('print refused');
    [pdfBytes, jpgBytes] = [pdf.value.bytes.length, jpg.value.bytes.length];
  }

  const result = {
    date: new Date().toISOString(),
    noticeBytes: notice.bytes.length,
    firstRender: { viewerMs: median(viewer), editorMs: median(editor), ratio: median(viewer) / median(editor), viewer, editor },
    mapIdle: { viewerMs: median(viewerIdle), ratio: median(viewerIdle) / median(editor), viewer: viewerIdle },
    printA1: { pdfMs: median(pdfMs), pdfBytes, jpgMs: median(jpgMs), jpgBytes, jpgDpi: 150, scale: 5000 },
  };
  mkdirSync('bench/out', { recursive: true });
  writeFileSync('bench/out/notice.json', JSON.stringify(result, null, 2));
  const range = (xs: readonly number[]) => `${formatMs(Math.min(...xs))}–${formatMs(Math.max(...xs))}`;
  console.log(`first map render, 360×740, 4× CPU throttling (median of ${LOADS}): notice ${formatMs(result.firstRender.viewerMs)} (${range(viewer)}), editor ${formatMs(result.firstRender.editorMs)} (${range(editor)}), ratio ${result.firstRender.ratio.toFixed(2)} (goal ≤ 0.5)`);
  console.log(`notice MapLibre first idle (takes over from the canvas): ${formatMs(result.mapIdle.viewerMs)} (${range(viewerIdle)}), ratio to the editor ${result.mapIdle.ratio.toFixed(2)}`);
  console.log(`A1 plan map at 1:5000: PDF ${formatMs(result.printA1.pdfMs)} (${(pdfBytes / 1024).toFixed(0)} KB), JPG 150 dpi ${formatMs(result.printA1.jpgMs)} (${(jpgBytes / 1024).toFixed(0)} KB)`);
}

await main();
