/**
 * The indicator tables in a wide view (issue 14) on the sample village: opened from the indicators panel's
 * 展开宽表, switched to 亩 (F1's 村庄建设用地规模 checked against the base parcels' areas computed here from the
 * plan the page holds), the header row fixed while F2 scrolls down and the row labels while a list scrolls
 * sideways in a narrow box, Escape closing it, the unit kept for the next opening, and the attribute table and the tables
 * never in the drawer together (watched on every change of the page).
 */
import { readFileSync } from 'node:fs';
import type { Feature, Polygon } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../../src/domain/features.ts';
import { isVillageConstructionLand, type LandClassCode } from '../../src/profiles/zhejiang-2017/land-classes.ts';
import { ellipsoidalArea } from '../../src/geo/area.ts';
import { launch, openEditor, type Session } from './support/browser.ts';
import { E2E_ORIGIN } from './support/origin.ts';
import { clickAction } from './support/toolbar.ts';

const SAMPLE_PATH = 'e2e-tables-wide/sample.plan.json';

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await launch();
  page = session.page;
  const sample = readFileSync('samples/sample-village.plan.json');
  await session.context.route(`${E2E_ORIGIN}${SAMPLE_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: sample }));
});

afterAll(async () => {
  await session?.close();
});

const drawer = () => page.locator('[data-testid="indicator-tables"]');
const attributeTable = () => page.locator('[data-testid="attribute-table"]');
const top = async (selector: string) => (await drawer().locator(selector).first().boundingBox())?.y;

/** Records, on every change of the page, whether both drawers were ever in it at once. */
async function watchDrawers(): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { bothDrawers: boolean };
    w.bothDrawers = false;
    const check = () => {
      if (document.querySelector('[data-testid="attribute-table"]') && document.querySelector('[data-testid="indicator-tables"]')) w.bothDrawers = true;
    };
    new MutationObserver(check).observe(document.body, { childList: true, subtree: true });
  });
}

describe('the indicator tables in a wide view', () => {
  it('shows F1 in 亩, keeps the header and row labels in place while scrolling, closes with Escape, and shares the drawer with the attribute table', async () => {
    await openEditor(page, `?plan=/${SAMPLE_PATH}`);
    if ((await page.evaluate(() => document.documentElement.lang)) !== 'zh-CN') await clickAction(page, 'language');
    const errorsBefore = session.errors.length;
    await watchDrawers();

    // Opened from the narrow panel, at the table it shows.
    await page.click('[data-tab="indicators"]');
    await page.click('[data-testid="expand-tables"]');
    await drawer().waitFor();
    expect(await drawer().getAttribute('data-table')).toBe('F1');
    expect(await drawer().locator('[data-table-view]').getAttribute('data-unit')).toBe('ha');

    // 亩: F1's village construction land at the base year, from the base parcels of the plan the page holds.
    await drawer().locator('label:has(input[data-unit="mu"])').click();
    await expect.poll(() => drawer().locator('[data-table-view]').getAttribute('data-unit')).toBe('mu');
    const plan = await page.evaluate(() => window.villagePlan.plan());
    const villageM2 = (plan.layers.base.features as Feature<Polygon>[])
      .filter((f) => isVillageConstructionLand(f.properties?.classCode as LandClassCode))
      .reduce((sum, f) => sum + ellipsoidalArea(f.geometry as AreaGeometry), 0);
    expect(villageM2).toBeGreaterThan(10_000);
    const villageMu = (villageM2 * 15) / 10_000;
    const shown = await drawer().locator('tr[data-row="village"] td[data-column="base"]').textContent();
    expect(shown).toMatch(/^[\d,]+\.\d{2}$/);
    expect(Math.abs(Number(shown?.replace(/,/g, '')) - villageMu)).toBeLessThanOrEqual(0.005 + 1e-6);
    expect(await drawer().locator('thead').textContent()).toContain('项目');
    // The per-person row stays in m² per person.
    const perPerson = await drawer().locator('tr[data-row="villagePerCapita"] td[data-column="base"]').getAttribute('data-kind');
    expect(perPerson).toBe('number');

    // F2 scrolled down: its header row stays where it was, the rows move under it.
    await drawer().locator('[role="tab"][data-table="F2"]').click();
    await expect.poll(() => drawer().getAttribute('data-table')).toBe('F2');
    expect(await drawer().locator('thead th[data-column="base"]').textContent()).toBe('基期面积（亩）');
    const scroller = drawer().locator('.wide-table-scroll');
    const room = await scroller.evaluate((el) => el.scrollHeight - el.clientHeight);
    expect(room).toBeGreaterThan(150);
    const headerTop = await top('thead th[data-column="base"]');
    const firstRowTop = await top('tbody tr');
    await scroller.evaluate((el) => el.scrollTo(0, 150));
    await expect.poll(() => top('tbody tr')).toBeLessThan((firstRowTop as number) - 100);
    expect(await top('thead th[data-column="base"]')).toBe(headerTop);
    await expect(drawer().locator('thead th[data-column="base"]').isVisible()).resolves.toBe(true);

    // A list wider than its box (the box narrowed here, as a small window would: the window's own width is
    // the toolbar's business) scrolled sideways keeps its row labels in place.
    await drawer().locator('[role="tab"][data-table="newBuildList"]').click();
    await expect.poll(() => drawer().getAttribute('data-table')).toBe('newBuildList');
    await scroller.evaluate((el) => (el.style.maxWidth = '520px'));
    const across = await scroller.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(across).toBeGreaterThan(100);
    const labelX = (await drawer().locator('tbody th').first().boundingBox())?.x;
    const cellX = (await drawer().locator('tbody td').first().boundingBox())?.x as number;
    await scroller.evaluate((el) => el.scrollTo(100, 0));
    await expect.poll(async () => (await drawer().locator('tbody td').first().boundingBox())?.x).toBeLessThan(cellX - 50);
    expect((await drawer().locator('tbody th').first().boundingBox())?.x).toBe(labelX);

    // Escape with the focus in the drawer closes it.
    await drawer().locator('[role="tab"][data-table="F1"]').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer().count()).toBe(0);

    // T opens the attribute table; 展开宽表 then takes its place, Shift+T closes, T and Shift+T swap again.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('t');
    await attributeTable().waitFor();
    await page.click('[data-testid="expand-tables"]');
    await drawer().waitFor();
    expect(await attributeTable().count()).toBe(0);
    // The unit chosen before is kept while the page is open.
    expect(await drawer().locator('[data-table-view]').getAttribute('data-unit')).toBe('mu');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Shift+T');
    await expect.poll(() => drawer().count()).toBe(0);
    await page.keyboard.press('t');
    await attributeTable().waitFor();
    await page.keyboard.press('Shift+T');
    await drawer().waitFor();
    expect(await attributeTable().count()).toBe(0);

    expect(await page.evaluate(() => (window as unknown as { bothDrawers: boolean }).bothDrawers)).toBe(false);
    expect(session.errors.slice(errorsBefore)).toEqual([]);
  });
});
