/**
 * The notice of a 2026 村庄规划, end to end: the planner opens the 2026 sample in the database view,
 * publishes its notice (发布公示…, the details filled in), and the downloaded HTML file is opened from
 * `file://` on a 360 px phone with the network off, every non-file request aborted. A tap on a housing
 * parcel reads, in plain words, what the plan makes of it, in Chinese and then in English.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../../src/geo/area.ts';
import { parseVillageDatabaseText } from '../../src/io/village-database/database-file.ts';
import type { VillageDatabase } from '../../src/profiles/zhejiang-2026/village-database.ts';
import { isAreaGeometry } from '../../src/rules/ydyh/database-parcels.ts';
import { CHROMIUM_ARGS, launch, type Session } from './support/browser.ts';
import { insidePoint } from './support/database-view.ts';
import { E2E_ORIGIN } from './support/origin.ts';

let session: Session;
let browser: Browser;
let phone: Page;
let dir: string;
let file: string;
let sample: VillageDatabase;
const outsideRequests: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'notice-2026-'));
  const read = parseVillageDatabaseText(readFileSync('samples/sample-village-2026.database.json', 'utf8'), 'sample');
  if (!read.ok) throw new Error(read.error.key);
  sample = read.value;
  session = await launch();
}, 180_000);

afterAll(async () => {
  await session?.close();
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The largest housing parcel of the sample: the easiest to tap on a phone showing the whole village. */
function largestHousing() {
  const housing = (sample.layers.GHDLTB?.features ?? []).filter((f) => f.properties.GHDLBM === '070301' && isAreaGeometry(f.geometry));
  const areaOf = (f: (typeof housing)[number]) => (isAreaGeometry(f.geometry) ? ellipsoidalArea(f.geometry) : 0);
  const parcel = housing.reduce((best, f) => (areaOf(f) > areaOf(best) ? f : best));
  return { parcel, m2: Math.round(areaOf(parcel)) };
}

describe('the notice of a 2026 village plan', () => {
  it('is published from the database view as one HTML file', async () => {
    const { page } = session;
    await page.goto(`${E2E_ORIGIN}?database=sample`);
    await page.waitForSelector('[data-testid="database-app"][data-checked="true"][data-tabulated="true"]', { timeout: 120_000 });
    await page.click('[data-action="publish-database-notice"]');
    await page.fill('[data-field="startDate"]', '2026-11-01');
    await page.fill('[data-field="endDate"]', '2026-11-30');
    expect(await page.locator('[data-testid="notice-details-problem"]').textContent()).toContain('不得少于 30 天');
    await page.fill('[data-field="endDate"]', '2026-12-01');
    await page.fill('[data-field="issuer"]', '安澜镇人民政府');
    await page.fill('[data-field="contact"]', '安澜镇国土所 王工 0573-1234567');
    await page.fill('[data-field="howToObject"]', '公示期内书面意见交村委会。');
    const waiting = page.waitForEvent('download', { timeout: 120_000 });
    await page.click('[data-action="publish-notice"]');
    const download = await waiting;
    expect(download.suggestedFilename()).toBe('沈家埭村-村庄规划公示-2026-11-01.html');
    file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(await page.locator('[data-testid="publish-done"]').textContent()).toContain('.html');
    expect(readFileSync(file, 'utf8')).toContain('"profile":"zhejiang-2026"');
  });

  it('opens offline on a phone, and a tap reads the plan there in plain words, in Chinese and English', async () => {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    await context.setOffline(true);
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (/^(file|blob|data):/.test(url)) return route.continue();
      outsideRequests.push(url);
      return route.abort();
    });
    phone = await context.newPage();
    phone.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text());
    });
    phone.on('pageerror', (e) => problems.push(String(e)));
    await phone.goto(pathToFileURL(file).href);
    await phone.waitForFunction(() => 'noticeViewer' in window, null, { timeout: 60_000 });
    await phone.evaluate(() => (window as unknown as { noticeViewer: { idle(): Promise<void> } }).noticeViewer.idle());
    expect(await phone.title()).toBe('沈家埭村村庄规划公示');
    expect(await phone.locator('[data-testid="legend"]').textContent()).toContain('村庄建设边界');

    const { parcel, m2 } = largestHousing();
    const at = insidePoint(parcel);
    const local = await phone.evaluate((q) => (window as unknown as { noticeViewer: { project(p: [number, number]): { x: number; y: number } } }).noticeViewer.project(q), at);
    const box = await phone.locator('[data-testid="map"]').boundingBox();
    if (!box) throw new Error('no map');
    await phone.touchscreen.tap(box.x + local.x, box.y + local.y);
    const sentence = phone.locator('[data-testid="tap-sentence"]');
    await expect.poll(() => sentence.textContent(), { timeout: 30_000 }).toMatch(/^这里规划为村庄建设用地（一类农村宅基地，070301），面积约 /);
    const zh = (await sentence.textContent()) ?? '';
    expect(Number(/面积约 ([\d,]+) 平方米/.exec(zh)?.[1]?.replace(/,/g, ''))).toBe(m2);
    expect(zh).toMatch(/（[\d.]+ 亩）。这里在村庄建设边界/);

    await phone.click('[data-action="language"]');
    await expect.poll(() => sentence.textContent()).toMatch(/^Planned here: village construction land \(一类农村宅基地, 070301\), about [\d,]+ m² \([\d.]+ mu\)\. This lies within the village construction boundary/);
    await phone.click('[data-tab="tables"]');
    expect(await phone.locator('details[data-table="structure"] summary').textContent()).toBeTruthy();
    expect(await phone.locator('details[data-table="indicators"] summary').textContent()).toBe('Plan indicator table');

    expect(outsideRequests).toEqual([]);
    expect(problems).toEqual([]);
  });
});
