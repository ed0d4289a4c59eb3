/**
 * `npm run bench:drafts` (issue 5: drafts). In headless Chromium, for the 2,000- and 20,000-parcel plans,
 * in one browser run:
 *  (a) bytes written to IndexedDB per vertex edit (UTF-8 bytes of the records the save put, as JSON);
 *  (b) time to persist one vertex edit: from the patch applied to the save's transaction `complete`, at
 *      1:2000 on the edited parcel as in bench:editor;
 *  (c) time from navigation to the map idle with every parcel drawn, opening the plan as a stored draft
 *      (`?draft=`) against opening the same plan from a static file (`?plan=`), alternating, in the same
 *      browser profile (on disk);
 *  (d) first, in Node (bench/drafts-drag.ts): bytes written to IndexedDB and the undo step's size for a
 *      vertex drag of 5 and of 60 moves (issue 13: constant-cost gestures).
 * Reports medians, p95 and ratios, and writes bench/out/drafts.json. Not a test: numbers, not verdicts.
 * BENCH_PORT and BENCH_DIST give the server another port and the build another folder, so two runs can
 * share one work tree.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/support/browser.ts';
import type { BenchHook } from '../src/ui/bench-hook.ts';
import type { DraftsBenchHook, PersistTiming } from '../src/ui/drafts/drafts-bench-hook.ts';
import { measureDrags, printDrags } from './drafts-drag.ts';
import { BENCH_SIZES, benchPlanPath, buildBenchApp, formatMs, median, percentile, serve } from './support.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4394);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const LOADS = Number(process.env.BENCH_LOADS ?? 5);
const EDITS = Number(process.env.BENCH_EDITS ?? 21);
const OUT_DIR = process.env.BENCH_DIST ?? '.tmp/bench-drafts-dist';
const IDLE_MARK = 'village-plan:map-idle';
const VIEWPORT = { width: 1400, height: 900 };

type Hooked = Window & { villagePlanDraftsBench: DraftsBenchHook };
type EditorHooked = Window & { villagePlanBench: BenchHook };

/** A demolition parcel, as in bench:editor: a drawn feature, so the edit is what a planner does. */
function editTarget(planPath: string): string {
  const plan = JSON.parse(readFileSync(planPath, 'utf8')) as { layers: { demolition: Record<string, unknown> } };
  const [id] = Object.keys(plan.layers.demolition);
  if (!id) throw new Error(`${planPath} has no demolition parcel to edit`);
  return id;
}

/** Navigation start → the map's first idle with the plan drawn, in a new tab of `context`. */
async function timeLoad(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, IDLE_MARK, { timeout: 180_000, polling: 50 });
  const ms = await page.evaluate((mark) => performance.getEntriesByName(mark)[0]!.startTime, IDLE_MARK);
  await page.close();
  return ms;
}

interface Measured {
  /** From the editor ready to the whole plan stored as a new draft (one transaction, strict). */
  readonly storeMs: number;
  readonly edits: PersistTiming[];
  readonly storedLoadMs: number[];
  readonly fileLoadMs: number[];
}

/**
 * A browser on a new profile folder: IndexedDB on disk, as a planner has it (a throw-away context would
 * keep it in memory).
 */
async function measure(parcels: number): Promise<Measured> {
  const planPath = benchPlanPath(parcels);
  const fileUrl = `${ORIGIN}/?plan=/bench-data/bench-${parcels}.plan.json`;
  const target = editTarget(planPath);
  const profile = mkdtempSync(join(tmpdir(), 'village-plan-bench-drafts-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
  });

  // The plan file opened once becomes a stored draft (written once the map is up).
  const page = await context.newPage();
  await page.goto(fileUrl);
  await page.waitForSelector('.app[data-ready="true"]', { timeout: 180_000 });
  const storing = Date.now();
  const draftId = await page.evaluate(() => (window as unknown as Hooked).villagePlanDraftsBench.stored());
  const storeMs = Date.now() - storing;
  // Planners edit at 1:2000 (bench:editor does the same): the whole village redrawn per frame would time
  // software rendering, which shares the main thread with IndexedDB's completion events.
  await page.evaluate((id) => (window as unknown as EditorHooked).villagePlanBench.focus(id, 2000), target);

  const edits: PersistTiming[] = [];
  for (let i = 0; i < EDITS; i++) {
    const dx = (i % 2 === 0 ? 1 : -1) * 2e-6;
    const timing = await page.evaluate(([id, d]) => (window as unknown as Hooked).villagePlanDraftsBench.persistVertexMove(id as string, 1, d as number), [target, dx] as const);
    if (i > 0) edits.push(timing); // the first edit warms up code paths
  }
  await page.close();

  const storedLoadMs: number[] = [];
  const fileLoadMs: number[] = [];
  const storedUrl = `${ORIGIN}/?draft=${draftId}`;
  for (let run = 0; run < LOADS; run++) {
    // Alternating which goes first, so neither always meets a warmer browser.
    if (run % 2 === 0) {
      storedLoadMs.push(await timeLoad(context, storedUrl));
      fileLoadMs.push(await timeLoad(context, fileUrl));
    } else {
      fileLoadMs.push(await timeLoad(context, fileUrl));
      storedLoadMs.push(await timeLoad(context, storedUrl));
    }
  }
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  return { storeMs, edits, storedLoadMs, fileLoadMs };
}

async function main(): Promise<void> {
  const drag = await measureDrags();
  printDrags(drag);
  buildBenchApp(OUT_DIR);
  const server = await serve(OUT_DIR, PORT);
  const results: Record<string, unknown> = { date: new Date().toISOString(), loads: LOADS, edits: EDITS - 1, drag };
  const persistMedians: Record<number, number> = {};
  const bytesMedians: Record<number, number> = {};
  try {
    for (const parcels of BENCH_SIZES) {
      const { storeMs, edits, storedLoadMs, fileLoadMs } = await measure(parcels);
      const persist = edits.map((e) => e.persistMs);
      const bytes = edits.map((e) => e.bytes);
      const row = {
        bytesPerEdit: { median: median(bytes), min: Math.min(...bytes), max: Math.max(...bytes), records: median(edits.map((e) => e.records)) },
        persistMs: { median: median(persist), p95: percentile(persist, 95) },
        editToSavedMs: { median: median(edits.map((e) => e.editToSavedMs)) },
        loadMedianMs: { storedDraft: median(storedLoadMs), planFile: median(fileLoadMs) },
        loadRatio: median(storedLoadMs) / median(fileLoadMs),
        storeNewDraftMs: storeMs,
        raw: { edits, storedLoadMs, fileLoadMs },
      };
      persistMedians[parcels] = row.persistMs.median;
      bytesMedians[parcels] = row.bytesPerEdit.median;
      results[`parcels${parcels}`] = row;
      console.log(`\n${parcels} parcels`);
      console.log(`  bytes per vertex edit   ${row.bytesPerEdit.median} B in ${row.bytesPerEdit.records} records (min ${row.bytesPerEdit.min}, max ${row.bytesPerEdit.max})`);
      console.log(`  persist one edit        median ${formatMs(row.persistMs.median)} (p95 ${formatMs(row.persistMs.p95)}); edit → saved ${formatMs(row.editToSavedMs.median)}`);
      console.log(`  store as a new draft    ${formatMs(storeMs)} (once, after the map is up)`);
      console.log(`  open to map idle        stored draft ${formatMs(row.loadMedianMs.storedDraft)}  plan file ${formatMs(row.loadMedianMs.planFile)}  ratio ${row.loadRatio.toFixed(2)} (goal ≤ 1.2)`);
    }
    results.persistScaling20000over2000 = (persistMedians[20000] ?? 0) / (persistMedians[2000] ?? 1);
    results.bytesPerEdit20000over2000 = (bytesMedians[20000] ?? 0) / (bytesMedians[2000] ?? 1);
    console.log(`\npersist time 20,000 / 2,000: ${(results.persistScaling20000over2000 as number).toFixed(2)} (goal ≤ 1.5)`);
    console.log(`bytes per edit 20,000 / 2,000: ${(results.bytesPerEdit20000over2000 as number).toFixed(2)} (goal: the same)`);
  } finally {
    server.close();
  }
  mkdirSync('bench/out', { recursive: true });
  writeFileSync('bench/out/drafts.json', JSON.stringify(results, null, 2));
  console.log('\nwritten bench/out/drafts.json');
}

await main();
