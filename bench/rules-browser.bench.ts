/**
 * The browser part of `npm run bench:rules` (issues: rule checking; the coverage engine on real data). In
 * headless Chromium, on the generator's 2,000- and 20,000-parcel plans and on the 24,000-parcel plans shaped
 * like real data (scripts/real-looking-package.ts: clipped to a separately drawn boundary; then every vertex
 * moved ±0.3 mm): from a committed edit (a vertex move through the editor's command path) to the issues
 * panel's store holding the worker's answer for that plan version, median and p95; what the answer says the
 * re-check took inside the real validation worker (goal on the real-looking plans: ≤ 16 ms median); the
 * ratio of the two generator sizes (goal ≤ 1.5); and the main-thread long tasks that handled a checking
 * answer (goal: none over 50 ms; checking runs in the worker), beside all long tasks of the edits for
 * comparison. Writes bench/out/rules-browser.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import type { BenchHook as Hook } from '../src/ui/bench-hook.ts';
import { CHROMIUM_ARGS } from '../tests/e2e/support/browser.ts';
import { BENCH_SIZES, benchPlanPath, buildBenchApp, formatMs, median, percentile, realLookingPackage, serve } from './support.ts';

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

/** A plan the bench opens: where it is on disk, and its address under the bench server's /bench-data/. */
interface BenchPlan {
  readonly name: string;
  readonly path: string;
}

const REAL_LOOKING_PARCELS = 24000;

function benchPlans(): BenchPlan[] {
  const generated = BENCH_SIZES.map((parcels) => ({ name: `bench-${parcels}`, path: benchPlanPath(parcels) }));
  const realLooking = (['clipped', 'jittered'] as const).map((variant) => ({ name: `real-${variant}-${REAL_LOOKING_PARCELS}`, path: `${realLookingPackage(variant, REAL_LOOKING_PARCELS)}.plan.json` }));
  return [...generated, ...realLooking];
}

interface Measured {
  readonly ms: number[];
  /** What each answer says the re-check took inside the worker. */
  readonly workerMs: number[];
  /** Long tasks that handled a checking answer: what checking costs the main thread. */
  readonly checking: number[];
  /** Every long task during the edits (the map drawing each edit in software WebGL included). */
  readonly all: number[];
  /** Main-thread time of each answer's store update and its synchronous subscribers. */
  readonly handled: number[];
}

async function measure(page: Page, plan: BenchPlan): Promise<Measured> {
  const target = editTarget(plan.path);
  await page.goto(`${ORIGIN}/?plan=/bench-data/${plan.name}.plan.json`);
  await page.waitForSelector('.app[data-ready="true"]', { timeout: 120_000 });
  // The first answer (the whole plan) must be in before edits are timed.
  await page.click('[data-tab="issues"]');
  await page.waitForSelector('[data-testid="issue-summary"]', { timeout: 120_000 });
  await page.evaluate((id) => (window as unknown as { villagePlanBench: Hook }).villagePlanBench.focus(id, 2000), target);
  const since = await page.evaluate(() => performance.now());
  const ms: number[] = [];
  const workerMs: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const dx = (i % 2 === 0 ? 1 : -1) * 2e-6;
    const t = await page.evaluate(([id, d]) => (window as unknown as { villagePlanBench: Hook }).villagePlanBench.moveVertexUntilChecked(id as string, 1, d as number), [target, dx] as const);
    if (t.workerMs === null) throw new Error(`${plan.name}: the answer to edit ${i + 1} carries no check time: measurement invalid`);
    if (i > 0) {
      ms.push(t.untilChecked);
      workerMs.push(t.workerMs);
    }
  }
  const [all, checking, handled] = await page.evaluate((s) => {
    const hook = (window as unknown as { villagePlanBench: Hook }).villagePlanBench;
    return [hook.longTasksSince(s), hook.checkingTasksSince(s), hook.answersHandledSince(s)];
  }, since);
  // Without the answers' marks, "no long task handled an answer" would hold trivially.
  if (handled.length < EDITS - 1) throw new Error(`only ${handled.length} checking answers were marked for ${EDITS} edits: measurement invalid`);
  return { ms, workerMs, checking, all, handled };
}

async function main(): Promise<void> {
  buildBenchApp(OUT_DIR);
  const server = await serve(OUT_DIR, PORT);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const results: Record<string, unknown> = { date: new Date().toISOString(), edits: EDITS - 1 };
  const medians: Record<string, number> = {};
  try {
    for (const plan of benchPlans()) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const { ms, workerMs, checking, all, handled } = await measure(await context.newPage(), plan);
      await context.close();
      medians[plan.name] = median(ms);
      const longest = (tasks: number[]) => (tasks.length ? Math.max(...tasks) : 0);
      results[plan.name] = {
        medianMs: median(ms),
        p95Ms: percentile(ms, 95),
        workerMedianMs: median(workerMs),
        workerP95Ms: percentile(workerMs, 95),
        checkingLongTasks: checking,
        allLongTasks: all,
        answerHandlingMedianMs: median(handled),
        raw: ms,
        rawWorker: workerMs,
      };
      console.log(
        `${plan.name}: edit → issues updated median ${formatMs(median(ms))}, p95 ${formatMs(percentile(ms, 95))}; ` +
          `re-check in the worker median ${median(workerMs).toFixed(1)} ms, p95 ${percentile(workerMs, 95).toFixed(1)} ms; ` +
          `answer handled on the main thread in ${median(handled).toFixed(1)} ms (median of ${handled.length}); ` +
          `long tasks handling a checking answer: ${checking.length} (longest ${formatMs(longest(checking))}); ` +
          `all long tasks during the edits (map drawing included): ${all.length} (longest ${formatMs(longest(all))})`,
      );
    }
    const ratio = (medians['bench-20000'] ?? 0) / (medians['bench-2000'] ?? 1);
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
