/**
 * The browser part of `npm run bench:io` (issue 6), run after bench/io.bench.ts in the same `npm run`: the
 * 20,000-parcel zipped GBK Shapefile that io.bench.ts wrote (.tmp/bench-io/DLTB.zip) imported through the
 * editor's import dialog in headless Chromium (a VITE_VILLAGE_BENCH=1 build, as bench/rules-browser.bench.ts
 * builds it): pick → preview (read, reprojected and mapped in the io worker) and confirm → the plan holding
 * the 20,000 parcels (the import command on the main thread). Reports the longest main-thread task in each
 * phase (goal: none over 100 ms while reading), the progress values the bar showed, and the import time
 * against the Node import time io.bench.ts measured in the same run. Before confirming, the planner's
 * mapping is changed (the first survey code to another class): the io worker applies it to the parcels it
 * read, and the run reports how many times the worker parsed files in all (the bench build's
 * `io-import-parses` marks; one means the change cost no second parse) and checks the plan has the new
 * class. Writes bench/out/io-browser.json. BENCH_PORT and BENCH_DIST give the server another port and the
 * build another folder, as in bench/drafts.bench.ts.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/support/browser.ts';
import { clickAction } from '../tests/e2e/support/toolbar.ts';
import { buildBenchApp, formatMs, median, serve } from './support.ts';
import type { BenchHook } from '../src/ui/bench-hook.ts';
import { IMPORT_PARSES } from '../src/app/io-client.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4396);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const OUT_DIR = process.env.BENCH_DIST ?? '.tmp/bench-dist';
const INPUT = '.tmp/bench-io/DLTB.zip';
const RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 3);

type Window = {
  villagePlanBench: BenchHook;
  villagePlan: { plan(): { layers: { base: { features: { properties: { surveyCode: string | null; classCode: string } }[] } } }; idle(): Promise<void> };
  __progress: number[];
};

interface Run {
  readonly readMs: number;
  readonly applyMs: number;
  readonly readLongTasks: number[];
  readonly applyLongTasks: number[];
  readonly progress: number[];
  /** Times the io worker parsed files from the pick to the confirmed import, the mapping change included. */
  readonly parses: number;
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
  // The planner maps the first survey code to another class: applied at confirm to the parcels the worker holds.
  const row = page.locator('.mapping-table tbody tr').first();
  const code = await row.getAttribute('data-code');
  const current = await row.locator('select').inputValue();
  const other = (await row.locator('select option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).find((v) => v !== current && v !== '' && v !== 'leave-out');
  if (!code || !other) throw new Error('no survey code to map to another class');
  await row.locator('select').selectOption(other);
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
  const { count, remapped } = await page.evaluate(
    ([surveyCode, classCode]) => {
      const features = (window as unknown as Window).villagePlan.plan().layers.base.features;
      const withCode = features.filter((f) => f.properties.surveyCode === surveyCode);
      return { count: features.length, remapped: withCode.length > 0 && withCode.every((f) => f.properties.classCode === classCode) };
    },
    [code, other] as const,
  );
  if (count !== parcels) throw new Error(`the plan holds ${count} base parcels, not ${parcels}: measurement invalid`);
  if (!remapped) throw new Error(`the parcels of ${code} did not get class ${other}: measurement invalid`);
  const parses = await page.evaluate((name) => {
    const marks = performance.getEntriesByName(name, 'mark') as PerformanceMark[];
    return (marks[marks.length - 1]?.detail as number | undefined) ?? -1;
  }, IMPORT_PARSES);
  return { readMs, applyMs, readLongTasks, applyLongTasks, progress, parses };
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
    parsesWithMappingChange: runs.map((r) => r.parses),
    raw: runs,
  };
  console.log(
    `browser import of ${node.parcels} parcels: pick → preview ${formatMs(readMs)} (Node import ${formatMs(node.import.oursMs)}, ratio ${result.ratioReadOverNode.toFixed(2)}); ` +
      `confirm → plan holds them ${formatMs(applyMs)}; longest main-thread task while reading ${formatMs(result.longestTaskWhileReadingMs)} (goal ≤ 100 ms), ` +
      `while applying ${formatMs(result.longestTaskWhileApplyingMs)}; progress values shown per run: ${result.progressValuesSeen.join(', ')}`,
  );
  console.log(`parses in the io worker per import (pick → preview → a survey code mapped to another class → confirm): ${result.parsesWithMappingChange.join(', ')} (one: the mapping change is applied to the parcels already read)`);
  mkdirSync('bench/out', { recursive: true });
  writeFileSync('bench/out/io-browser.json', JSON.stringify(result, null, 2));
}

await main();
