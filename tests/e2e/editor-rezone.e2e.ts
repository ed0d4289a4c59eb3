/**
 * Rezoning by drawing: a 020 zone drawn over the village's 030 control zone takes its area from it (the
 * toolbar says the mode), the control zones still cover the same area once, and one undo puts them back.
 */
import type { Feature, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../../src/geo/area.ts';
import { drawPolygon, focusAt, launch, mapIdle, openEditor, startDrawing, type Session } from './support/browser.ts';
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
