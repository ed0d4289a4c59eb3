/**
 * The browser part of `npm run bench:io` (issue 6), run after bench/io.bench.ts in the same `npm run`: the
 * 20,000-parcel zipped GBK Shapefile that io.bench.ts wrote (.tmp/bench-io/DLTB.zip) imported through the
 * editor's import dialog in headless Chromium (a VITE_VILLAGE_BENCH=1 build, as bench/rules-browser.bench.ts
 * builds it): pick → preview (read, reprojected and mapped in the io worker) and confirm → the plan holding
 * the 20,000 parcels (the import command on the main thread). Reports the longest main-thread task in each
 * phase (goal: none over 100 ms while reading), the progress values the bar showed, and the import time
 * against the Node import time io.bench.ts measured in the same run. Writes bench/out/io-browser.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/support/browser.ts';
import { clickAction } from '../tests/e2e/support/toolbar.ts';
import { buildBenchApp, formatMs, median, serve } from './support.ts';
import type { BenchHook } from '../src/ui/bench-hook.ts';

const PORT = 4396;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const OUT_DIR = '.tmp/bench-dist';
const INPUT = '.tmp/bench-io/DLTB.zip';
const RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 3);

type Window = { villagePlanBench: BenchHook; villagePlan: { plan(): { layers: { base: { features: unknown[] } } }; idle(): Promise<void> }; __progress: number[] };

interface Run {
  readonly readMs: number;
  readonly applyMs: number;
  readonly readLongTasks: number[];
  readonly applyLongTasks: number[];
  readonly progress: number[];
}

async function importOnce(page: Page, parcels: number): Promise<Run> {
  await page.goto(`${ORIGIN}/`);
  await page.waitForSelector('.app[data-ready="true"]', { timeout: 120_000 });
  await clickAction(page, 'import');
  // The bar's values as the page saw them, sampled every 20 ms (a sample late by a long task shows it too).
  await page.evaluate(() => {
    const w = window as unknown as Window;
    w.__progress = [];
    setInterval(() => {
      const bar = document.querySelector<HTMLProgressElement>('[data-testid="import-progress"] progress');
      const value = bar && bar.hasAttribute('value') ? bar.value : null;
      if (value !== null && w.__progress[w.__progress.length - 1] !== value) w.__progress.push(value);
    }, 20);
  });
  const since = await page.evaluate(() => performance.now());
  const start = performance.now();
  await page.setInputFiles('[data-testid="import-file"]', INPUT);
  await page.waitForSelector('[data-testid="import-preview"]', { timeout: 300_000 });
  const readMs = performance.now() - start;
  // Tasks of the read phase, taken now: what the worker's answers and the preview's rendering cost the page.
  const readLongTasks = await page.evaluate((s) => (window as unknown as Window).villagePlanBench.longTasksSince(s), since);
  const confirmAt = await page.evaluate(() => performance.now());
  const applyStart = performance.now();
  await page.click('[data-testid="import-confirm"]');
  await page.waitForSelector('[data-testid="import-dialog"]', { state: 'detached', timeout: 300_000 });
  // The command ran when the dialog closed; then the map draws them. (Not polling `plan()`: it copies the
  // whole plan on the main thread, a long task of its own.)
  await page.evaluate(() => (window as unknown as Window).villagePlan.idle());
  const applyMs = performance.now() - applyStart;
  const [applyLongTasks, progress] = await page.evaluate((c) => {
    const w = window as unknown as Window;
    return [w.villagePlanBench.longTasksSince(c), w.__progress] as const;
  }, confirmAt);
  const count = await page.evaluate(() => (window as unknown as Window).villagePlan.plan().layers.base.features.length);
  if (count !== parcels) throw new Error(`the plan holds ${count} base parcels, not ${parcels}: measurement invalid`);
  return { readMs, applyMs, readLongTasks, applyLongTasks, progress };
}

async function main(): Promise<void> {
  if (!existsSync(INPUT) || !existsSync('bench/out/io.json')) throw new Error(`${INPUT} and bench/out/io.json come from bench/io.bench.ts: run \`npm run bench:io\``);
  const node = JSON.parse(readFileSync('bench/out/io.json', 'utf8')) as { parcels: number; import: { oursMs: number } };
  buildBenchApp(OUT_DIR);
  const server = await serve(OUT_DIR, PORT);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const runs: Run[] = [];
  try {
    // A fresh context per run: no draft, no cache of the previous import; the first run warms the file cache.
    for (let i = 0; i <= RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const run = await importOnce(await context.newPage(), node.parcels);
      await context.close();
      if (i > 0) runs.push(run);
    }
  } finally {
    await browser.close();
    server.close();
  }
  const longest = (tasks: readonly number[]) => (tasks.length ? Math.max(...tasks) : 0);
  const readMs = median(runs.map((r) => r.readMs));
  const applyMs = median(runs.map((r) => r.applyMs));
  const result = {
    date: new Date().toISOString(),
    parcels: node.parcels,
    runs: RUNS,
    readToPreviewMs: readMs,
    confirmToAppliedMs: applyMs,
    nodeImportMs: node.import.oursMs,
    ratioReadOverNode: readMs / node.import.oursMs,
    longestTaskWhileReadingMs: Math.max(...runs.map((r) => longest(r.readLongTasks))),
    longestTaskWhileApplyingMs: Math.max(...runs.map((r) => longest(r.applyLongTasks))),
    progressValuesSeen: runs.map((r) => r.progress.length),
    raw: runs,
  };
  console.log(
    `browser import of ${node.parcels} parcels: pick → preview ${formatMs(readMs)} (Node import ${formatMs(node.import.oursMs)}, ratio ${result.ratioReadOverNode.toFixed(2)}); ` +
      `confirm → plan holds them ${formatMs(applyMs)}; longest main-thread task while reading ${formatMs(result.longestTaskWhileReadingMs)} (goal ≤ 100 ms), ` +
      `while applying ${formatMs(result.longestTaskWhileApplyingMs)}; progress values shown per run: ${result.progressValuesSeen.join(', ')}`,
  );
  mkdirSync('bench/out', { recursive: true });
  writeFileSync('bench/out/io-browser.json', JSON.stringify(result, null, 2));
}

await main();
