/**
 * The notice on a small phone (320 px) with text as real plans carry it: parcel numbers as 三调 exports
 * write them (12-digit village code + layer + serial, no break opportunity), a long village name, two
 * issuing offices, a web address in the contact. Nothing may run off the screen: not the sentence a tap
 * gives, not the notice text, not a search result (whose kind was pushed out of sight).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/domain/plan.ts';
import { CHROMIUM_ARGS } from './support/browser.ts';
import { publishSample, SAMPLE_DETAILS, samplePlan } from './support/notice.ts';

const LONG_NUMBER = '330226104213JQDLTB000012';

function realShapedPlan(): Plan {
  const plan = samplePlan();
  const base = Object.fromEntries(Object.entries(plan.layers.base).map(([id, f], i) => [id, { ...f, properties: { ...f.properties, parcelNo: `${LONG_NUMBER}${String(i).padStart(5, '0')}` } }]));
  return { ...plan, meta: { ...plan.meta, villageName: '宁海县岔路镇上金村第十一村民小组联合经济合作社片区' }, layers: { ...plan.layers, base } } as Plan;
}

let browser: Browser;
let page: Page;
let dir: string;

/** Elements of the header and the sheet that are wider than the screen or whose text overflows them. */
function overflowing(): string[] {
  return [...document.querySelectorAll('.top, .top *, .sheet, .sheet *')]
    .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 || e.scrollWidth > e.clientWidth + 1)
    .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${(e.textContent ?? '').slice(0, 30)}`);
}

beforeAll(async () => {
  const notice = await publishSample(realShapedPlan(), {
    ...SAMPLE_DETAILS,
    issuer: '宁海县岔路镇人民政府、宁海县岔路镇上金村村民委员会',
    contact: 'https://www.ninghai.gov.cn/col/col1229123456/index.html?id=123456789012345 电话 0574-65123456',
  });
  dir = mkdtempSync(join(tmpdir(), 'notice-long-text-'));
  writeFileSync(join(dir, notice.fileName), notice.bytes);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 320, height: 568 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  await context.setOffline(true);
  page = await context.newPage();
  await page.goto(pathToFileURL(join(dir, notice.fileName)).href);
  await page.waitForFunction(() => 'noticeViewer' in window, null, { timeout: 60_000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('long numbers, names and addresses on a 320 px phone', () => {
  it('wraps the sentence of a tap that names a long parcel number', async () => {
    const box = await page.locator('[data-testid="map"]').boundingBox();
    if (!box) throw new Error('no map');
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.locator('[data-testid="tap-sentence"]').textContent()).toContain(LONG_NUMBER);
    expect(await page.evaluate(overflowing)).toEqual([]);
  });

  it('wraps the notice text: the village, the issuing offices and a web address', async () => {
    await page.locator('[data-tab="notice"]').click();
    await expect.poll(() => page.locator('[data-testid="notice-contact"]').textContent()).toContain('https://');
    expect(await page.evaluate(overflowing)).toEqual([]);
  });

  it('keeps each search result, its kind included, on the screen', async () => {
    await page.locator('[data-tab="search"]').click();
    await page.locator('[data-testid="search-input"]').fill(LONG_NUMBER);
    await expect.poll(() => page.locator('.result').count()).toBeGreaterThan(1);
    expect(await page.evaluate(overflowing)).toEqual([]);
    const kind = await page.locator('.result small').first().boundingBox();
    expect(kind && kind.x + kind.width).toBeLessThanOrEqual(320);
  });
});
