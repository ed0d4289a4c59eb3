/**
 * Live rule checking in the real app with its real Web Worker: a new-build parcel drawn outside the
 * expansion boundary raises the error, clicking it focuses the offending geometry, deleting the parcel
 * makes it go; a warning can be justified; the indicator tables show.
 */
import type { Feature, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawPolygon, focusAt, launch, mapIdle, openEditor, startDrawing, type Session } from './support/browser.ts';
import { interiorCentre, square } from './support/plan-queries.ts';
import { pointInAreaGeometry } from '../../src/geo/point-in-ring.ts';
import type { AreaGeometry } from '../../src/domain/features.ts';

let session: Session;
const RULE = 'new-build-in-expansion-boundary';
/** The middle of a big paddy outside every 010/020 zone: found by the first test, drawn on by the next. */
let outside: [number, number] | undefined;

beforeAll(async () => {
  session = await launch();
  await openEditor(session.page);
});
afterAll(async () => {
  await session?.close();
});

async function openIssues(): Promise<void> {
  await session.page.click('[data-tab="issues"]');
  await session.page.waitForSelector('[data-testid="issue-summary"]', { timeout: 60_000 });
}

describe('live rule checking', () => {
  it('shows the sample village checked, with counts on the tab', async () => {
    await openIssues();
    await expect(session.page.locator('[data-testid="issue-badges"] .badge.error').textContent()).resolves.toMatch(/^\d+$/);
  });

  it('reports a new-build parcel outside the expansion boundary, and clears it when the parcel goes', async () => {
    const { page } = session;
    const plan = await page.evaluate(() => window.villagePlan.plan());
    const zones = (plan.layers.controlZone.features as Feature<Polygon>[]).filter((z) => ['010', '020'].includes(String(z.properties?.zoneCode)));
    // A big paddy whose middle lies outside every 010/020 zone.
    const paddies = (plan.layers.base.features as Feature<Polygon>[]).filter((f) => f.properties?.classCode === '111');
    for (const paddy of paddies) {
      const c = interiorCentre(paddy, 20);
      if (c && zones.every((z) => pointInAreaGeometry(c, z.geometry as AreaGeometry) === 'outside')) {
        outside = c;
        break;
      }
    }
    const centre = outside;
    expect(centre, 'a paddy outside the expansion boundary').toBeDefined();
    const errorsBefore = await page.locator(`.issue-group.error [data-rule="${RULE}"] li`).count();

    await focusAt(page, centre!);
    await startDrawing(page, 'newBuild');
    await drawPolygon(page, square(centre!, 16));
    await mapIdle(page);
    const rule = page.locator(`.issue-group.error [data-rule="${RULE}"]`);
    await expect.poll(async () => rule.locator('li').count(), { timeout: 20_000 }).toBe(errorsBefore + 1);

    await rule.evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await rule.locator('.issue-item').last().click();
    await expect(page.locator(`[data-rule="${RULE}"] li.focused`).count()).resolves.toBe(1);

    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => page.locator(`.issue-group.error [data-rule="${RULE}"] li`).count(), { timeout: 20_000 }).toBe(errorsBefore);
  });

  it('lets a warning pass with a written justification, undoably', async () => {
    const { page } = session;
    // An 8 m square new-build parcel (64 m²) is under the 100 m² construction minimum: a sliver warning.
    await focusAt(page, outside!);
    await startDrawing(page, 'newBuild');
    await drawPolygon(page, square(outside!, 8));
    await mapIdle(page);
    const warning = page.locator('.issue-group.warning [data-rule="min-parcel-area"]');
    await expect.poll(() => warning.count(), { timeout: 20_000 }).toBe(1);
    await warning.evaluate((d) => ((d as HTMLDetailsElement).open = true));
    const key = await warning.locator('.issue-item').first().getAttribute('data-issue');
    await warning.locator('[data-action="justify"]').first().click();
    await page.fill('.justification-editor textarea', '该地块为村民集中安置点，面积受现状道路限制。');
    await page.click('.justification-editor button.primary');
    await expect.poll(async () => page.locator(`.issue-group.justified [data-issue="${key}"]`).count(), { timeout: 20_000 }).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => page.locator(`.issue-group.justified [data-issue="${key}"]`).count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(async () => page.locator(`.issue-group.warning [data-issue="${key}"]`).count(), { timeout: 20_000 }).toBe(1);
    // The drawing is the step before: undoing it takes the warning away.
    await page.keyboard.press('Control+z');
    await expect.poll(() => warning.count(), { timeout: 20_000 }).toBe(0);
  });

  it('shows the indicator tables from the same areas as the map', async () => {
    const { page } = session;
    await page.click('[data-tab="indicators"]');
    await page.click('[data-table="F3"]');
    const text = await page.locator('[data-table-view="F3"]').textContent();
    expect(text).toMatch(/\d+\.\d{2}/);
    await page.click('[data-tab="attributes"]');
  });

  it('logged no console errors', () => {
    expect(session.errors).toEqual([]);
  });
});
