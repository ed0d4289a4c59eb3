/**
 * Reaching what lies underneath. Rezoning by drawing: a 020 zone drawn over the village's 030 control zone
 * takes its area from it (the toolbar says the mode), the control zones still cover the same area once,
 * and one undo puts them back. Click cycling: Alt+click steps through every feature under the pointer,
 * the status bar naming the one selected.
 */
import type { Feature, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../../src/geo/area.ts';
import { drawPolygon, focusAt, launch, mapIdle, openEditor, pagePoint, startDrawing, type Session } from './support/browser.ts';
import { interiorCentre, square } from './support/plan-queries.ts';

let session: Session;
const zones = async () => (await session.page.evaluate(() => window.villagePlan.plan().layers.controlZone.features)) as Feature<Polygon>[];
const totalArea = (list: readonly Feature<Polygon>[]) => list.reduce((s, z) => s + ellipsoidalArea(z.geometry), 0);

beforeAll(async () => {
  session = await launch();
  await openEditor(session.page);
}, 120_000);
afterAll(async () => {
  await session?.close();
});

describe('drawing a control zone over another', () => {
  it('cuts the zone underneath, keeps the layer covering the village once, and undoes in one step', async () => {
    const { page } = session;
    const before = await zones();
    const restricted = before.filter((z) => z.properties?.zoneCode === '030').sort((a, b) => ellipsoidalArea(b.geometry) - ellipsoidalArea(a.geometry));
    const centre = restricted.map((z) => interiorCentre(z, 60)).find((c) => c !== undefined);
    if (!centre) throw new Error('no 030 zone with room for a 60 m square');
    await focusAt(page, centre, 1000);
    await startDrawing(page, 'controlZone');
    const toggle = page.locator('.toolbar label[data-mode]');
    expect(await toggle.getAttribute('data-mode')).toBe('takeOver');
    expect(await toggle.textContent()).toContain('取代下方分区');

    await drawPolygon(page, square(centre, 60));
    await page.keyboard.press('Escape');
    await mapIdle(page);
    const after = await zones();
    expect(after).toHaveLength(before.length + 1);
    const added = after.find((z) => !before.some((b) => b.id === z.id));
    expect(ellipsoidalArea(added!.geometry)).toBeGreaterThan(3500);
    expect(Math.abs(totalArea(after) - totalArea(before))).toBeLessThan(0.5);
    expect(await page.locator('.toast').allTextContents()).toContainEqual(expect.stringContaining('取得'));

    await page.keyboard.press('Control+z');
    await mapIdle(page);
    const undone = await zones();
    expect(undone.map((z) => z.id).sort()).toEqual(before.map((z) => z.id).sort());
    expect(Math.abs(totalArea(undone) - totalArea(before))).toBeLessThan(0.01);
  });
});

describe('clicking through stacked features', () => {
  it('selects the top feature, then Alt+click steps to the one beneath and back, named in the status bar', async () => {
    const { page } = session;
    await page.keyboard.press('Escape');
    const plan = await page.evaluate(() => window.villagePlan.plan());
    const parcel = (plan.layers.newBuild.features as Feature<Polygon>[]).map((f) => ({ f, c: interiorCentre(f, 0) })).find((x) => x.c !== undefined);
    if (!parcel?.c) throw new Error('no new-build parcel to click');
    await focusAt(page, parcel.c, 500);
    const { x, y } = await pagePoint(page, parcel.c);
    const selection = () => page.evaluate(() => window.villagePlan.selection());

    const altClick = async (previous: string) => {
      await page.keyboard.down('Alt');
      await page.mouse.click(x, y);
      await page.keyboard.up('Alt');
      await page.waitForFunction((id) => window.villagePlan.selection()[0] !== id, previous);
      return (await selection())[0] as string;
    };
    await page.mouse.click(x, y);
    await page.waitForFunction(() => window.villagePlan.selection().length === 1);
    const first = (await selection())[0] as string;
    const hint = page.locator('[data-testid="pick-hint"]');
    expect(await hint.textContent()).toMatch(/此处 \d+ 个要素，已选第 1 个：/);
    const count = Number((await hint.textContent())?.match(/此处 (\d+) 个/)?.[1]);
    expect(count).toBeGreaterThanOrEqual(2);

    // Every feature under the pointer comes up once, in order, then the first again.
    const seen = [first];
    for (let i = 1; i < count; i++) {
      seen.push(await altClick(seen.at(-1) as string));
      expect(await hint.textContent()).toMatch(new RegExp(`已选第 ${i + 1} 个：`));
    }
    expect(new Set(seen).size).toBe(count);
    expect(seen).toContain(String(parcel.f.id));
    const layerOf = (id: string) => Object.entries(plan.layers).find(([, c]) => c.features.some((f) => String(f.id) === id))?.[0];
    expect(seen.map(layerOf)).toContain('base');
    expect(await altClick(seen.at(-1) as string)).toBe(first);
    expect(await hint.textContent()).toMatch(/已选第 1 个/);
  });
});

