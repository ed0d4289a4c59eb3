/**
 * Launching Debian's Chromium the way testing.md prescribes, and small helpers to drive the editor: wait
 * for the map, turn lon/lat into page coordinates, click on the map, read the automation handle.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { E2E_ORIGIN } from './origin.ts';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly profileDir: string;
  /** Console errors and uncaught exceptions seen so far. */
  readonly errors: string[];
  close(): Promise<void>;
}

export async function launch(profileDir = mkdtempSync(join(tmpdir(), 'village-plan-e2e-'))): Promise<Session> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
    // Requests a service worker passes on are invisible to `route()`, which the basemap tests use to play
    // tile servers; the offline app has its own tests (drafts-storage.e2e.ts) with workers allowed.
    serviceWorkers: 'block',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  const watch = (p: Page) => {
    p.on('console', (message) => {
      if (process.env.E2E_DEBUG) console.log('page:', message.text());
      // Reading pixels back in tests makes SwiftShader warn about GPU stalls (testing.md): harmless.
      if (message.type() === 'error' && !/GPU stall due to ReadPixels/.test(message.text())) errors.push(message.text());
    });
    p.on('pageerror', (error) => errors.push(String(error)));
  };
  watch(page);
  context.on('page', watch);
  return {
    context,
    page,
    profileDir,
    errors,
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

export async function openEditor(page: Page, path = ''): Promise<void> {
  await page.goto(E2E_ORIGIN + path);
  await page.waitForSelector('.app[data-ready="true"]', { timeout: 60_000 });
  await mapIdle(page);
}

/**
 * A new session with the editor open on the sample's settings and no features (served at `planPath`): a
 * village whose data comes in by import, as a county sends it.
 */
export async function launchEmptyVillage(planPath: string): Promise<Session> {
  const plan = JSON.parse(readFileSync('samples/sample-village.plan.json', 'utf8')) as { layers: Record<string, unknown> };
  for (const layer of Object.keys(plan.layers)) plan.layers[layer] = {};
  const session = await launch();
  await session.context.route(`${E2E_ORIGIN}${planPath}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(plan) }));
  await openEditor(session.page, `?plan=/${planPath}`);
  return session;
}

export async function mapIdle(page: Page): Promise<void> {
  await page.evaluate(() => window.villagePlan.idle());
}

/** Page coordinates of a lon/lat on the map. */
export async function pagePoint(page: Page, lonLat: readonly [number, number]): Promise<{ x: number; y: number }> {
  const local = await page.evaluate((p) => window.villagePlan.project(p as [number, number]), lonLat);
  const box = await page.locator('[data-testid="map"] canvas').boundingBox();
  if (!local || !box) throw new Error('map not ready');
  return { x: box.x + local.x, y: box.y + local.y };
}

export async function clickMap(page: Page, lonLat: readonly [number, number], options: { shift?: boolean } = {}): Promise<void> {
  const { x, y } = await pagePoint(page, lonLat);
  if (options.shift) await page.keyboard.down('Shift');
  await page.mouse.click(x, y);
  if (options.shift) await page.keyboard.up('Shift');
}

export async function planVersion(page: Page): Promise<number> {
  return page.evaluate(() => window.villagePlan.version());
}

/** Drags what is under `from` (page pixels) 24 px right and 12 px down in two strokes, as a hand moves a vertex. */
export async function dragVertex(page: Page, from: { readonly x: number; readonly y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 12, from.y + 6, { steps: 4 });
  await page.mouse.move(from.x + 24, from.y + 12, { steps: 4 });
  await page.mouse.up();
}

/** Pans the map (by dragging, as a planner would) so `lonLat` is at the centre, then zooms to 1:`scale`. */
export async function focusAt(page: Page, lonLat: readonly [number, number], scale = 500): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  const box = await page.locator('[data-testid="map"] canvas').boundingBox();
  if (!box) throw new Error('no map canvas');
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  // From the whole-village view the target is on screen; drag it to the centre, then zoom about it.
  await page.keyboard.press('f');
  await mapIdle(page);
  const from = await pagePoint(page, lonLat);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + centre.x) / 2, (from.y + centre.y) / 2, { steps: 5 });
  await page.mouse.move(centre.x, centre.y, { steps: 5 });
  await page.mouse.up();
  await mapIdle(page);
  await page.selectOption('[data-testid="scale-select"]', String(scale));
  // The zoom eases (300 ms): wait until the status bar shows the scale asked for, then for the map to draw
  // (MapLibre is not idle while the camera still moves).
  await page.waitForFunction((text) => document.querySelector('[data-testid="scale"]')?.textContent === text, `1:${scale.toLocaleString('en-US')}`, { timeout: 30_000 });
  await mapIdle(page);
}

/**
 * Clicks a sequence of vertices to draw a polygon and closes it on the first vertex; resolves when the
 * outline became a feature (the plan's version moved on) or was refused with a message at the cursor, and
 * the map has drawn the outcome. No wait between vertices: terra-draw takes a vertex within the click's own
 * pointer events, which `mouse.click` has dispatched when it resolves.
 */
export async function drawPolygon(page: Page, ring: readonly (readonly [number, number])[]): Promise<void> {
  const version = await planVersion(page);
  for (const p of ring) await clickMap(page, p);
  await clickMap(page, ring[0] as readonly [number, number]);
  await page.waitForFunction((before) => window.villagePlan.version() !== before || document.querySelector('.cursor-message') !== null, version, { timeout: 30_000 });
  await mapIdle(page);
}

/** Chooses a layer in the "绘制" menu. */
export async function startDrawing(page: Page, layer: string): Promise<void> {
  await page.click('[data-action="draw-menu"]');
  await page.click(`[data-action="draw-${layer}"]`);
}
