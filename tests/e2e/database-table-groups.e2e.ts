/**
 * A code the Zhejiang structure table puts in no subtotal, counted in one by the planner (issue 15, the 默认值
 * section's 结构调整表未列入小计的地类): on the 2026 sample kept on this computer, the largest paddy parcel is
 * reclassified 0802 科研用地 by a real click on the map, and so leaves every subtotal (`ydyh-table-level` says so);
 * choosing 村庄建设用地 for 0802 grows that subtotal on screen by the parcel's ellipsoidal area computed here,
 * takes the warning away and notes under the tables that 0802 has no row of its own, as one undo step. A reload
 * keeps it (real IndexedDB).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../../src/geo/area.ts';
import type { VillageFeature } from '../../src/profiles/zhejiang-2026/village-database.ts';
import { isAreaGeometry, M2_PER_HA } from '../../src/rules/ydyh/database-parcels.ts';
import { launch, type Session } from './support/browser.ts';
import { clickDatabaseMap, insidePoint, keepPlan, openSample2026, readSample2026, whenChecked, whenSaved } from './support/database-view.ts';

const RESEARCH = '0802';

let session: Session;
let page: Page;
let paddy: VillageFeature;

const areaOf = (f: VillageFeature) => (isAreaGeometry(f.geometry) ? ellipsoidalArea(f.geometry) : 0);
const groupRow = `[data-testid="table-group-defaults"] tr[data-code="${RESEARCH}"]`;
const done = () => page.evaluate(() => window.villageDatabase?.state().history.done.length ?? null);
const ungroupedWarnings = () =>
  page.evaluate(() => window.villageDatabase?.state().check?.issues.filter((i) => i.rule === 'ydyh-table-level' && i.message.key.endsWith('ungrouped')).map((i) => i.message.params?.['code']) ?? null);

/** The 村庄建设用地小计 of the target year as the structure table shows it (公顷). */
async function villageShownHa(): Promise<number> {
  await page.click('[data-tab="tables"]');
  const text = await page.textContent('[data-table="structure"] tr[data-row="village"] td[data-value="target"]');
  return Number(text?.replace(/,/g, ''));
}

async function openDefaults(): Promise<void> {
  await page.click('[data-tab="info"]');
  await page.waitForSelector('[data-testid="plan-defaults"]');
}

beforeAll(async () => {
  session = await launch();
  page = session.page;
  const largest = (readSample2026().layers.GHDLTB?.features ?? []).filter((f) => f.properties['GHDLBM'] === '0101').sort((a, b) => areaOf(b) - areaOf(a))[0];
  if (!largest) throw new Error('no paddy parcel in the sample');
  paddy = largest;
});

afterAll(async () => {
  await session?.close();
});

describe('a code in no subtotal, counted in one by the plan', () => {
  let before = NaN;

  it('puts a 0802 parcel in 村庄建设用地: the subtotal grows by its area, the warning goes, a note says it has no row', async () => {
    await openSample2026(page);
    await keepPlan(page);
    before = await villageShownHa();
    await clickDatabaseMap(page, insidePoint(paddy));
    await expect.poll(() => page.getAttribute('[data-testid="database-feature"]', 'data-ref')).toBe(paddy.ref);
    await page.selectOption('[data-testid="edit-code"]', RESEARCH);
    await page.click('[data-action="apply-edit"]');
    await whenChecked(page);
    await expect.poll(ungroupedWarnings).toEqual([RESEARCH]);
    // Out of the paddies it left 非建设用地, and 村庄建设用地 did not take it.
    expect(await villageShownHa()).toBeCloseTo(before, 2);
    const steps = await done();

    await openDefaults();
    expect(await page.inputValue(`${groupRow} select`)).toBe('');
    expect(await page.textContent(`${groupRow} select option[value=""]`)).toContain('默认值');
    await page.waitForSelector(`${groupRow} [data-testid="default-kept"]`);
    await page.selectOption(`${groupRow} select`, 'village');
    await expect.poll(async () => page.evaluate(() => window.villageDatabase?.state().database?.tableGroups ?? null)).toEqual({ [RESEARCH]: 'village' });
    await whenChecked(page);
    expect(await done()).toBe((steps ?? NaN) + 1);
    await page.waitForSelector(`${groupRow} [data-testid="default-changed"]`);
    expect(await ungroupedWarnings()).toEqual([]);

    const grown = before + areaOf(paddy) / M2_PER_HA;
    expect(areaOf(paddy) / M2_PER_HA).toBeGreaterThan(0.1);
    await expect.poll(villageShownHa).toBeCloseTo(grown, 1);
    await page.click('.table-notes summary');
    expect(await page.textContent('.table-notes')).toContain(`${RESEARCH} 科研用地 在模板中没有单独的行`);
    await whenSaved(page);
    expect(session.errors).toEqual([]);
  });

  it('keeps it across a reload', async () => {
    await page.reload();
    await whenChecked(page);
    expect(await page.evaluate(() => window.villageDatabase?.state().database?.tableGroups ?? null)).toEqual({ [RESEARCH]: 'village' });
    expect(await villageShownHa()).toBeCloseTo(before + areaOf(paddy) / M2_PER_HA, 1);
    expect(await ungroupedWarnings()).toEqual([]);
    await openDefaults();
    expect(await page.inputValue(`${groupRow} select`)).toBe('village');
    expect(session.errors).toEqual([]);
  });
});
