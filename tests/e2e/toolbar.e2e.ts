/**
 * The toolbar as a first-time user meets it: every control has a name, no icon is a font glyph that can
 * show as a blank box, and the draw button does not change width (and push the toolbar) when drawing starts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openEditor, startDrawing, type Session } from './support/browser.ts';

let session: Session;
beforeAll(async () => {
  session = await launch();
  await session.page.setViewportSize({ width: 1366, height: 768 });
  await openEditor(session.page);
}, 120_000);
afterAll(async () => {
  await session?.close();
});

describe('the toolbar', () => {
  it('names every control and draws its icons as SVG, never as symbol or emoji glyphs', async () => {
    const controls = await session.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.toolbar button, .toolbar label')].map((e) => ({
        action: e.dataset.action ?? e.className,
        name: (e.getAttribute('aria-label') ?? e.getAttribute('title') ?? e.textContent ?? '').trim(),
        text: e.textContent ?? '',
      })),
    );
    expect(controls.length).toBeGreaterThan(15);
    for (const control of controls) {
      expect(control.name, control.action).not.toBe('');
      // Arrows, technical and geometric symbols, dingbats and emoji: whether they show depends on the fonts.
      expect(control.text.replace('▾', ''), control.action).not.toMatch(/[\u2190-\u2bff\u{1f300}-\u{1faff}]/u);
    }
  });

  it('keeps the draw button’s width when a layer is being drawn', async () => {
    const { page } = session;
    const width = () => page.locator('[data-action="draw-menu"]').evaluate((e) => e.getBoundingClientRect().width);
    const before = await width();
    await startDrawing(page, 'consolidationZone');
    expect(await page.locator('[data-action="draw-menu"]').textContent()).toContain('整治分区');
    expect(await width()).toBe(before);
    await page.keyboard.press('Escape');
  });
});
