/**
 * The toolbar as a first-time user meets it: every control has a name, no icon is a font glyph that can
 * show as a blank box, and the draw button does not change width (and push the toolbar) when drawing starts.
 * One row at 1366×768 and 1920×1080 (what does not fit is in 更多), nothing overlapping or off screen; the
 * menus (文件, 公示, 更多) work from the keyboard, and a running export stays in sight.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openEditor, startDrawing, type Session } from './support/browser.ts';
import { clickAction } from './support/toolbar.ts';

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

interface Box {
  readonly name: string;
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** Runs in the page: the toolbar's box, its row's height, and every control shown on the row. */
function toolbarLayout() {
  const toolbar = document.querySelector<HTMLElement>('.toolbar')!;
  const style = getComputedStyle(toolbar);
  const groups = [...toolbar.querySelectorAll<HTMLElement>(':scope > [data-group]')];
  const onRow = [...toolbar.querySelectorAll<HTMLElement>('button, label, .brand')].filter((e) => {
    const box = e.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && !e.closest('[role="menu"], .tool-popover, .dialog-backdrop');
  });
  const text = (e: HTMLElement) => (e.textContent ?? '').replace('▾', '').trim();
  return {
    height: toolbar.getBoundingClientRect().height,
    // One row: the tallest group, the padding and the bottom border.
    oneRow: Math.max(...groups.map((g) => g.getBoundingClientRect().height)) + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) + parseFloat(style.borderBottomWidth),
    viewport: { width: window.innerWidth, height: window.innerHeight },
    groups: groups.map((g) => g.dataset.group ?? ''),
    controls: onRow.map((e) => {
      const box = e.getBoundingClientRect();
      const name = e.dataset.action ?? e.dataset.view ?? e.className;
      return { name, left: box.left, top: box.top, right: box.right, bottom: box.bottom, iconOnly: text(e) === '', named: (e.getAttribute('aria-label') ?? e.getAttribute('title') ?? '').trim() !== '' };
    }),
  };
}

function overlaps(a: Box, b: Box): boolean {
  return Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
}

async function expectOneTidyRow(page: Page) {
  const layout = await page.evaluate(toolbarLayout);
  expect(layout.height).toBeLessThanOrEqual(layout.oneRow + 0.5);
  expect(layout.controls.length).toBeGreaterThan(15);
  const { width, height } = layout.viewport;
  const outside = layout.controls.filter((c) => c.left < 0 || c.top < 0 || c.right > width || c.bottom > height);
  expect(outside.map((c) => c.name)).toEqual([]);
  const overlapping = layout.controls.flatMap((a, i) => layout.controls.slice(i + 1).filter((b) => overlaps(a, b)).map((b) => `${a.name} × ${b.name}`));
  expect(overlapping).toEqual([]);
  expect(layout.controls.filter((c) => c.iconOnly && !c.named).map((c) => c.name)).toEqual([]);
  return layout;
}

const focused = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action ?? null);

describe('one row at the common screen sizes', () => {
  it('at 1366×768: one row, the groups that do not fit in 更多, nothing overlapping or off screen', async () => {
    const { page } = session;
    await page.keyboard.press('Escape');
    const layout = await expectOneTidyRow(page);
    expect(layout.groups).toContain('more');
    // The file menu is always on the row: a running export shows there.
    expect(layout.groups).toContain('file');
  });

  it('at 1920×1080: one row and nothing in 更多', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.locator('[data-action="more"]').waitFor({ state: 'detached' });
    const layout = await expectOneTidyRow(page);
    expect(layout.groups).toEqual(expect.arrayContaining(['edit', 'find', 'notice', 'settings']));
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.locator('[data-action="more"]').waitFor();
  });

  it('in English at 1366×768 too', async () => {
    const { page } = session;
    await clickAction(page, 'language');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await expectOneTidyRow(page);
    await clickAction(page, 'language');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  });
});

describe('the toolbar’s menus', () => {
  it('文件 opens with Enter on its first item; the arrows, Home and End move; Escape closes it onto its button', async () => {
    const { page } = session;
    await page.focus('[data-action="file-menu"]');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('import');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('export-package');
    await page.keyboard.press('End');
    expect(await focused(page)).toBe('convert-2026');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('import');
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toBe('convert-2026');
    await page.keyboard.press('Home');
    expect(await focused(page)).toBe('import');
    await page.keyboard.press('Escape');
    expect(await page.getAttribute('[data-action="file-menu"]', 'aria-expanded')).toBe('false');
    expect(await page.isVisible('[data-action="import"]')).toBe(false);
    expect(await focused(page)).toBe('file-menu');
  });

  it('绘制 picks a layer from the keyboard, and Escape leaves the tool', async () => {
    const { page } = session;
    const first = await page.evaluate(() => document.querySelector<HTMLElement>('[data-action^="draw-"][role="menuitem"]')?.dataset.action);
    await page.focus('[data-action="draw-menu"]');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe(first);
    await page.keyboard.press('ArrowDown');
    const second = await focused(page);
    expect(second).toMatch(/^draw-/);
    expect(second).not.toBe(first);
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-action="draw-menu"]').getAttribute('class')).resolves.toContain('active');
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-action="draw-menu"]').getAttribute('class')).resolves.not.toContain('active');
  });

  it('runs an item from the keyboard: 导入… opens the import dialog, whose Escape gives the focus back to 文件', async () => {
    const { page } = session;
    await page.focus('[data-action="file-menu"]');
    await page.keyboard.press('Space');
    expect(await focused(page)).toBe('import');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="import-dialog"]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="import-dialog"]', { state: 'detached' });
    expect(await focused(page)).toBe('file-menu');
  });

  it('keeps Tab inside an open dialog both ways, and closes it only on a click that begins on the backdrop', async () => {
    const { page } = session;
    await page.focus('[data-action="file-menu"]');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="import-dialog"]');
    const inDialog = () => page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null);
    const seen = new Set<string>();
    for (const key of [...Array<string>(12).fill('Tab'), ...Array<string>(12).fill('Shift+Tab')]) {
      await page.keyboard.press(key);
      expect(await inDialog(), key).toBe(true);
      seen.add(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 60) ?? ''));
    }
    // More than one control was visited: the focus went round, not stuck on one.
    expect(seen.size).toBeGreaterThan(1);

    // A press inside the panel released over the backdrop (a text selection dragged out) leaves it open.
    const panel = (await page.locator('[data-testid="import-dialog"]').boundingBox())!;
    await page.mouse.move(panel.x + 20, panel.y + 12);
    await page.mouse.down();
    await page.mouse.move(5, 5, { steps: 4 });
    await page.mouse.up();
    expect(await page.isVisible('[data-testid="import-dialog"]')).toBe(true);
    await page.mouse.click(5, 5);
    await page.waitForSelector('[data-testid="import-dialog"]', { state: 'detached' });
  });

  it('公示 opens with ↓ and runs 输出规划图 with Enter', async () => {
    const { page } = session;
    await page.focus('[data-action="notice-menu"]');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('open-publish-notice');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('open-print');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-field="layout"]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-field="layout"]', { state: 'detached' });
  });

  it('更多 holds the find tools at 1366 px: ↑ opens it on its last item, Space runs one; a click outside closes it', async () => {
    const { page } = session;
    await page.focus('[data-action="more"]');
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toBe('help');
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toBe('language');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await focused(page)).toBe('more');
    await clickAction(page, 'language');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');

    // The search popover opens under 更多, and Escape gives the focus back to it.
    await clickAction(page, 'search');
    await page.waitForSelector('[data-tool-panel="search"] input');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-tool-panel="search"]', { state: 'detached' });
    expect(await focused(page)).toBe('more');

    await page.click('[data-action="more"]');
    expect(await page.isVisible('[data-action="search"]')).toBe(true);
    await page.click('.toolbar .brand');
    expect(await page.isVisible('[data-action="search"]')).toBe(false);
    expect(await page.getAttribute('[data-action="more"]', 'aria-expanded')).toBe('false');
  });

  it('keeps a running export’s progress and 取消 on the row, and cancels it from there', async () => {
    const { page } = session;
    await clickAction(page, 'export-package');
    const cancel = page.locator('[data-action="cancel-export-package"]');
    await cancel.waitFor();
    expect(await cancel.textContent()).toMatch(/取消 \(\d+%\)/);
    await expectOneTidyRow(page);
    await cancel.click();
    await cancel.waitFor({ state: 'detached' });
    expect(await page.getAttribute('[data-action="export-package"]', 'aria-busy')).toBe('false');
  });
});
