/**
 * Storage, with each browser context standing for one machine: a full disk is reported in plain words,
 * nothing is lost and a backup can be exported at once; a backup opens on another machine as the same
 * plan, bit for bit, with its versions; a broken backup is refused with a reason; after a first visit the
 * editor loads with no network.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapIdle, openEditor } from './support/browser.ts';
import { drawNewBuild, installDiskFullSwitch, launchMachines, newBuildCount, planText, setDiskFull, waitSaved, type Machine } from './support/drafts.ts';

let machines: Awaited<ReturnType<typeof launchMachines>>;
const used: Machine[] = [];
const machine = async () => {
  const m = await machines.machine();
  used.push(m);
  return m;
};

beforeAll(async () => {
  machines = await launchMachines();
});
afterAll(async () => {
  await machines?.close();
});

async function reload(page: Machine['page']): Promise<void> {
  await page.reload();
  await page.waitForSelector('.app[data-ready="true"]', { timeout: 60_000 });
  await mapIdle(page);
}

/** Saves a backup through the download the app starts, and returns the file's text. */
async function download(page: Machine['page'], click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const started = page.waitForEvent('download');
  await click();
  const file = await started;
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

describe('storage', () => {
  it('says plainly when the disk is full, keeps the edit, exports it at once, and saves it when there is room', async () => {
    const { page, context } = await machine();
    await installDiskFullSwitch(context);
    await openEditor(page);
    await waitSaved(page);
    await setDiskFull(page, true);

    const before = await newBuildCount(page);
    await drawNewBuild(page);
    expect(await newBuildCount(page)).toBe(before + 1);
    await page.waitForSelector('[data-save-state="failed"]', { timeout: 20_000 });
    await expect(page.locator('[data-testid="save-status"]').textContent()).resolves.toContain('磁盘空间已满');
    const edited = await planText(page);

    const backup = await download(page, () => page.click('.status-bar [data-action="export-backup"]'));
    const file = JSON.parse(backup.text) as { format: string; plan: { layers: { newBuild: Record<string, unknown> } } };
    expect(file.format).toBe('village-plan-backup');
    expect(Object.keys(file.plan.layers.newBuild)).toHaveLength(before + 1);

    await setDiskFull(page, false);
    // The writer retries by itself every few seconds.
    await page.waitForSelector('[data-save-state="saved"]', { timeout: 20_000 });
    await reload(page);
    expect(await planText(page)).toBe(edited);
  });

  it('opens a backup on another machine as the same plan, bit for bit, with its versions and undo', async () => {
    const a = await machine();
    await openEditor(a.page);
    await drawNewBuild(a.page);
    await waitSaved(a.page);
    await a.page.click('[data-action="versions"]');
    await a.page.fill('.dialog.versions input', '方案一');
    await a.page.click('[data-action="create-version"]');
    await a.page.waitForSelector('.version-list [data-version="方案一"]');
    const backup = await download(a.page, () => a.page.click('.dialog.versions [data-action="export-backup"]'));
    expect(backup.name).toMatch(/\.village-backup\.json$/);
    const exported = await planText(a.page);

    const b = await machine();
    await openEditor(b.page);
    await waitSaved(b.page);
    await b.page.click('[data-action="drafts-home"]');
    await b.page.waitForSelector('[data-testid="drafts-table"]');
    await b.page.setInputFiles('[data-testid="import-file"]', { name: backup.name, mimeType: 'application/json', buffer: Buffer.from(backup.text) });
    await b.page.waitForURL(/\?draft=/);
    await b.page.waitForSelector('.app[data-ready="true"]', { timeout: 60_000 });
    expect(await planText(b.page)).toBe(exported);
    await expect(b.page.evaluate(() => window.villagePlan.history().undo.length)).resolves.toBe(1);
    await b.page.click('[data-action="versions"]');
    await b.page.waitForSelector('.version-list [data-version="方案一"]');
    await b.page.click('.dialog.versions .buttons button:last-child');
  });

  it('refuses a damaged or foreign backup with a reason, and imports nothing', async () => {
    const { page } = used[2] as Machine;
    await page.click('[data-action="drafts-home"]');
    await page.waitForSelector('[data-testid="drafts-table"]');
    const rows = await page.locator('[data-testid="drafts-table"] tbody tr').count();
    await page.setInputFiles('[data-testid="import-file"]', { name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"village-plan-backup","backupVersion":1,"plan":{') });
    await expect.poll(() => page.locator('.notice.error').last().textContent()).toContain('文件不是有效的 JSON');
    await page.setInputFiles('[data-testid="import-file"]', { name: 'future.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"village-plan-backup","backupVersion":99}') });
    await expect.poll(() => page.locator('.notice.error').last().textContent()).toContain('更新版本的程序');
    expect(await page.locator('[data-testid="drafts-table"] tbody tr').count()).toBe(rows);
  });

  it('loads the editor with no network after the first visit', async () => {
    const { page, context } = await machine();
    await openEditor(page);
    await waitSaved(page);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const plan = await planText(page);
    await context.setOffline(true);
    await reload(page);
    expect(await planText(page)).toBe(plan);
    await context.setOffline(false);
  });

  it('logged no console errors', () => {
    // Going offline makes the browser log the failed background requests it still tries; only app errors count.
    expect(used.flatMap((m) => m.errors).filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  });
});
