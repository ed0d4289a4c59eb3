/**
 * The village information and the 上级下达 allocations entered in the 2026 view: the sample kept on this
 * computer, the info tab opened, a wrong entry said under its field with nothing changed, then 规划人口 and
 * an allocation for #1 below the plan's value applied as one step: `binding-indicators` names the indicator
 * and the 指标表 shows the per-capita figure computed here from the same database with the same info. Undo
 * takes the error away, redo brings it back, and a reload keeps it (real IndexedDB).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDecimals } from '../../src/domain/units.ts';
import type { VillageDatabase } from '../../src/profiles/zhejiang-2026/village-database.ts';
import { computeDatabaseTables } from '../../src/rules/ydyh/database-tables.ts';
import { launch, type Session } from './support/browser.ts';
import { keepPlan, openSample2026, readSample2026, whenChecked, whenSaved } from './support/database-view.ts';

let session: Session;
let page: Page;
let sample: VillageDatabase;

const TARGET_POPULATION = 2500;
const bindingErrors = () =>
  page.evaluate(() => window.villageDatabase?.state().check?.issues.filter((i) => i.rule === 'binding-indicators' && i.severity === 'error').map((i) => i.message.params?.['number']) ?? null);
const state = () => page.evaluate(() => ({ info: window.villageDatabase?.state().database?.info, allocations: window.villageDatabase?.state().database?.allocations, done: window.villageDatabase?.state().history.done.length }));
const perCapitaShown = async () => {
  await page.click('[data-tab="tables"]');
  return page.textContent('[data-table="indicators"] tr[data-row="6"] [data-value="target"]');
};

beforeAll(async () => {
  session = await launch();
  page = session.page;
  sample = readSample2026();
});

afterAll(async () => {
  await session?.close();
});

describe('the village information and allocations entered in the 2026 view', () => {
  it('asks to keep the plan first, says a wrong entry under its field, applies the rest as one step, and the checks and 指标表 follow', async () => {
    await openSample2026(page);
    await page.click('[data-tab="info"]');
    await page.waitForSelector('[data-testid="village-info"] [data-testid="edit-needs-keep"]');
    await keepPlan(page);
    await page.waitForSelector('[data-action="apply-village-info"]');

    const planned = computeDatabaseTables(sample).indicators.results.find((r) => r.indicator.number === 1)?.target.value ?? NaN;
    const allocation = Math.floor(planned * 0.9 * 100) / 100;
    expect(await bindingErrors()).toEqual([]);

    await page.fill('[data-entry="targetPopulation"]', '两千五');
    await page.click('[data-action="apply-village-info"]');
    const said = await page.textContent('[data-entry-error="targetPopulation"][role="alert"]');
    expect(said).toContain('规划人口');
    expect((await state()).done).toBe(0);

    await page.fill('[data-entry="targetPopulation"]', String(TARGET_POPULATION));
    await page.fill('[data-entry="allocation.1"]', String(allocation));
    await page.click('[data-action="apply-village-info"]');
    await whenChecked(page);
    await expect.poll(bindingErrors).toEqual([1]);
    const edited = await state();
    expect(edited.done).toBe(1);
    expect(edited.info?.targetPopulation).toBe(TARGET_POPULATION);
    expect(edited.allocations?.[1]).toBe(allocation);
    await page.click('[data-tab="issues"]');
    expect(await page.textContent('[data-rule="binding-indicators"][data-severity="error"]')).toContain('村域建设用地总面积');

    const expected = computeDatabaseTables({ ...sample, info: { ...sample.info, targetPopulation: TARGET_POPULATION }, allocations: { ...sample.allocations, 1: allocation } });
    const perCapita = expected.indicators.results.find((r) => r.indicator.number === 6)?.target.value;
    if (perCapita === undefined || perCapita === null) throw new Error('no per-capita figure computed');
    expect(await perCapitaShown()).toBe(formatDecimals(perCapita, 2, 2));

    await page.click('[data-action="undo"]');
    await whenChecked(page);
    await expect.poll(bindingErrors).toEqual([]);
    expect((await state()).info?.targetPopulation).toBe(sample.info.targetPopulation);
    await page.keyboard.press('Control+y');
    await whenChecked(page);
    await expect.poll(bindingErrors).toEqual([1]);
    await whenSaved(page);

    await page.reload();
    await whenChecked(page);
    expect(await bindingErrors()).toEqual([1]);
    const reloaded = await state();
    expect(reloaded.info?.targetPopulation).toBe(TARGET_POPULATION);
    expect(reloaded.done).toBe(1);
    expect(await perCapitaShown()).toBe(formatDecimals(perCapita, 2, 2));
    await page.click('[data-tab="info"]');
    expect(await page.inputValue('[data-entry="targetPopulation"]')).toBe(String(TARGET_POPULATION));
    expect(session.errors).toEqual([]);
  });
});
