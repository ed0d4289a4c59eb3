/**
 * The ⚠ defaults a planner settles for the county in 村庄信息's 默认值 section (issue 15), on the 2026 sample
 * kept on this computer, each by a real choice and each one undo step: 耕地保有量 (#9, 171.97 公顷 against a
 * 上级下达 of 164.9) bound ≤ instead of ≥ makes `binding-indicators` name it and the 指标表 show ≤, 不约束 takes
 * the error away; 坑塘水面 (1704) counted 未利用地 moves its area between the 三大类 as computed here; 旱地 (0103)
 * given a blue fill is painted blue on the map (read from its pixels) and in the legend. A reload keeps all of
 * it (real IndexedDB), and 恢复默认值 takes the colour back.
 */
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { threeCategoryAreas } from '../../src/profiles/zhejiang-2026/plan-defaults.ts';
import type { VillageDatabase, VillageFeature } from '../../src/profiles/zhejiang-2026/village-database.ts';
import { codedParcels, M2_PER_HA } from '../../src/rules/ydyh/database-parcels.ts';
import { launch, type Session } from './support/browser.ts';
import { insidePoint, keepPlan, openSample2026, readSample2026, whenChecked, whenSaved } from './support/database-view.ts';

const INDICATOR = 9;
const POND = '1704';
const DRY = '0103';
const BLUE = '#1060c0';
/** The map's background, under a fill of opacity 0.9. */
const BACKGROUND = [0xf4, 0xf3, 0xef];

let session: Session;
let page: Page;
let sample: VillageDatabase;
let dryParcel: VillageFeature;

const database = () => page.evaluate(() => window.villageDatabase?.state().database ?? null);
const done = () => page.evaluate(() => window.villageDatabase?.state().history.done.length ?? null);
const bindingErrors = () =>
  page.evaluate(() => window.villageDatabase?.state().check?.issues.filter((i) => i.rule === 'binding-indicators' && i.severity === 'error').map((i) => i.message.params?.['number']) ?? null);
const bindingRow = `[data-testid="binding-defaults"] tr[data-indicator="${INDICATOR}"]`;
const pondRow = `[data-testid="three-category-defaults"] tr[data-code="${POND}"]`;
const dryRow = `[data-testid="class-colour-defaults"] tr[data-code="${DRY}"]`;
const totalHa = (category: string) => page.textContent(`[data-testid="three-category-totals"] tr[data-year="target"] td[data-category="${category}"]`).then((text) => Number(text?.replace(/,/g, '')));

async function openDefaults(): Promise<void> {
  await page.click('[data-tab="info"]');
  await page.waitForSelector('[data-testid="plan-defaults"]');
}

async function attributeShown(): Promise<{ binding: string | null; text: string | null }> {
  await page.click('[data-tab="tables"]');
  const cell = page.locator(`[data-table="indicators"] tr[data-row="${INDICATOR}"] td[data-binding]`);
  const shown = { binding: await cell.getAttribute('data-binding'), text: await cell.textContent() };
  await openDefaults();
  return shown;
}

/** The map's colour at a lon/lat, as the browser composited it. */
async function pixelAt(lonLat: [number, number]): Promise<[number, number, number]> {
  await page.evaluate(() => window.villageDatabase?.idle());
  const local = await page.evaluate((p) => window.villageDatabase?.project(p) ?? null, lonLat);
  const canvas = page.locator('[data-testid="database-map"] canvas');
  const box = await canvas.boundingBox();
  if (!local || !box || local.x < 0 || local.y < 0 || local.x >= box.width || local.y >= box.height) throw new Error('the point is not on the map');
  const png = PNG.sync.read(await canvas.screenshot());
  const scale = png.width / box.width;
  const at = (Math.round(local.y * scale) * png.width + Math.round(local.x * scale)) * 4;
  return [png.data[at] as number, png.data[at + 1] as number, png.data[at + 2] as number];
}

const filled = (hex: string): number[] => [1, 3, 5].map((at, i) => 0.9 * parseInt(hex.slice(at, at + 2), 16) + 0.1 * (BACKGROUND[i] as number));
const distance = (a: readonly number[], b: readonly number[]) => Math.max(...a.map((value, i) => Math.abs(value - (b[i] as number))));

beforeAll(async () => {
  session = await launch();
  page = session.page;
  sample = readSample2026();
  const largest = codedParcels(sample, 'target')
    .filter((parcel) => parcel.code === DRY)
    .sort((a, b) => b.areaM2 - a.areaM2)[0];
  if (!largest) throw new Error(`no ${DRY} parcel in the sample`);
  dryParcel = largest.feature;
});

afterAll(async () => {
  await session?.close();
});

describe('the 默认值 a planner settles, each one step, kept with the plan', () => {
  it('binds 耕地保有量 ≤, then not at all: binding-indicators and the 指标表 follow', async () => {
    await openSample2026(page);
    await keepPlan(page);
    await openDefaults();
    expect(await page.inputValue(`${bindingRow} select`)).toBe('atLeast');
    expect(await page.textContent(`${bindingRow} select option[value="atLeast"]`)).toContain('默认值');
    await page.waitForSelector(`${bindingRow} [data-testid="default-kept"]`);
    expect(await bindingErrors()).toEqual([]);
    expect(await attributeShown()).toEqual({ binding: 'atLeast', text: '约束性 ≥' });

    await page.selectOption(`${bindingRow} select`, 'atMost');
    await expect.poll(bindingErrors, { timeout: 30_000 }).toEqual([INDICATOR]);
    await whenChecked(page);
    expect((await database())?.bindings).toEqual({ [INDICATOR]: 'atMost' });
    expect(await done()).toBe(1);
    await page.waitForSelector(`${bindingRow} [data-testid="default-changed"]`);
    expect(await attributeShown()).toEqual({ binding: 'atMost', text: '约束性 ≤' });
    // The 上级下达 entry says the plan's direction too.
    expect(await page.textContent(`label[for="village-info-allocation.${INDICATOR}"]`)).toContain('≤');

    await page.selectOption(`${bindingRow} select`, 'none');
    await expect.poll(bindingErrors, { timeout: 30_000 }).toEqual([]);
    await whenChecked(page);
    expect(await done()).toBe(2);
    expect((await attributeShown()).binding).toBe('none');
    await page.selectOption(`${bindingRow} select`, 'atMost');
    await expect.poll(bindingErrors, { timeout: 30_000 }).toEqual([INDICATOR]);
    expect(session.errors).toEqual([]);
  });

  it('counts 坑塘水面 as 未利用地: the 三大类 areas move by its area, in the section and under the tables', async () => {
    const before = threeCategoryAreas(codedParcels(sample, 'target'));
    const after = threeCategoryAreas(codedParcels(sample, 'target'), { [POND]: 'unused' });
    expect(before.agricultural - after.agricultural).toBeGreaterThan(1e4);
    expect(await page.inputValue(`${pondRow} select`)).toBe('agricultural');
    expect(await totalHa('unused')).toBeCloseTo(before.unused / M2_PER_HA, 2);

    await page.selectOption(`${pondRow} select`, 'unused');
    await expect.poll(() => totalHa('unused')).toBeCloseTo(after.unused / M2_PER_HA, 2);
    expect(await totalHa('agricultural')).toBeCloseTo(after.agricultural / M2_PER_HA, 2);
    expect((await database())?.threeCategories).toEqual({ [POND]: 'unused' });
    await page.waitForSelector(`${pondRow} [data-testid="default-changed"]`);
    expect(await done()).toBe(4);
    await page.click('[data-tab="tables"]');
    await page.waitForSelector('[data-table="categories"]');
    expect(await totalHa('unused')).toBeCloseTo(after.unused / M2_PER_HA, 2);
    await openDefaults();
  });

  it('fills 旱地 blue: the map paints it and the legend shows it', async () => {
    const spot = insidePoint(dryParcel);
    const byDefault = await pixelAt(spot);
    expect(distance(byDefault, filled(BLUE))).toBeGreaterThan(100);

    await page.fill(`${dryRow} input[type="color"]`, BLUE);
    await expect.poll(async () => (await database())?.classColours ?? null).toEqual({ [DRY]: BLUE });
    expect(await done()).toBe(5);
    await page.waitForSelector(`${dryRow} [data-testid="default-changed"]`);
    await expect.poll(() => pixelAt(spot).then((pixel) => distance(pixel, filled(BLUE)))).toBeLessThan(30);
    expect(await page.getAttribute(`[data-testid="database-legend"] li[data-code="${DRY}"] .swatch`, 'style')).toContain('rgb(16, 96, 192)');
    await whenChecked(page);
    await whenSaved(page);
    expect(session.errors).toEqual([]);
  });

  it('keeps every default across a reload; 恢复默认值 takes the colour back as one more step', async () => {
    await page.reload();
    await whenChecked(page);
    const kept = await database();
    expect({ bindings: kept?.bindings, threeCategories: kept?.threeCategories, classColours: kept?.classColours }).toEqual({
      bindings: { [INDICATOR]: 'atMost' },
      threeCategories: { [POND]: 'unused' },
      classColours: { [DRY]: BLUE },
    });
    expect(await bindingErrors()).toEqual([INDICATOR]);
    const spot = insidePoint(dryParcel);
    expect(distance(await pixelAt(spot), filled(BLUE))).toBeLessThan(30);
    await openDefaults();
    expect(await page.inputValue(`${bindingRow} select`)).toBe('atMost');
    expect(await page.inputValue(`${dryRow} input[type="color"]`)).toBe(BLUE);

    await page.click(`${dryRow} [data-action="reset-default"]`);
    await expect.poll(async () => (await database())?.classColours ?? null).toBeNull();
    await page.waitForSelector(`${dryRow} [data-testid="default-kept"]`);
    await expect.poll(() => pixelAt(spot).then((pixel) => distance(pixel, filled(BLUE)))).toBeGreaterThan(100);
    expect(await done()).toBe(6);
    await page.click('[data-action="undo"]');
    await expect.poll(async () => (await database())?.classColours ?? null).toEqual({ [DRY]: BLUE });
    await whenChecked(page);
    await whenSaved(page);
    expect(session.errors).toEqual([]);
  });
});
