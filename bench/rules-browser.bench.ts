/**
 * The browser part of `npm run bench:rules` (issue: rule checking). In headless Chromium, on the 2,000-
 * and 20,000-parcel plans: from a committed edit (a vertex move through the editor's command path) to the
 * issues panel's store holding the worker's answer for that plan version, median and p95; the ratio of
 * the two sizes (goal ≤ 1.5); and the main-thread long tasks that handled a checking answer (goal: none
 * over 50 ms; checking runs in the worker), beside all long tasks of the edits for comparison. Writes bench/out/rules-browser.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import type { BenchHook as Hook } from '../src/ui/bench-hook.ts';
import { CHROMIUM_ARGS } from '../tests/e2e/support/browser.ts';
import { BENCH_SIZES, benchPlanPath, buildBenchApp, formatMs, median, percentile, serve } from './support.ts';

const PORT = 4395;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const EDITS = Number(process.env.BENCH_EDITS ?? 21);
const OUT_DIR = '.tmp/bench-dist';

function editTarget(planPath: string): string {
  const plan = JSON.parse(readFileSync(planPath, 'utf8')) as { layers: { demolition: Record<string, unknown> } };
  const [id] = Object.keys(plan.layers.demolition);
  if (!id) throw new Error(`${planPath} has no demolition parcel`);
  return id;
}

interface Measured {
  readonly ms: number[];
  /** Long tasks that handled a checking answer: what checking costs the main thread. */
  readonly checking: number[];
  /** Every long task during the edits (the map drawing each edit in software WebGL included). */
  readonly all: number[];
  /** Main-thread time of each answer's store update and its synchronous subscribers. */
  readonly handled: number[];
}

async function measure(page: Page, parcels: number): Promise<Measured> {
  const target = editTarget(benchPlanPath(parcels));
  await page.goto(`${ORIGIN}/?plan=/bench-data/bench-${parcels}.plan.json`);
  await page.waitForSelector('.app[data-ready="true"]', { timeout: 120_000 });
  // The first answer (the whole plan) must be in before edits are timed.
  await page.click('[data-tab="issues"]');
  await page.waitForSelector('[data-testid="issue-summary"]', { timeout: 120_000 });
  await page.evaluate((id) => (window as unknown as { villagePlanBench: Hook }).villagePlanBench.focus(id, 2000), target);
  const since = await page.evaluate(() => performance.now());
  const ms: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const dx = (i % 2 === 0 ? 1 : -1) * 2e-6;
    const t = await page.evaluate(([id, d]) => (window as unknown as { villagePlanBench: Hook }).villagePlanBench.moveVertexUntilChecked(id as string, 1, d as number), [target, dx] as const);
    if (i > 0) ms.push(t);
  }
  const [all, checking, handled] = await page.evaluate((s) => {
    const hook = (window as unknown as { villagePlanBench: Hook }).villagePlanBench;
    return [hook.longTasksSince(s), hook.checkingTasksSince(s), hook.answersHandledSince(s)];
  }, since);
  // Without the answers' marks, "no long task handled an answer" would hold trivially.
  if (handled.length < EDITS - 1) throw new Error(`only ${handled.length} checking answers were marked for ${EDITS} edits: measurement invalid`);
  return { ms, checking, all, handled };
}

async function main(): Promise<void> {
  buildBenchApp(OUT_DIR);
  const server = await serve(OUT_DIR, PORT);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const results: Record<string, unknown> = { date: new Date().toISOString(), edits: EDITS - 1 };
  const medians: Record<number, number> = {};
  try {
    for (const parcels of BENCH_SIZES) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const { ms, checking, all, handled } = await measure(await context.newPage(), parcels);
      await context.close();
      medians[parcels] = median(ms);
      const longest = (tasks: number[]) => (tasks.length ? Math.max(...tasks) : 0);
      results[`parcels${parcels}`] = { medianMs: median(ms), p95Ms: percentile(ms, 95), checkingLongTasks: checking, allLongTasks: all, answerHandlingMedianMs: median(handled), raw: ms };
      console.log(
        `${parcels} parcels: edit → issues updated median ${formatMs(median(ms))}, p95 ${formatMs(percentile(ms, 95))}; ` +
          `answer handled on the main thread in ${median(handled).toFixed(1)} ms (median of ${handled.length}); ` +
          `long tasks handling a checking answer: ${checking.length} (longest ${formatMs(longest(checking))}); ` +
          `all long tasks during the edits (map drawing included): ${all.length} (longest ${formatMs(longest(all))})`,
      );
    }
    const ratio = (medians[20000] ?? 0) / (medians[2000] ?? 1);
    results.ratio20000over2000 = ratio;
    console.log(`20,000 / 2,000: ${ratio.toFixed(2)} (goal ≤ 1.5)`);
  } finally {
    await browser.close();
    server.close();
  }
  mkdirSync('bench/out', { recursive: true });
  writeFileSync('bench/out/rules-browser.json', JSON.stringify(results, null, 2));
}

await main();
