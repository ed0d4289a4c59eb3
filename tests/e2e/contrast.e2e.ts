/**
 * Every control a planner can use is readable and named: text contrast at least 4.5:1 against what is
 * behind it (WCAG AA) on the drafts page and in the editor's toolbar, and each row's actions inside its row.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openEditor, type Session } from './support/browser.ts';
import { waitSaved } from './support/drafts.ts';
import { E2E_ORIGIN } from './support/origin.ts';

let session: Session;
beforeAll(async () => {
  session = await launch();
  await session.page.setViewportSize({ width: 1366, height: 768 });
  await openEditor(session.page);
  await waitSaved(session.page);
}, 120_000);
afterAll(async () => {
  await session?.close();
});

/** Runs in the page: each enabled control under `root` with its name and its text's contrast ratio. */
function controlsIn(root: string): { name: string; ratio: number }[] {
  const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = ([r, g, b]: number[]) => {
    const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r ?? 0) + 0.7152 * lin(g ?? 0) + 0.0722 * lin(b ?? 0);
  };
  const background = (e: Element | null): number[] => {
    for (let at = e; at; at = at.parentElement) {
      const [r, g, b, a = 1] = rgb(getComputedStyle(at).backgroundColor);
      if (a > 0.5) return [r ?? 255, g ?? 255, b ?? 255];
    }
    return [255, 255, 255];
  };
  const controls = [...document.querySelectorAll<HTMLElement>(`${root} button:not(:disabled), ${root} a[href], ${root} label.file-button`)];
  return controls
    .filter((e) => e.getBoundingClientRect().width > 0)
    .map((e) => {
      const fg = luminance(rgb(getComputedStyle(e).color));
      const bg = luminance(background(e));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      return { name: (e.getAttribute('aria-label') ?? e.getAttribute('title') ?? e.textContent ?? '').trim() || e.outerHTML.slice(0, 60), ratio: Math.round(ratio * 100) / 100 };
    });
}

async function unreadable(page: Page, root: string): Promise<string[]> {
  const controls = await page.evaluate(controlsIn, root);
  expect(controls.length).toBeGreaterThan(3);
  return controls.filter((c) => c.ratio < 4.5 || c.name === '').map((c) => `${c.name}: ${c.ratio}`);
}

describe('readable controls', () => {
  it('on the drafts page: every control at 4.5:1 or better, and each draft’s actions inside its row', async () => {
    const { page } = session;
    await page.goto(E2E_ORIGIN);
    await page.waitForSelector('[data-testid="drafts-table"] tbody tr');
    expect(await unreadable(page, '.start-page')).toEqual([]);
    const row = await page.locator('[data-testid="drafts-table"] tbody tr').first().boundingBox();
    const actions = await page.locator('[data-testid="drafts-table"] tbody tr [data-action="open-draft"]').first().boundingBox();
    expect(actions!.y).toBeGreaterThanOrEqual(row!.y);
    expect(actions!.y + actions!.height).toBeLessThanOrEqual(row!.y + row!.height + 0.5);
  });

  it('in the editor’s toolbar', async () => {
    const { page } = session;
    // The machine has a draft (made in beforeAll): `/` is the drafts page, and the draft opens from it.
    await page.goto(E2E_ORIGIN);
    await page.click('[data-action="open-draft"]');
    await page.waitForSelector('.app[data-ready="true"]', { timeout: 60_000 });
    expect(await unreadable(page, '.toolbar')).toEqual([]);
  });
});
