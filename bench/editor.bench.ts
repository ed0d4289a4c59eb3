/**
 * `npm run bench:editor` (issue: the editor). In headless Chromium, for the 2,000- and 20,000-parcel
 * plans, in the same browser run:
 *  (a) ours: time from navigation to map idle with every parcel drawn, and the latency from committing a
 *      vertex move (command → patch → store → map) to the map idle with it shown;
 *  (b) baseline: bare MapLibre with the same features in one GeoJSON source, the same change by
 *      updateData.
 * Reports medians, p95 and ratios, and writes bench/out/editor.json. Not a test: numbers, not verdicts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/support/browser.ts';
import { BENCH_SIZES, benchPlanPath, buildBenchApp, formatMs, median, percentile, serve } from './support.ts';

const PORT = 4393;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const LOADS = Number(process.env.BENCH_LOADS ?? 5);
const EDITS = Number(process.env.BENCH_EDITS ?? 21);
const OUT_DIR = '.tmp/bench-dist';

interface Measured {
  readonly loadMs: number[];
  readonly editMs: number[];
}

/** A demolition parcel: drawn layer, so ours keeps it in a small source; the baseline has it in the big one. */
function editTarget(planPath: string): string {
  const plan = JSON.parse(readFileSync(planPath, 'utf8')) as { layers: { demolition: Record<string, unknown> } };
  const [id] = Object.keys(plan.layers.demolition);
  if (!id) throw new Error(`${planPath} has no demolition parcel to edit`);
  return id;
}

async function loadOnce(browser: Browser, url: string, idleMark: string, viewport: { width: number; height: number }): Promise<{ page: Page; ms: number }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, idleMark, { timeout: 120_000, polling: 50 });
  const ms = await page.evaluate((mark) => performance.getEntriesByName(mark)[0]!.startTime, idleMark);
  return { page, ms };
}

type Hook = { focus(id: string, scale: number): Promise<void>; moveVertex(id: string, i: number, dx: number): Promise<number> };

/** Edits at the working scale, 1:2000, centred on the edited parcel, the same view in both pages. */
async function edits(page: Page, handle: 'villagePlanBench' | 'baselineBench', featureId: string): Promise<number[]> {
  // The editor's edit path exists once its drawing tools have loaded (right after the first idle).
  if (handle === 'villagePlanBench') {
    await page.waitForSelector('.app[data-ready="true"]', { timeout: 60_000 });
    // A plan opened from a file is then stored once as a new draft (bench:drafts times that); edits are
    // timed after it, as a planner works, each with its own autosave.
    await page.waitForSelector('[data-save-state="saved"]', { timeout: 120_000 });
  }
  await page.evaluate(([h, id]) => (window as unknown as Record<string, Hook>)[h as string]!.focus(id as string, 2000), [handle, featureId] as const);
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const dx = (i % 2 === 0 ? 1 : -1) * 2e-6;
    const ms = await page.evaluate(
      ([h, id, d]) => (window as unknown as Record<string, Hook>)[h as string]!.moveVertex(id as string, 1, d as number),
      [handle, featureId, dx] as const,
    );
    if (i > 0) times.push(ms); // the first edit warms up code paths
  }
  if (handle === 'villagePlanBench') {
    // The timing means something only if the map really shows the edit when the promise resolves.
    const shown = await page.evaluate(async (id) => {
      const hook = (window as unknown as { villagePlanBench: { moveVertex(id: string, i: number, dx: number): Promise<number>; vertex(id: string, i: number): number[]; renderedHasVertexNear(id: string, at: number[], tol: number): boolean } }).villagePlanBench;
      await hook.moveVertex(id, 1, 2e-5);
      return hook.renderedHasVertexNear(id, hook.vertex(id, 1), 2e-6);
    }, featureId);
    if (!shown) throw new Error('the map did not show the edit when the edit path said it had: measurement invalid');
  }
  return times;
}

async function measure(browser: Browser, parcels: number): Promise<{ ours: Measured; baseline: Measured }> {
  const planPath = benchPlanPath(parcels);
  const planUrl = `/bench-data/bench-${parcels}.plan.json`;
  const target = editTarget(planPath);
  const ours: Measured = { loadMs: [], editMs: [] };
  const baseline: Measured = { loadMs: [], editMs: [] };
  for (let run = 0; run < LOADS; run++) {
    const editor = await loadOnce(browser, `${ORIGIN}/?plan=${planUrl}`, 'village-plan:map-idle', { width: 1400, height: 900 });
    ours.loadMs.push(editor.ms);
    // The bare page gets the editor's map size so both draw the same number of pixels.
    const mapSize = await editor.page.evaluate(() => {
      const c = document.querySelector('[data-testid="map"] canvas') as HTMLCanvasElement;
      return { width: Math.round(c.clientWidth), height: Math.round(c.clientHeight) };
    });
    if (run === 0) ours.editMs.push(...(await edits(editor.page, 'villagePlanBench', target)));
    await editor.page.context().close();

    const bare = await loadOnce(browser, `${ORIGIN}/bench/baseline.html?plan=${planUrl}`, 'baseline:map-idle', mapSize);
    baseline.loadMs.push(bare.ms);
    if (run === 0) baseline.editMs.push(...(await edits(bare.page, 'baselineBench', target)));
    await bare.page.context().close();
  }
  return { ours, baseline };
}

async function main(): Promise<void> {
  buildBenchApp(OUT_DIR);
  const server = await serve(OUT_DIR, PORT);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const results: Record<string, unknown> = { date: new Date().toISOString(), loads: LOADS, edits: EDITS - 1 };
  const editMedians: Record<number, number> = {};
  try {
    for (const parcels of BENCH_SIZES) {
      const { ours, baseline } = await measure(browser, parcels);
      const row = {
        loadMedianMs: { ours: median(ours.loadMs), baseline: median(baseline.loadMs) },
        editMedianMs: { ours: median(ours.editMs), baseline: median(baseline.editMs) },
        editP95Ms: { ours: percentile(ours.editMs, 95), baseline: percentile(baseline.editMs, 95) },
        ratios: {
          load: median(ours.loadMs) / median(baseline.loadMs),
          edit: median(ours.editMs) / median(baseline.editMs),
        },
        raw: { ours, baseline },
      };
      editMedians[parcels] = row.editMedianMs.ours;
      results[`parcels${parcels}`] = row;
      console.log(`\n${parcels} parcels`);
      console.log(`  load to idle   ours ${formatMs(row.loadMedianMs.ours)}  baseline ${formatMs(row.loadMedianMs.baseline)}  ratio ${row.ratios.load.toFixed(2)} (goal ≤ 1.2)`);
      console.log(`  edit to idle   ours ${formatMs(row.editMedianMs.ours)} (p95 ${formatMs(row.editP95Ms.ours)})  baseline ${formatMs(row.editMedianMs.baseline)} (p95 ${formatMs(row.editP95Ms.baseline)})  ratio ${row.ratios.edit.toFixed(2)} (goal ≤ 1.0)`);
    }
    const scaling = (editMedians[20000] ?? 0) / (editMedians[2000] ?? 1);
    results.editScaling20000over2000 = scaling;
    console.log(`\nedit latency 20,000 / 2,000: ${scaling.toFixed(2)} (goal ≤ 1.2)`);
  } finally {
    await browser.close();
    server.close();
  }
  mkdirSync('bench/out', { recursive: true });
  writeFileSync('bench/out/editor.json', JSON.stringify(results, null, 2));
  console.log('\nwritten bench/out/editor.json');
}

await main();
