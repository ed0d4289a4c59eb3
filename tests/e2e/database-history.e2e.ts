/**
 * A kept 2026 plan's undo history survives a reload (real IndexedDB): the sample kept on this computer, a
 * parcel reclassified by a real click on the map, the page reloaded, Ctrl+Z restores the code and Ctrl+Y
 * applies it again, and after another reload the redone edit is still there, with its undo step.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../../src/geo/area.ts';
import type { VillageDatabase, VillageFeature } from '../../src/profiles/zhejiang-2026/village-database.ts';
import { isAreaGeometry } from '../../src/rules/ydyh/database-parcels.ts';
import { launch, type Session } from './support/browser.ts';
import { clickDatabaseMap, insidePoint, keepPlan, openSample2026, readSample2026, whenChecked, whenSaved } from './support/database-view.ts';

let session: Session;
let page: Page;
let sample: VillageDatabase;

const areaOf = (f: VillageFeature) => (isAreaGeometry(f.geometry) ? ellipsoidalArea(f.geometry) : 0);
const codeOf = (ref: string) => page.evaluate((r) => window.villageDatabase?.state().database?.layers.GHDLTB?.features.find((f) => f.ref === r)?.properties['GHDLBM'], ref);
const steps = () => page.evaluate(() => ({ done: window.villageDatabase?.state().history.done.length, undone: window.villageDatabase?.state().history.undone.length }));

beforeAll(async () => {
  session = await launch();
  page = session.page;
  sample = readSample2026();
});

afterAll(async () => {
  await session?.close();
});

describe('the undo history of a kept 2026 plan', () => {
  it('undoes and redoes an edit made before a reload, and keeps the result through another', async () => {
    await openSample2026(page);
    await keepPlan(page);

    // The largest paddy parcel: easy to hit with a click.
    const parcel = (sample.layers.GHDLTB?.features ?? []).filter((f) => f.properties['GHDLBM'] === '0101').sort((a, b) => areaOf(b) - areaOf(a))[0];
    if (!parcel) throw new Error('no paddy');
    const original = parcel.properties['GHDLBM'];
    await clickDatabaseMap(page, insidePoint(parcel));
    await expect.poll(() => page.getAttribute('[data-testid="database-feature"]', 'data-ref')).toBe(parcel.ref);
    await page.selectOption('[data-testid="edit-code"]', '0301');
    await page.click('[data-action="apply-edit"]');
    expect(await codeOf(parcel.ref)).toBe('0301');
    await whenSaved(page);

    await page.reload();
    await whenChecked(page);
    expect(await codeOf(parcel.ref)).toBe('0301');
    expect(await steps()).toEqual({ done: 1, undone: 0 });
    expect(await page.isEnabled('[data-action="undo"]')).toBe(true);
    await page.keyboard.press('Control+z');
    await expect.poll(() => codeOf(parcel.ref)).toBe(original);
    await page.keyboard.press('Control+y');
    await expect.poll(() => codeOf(parcel.ref)).toBe('0301');
    await whenSaved(page);

    await page.reload();
    await whenChecked(page);
    expect(await codeOf(parcel.ref)).toBe('0301');
    expect(await steps()).toEqual({ done: 1, undone: 0 });
    expect(await page.evaluate(() => window.villageDatabase?.state().notes.map((note) => note.key))).not.toContain('databaseDrafts.history.dropped');
    expect(session.errors).toEqual([]);
  });
});
