/**
 * Helpers for the drafts browser tests: wait for a save, make an edit through the UI, read the open
 * draft's id from the URL, and take the plan in a form that compares exactly.
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, drawPolygon, focusAt, mapIdle, startDrawing } from './browser.ts';
import { roomIn, square } from './plan-queries.ts';
import { E2E_ORIGIN } from './origin.ts';

/** The save state the status bar shows (`saved`, `saving`, `pending`, `failed`, `unavailable`). */
export async function saveState(page: Page): Promise<{ state: string; revision: number; text: string }> {
  const status = page.locator('[data-testid="save-status"]');
  return {
    state: (await status.getAttribute('data-save-state')) ?? '',
    revision: Number(await status.getAttribute('data-revision')),
    text: (await status.textContent()) ?? '',
  };
}

/** Waits until the draft is stored at a revision after `after` and nothing is waiting to be saved. */
export async function waitSaved(page: Page, after = 0): Promise<number> {
  await page.waitForFunction(
    (previous) => {
      const status = document.querySelector('[data-testid="save-status"]');
      return status?.getAttribute('data-save-state') === 'saved' && Number(status.getAttribute('data-revision')) > previous;
    },
    after,
    { timeout: 30_000 },
  );
  return (await saveState(page)).revision;
}

export function draftIdOf(page: Page): string {
  const id = new URL(page.url()).searchParams.get('draft');
  if (!id) throw new Error(`no draft in ${page.url()}`);
  return id;
}

/** The plan as JSON text: the same text means the same plan, features in the same order. */
export async function planText(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify(window.villagePlan.plan()));
}

/** Draws a 24 m new-build square inside a farmland parcel, by clicks on the map; `skip` picks another parcel. */
export async function drawNewBuild(page: Page, skip = 0): Promise<void> {
  const plan = await page.evaluate(() => window.villagePlan.plan());
  const { centre } = roomIn(plan, '111', 30, skip);
  await focusAt(page, centre);
  await startDrawing(page, 'newBuild');
  await drawPolygon(page, square(centre, 24));
  await page.keyboard.press('Escape');
  await mapIdle(page);
}

export async function newBuildCount(page: Page): Promise<number> {
  return page.evaluate(() => window.villagePlan.plan().layers.newBuild.features.length);
}

/**
 * One browser with throw-away contexts: each context is a separate machine as far as storage goes (its
 * own IndexedDB, caches and service worker), and Chromium applies DevTools' storage-quota override to
 * such contexts (not to a persistent profile).
 */
export async function launchMachines(): Promise<{ machine(): Promise<Machine>; close(): Promise<void> }> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  return {
    async machine() {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && !/GPU stall due to ReadPixels/.test(message.text())) errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(String(error)));
      return { context, page, errors };
    },
    close: () => browser.close(),
  };
}

export interface Machine {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly errors: string[];
}

/**
 * A switch that makes every IndexedDB write transaction of the page fail as a full disk does: the
 * transaction aborts with a QuotaExceededError. (DevTools' storage-quota override was tried first:
 * Chromium 156 does not apply it to an origin that already stores data.) Install before opening the app.
 */
export async function installDiskFullSwitch(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const open = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      const tx = open.apply(this, args);
      if ((window as { diskFull?: boolean }).diskFull && args[1] === 'readwrite') {
        Object.defineProperty(tx, 'error', { value: new DOMException('The quota has been exceeded.', 'QuotaExceededError') });
        // At commit time, after the caller has queued its requests, as the real failure comes.
        setTimeout(() => {
          try {
            tx.abort();
          } catch {
            // already finished
          }
        }, 0);
      }
      return tx;
    };
  });
}

export async function setDiskFull(page: Page, full: boolean): Promise<void> {
  await page.evaluate((value) => {
    (window as { diskFull?: boolean }).diskFull = value;
  }, full);
}

/**
 * The start page. On a machine with no drafts yet, `/` opens the sample village as a new draft instead;
 * once it is stored, `/` is the start page.
 */
export async function openStartPage(page: Page): Promise<void> {
  await page.goto(E2E_ORIGIN);
  await page.waitForSelector('[data-testid="start-page"], .app[data-ready="true"]', { timeout: 60_000 });
  if (await page.$('[data-testid="start-page"]')) return;
  await page.waitForURL(/\?draft=/);
  await page.goto(E2E_ORIGIN);
  await page.waitForSelector('[data-testid="start-page"]');
}
