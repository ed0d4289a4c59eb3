/**
 * One draft in two tabs of the same browser: one edits, the other says "已在其他标签页打开" and shows the
 * edits as they are saved; taking over moves editing (and the undo history) to the second tab, and no
 * write of either tab is lost.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, mapIdle, openEditor, type Session } from './support/browser.ts';
import { drawNewBuild, newBuildCount, planText, saveState, waitSaved } from './support/drafts.ts';

let session: Session;
let second: Page;

beforeAll(async () => {
  session = await launch();
  await openEditor(session.page);
  await waitSaved(session.page);
  second = await session.context.newPage();
  await second.setViewportSize({ width: 1400, height: 900 });
  await second.goto(session.page.url());
  await second.waitForSelector('.app[data-ready="true"]', { timeout: 60_000 });
  await mapIdle(second);
});
afterAll(async () => {
  await session?.close();
});

const banner = (page: Page) => page.locator('[data-testid="other-tab-banner"]');

describe('one draft in two tabs', () => {
  it('lets the first tab edit and tells the second it is open elsewhere, view-only', async () => {
    await expect(banner(second).textContent()).resolves.toContain('已在其他标签页打开');
    await expect(banner(session.page).count()).resolves.toBe(0);
    await expect(second.locator('[data-testid="save-status"]').textContent()).resolves.toContain('已在其他标签页打开');
  });

  it('shows the first tab’s saved edits in the second', async () => {
    const { page } = session;
    const before = await newBuildCount(page);
    const revision = (await saveState(page)).revision;
    await drawNewBuild(page);
    await waitSaved(page, revision);
    await second.waitForFunction((n) => window.villagePlan.plan().layers.newBuild.features.length === n, before + 1);
    expect(await planText(second)).toBe(await planText(page));
  });

  it('hands editing over to the second tab with the undo history, losing no write of either tab', async () => {
    const { page } = session;
    const before = await newBuildCount(page);
    await second.click('[data-action="take-over"]');
    await banner(second).waitFor({ state: 'detached' });
    await banner(page).waitFor();
    await expect(second.evaluate(() => window.villagePlan.history().undo.length)).resolves.toBeGreaterThan(0);

    const revision = (await saveState(second)).revision;
    await drawNewBuild(second, 1);
    await waitSaved(second, revision);
    await page.waitForFunction((n) => window.villagePlan.plan().layers.newBuild.features.length === n, before + 1);
    expect(await planText(page)).toBe(await planText(second));

    // A reload of the first tab reads what is stored: both tabs' edits.
    await page.reload();
    await page.waitForSelector('.app[data-ready="true"]', { timeout: 60_000 });
    await banner(page).waitFor();
    expect(await planText(page)).toBe(await planText(second));
    expect(await newBuildCount(page)).toBe(before + 1);
  });

  it('logged no console errors', () => {
    expect(session.errors).toEqual([]);
  });
});
