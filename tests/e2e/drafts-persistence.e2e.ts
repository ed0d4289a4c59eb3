/**
 * Drafts survive a reload: a first visit lands on the sample village stored as a draft (its id in the
 * URL); an edit is saved within a second and is there after a reload, with undo still working; versions
 * are named, compared, published and restored; the start page lists, renames, duplicates, trashes and
 * restores drafts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, mapIdle, openEditor, type Session } from './support/browser.ts';
import { draftIdOf, drawNewBuild, newBuildCount, planText, saveState, waitSaved } from './support/drafts.ts';

let session: Session;

beforeAll(async () => {
  session = await launch();
  // Every text the save corner shows from the first paint on (a first visit: the sample is stored as a new draft).
  await session.page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __saveTexts: string[] }).__saveTexts = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="save-status"]')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await openEditor(session.page);
});
afterAll(async () => {
  await session?.close();
});

async function reload(): Promise<void> {
  await session.page.reload();
  await session.page.waitForSelector('.app[data-ready="true"]', { timeout: 60_000 });
  await mapIdle(session.page);
}

describe('a draft in this browser', () => {
  it('stores the sample village as a draft on a first visit and names it in the URL', async () => {
    const { page } = session;
    await waitSaved(page);
    expect(draftIdOf(page)).toMatch(/^[0-9a-f-]{36}$/);
    expect((await saveState(page)).text).toMatch(/^已保存 \d\d:\d\d:\d\d$/);
    expect((await page.evaluate(() => window.villagePlan.plan())).layers.base.features.length).toBeGreaterThan(1000);
    // Before any edit the corner never says 保存中… (nothing the planner did is being saved), at most that the
    // new plan is being stored as a draft.
    const texts = await page.evaluate(() => (window as unknown as { __saveTexts: string[] }).__saveTexts);
    expect(texts.at(-1)).toMatch(/^已保存/);
    expect(texts.filter((text) => !/^已保存/.test(text))).toEqual(texts.filter((text) => text === '正在存为本机草稿…'));
  });

  it('keeps an edit across a reload, and undo still undoes it', async () => {
    const { page } = session;
    const before = await newBuildCount(page);
    const revision = (await saveState(page)).revision;
    await drawNewBuild(page);
    expect(await newBuildCount(page)).toBe(before + 1);
    await waitSaved(page, revision);
    const edited = await planText(page);

    await reload();
    expect(await planText(page)).toBe(edited);
    await expect(page.evaluate(() => window.villagePlan.history().undo.length)).resolves.toBeGreaterThan(0);

    const saved = (await saveState(page)).revision;
    await page.click('[data-action="undo"]');
    expect(await newBuildCount(page)).toBe(before);
    await waitSaved(page, saved);
    await reload();
    expect(await newBuildCount(page)).toBe(before);
    await expect(page.evaluate(() => window.villagePlan.history().redo.length)).resolves.toBe(1);
    const undone = (await saveState(page)).revision;
    await page.click('[data-action="redo"]');
    expect(await newBuildCount(page)).toBe(before + 1);
    await waitSaved(page, undone);
  });

  it('names versions, compares two, freezes the published one, and restores one as a new draft', async () => {
    const { page } = session;
    await page.click('[data-action="versions"]');
    await page.fill('.dialog.versions input', '方案一');
    await page.click('[data-action="create-version"]');
    await page.waitForSelector('.version-list [data-version="方案一"]');
    await page.click('.dialog.versions .buttons button:last-child');
    const before = await newBuildCount(page);
    const revision = (await saveState(page)).revision;
    await drawNewBuild(page, 2);
    await waitSaved(page, revision);

    await page.click('[data-action="versions"]');
    await page.fill('.dialog.versions input', '公示稿');
    await page.click('[data-action="create-version"]');
    const notice = page.locator('.version-list [data-version="公示稿"]');
    await notice.waitFor();
    await page.selectOption('[data-testid="compare-from"]', { label: '方案一' });
    await page.selectOption('[data-testid="compare-to"]', { label: '公示稿' });
    await page.click('[data-action="compare-versions"]');
    const result = page.locator('[data-testid="compare-result"]');
    await expect(result.textContent()).resolves.toContain('建新地块 新增 1 · 删除 0 · 修改 0');

    page.once('dialog', (dialog) => void dialog.accept());
    await notice.locator('[data-action="publish-version"]').click();
    await notice.locator('.published-mark').waitFor();
    await expect(notice.locator('[data-action="delete-version"]').count()).resolves.toBe(0);

    const draft = draftIdOf(page);
    await page.locator('.version-list [data-version="方案一"] [data-action="restore-version"]').click();
    await page.waitForURL((url) => url.searchParams.get('draft') !== draft);
    await page.waitForSelector('.app[data-ready="true"]', { timeout: 60_000 });
    expect(await newBuildCount(page)).toBe(before);
  });

  it('lists the drafts on the start page: rename, duplicate, delete to the trash, restore', async () => {
    const { page } = session;
    await page.click('[data-action="drafts-home"]');
    const rows = page.locator('[data-testid="drafts-table"] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    await expect(page.locator('[data-testid="storage-usage"]').textContent()).resolves.toContain('本机已用');

    const first = page.locator(`[data-testid="drafts-table"] tr[data-draft="${await rows.first().getAttribute('data-draft')}"]`);
    await first.locator('[data-action="rename-draft"]').click();
    await page.fill('input.rename', '东片方案');
    await page.keyboard.press('Enter');
    await expect.poll(() => first.locator('.draft-name').textContent()).toBe('东片方案');

    await first.locator('[data-action="duplicate-draft"]').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="drafts-table"] tbody tr').length === 3);
    const copy = page.locator('[data-testid="drafts-table"] tbody tr', { hasText: '东片方案（副本）' });
    await copy.locator('[data-action="trash-draft"]').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="drafts-table"] tbody tr').length === 2);
    await page.click('[data-testid="trash"] summary');
    await expect(page.locator('[data-testid="trash"]').textContent()).resolves.toContain('还剩 30 天');
    await page.click('[data-testid="trash"] [data-action="restore-draft"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="drafts-table"] tbody tr').length === 3);

    await page.locator('[data-testid="drafts-table"] tbody tr', { hasText: '东片方案（副本）' }).locator('[data-action="open-draft"]').click();
    await page.waitForSelector('.app[data-ready="true"]', { timeout: 60_000 });
    await expect(page.locator('.toolbar .village').textContent()).resolves.toBeTruthy();
  });

  it('logged no console errors', () => {
    expect(session.errors).toEqual([]);
  });
});
