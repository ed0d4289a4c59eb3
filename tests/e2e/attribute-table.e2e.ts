/**
 * The attribute table (issue 14), driven with a real mouse and keyboard on the sample village: opened
 * with T and from the layer panel, sorted by area (checked against areas computed here), filtered by a
 * class code, rows and map selection in step both ways, a bulk edit of three rows undone in one step, a
 * cell edited in place, Escape closing it, a draft reopening with its table open; and on the
 * 20,000-parcel plan only the rows in view are in the DOM, with the time to open and to sort printed.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Feature, Polygon } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../../src/domain/features.ts';
import { ellipsoidalArea } from '../../src/geo/area.ts';
import { clickMap, launch, mapIdle, openEditor, type Session } from './support/browser.ts';
import { draftIdOf } from './support/drafts.ts';
import { interiorCentre } from './support/plan-queries.ts';
import { E2E_ORIGIN } from './support/origin.ts';
import { clickAction } from './support/toolbar.ts';

const SAMPLE_PATH = 'e2e-table/sample.plan.json';
const BENCH_FILE = 'samples/generated/bench-20000.plan.json';
const BENCH_PATH = 'e2e-table/bench.plan.json';

let session: Session;
let page: Page;
let errorsBefore = 0;

beforeAll(async () => {
  session = await launch();
  page = session.page;
  const sample = readFileSync('samples/sample-village.plan.json');
  await session.context.route(`${E2E_ORIGIN}${SAMPLE_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: sample }));
  if (existsSync(BENCH_FILE)) {
    const bench = readFileSync(BENCH_FILE);
    await session.context.route(`${E2E_ORIGIN}${BENCH_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: bench }));
  }
});

afterAll(async () => {
  await session?.close();
});

const table = () => page.locator('[data-testid="attribute-table"]');
const rowIds = () => table().locator('tbody tr[data-feature]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-feature') ?? ''));
const count = async () => {
  const c = table().locator('[data-testid="table-count"]');
  return { shown: Number(await c.getAttribute('data-shown')), total: Number(await c.getAttribute('data-total')) };
};

/** Base parcels of the plan shown, as the test reads them (not as the table does). */
async function baseParcels(): Promise<Feature<Polygon>[]> {
  const plan = await page.evaluate(() => window.villagePlan.plan());
  return plan.layers.base.features as Feature<Polygon>[];
}

async function openBaseTable(): Promise<void> {
  await page.click('[data-layer="base"] input[name="active-layer"]');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('t');
  await table().waitFor();
  expect(await table().getAttribute('data-layer')).toBe('base');
}

describe('the attribute table on the sample village', () => {
  beforeEach(async () => {
    await openEditor(page, `?plan=/${SAMPLE_PATH}`);
    if ((await page.evaluate(() => document.documentElement.lang)) !== 'zh-CN') await clickAction(page, 'language');
    errorsBefore = session.errors.length;
  });

  it('opens with T for the current layer and from a layer row, sorts by area both ways, filters by a class code', async () => {
    const parcels = await baseParcels();
    await openBaseTable();
    expect(await count()).toEqual({ shown: parcels.length, total: parcels.length });
    // The header names the fields in Chinese; codes show as 代码 名称.
    await expect.poll(() => table().locator('th[data-column="classCode"] .sort').textContent()).toContain('地类');

    const byArea = [...parcels].sort((a, b) => ellipsoidalArea(a.geometry as AreaGeometry) - ellipsoidalArea(b.geometry as AreaGeometry));
    await table().locator('th[data-column="area"] .sort').click();
    expect(await table().locator('th[data-column="area"]').getAttribute('aria-sort')).toBe('ascending');
    expect((await rowIds())[0]).toBe(String(byArea[0]?.id));
    await table().locator('th[data-column="area"] .sort').click();
    expect(await table().locator('th[data-column="area"]').getAttribute('aria-sort')).toBe('descending');
    expect((await rowIds())[0]).toBe(String(byArea.at(-1)?.id));
    const largest = byArea.at(-1) as Feature<Polygon>;
    const shownArea = await table().locator(`tr[data-feature="${String(largest.id)}"] td`).nth(8).textContent();
    expect(Number(shownArea?.replace(/,/g, ''))).toBeCloseTo(ellipsoidalArea(largest.geometry as AreaGeometry), 1);

    const paddy = parcels.filter((p) => p.properties?.classCode === '111');
    await table().locator('select[data-filter="classCode"]').selectOption('111');
    expect(await count()).toEqual({ shown: paddy.length, total: parcels.length });
    expect(await table().locator('[data-testid="table-count"]').textContent()).toContain(`显示 ${paddy.length.toLocaleString('en-US')} / 共 ${parcels.length.toLocaleString('en-US')} 条`);
    const classCells = await table().locator('tbody tr[data-feature] td:nth-child(2)').allTextContents();
    expect(classCells.length).toBeGreaterThan(5);
    for (const text of classCells) expect(text).toBe('111 水田');

    // From the layer panel's row: the table switches to that layer, and the draft reopens with it.
    await page.waitForFunction(() => new URL(location.href).searchParams.has('draft'), undefined, { timeout: 30_000 });
    await page.click('[data-open-table="pbf"]');
    await expect.poll(() => table().getAttribute('data-layer')).toBe('pbf');
    expect((await count()).total).toBe((await page.evaluate(() => window.villagePlan.plan())).layers.pbf.features.length);
    await openEditor(page, `?draft=${draftIdOf(page)}`);
    expect(await table().getAttribute('data-layer')).toBe('pbf');
    expect(session.errors.slice(errorsBefore)).toEqual([]);
  });

  it('keeps rows and the map selection in step both ways, and shows only the selected rows on request', async () => {
    await openBaseTable();
    const ids = await rowIds();
    await table().locator(`tr[data-feature="${ids[2]}"] td`).nth(1).click();
    expect(await page.evaluate(() => window.villagePlan.selection())).toEqual([ids[2]]);
    await table().locator(`tr[data-feature="${ids[5]}"] td`).nth(1).click({ modifiers: ['Shift'] });
    expect(await page.evaluate(() => window.villagePlan.selection())).toEqual([ids[2], ids[3], ids[4], ids[5]]);
    await table().locator(`tr[data-feature="${ids[3]}"] td`).nth(1).click({ modifiers: ['Control'] });
    expect(await page.evaluate(() => window.villagePlan.selection())).toEqual([ids[2], ids[4], ids[5]]);
    expect(await table().locator('tr[aria-selected="true"]').count()).toBe(3);

    await page.check('[data-testid="only-selected"]');
    expect((await count()).shown).toBe(3);
    await page.uncheck('[data-testid="only-selected"]');

    // Select on the map a parcel far down the list: its row scrolls into view, highlighted.
    const parcels = await baseParcels();
    const target = parcels
      .slice(-300)
      .map((p) => ({ p, centre: interiorCentre(p, 10) }))
      .find((c) => c.centre && c.p.properties?.classCode === '111');
    if (!target?.centre) throw new Error('no parcel with room for a click');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('f');
    await mapIdle(page);
    await clickMap(page, target.centre);
    await expect.poll(() => page.evaluate(() => window.villagePlan.selection())).toEqual([String(target.p.id)]);
    const row = table().locator(`tr[data-feature="${String(target.p.id)}"]`);
    await expect.poll(() => row.getAttribute('aria-selected')).toBe('true');
    const [rowBox, scrollBox] = [await row.boundingBox(), await table().locator('[data-testid="attribute-table-scroll"]').boundingBox()];
    if (!rowBox || !scrollBox) throw new Error('row not laid out');
    expect(rowBox.y).toBeGreaterThanOrEqual(scrollBox.y);
    expect(rowBox.y + rowBox.height).toBeLessThanOrEqual(scrollBox.y + scrollBox.height + 1);

    // Double-click on the number: the map goes to the parcel.
    const zoomBefore = await page.locator('[data-testid="scale"]').textContent();
    await row.locator('td').first().dblclick();
    await expect.poll(() => page.locator('[data-testid="scale"]').textContent()).not.toBe(zoomBefore);
    expect(session.errors.slice(errorsBefore)).toEqual([]);
  });

  it('sets a field on three rows as one step that one undo reverts; edits a cell in place; Escape closes', async () => {
    await openBaseTable();
    const ids = (await rowIds()).slice(0, 3);
    await table().locator(`tr[data-feature="${ids[0]}"] td`).nth(1).click();
    await table().locator(`tr[data-feature="${ids[2]}"] td`).nth(1).click({ modifiers: ['Shift'] });
    const slopeOf = async () => {
      const plan = await page.evaluate(() => window.villagePlan.plan());
      return ids.map((id) => plan.layers.base.features.find((f) => String(f.id) === id)?.properties?.slopeGrade as string | null);
    };
    const before = await slopeOf();
    const undoBefore = (await page.evaluate(() => window.villagePlan.history())).undo.length;

    await table().locator('[data-action="bulk-edit"]').click();
    await page.locator('[data-testid="bulk-field"]').selectOption('slopeGrade');
    await page.locator('#bulk-slopeGrade').selectOption('5');
    await page.click('[data-action="bulk-apply"]');
    expect(await page.locator('.bulk-confirm').textContent()).toContain('将 3 个要素的“坡度级别”设为“5 >25°”');
    await page.click('[data-action="bulk-confirm"]');
    expect(await slopeOf()).toEqual(['5', '5', '5']);
    expect((await page.evaluate(() => window.villagePlan.history())).undo.length).toBe(undoBefore + 1);
    expect(await table().locator(`tr[data-feature="${ids[1]}"] td`).nth(5).textContent()).toBe('5 >25°');

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+z');
    await expect.poll(slopeOf).toEqual(before);

    // A cell edited in place, with the attribute panel's checks.
    const owner = table().locator(`tr[data-feature="${ids[1]}"] td`).nth(4);
    await owner.dblclick();
    await page.locator('#table-cell-ownerName').fill('第九村民小组');
    await page.keyboard.press('Enter');
    await expect.poll(() => owner.textContent()).toBe('第九村民小组');
    const plan = await page.evaluate(() => window.villagePlan.plan());
    expect(plan.layers.base.features.find((f) => String(f.id) === ids[1])?.properties?.ownerName).toBe('第九村民小组');

    // Escape with the focus in the table closes it; the selection stays.
    await table().locator(`tr[data-feature="${ids[0]}"] td`).nth(1).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => table().count()).toBe(0);
    expect(await page.evaluate(() => window.villagePlan.selection())).toEqual([ids[0]]);
    expect(session.errors.slice(errorsBefore)).toEqual([]);
  });
});

describe('the attribute table on 20,000 parcels', () => {
  it.skipIf(!existsSync(BENCH_FILE))('keeps only the rows in view in the DOM, and opens and sorts quickly', { timeout: 240_000 }, async () => {
    await openEditor(page, `?plan=/${BENCH_PATH}`);
    errorsBefore = session.errors.length;
    await page.click('[data-layer="base"] input[name="active-layer"]');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

    // Times measured in the page: until React has put the rows in the DOM, and until the next frame is
    // painted (in which the map, now shorter, draws again: in software WebGL that is most of the wait).
    const opened = await page.evaluate(async () => {
      const start = performance.now();
      const rowsIn = new Promise<number>((resolve) => {
        const found = () => document.querySelector('[data-testid="attribute-table"] tbody tr[data-feature]');
        const observer = new MutationObserver(() => {
          if (!found()) return;
          observer.disconnect();
          resolve(performance.now() - start);
        });
        observer.observe(document.body, { childList: true, subtree: true });
      });
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 't', bubbles: true }));
      const dom = await rowsIn;
      await new Promise(requestAnimationFrame);
      return { dom, painted: performance.now() - start };
    });
    const parcels = Object.keys((JSON.parse(readFileSync(BENCH_FILE, 'utf8')) as { layers: { base: object } }).layers.base).length;
    expect(parcels).toBeGreaterThan(19_000);
    expect(await count()).toEqual({ shown: parcels, total: parcels });
    const inDom = await table().locator('tbody tr[data-feature]').count();
    expect(inDom).toBeGreaterThan(3);
    expect(inDom).toBeLessThan(60);

    await mapIdle(page);
    const sorted = await page.evaluate(async () => {
      const first = () => document.querySelector('[data-testid="attribute-table"] tbody tr[data-feature]')?.getAttribute('data-feature');
      const before = first();
      const start = performance.now();
      const changed = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (first() === before) return;
          observer.disconnect();
          resolve(performance.now() - start);
        });
        observer.observe(document.body, { childList: true, subtree: true, attributes: true });
      });
      document.querySelector<HTMLButtonElement>('[data-testid="attribute-table"] th[data-column="area"] .sort')?.click();
      const dom = await changed;
      await new Promise(requestAnimationFrame);
      return { dom, painted: performance.now() - start };
    });
    const ms = (x: number) => `${Math.round(x)} ms`;
    console.log(
      `attribute table, ${parcels.toLocaleString('en-US')} base parcels: open ${ms(opened.dom)} to the rows in the DOM, ${ms(opened.painted)} to the next painted frame; ` +
        `sort by area ${ms(sorted.dom)}, ${ms(sorted.painted)} painted`,
    );

    // Scrolled to the end: the last row is there and the DOM is still small.
    await table().locator('[data-testid="attribute-table-scroll"]').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect.poll(() => table().locator(`tbody tr[aria-rowindex="${parcels + 1}"]`).count()).toBe(1);
    expect(await table().locator('tbody tr[data-feature]').count()).toBeLessThan(60);
    expect(opened.dom).toBeLessThan(5_000);
    expect(sorted.dom).toBeLessThan(2_000);
    expect(session.errors.slice(errorsBefore)).toEqual([]);
  });
});
