/**
 * The single-file notice as a villager meets it: opened from `file://` on a 360 px phone with the network
 * off, under its own Content-Security-Policy. Tap a parcel and read its sentence, search, read the notice,
 * switch to English, leave a comment (one that tries to run script), export it as a file and as QR text.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeedbackFile } from '../../src/io/feedback/feedback-file.ts';
import { parseQrText } from '../../src/io/feedback/qr-text.ts';
import { decodeArea } from '../../src/viewer/payload/geometry-codec.ts';
import type { PublishedNotice } from '../../src/viewer/publish/publish-notice.ts';
import { CHROMIUM_ARGS } from './support/browser.ts';
import { publishSample } from './support/notice.ts';

const XSS = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">请保留这条路';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let dir: string;
let notice: PublishedNotice;
const outsideRequests: string[] = [];
const problems: string[] = [];

async function viewerIdle(p: Page): Promise<void> {
  await p.waitForFunction(() => 'noticeViewer' in window, null, { timeout: 60_000 });
  await p.evaluate(() => (window as unknown as { noticeViewer: { idle(): Promise<void> } }).noticeViewer.idle());
}

async function tapAt(p: Page, lonLat: readonly [number, number]): Promise<void> {
  const local = await p.evaluate((q) => (window as unknown as { noticeViewer: { project(p: [number, number]): { x: number; y: number } } }).noticeViewer.project(q as [number, number]), lonLat);
  const box = await p.locator('[data-testid="map"]').boundingBox();
  if (!box) throw new Error('no map');
  await p.touchscreen.tap(box.x + local.x, box.y + local.y);
}

function nonBlank(png: Buffer): number {
  const image = PNG.sync.read(png);
  const colours = new Set<number>();
  for (let i = 0; i < image.data.length; i += 4 * 53) colours.add(((image.data[i] as number) >> 4 << 8) | ((image.data[i + 1] as number) >> 4 << 4) | ((image.data[i + 2] as number) >> 4));
  return colours.size;
}

beforeAll(async () => {
  notice = await publishSample();
  dir = mkdtempSync(join(tmpdir(), 'notice-viewer-'));
  writeFileSync(join(dir, notice.fileName), notice.bytes);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, acceptDownloads: true, locale: 'zh-CN' });
  await context.setOffline(true);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(file|blob|data):/.test(url)) return route.continue();
    outsideRequests.push(url);
    return route.abort();
  });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(pathToFileURL(join(dir, notice.fileName)).href);
  await viewerIdle(page);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the notice file opened from file:// with the network off', () => {
  it('carries a strict CSP, draws the map on a 360 px phone and loads nothing from outside', async () => {
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toBe(notice.contentSecurityPolicy);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[^']+'(;|$)/);
    expect(csp).not.toContain('unsafe');
    expect(notice.bytes.length).toBeLessThan(3 * 1024 * 1024);
    const map = await page.locator('[data-testid="map"] canvas').screenshot();
    expect(nonBlank(map)).toBeGreaterThan(8);
    const whole = await page.screenshot({ path: join(dir, 'phone.png') });
    expect(nonBlank(whole)).toBeGreaterThan(8);
    expect(await page.locator('[data-testid="period"]').textContent()).toMatch(/公示中|公示已结束|公示将在/);
    expect(outsideRequests).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('tells in one sentence what changes where a villager taps', async () => {
    const demolition = notice.payload.layers.demolition[0];
    if (!demolition) throw new Error('sample has no demolition');
    const geometry = decodeArea(demolition.g, notice.payload.origin);
    // The mean of the outline's corners: demolition plots are small, compact rectangles.
    const ring = (geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.coordinates[0]?.[0]) ?? [];
    const corners = ring.slice(0, -1);
    const centre: [number, number] = [corners.reduce((s, p) => s + (p[0] as number), 0) / corners.length, corners.reduce((s, p) => s + (p[1] as number), 0) / corners.length];
    // Zoom in on the parcel first: at the whole-village view it is a few pixels wide.
    await page.locator('[data-tab="search"]').tap();
    await page.locator('[data-testid="search-input"]').fill(demolition.p.n);
    await page.locator('[data-testid="search-results"] button').first().tap();
    await page.waitForTimeout(600);
    await viewerIdle(page);
    await tapAt(page, centre);
    const sentence = page.locator('[data-testid="tap-sentence"]');
    await expect.poll(() => sentence.textContent()).toContain('拆除');
    expect(await sentence.textContent()).toContain(demolition.p.n);
  });

  it('finds a villagers’ group and shows the notice text', async () => {
    await page.locator('[data-tab="search"]').tap();
    await page.locator('[data-testid="search-input"]').fill('第一村民小组');
    expect(await page.locator('[data-testid="search-results"]').textContent()).toContain('第一村民小组');
    await page.locator('[data-tab="notice"]').tap();
    expect(await page.locator('[data-testid="notice-issuer"]').textContent()).toBe('安澜镇人民政府');
    expect(await page.locator('[data-testid="notice-how"]').textContent()).toContain('提意见');
    await page.locator('[data-tab="tables"]').tap();
    expect(await page.locator('details[data-table="F1"] summary').textContent()).toContain('主要指标表');
  });

  it('switches to English and back', async () => {
    await page.locator('[data-action="language"]').tap();
    expect(await page.locator('[data-tab="legend"]').textContent()).toBe('Legend');
    await page.locator('[data-action="language"]').tap();
    expect(await page.locator('[data-tab="legend"]').textContent()).toBe('图例');
  });

  it('keeps a comment as text, never as script, and exports it as a file and as QR text', async () => {
    await page.locator('[data-action="comment-here"]').tap();
    await page.locator('[data-testid="comment-text"]').fill(XSS);
    await page.locator('[data-testid="comment-author"]').fill('张<b>三</b>');
    await page.locator('[data-action="save-comment"]').tap();
    const shown = page.locator('[data-testid="my-comments"] .comment-text');
    expect(await shown.first().textContent()).toBe(XSS);
    expect(await page.locator('[data-testid="my-comments"] img, [data-testid="my-comments"] script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    const download = page.waitForEvent('download');
    await page.locator('[data-action="export-feedback"]').tap();
    const file = join(dir, (await download).suggestedFilename());
    await (await download).saveAs(file);
    const parsed = parseFeedbackFile(readFileSync(file, 'utf8'));
    expect(parsed.ok && parsed.value.comments.map((c) => c.comment)).toEqual([XSS]);
    expect(parsed.ok && parsed.value.planId).toBe(notice.payload.planId);
    expect(parsed.ok && parsed.value.comments[0]?.targetFeatureId).toBe(notice.payload.layers.demolition[0]?.id);

    await page.locator('[data-action="show-qr"]').tap();
    const qr = await page.locator('[data-testid="qr-text"]').inputValue();
    const fromQr = parseQrText(qr);
    expect(fromQr.ok && fromQr.value.comments[0]?.comment).toBe(XSS);
    expect(await page.locator('.qr svg path').count()).toBe(1);

    await page.reload();
    await viewerIdle(page);
    await page.locator('[data-tab="feedback"]').tap();
    expect(await page.locator('[data-testid="my-comments"] .comment-text').first().textContent()).toBe(XSS);
    expect(outsideRequests).toEqual([]);
    expect(problems).toEqual([]);
  });
});
