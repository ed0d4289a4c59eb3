/**
 * Editing a 2026 village plan in the browser (issue 15): the 2026 sample kept on this computer, a farmland
 * parcel outside the 村庄建设边界 reclassified as 农村宅基地 by a real click on the map, the checks and the
 * structure table following (village-land-in-boundary appears; 村庄建设用地 grows by the parcel's ellipsoidal
 * area computed here), undo and redo, the 管控边界 derived again taking it in, two parcels changed at once with Shift+click, a coarse code taken
 * with its note, the edit surviving a reload (real IndexedDB), a full disk (the edit kept in the page, said,
 * leaving asks first, saved once there is room), and the kept plan listed on the start page and deleted.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../../src/geo/area.ts';
import { geometryBBox } from '../../src/geo/bbox.ts';
import { pointInAreaGeometry } from '../../src/geo/point-in-ring.ts';
import type { VillageDatabase, VillageFeature } from '../../src/profiles/zhejiang-2026/village-database.ts';
import { isAreaGeometry } from '../../src/rules/ydyh/database-parcels.ts';
import { launch, type Session } from './support/browser.ts';
import { installDiskFullSwitch, openStartPage, setDiskFull } from './support/drafts.ts';
import { clickDatabaseMap, insidePoint, keepPlan, openSample2026, readSample2026, whenChecked, whenSaved } from './support/database-view.ts';
import { E2E_ORIGIN } from './support/origin.ts';

let session: Session;
let page: Page;
let sample: VillageDatabase;

const areaOf = (f: VillageFeature) => (isAreaGeometry(f.geometry) ? ellipsoidalArea(f.geometry) : 0);


/** The largest paddy parcels: farmland, far from the village construction boundary, easy to hit. */
function paddies(db: VillageDatabase, count: number): VillageFeature[] {
  return (db.layers.GHDLTB?.features ?? []).filter((f) => f.properties['GHDLBM'] === '0101').sort((a, b) => areaOf(b) - areaOf(a)).slice(0, count);
}


// Each answer is computed in the page: the whole state (a 2.5 MB plan) never crosses to the test.
/** The largest farmland parcels off the permanent basic farmland, whose 管控边界 type follows their class. */
function farmlandOutsidePbf(db: VillageDatabase): VillageFeature[] {
  const pbf = (db.layers.YJJBNT?.features ?? []).flatMap((f) => (isAreaGeometry(f.geometry) ? [f.geometry] : []));
  return (db.layers.GHDLTB?.features ?? [])
    .filter((f) => ['0101', '0103'].includes(String(f.properties['GHDLBM'])) && !pbf.some((g) => pointInAreaGeometry(insidePoint(f), g) !== 'outside'))
    .sort((a, b) => areaOf(b) - areaOf(a));
}

const boundaryErrors = () => page.evaluate(() => window.villageDatabase?.state().check?.issues.filter((i) => i.rule === 'village-land-in-boundary' && i.severity === 'error').length ?? -1);
const villageHa = () => page.evaluate(() => window.villageDatabase?.state().tables?.structure.rows.find((r) => r.row.key === 'village')?.values.target ?? NaN);
const codeOf = (ref: string) => page.evaluate((r) => window.villageDatabase?.state().database?.layers.GHDLTB?.features.find((f) => f.ref === r)?.properties['GHDLBM'], ref);
const keptId = () => page.evaluate(() => window.villageDatabase?.state().draft?.id ?? null);

beforeAll(async () => {
  session = await launch();
  await installDiskFullSwitch(session.context);
  page = session.page;
  sample = readSample2026();
});

afterAll(async () => {
  await session?.close();
});

describe('editing a 2026 village plan', () => {
  it('keeps the sample on this computer, reclassifies a parcel clicked on the map, and the checks and tables follow; undo and redo', async () => {
    await openSample2026(page);
    expect(await page.isVisible('[data-testid="edit-needs-keep"]')).toBe(false);
    await keepPlan(page);
    expect(await boundaryErrors()).toBe(0);
    const before = await villageHa();

    const [parcel] = farmlandOutsidePbf(sample);
    if (!parcel) throw new Error('no farmland outside the PBF');
    await clickDatabaseMap(page, insidePoint(parcel));
    await expect.poll(() => page.getAttribute('[data-testid="database-feature"]', 'data-ref')).toBe(parcel.ref);
    await page.selectOption('[data-testid="edit-code"]', '070301');
    await page.click('[data-action="apply-edit"]');
    await whenChecked(page);
    await expect.poll(boundaryErrors).toBe(1);
    expect(await codeOf(parcel.ref)).toBe('070301');
    expect((await villageHa()) - before).toBeCloseTo(areaOf(parcel) / 10_000, 6);

    await page.click('[data-action="undo"]');
    await expect.poll(boundaryErrors).toBe(0);
    expect(await codeOf(parcel.ref)).toBe(parcel.properties['GHDLBM']);
    await page.keyboard.press('Control+y');
    await expect.poll(boundaryErrors).toBe(1);
    expect(await codeOf(parcel.ref)).toBe('070301');
    // The 管控边界 derived again from the planned parcels take the new 宅基地 in (it is not on PBF, which would
    // keep it 0202): the error goes; undo brings it back.
    await page.click('[data-action="derive-gkbj"]');
    await expect.poll(boundaryErrors, { timeout: 30_000 }).toBe(0);
    await page.click('[data-action="undo"]');
    await expect.poll(boundaryErrors).toBe(1);
    await whenSaved(page);
    expect(session.errors).toEqual([]);
  });

  it('changes two parcels at once with Shift+click, says what a coarse code means, and keeps every edit through a reload', async () => {
    const [, second, third] = paddies(sample, 3);
    if (!second || !third) throw new Error('no paddies');
    await clickDatabaseMap(page, insidePoint(second));
    await clickDatabaseMap(page, insidePoint(third), true);
    await expect.poll(() => page.getAttribute('[data-testid="database-feature"]', 'data-count')).toBe('2');
    // 07 居住用地 has no row of its own in the Zhejiang table: taken, with a note.
    await page.selectOption('[data-testid="edit-code"]', '07');
    await page.click('[data-action="apply-edit"]');
    await page.waitForSelector('[data-testid="edit-said"]');
    expect(await codeOf(second.ref)).toBe('07');
    expect(await codeOf(third.ref)).toBe('07');
    await whenSaved(page);

    await page.reload();
    await whenChecked(page);
    expect(await codeOf(second.ref)).toBe('07');
    expect(await codeOf(third.ref)).toBe('07');
    const [first] = farmlandOutsidePbf(sample);
    expect(await codeOf(first?.ref ?? '')).toBe('070301');
  });

  it('keeps an edit in the page when the disk is full, says so, asks before leaving, and saves it once there is room', async () => {
    const [, , , fourth] = paddies(sample, 4);
    if (!fourth) throw new Error('no paddy');
    await setDiskFull(page, true);
    await clickDatabaseMap(page, insidePoint(fourth));
    await expect.poll(() => page.getAttribute('[data-testid="database-feature"]', 'data-ref')).toBe(fourth.ref);
    await page.selectOption('[data-testid="edit-code"]', '0103');
    await page.click('[data-action="apply-edit"]');
    await page.waitForSelector('[data-testid="keep-status"][data-saving="failed"]');
    expect(await page.textContent('[data-testid="keep-status"]')).toContain('磁盘');
    let asked = false;
    page.once('dialog', (dialog) => {
      asked = dialog.type() === 'beforeunload';
      void dialog.dismiss();
    });
    await page.evaluate(() => {
      (window as { stayed?: boolean }).stayed = true;
      window.location.reload();
    }).catch(() => undefined);
    await expect.poll(() => asked).toBe(true);
    // Dismissed: the page stayed, and the edit with it.
    expect(await page.evaluate(() => (window as { stayed?: boolean }).stayed)).toBe(true);
    expect(await codeOf(fourth.ref)).toBe('0103');
    // The writer tries again by itself.
    await setDiskFull(page, false);
    await whenSaved(page);
    await page.reload();
    await whenChecked(page);
    expect(await codeOf(fourth.ref)).toBe('0103');
  });

  it('draws a change across parcels: they are cut along the outline, the part inside takes the class, the area is kept, one undo puts it back', async () => {
    const [parcel] = paddies(sample, 6).slice(5);
    if (!parcel || !isAreaGeometry(parcel.geometry)) throw new Error('no paddy');
    const [w, s, e, n] = geometryBBox(parcel.geometry);
    // A square from the parcel's middle out past its north-east corner: it cuts the parcel and its neighbours.
    const [cx, cy] = insidePoint(parcel);
    const ring: [number, number][] = [[cx, cy], [e + (e - w) * 0.3, cy], [e + (e - w) * 0.3, n + (n - s) * 0.3], [cx, n + (n - s) * 0.3]];
    const countAndArea = () =>
      page.evaluate(() => {
        const features = window.villageDatabase?.state().database?.layers.GHDLTB?.features ?? [];
        return { count: features.length, drawn: features.filter((f) => f.properties['GHDLBM'] === '0901').length };
      });
    const before = await countAndArea();
    const totalBefore = await page.evaluate(() => window.villageDatabase?.state().tables?.structure.rows.find((r) => r.row.kind === 'total')?.values.target ?? NaN);
    await page.selectOption('[data-testid="draw-code"]', '0901');
    await page.click('[data-action="draw-change"]');
    for (const corner of ring) await clickDatabaseMap(page, corner);
    await clickDatabaseMap(page, ring[0] as [number, number]);
    await whenChecked(page);
    const after = await countAndArea();
    if (process.env.E2E_SHOT) {
      await page.evaluate(() => window.villageDatabase?.idle());
      await page.screenshot({ path: '/tmp/drawn.png' });
    }
    expect(after.drawn).toBeGreaterThanOrEqual(2);
    expect(after.count).toBeGreaterThan(before.count);
    const totalAfter = await page.evaluate(() => window.villageDatabase?.state().tables?.structure.rows.find((r) => r.row.kind === 'total')?.values.target ?? NaN);
    // The village's planned total is unchanged (to 0.01 m²): cutting moves land between classes, never loses it.
    expect(Math.abs(totalAfter - totalBefore) * 10_000).toBeLessThan(0.01);
    await page.click('[data-action="undo"]');
    await expect.poll(countAndArea).toEqual(before);
    await page.keyboard.press('Control+y');
    await expect.poll(countAndArea).toEqual(after);
  });

  it('lists the kept plan on the start page, opens it from there and deletes it when asked', async () => {
    const id = await keptId();
    if (!id) throw new Error('not kept');
    const kept = { id };
    await openStartPage(page);
    const row = page.locator(`[data-kept="${kept.id}"]`);
    await row.waitFor();
    await row.locator('[data-action="open-kept"]').click();
    await whenChecked(page);
    expect(await keptId()).toBe(kept.id);
    await openStartPage(page);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator(`[data-kept="${kept.id}"] [data-action="delete-kept"]`).click();
    await page.locator(`[data-kept="${kept.id}"]`).waitFor({ state: 'detached' });
    await page.goto(`${E2E_ORIGIN}?db=${kept.id}`);
    await page.waitForSelector('[data-testid="database-error"]');
  });
});
