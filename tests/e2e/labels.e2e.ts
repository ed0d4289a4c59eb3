/** Place names in the editor never sit on top of each other, at the whole-village view or zoomed out. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelOverlaps } from '../support/label-overlaps.ts';
import { launch, mapIdle, openEditor, type Session } from './support/browser.ts';

let session: Session;
beforeAll(async () => {
  session = await launch();
  await session.page.setViewportSize({ width: 1366, height: 768 });
  await openEditor(session.page);
}, 120_000);
afterAll(async () => {
  await session?.close();
});

describe('place labels', () => {
  it('are kept apart at the whole-village view and one step out, most of them still shown', async () => {
    const { page } = session;
    for (const step of ['fit', 'out'] as const) {
      if (step === 'fit') await page.keyboard.press('f');
      else await page.click('.maplibregl-ctrl-zoom-out');
      // Idle comes after the camera's moveend, on which the labels are placed.
      await mapIdle(page);
      const { shown, overlapping } = await page.evaluate(labelOverlaps);
      expect(overlapping, step).toEqual([]);
      expect(shown, step).toBeGreaterThan(0);
    }
    const total = await page.evaluate(() => document.querySelectorAll('.place-label').length);
    await page.keyboard.press('f');
    await mapIdle(page);
    expect((await page.evaluate(labelOverlaps)).shown).toBeGreaterThanOrEqual(Math.ceil(total / 2));
  });
});
