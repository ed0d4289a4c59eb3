/**
 * The browser process killed mid-work: every edit whose save had completed is there when the browser is
 * started again on the same profile, undo history included. Chromium is started here (not by Playwright)
 * so the test holds its process and can kill it outright, as a crash or power cut of the renderer would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, mapIdle, openEditor } from './support/browser.ts';
import { draftIdOf, drawNewBuild, newBuildCount, planText, saveState, waitSaved } from './support/drafts.ts';
import { E2E_ORIGIN } from './support/origin.ts';

const profile = mkdtempSync(join(tmpdir(), 'village-plan-crash-'));
let running: { process: ChildProcess; browser: Browser } | null = null;

/** Starts Chromium on the profile in its own process group and connects to it over the DevTools protocol. */
async function startBrowser(): Promise<Page> {
  const child = spawn(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${seen}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (found) {
        clearTimeout(timer);
        resolve(found[1] as string);
      }
    });
  });
  const browser = await chromium.connectOverCDP(endpoint);
  running = { process: child, browser };
  const context = browser.contexts()[0];
  if (!context) throw new Error('no default context');
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize({ width: 1400, height: 900 });
  return page;
}

/** SIGKILL to the whole process group: no shutdown, no flush, nothing saved on the way out. */
async function killBrowser(): Promise<void> {
  const current = running;
  running = null;
  if (!current?.process.pid) return;
  const exited = new Promise((resolve) => current.process.once('exit', resolve));
  process.kill(-current.process.pid, 'SIGKILL');
  await exited;
}

afterAll(async () => {
  await running?.browser.close().catch(() => undefined);
  await killBrowser();
  rmSync(profile, { recursive: true, force: true });
});

describe('a crash of the browser', () => {
  it('keeps every saved edit and the undo history', async () => {
    let page = await startBrowser();
    await openEditor(page);
    await waitSaved(page);
    const before = await newBuildCount(page);
    const revision = (await saveState(page)).revision;
    await drawNewBuild(page);
    await waitSaved(page, revision);
    const saved = await planText(page);
    const draft = draftIdOf(page);

    await killBrowser();
    page = await startBrowser();
    await openEditor(page, `?draft=${draft}`);
    expect(await planText(page)).toBe(saved);
    expect(await newBuildCount(page)).toBe(before + 1);
    await page.click('[data-action="undo"]');
    expect(await newBuildCount(page)).toBe(before);
    await mapIdle(page);
    expect(page.url()).toBe(`${E2E_ORIGIN}?draft=${draft}`);
  });
});
