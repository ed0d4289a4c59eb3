/**
 * 管控边界 by hand in the 2026 database view (issue 15): the 2026 sample kept on this computer, its 管控边界
 * derived again (unchanged: the sample's are the derived ones), a 村庄弹性发展区 drawn with real clicks inside
 * the 一般农业空间, the GKBJ areas by type following (the drawn land moves from 0201 to 0302, joining the one
 * 0302 feature; the total unchanged) and the 国土空间管控表 in the tables tab showing it in hectares; then
 * SSBJLX = T set on a picked planned parcel and the 管控边界 derived again: 村庄弹性发展区 is what the
 * derivation makes of that parcel (the hand-drawn area goes, the derivation knowing only the parcels, after
 * the planner is asked whether to replace it).
 */
import type { Polygon, Position } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdit } from '../../src/commands/village-database/database-edit.ts';
import { deriveControlBoundaries } from '../../src/commands/village-database/derive-control-boundaries.command.ts';
import { setBoundaryType } from '../../src/commands/village-database/set-boundary-type.command.ts';
import type { AreaGeometry } from '../../src/domain/features.ts';
import { ellipsoidalArea } from '../../src/geo/area.ts';
import { geometryBBox } from '../../src/geo/bbox.ts';
import { intersection } from '../../src/geo/overlay.ts';
import { pointInAreaGeometry } from '../../src/geo/point-in-ring.ts';
import { polygonsOf } from '../../src/geo/rings.ts';
import type { VillageDatabase, VillageFeature } from '../../src/profiles/zhejiang-2026/village-database.ts';
import { isAreaGeometry } from '../../src/rules/ydyh/database-parcels.ts';
import { launch, type Session } from './support/browser.ts';
import { clickDatabaseMap, keepPlan, openSample2026, readSample2026, whenChecked, whenSaved } from './support/database-view.ts';

let session: Session;
let page: Page;
/** The square drawn, inside the 一般农业空间 only, and its ellipsoidal area. */
let square: { ring: [number, number][]; areaM2: number; centre: [number, number] };
/** The planned parcel under the square's centre (一般农业空间 too), given SSBJLX = T. */
let parcel: VillageFeature;
/** The 0302 area the sample has, and the one the derivation gives once that parcel is T, computed here with the same commands. */
let sample0302M2: number;
let derived0302M2: number;

const squareAt = ([cx, cy]: [number, number], half: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[cx - half, cy - half], [cx + half, cy - half], [cx + half, cy + half], [cx - half, cy + half], [cx - half, cy - half]]],
});

/** A 7 × 7 grid of points over the square, its corners included, all inside the area: a cheap first test. */
function sampledInside(polygon: Polygon, area: AreaGeometry): boolean {
  const [w, s, e, n] = geometryBBox(polygon);
  for (let i = 0; i <= 6; i++) for (let j = 0; j <= 6; j++) if (pointInAreaGeometry([w + ((e - w) * i) / 6, s + ((n - s) * j) / 6], area) !== 'inside') return false;
  return true;
}

/** Whether the polygon lies wholly in the area (the overlay's word, once the points said so). */
function whollyInside(polygon: Polygon, area: AreaGeometry): boolean {
  const inside = intersection(polygon, area);
  return inside.ok && inside.value !== null && Math.abs(ellipsoidalArea(inside.value) - ellipsoidalArea(polygon)) < 0.01;
}

/** The largest square (of a few sizes, ~60–100 m a side) on a grid of centres that lies in the 一般农业空间's largest part, shrunk by a tenth for the clicks' rounding. */
function squareIn0201(db: VillageDatabase): Polygon {
  const gkbj0201 = db.layers.GKBJ?.features.find((f) => f.properties['GKBJLXDM'] === '0201');
  if (!gkbj0201 || !isAreaGeometry(gkbj0201.geometry)) throw new Error('the sample has no 0201');
  const parts = polygonsOf(gkbj0201.geometry).map((p): Polygon => ({ type: 'Polygon', coordinates: p.map((ring) => [...ring]) }));
  const [largest] = parts.sort((a, b) => ellipsoidalArea(b) - ellipsoidalArea(a));
  if (!largest) throw new Error('no 0201 part');
  const [w, s, e, n] = geometryBBox(largest);
  for (const half of [0.0005, 0.0004, 0.0003]) {
    for (let i = 1; i < 10; i++) {
      for (let j = 1; j < 10; j++) {
        const centre: [number, number] = [w + ((e - w) * i) / 10, s + ((n - s) * j) / 10];
        const candidate = squareAt(centre, half);
        if (sampledInside(candidate, largest) && whollyInside(candidate, largest)) return squareAt(centre, half * 0.9);
      }
    }
  }
  throw new Error('no square fits in the 0201');
}

/** Sums of MJ by GKBJ type, and the count of GKBJ features, read in the page. */
const gkbjByType = () =>
  page.evaluate(() => {
    const features = window.villageDatabase?.state().database?.layers.GKBJ?.features ?? [];
    const m2: Record<string, number> = {};
    for (const f of features) m2[String(f.properties['GKBJLXDM'])] = (m2[String(f.properties['GKBJLXDM'])] ?? 0) + Number(f.properties['MJ'] ?? 0);
    return { count: features.length, m2 };
  });
const controlHa = (key: string) => page.evaluate((k) => window.villageDatabase?.state().tables?.control?.find((row) => row.key === k)?.areaHa ?? null, key);
const editKeys = () => page.evaluate(() => window.villageDatabase?.state().editMessages?.messages.map((m) => m.key) ?? []);
const ssbjlxOf = (ref: string) => page.evaluate((r) => window.villageDatabase?.state().database?.layers.GHDLTB?.features.find((f) => f.ref === r)?.properties['SSBJLX'] ?? null, ref);

beforeAll(async () => {
  session = await launch();
  page = session.page;
  const sample = readSample2026();
  const drawn = squareIn0201(sample);
  const ring = (drawn.coordinates[0] as Position[]).slice(0, 4) as [number, number][];
  const [w, s, e, n] = geometryBBox(drawn);
  const centre: [number, number] = [(w + e) / 2, (s + n) / 2];
  square = { ring, areaM2: ellipsoidalArea(drawn), centre };
  const under = sample.layers.GHDLTB?.features.find((f) => isAreaGeometry(f.geometry) && pointInAreaGeometry(centre, f.geometry) === 'inside');
  if (!under) throw new Error('no planned parcel under the square');
  parcel = under;
  const flexible = setBoundaryType(sample, [parcel.ref], 'T');
  if (!flexible.ok) throw new Error(flexible.error.key);
  sample0302M2 = Number(sample.layers.GKBJ?.features.find((f) => f.properties['GKBJLXDM'] === '0302')?.properties['MJ'] ?? 0);
  const derived = deriveControlBoundaries(applyEdit(sample, flexible.value, 'forward'));
  if (!derived.ok) throw new Error(derived.error.key);
  derived0302M2 = (derived.value.features ?? []).reduce((sum, c) => sum + (c.after?.properties['GKBJLXDM'] === '0302' ? Number(c.after.properties['MJ']) : 0), 0);
});

afterAll(async () => {
  await session?.close();
});

describe('管控边界 by hand in a 2026 village plan', () => {
  it('draws a 村庄弹性发展区 over the 一般农业空间: the areas by type and the 国土空间管控表 follow, the total stays', async () => {
    await openSample2026(page);
    await keepPlan(page);
    // The sample's 管控边界 are the derived ones: deriving again changes nothing, and says so.
    await page.click('[data-action="derive-gkbj"]');
    await expect.poll(editKeys, { timeout: 30_000 }).toContain('databaseEdit.deriveControl.unchanged');
    await page.waitForSelector('[data-action="derive-gkbj"]:not([disabled])');

    const before = await gkbjByType();
    const total = await controlHa('total');
    if (total === null) throw new Error('no 国土空间管控表');
    expect(before.m2['0201']).toBeGreaterThan(square.areaM2);

    // Zoom in on the square with the wheel, as a planner would, so its corners lie well apart on screen.
    const centreOnScreen = async () => page.evaluate((p) => window.villageDatabase?.project(p) ?? null, square.centre);
    const canvas = await page.locator('[data-testid="database-map"] canvas').boundingBox();
    const fitted = await centreOnScreen();
    if (!canvas || !fitted) throw new Error('map not ready');
    await page.mouse.move(canvas.x + fitted.x, canvas.y + fitted.y);
    await page.mouse.wheel(0, -600);
    const corner = () => page.evaluate((p) => window.villageDatabase?.project(p) ?? null, square.ring[0] as [number, number]);
    const fittedCorner = await corner();
    await expect.poll(corner, { timeout: 10_000 }).not.toEqual(fittedCorner);
    await page.evaluate(() => window.villageDatabase?.idle());
    const onScreen = await Promise.all(square.ring.map((p) => page.evaluate((q) => window.villageDatabase?.project(q) ?? null, p)));
    for (const p of onScreen) {
      expect(p && p.x > 10 && p.y > 10 && p.x < canvas.width - 10 && p.y < canvas.height - 10).toBe(true);
    }
    const [a, b] = onScreen;
    // Well beyond the 20 px within which a click closes the polygon.
    expect(Math.hypot((b?.x ?? 0) - (a?.x ?? 0), (b?.y ?? 0) - (a?.y ?? 0))).toBeGreaterThan(50);

    await page.selectOption('[data-testid="draw-gkbj-type"]', '0302');
    await page.click('[data-action="draw-gkbj"]');
    for (const point of square.ring) await clickDatabaseMap(page, point);
    await clickDatabaseMap(page, square.ring[0] as [number, number]);
    await expect.poll(async () => (await gkbjByType()).m2['0302'] ?? 0, { timeout: 20_000 }).toBeGreaterThan((before.m2['0302'] ?? 0) + square.areaM2 / 2);
    await whenChecked(page);
    const after = await gkbjByType();
    const gained = (after.m2['0302'] ?? 0) - (before.m2['0302'] ?? 0);
    // The clicks land on whole pixels: the drawn square is the intended one to a few per cent.
    expect(Math.abs(gained - square.areaM2) / square.areaM2).toBeLessThan(0.03);
    // Land moves from 0201 to 0302 (MJ rounded to 0.01 m² each), joining the one 0302 feature: no feature more.
    expect(Math.abs((before.m2['0201'] ?? 0) - (after.m2['0201'] ?? 0) - gained)).toBeLessThan(0.05);
    expect(after.count).toBe(before.count);
    expect(await page.evaluate(() => window.villageDatabase?.state().editMessages?.level ?? null)).toBe('warning');
    expect(await editKeys()).toContain('database.boundary.draw.joined');

    // The 国土空间管控表: 0302 in hectares as the layer has it, the total as before.
    await expect.poll(() => controlHa('0302'), { timeout: 30_000 }).toBeCloseTo((after.m2['0302'] ?? 0) / 10_000, 4);
    expect(Math.abs(((await controlHa('total')) ?? NaN) - total)).toBeLessThan(1e-4);
    await page.click('[data-tab="tables"]');
    const cell = page.locator('[data-table="control"] tr[data-row="0302"] td[data-value="area"]');
    await cell.waitFor();
    // Printed with 尾数平差 (the rows add up to 合计): the MJ sum rounded down or up.
    expect(Math.abs(Number((await cell.textContent())?.replace(/,/g, '')) - (after.m2['0302'] ?? 0) / 10_000)).toBeLessThan(0.01 + 1e-9);
    expect(await page.textContent('[data-table="control"] tr[data-row="0302"] th')).toContain('村庄弹性发展区');
    const totalCell = await page.textContent('[data-table="control"] tr[data-row="total"] td[data-value="area"]');
    expect(Number(totalCell?.replace(/,/g, ''))).toBeCloseTo(total, 2);
    await whenSaved(page);
    expect(session.errors).toEqual([]);
  });

  it('sets SSBJLX = T on a picked parcel; deriving the 管控边界 again makes it 村庄弹性发展区', async () => {
    await clickDatabaseMap(page, square.centre);
    await expect.poll(() => page.getAttribute('[data-testid="database-feature"]', 'data-ref')).toBe(parcel.ref);
    await page.selectOption('[data-testid="edit-ssbjlx"]', 'T');
    await page.click('[data-action="apply-ssbjlx"]');
    await expect.poll(() => ssbjlxOf(parcel.ref)).toBe('T');
    await whenChecked(page);

    // The 弹性发展区 drawn by hand above would be replaced: asked first; declining changes nothing.
    const steps = () => page.evaluate(() => window.villageDatabase?.state().history.done.length ?? null);
    const stepsBefore = await steps();
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.click('[data-action="derive-gkbj"]');
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain('手绘了 1 处管控边界');
    expect(await steps()).toBe(stepsBefore);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('[data-action="derive-gkbj"]');
    await expect.poll(async () => (await gkbjByType()).m2['0302'] ?? 0, { timeout: 30_000 }).toBeCloseTo(derived0302M2, 1);
    await whenChecked(page);
    // The parcel is in it now: the 0302 the sample had, and this parcel.
    const parcelM2 = isAreaGeometry(parcel.geometry) ? ellipsoidalArea(parcel.geometry) : 0;
    expect(derived0302M2 - sample0302M2).toBeCloseTo(parcelM2, -1);
    await expect.poll(() => controlHa('0302'), { timeout: 30_000 }).toBeCloseTo(derived0302M2 / 10_000, 4);
    await whenSaved(page);
    expect(session.errors).toEqual([]);
  });
});
