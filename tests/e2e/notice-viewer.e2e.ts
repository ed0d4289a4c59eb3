/**
 * The single-file notice as a villager meets it: opened from `file://` on a 360 px phone with the network
 * off, under its own Content-Security-Policy. Tap a parcel and read its sentence, search, read the notice,
 * switch to English, leave a comment (one that tries to run script), export it as a file and as QR text.
 * The canvas first view: the village's parcels are on screen before MapLibre's code has run, and on a
 * phone without WebGL they stay, with a note, and taps still answer.
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
import { CHANGE_COLOURS, LAND_CLASS_COLOURS } from '../../src/profiles/zhejiang-2017/palette.ts';
import { decodeArea } from '../../src/viewer/payload/geometry-codec.ts';
import { NOTICE_MAP_GLOBAL } from '../../src/viewer/publish/notice-html.ts';
import type { PublishedNotice } from '../../src/viewer/publish/publish-notice.ts';
import { CHROMIUM_ARGS } from './support/browser.ts';
import { publishSample } from './support/notice.ts';
import { labelOverlaps } from '../support/label-overlaps.ts';

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

/**
 * Waits until a search result has brought the map to `lonLat` (the parcel's middle, within 40 px of the
 * map's centre) at zoom 17 or closer, the camera a search flies to; `viewerIdle` then waits out the rest of
 * the move (MapLibre is not idle while the camera moves).
 */
async function centredOn(p: Page, lonLat: readonly [number, number]): Promise<void> {
  await p.waitForFunction(
    ([lon, lat]) => {
      const viewer = (window as unknown as { noticeViewer: { project(p: [number, number]): { x: number; y: number } } }).noticeViewer;
      const box = document.querySelector('[data-testid="map"]')?.getBoundingClientRect();
      if (!box) return false;
      const at = viewer.project([lon, lat]);
      // 0.0001° of longitude spans 18.64 px at zoom 17 (512-px tiles).
      const east = viewer.project([lon + 0.0001, lat]);
      return east.x - at.x >= 18.5 && Math.hypot(at.x - box.width / 2, at.y - box.height / 2) < 40;
    },
    lonLat as [number, number],
    { timeout: 30_000 },
  );
}

async function tapAt(p: Page, lonLat: readonly [number, number]): Promise<void> {
  const local = await p.evaluate((q) => (window as unknown as { noticeViewer: { project(p: [number, number]): { x: number; y: number } } }).noticeViewer.project(q as [number, number]), lonLat);
  const box = await p.locator('[data-testid="map"]').boundingBox();
  if (!box) throw new Error('no map');
  await p.touchscreen.tap(box.x + local.x, box.y + local.y);
}

/** What the canvas first view showed: distinct colours (coarse) and whether the given RGB colours occur. */
interface CanvasLook {
  readonly colours: number;
  readonly found: readonly boolean[];
}

/** Runs in the page (so self-contained): samples the first-view canvas's own pixels. */
function lookAtFirstView(wanted: readonly (readonly [number, number, number])[]): CanvasLook | null {
  const canvas = document.querySelector<HTMLCanvasElement>('canvas.first-view');
  const context = canvas?.getContext('2d');
  if (!canvas || !context) return null;
  const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
  const colours = new Set<number>();
  const found = wanted.map(() => false);
  for (let i = 0; i < data.length; i += 4 * 7) {
    const [r, g, b] = [data[i] as number, data[i + 1] as number, data[i + 2] as number];
    colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
    wanted.forEach((w, k) => {
      if (Math.abs(w[0] - r) + Math.abs(w[1] - g) + Math.abs(w[2] - b) <= 6) found[k] = true;
    });
  }
  return { colours: colours.size, found };
}

/** Farmland, village housing and the village boundary: all three are in the sample's first view. */
const FIRST_VIEW_COLOURS = [LAND_CLASS_COLOURS['111'], LAND_CLASS_COLOURS['2121'], CHANGE_COLOURS.boundary] as const;

/**
 * Before the page runs: records CSP violations, and, at the moment MapLibre's script assigns its exports
 * (the first thing it does once run), how the canvas first view looked and whether its first frame had
 * been marked: evidence that the parcels were on screen before MapLibre's code ran.
 */
async function watchPage(target: BrowserContext, globalName: string, wanted: readonly (readonly [number, number, number])[]): Promise<void> {
  function watch(name: string, colours: unknown, lookAt: (wanted: unknown) => unknown): void {
    const w = window as unknown as Record<string, unknown>;
    const violations: string[] = [];
    w.__cspViolations = violations;
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    let value: unknown;
    Object.defineProperty(window, name, {
      configurable: true,
      get: () => value,
      set(v: unknown) {
        w.__beforeMapLibre ??= { firstRenderMarked: performance.getEntriesByName('notice:first-map-render').length > 0, look: lookAt(colours) };
        value = v;
      },
    });
  }
  // Both functions go in as source text of the init script (no eval in the page: its policy forbids it).
  await target.addInitScript({ content: `(${watch.toString()})(${JSON.stringify(globalName)}, ${JSON.stringify(wanted)}, ${lookAtFirstView.toString()});` });
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
  await watchPage(context, NOTICE_MAP_GLOBAL, FIRST_VIEW_COLOURS);
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
    // The first script and MapLibre's half, each by its hash.
    expect(csp).toMatch(/script-src 'sha256-[^']+' 'sha256-[^']+'(;|$)/);
    expect(csp).not.toContain('unsafe');
    expect(notice.bytes.length).toBeLessThan(3 * 1024 * 1024);
    const map = await page.locator('[data-testid="map"] canvas').screenshot();
    expect(nonBlank(map)).toBeGreaterThan(8);
    const whole = await page.screenshot({ path: join(dir, 'phone.png') });
    expect(nonBlank(whole)).toBeGreaterThan(8);
    expect(await page.locator('[data-testid="period"]').textContent()).toMatch(/公示中|公示已结束|公示将在/);
    expect(outsideRequests).toEqual([]);
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  });

  it('drew the parcels on its canvas first view before MapLibre’s code ran, then handed over to MapLibre', async () => {
    const before = await page.evaluate(() => (window as unknown as { __beforeMapLibre?: { firstRenderMarked: boolean; look: CanvasLook | null } }).__beforeMapLibre);
    expect(before?.firstRenderMarked).toBe(true);
    expect(before?.look?.colours).toBeGreaterThan(8);
    expect(before?.look?.found).toEqual([true, true, true]);
    const [first, idle] = await page.evaluate(() => ['notice:first-map-render', 'notice:map-idle'].map((m) => performance.getEntriesByName(m)[0]?.startTime ?? NaN));
    expect(first).toBeLessThan(idle as number);
    expect(await page.evaluate(() => (window as unknown as { noticeViewer: { mode(): string } }).noticeViewer.mode())).toBe('interactive');
    // MapLibre took over: the canvas is gone, no note about a still map.
    expect(await page.locator('canvas.first-view').count()).toBe(0);
    expect(await page.locator('[data-testid="map-note"]').count()).toBe(0);
  });

  it('keeps the place names apart on the phone', async () => {
    await viewerIdle(page);
    const { shown, overlapping } = await page.evaluate(labelOverlaps);
    expect(overlapping).toEqual([]);
    expect(shown).toBeGreaterThan(0);
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
    await centredOn(page, centre);
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
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  });

  it('a parcel found by its number is highlighted and described without a tap', async () => {
    const demolition = notice.payload.layers.demolition[1] ?? notice.payload.layers.demolition[0];
    if (!demolition) throw new Error('sample has no demolition');
    const geometry = decodeArea(demolition.g, notice.payload.origin);
    const ring = (geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.coordinates[0]?.[0]) ?? [];
    /** Pixels of the selection's outline (#0050b4, used for nothing else on the notice map) within the parcel's box on screen. */
    const outlinedPixels = async () => {
      const corners = await page.evaluate((points) => points.map((p) => (window as unknown as { noticeViewer: { project(p: [number, number]): { x: number; y: number } } }).noticeViewer.project(p)), ring.map((p) => [p[0], p[1]] as [number, number]));
      const [left, right] = [Math.min(...corners.map((c) => c.x)) - 6, Math.max(...corners.map((c) => c.x)) + 6];
      const [top, bottom] = [Math.min(...corners.map((c) => c.y)) - 6, Math.max(...corners.map((c) => c.y)) + 6];
      const png = PNG.sync.read(await page.locator('[data-testid="map"]').screenshot({ scale: 'css' }));
      let count = 0;
      for (let y = Math.max(0, Math.floor(top)); y < Math.min(png.height, bottom); y++) {
        for (let x = Math.max(0, Math.floor(left)); x < Math.min(png.width, right); x++) {
          const i = (y * png.width + x) * 4;
          if (Math.abs(png.data[i]! - 0x00) + Math.abs(png.data[i + 1]! - 0x50) + Math.abs(png.data[i + 2]! - 0xb4) < 30) count++;
        }
      }
      return count;
    };
    await page.locator('[data-tab="search"]').tap();
    await page.locator('[data-testid="search-input"]').fill(demolition.p.n);
    await page.locator('[data-testid="search-results"] button').first().tap();
    const sentence = page.locator('[data-testid="tap-sentence"]');
    await expect.poll(() => sentence.textContent()).toContain(demolition.p.n);
    expect(await sentence.textContent()).toContain('拆除');
    // The query and its results stay for the next pick.
    expect(await page.locator('[data-testid="search-input"]').inputValue()).toBe(demolition.p.n);
    expect(await page.locator('[data-testid="search-results"]').textContent()).toContain(demolition.p.n);
    await viewerIdle(page);
    await expect.poll(outlinedPixels, { timeout: 15_000 }).toBeGreaterThan(40);
  });
});

describe('the notice file on a phone without WebGL', () => {
  it('keeps the canvas view of the parcels, says the map is still, and still answers a tap', async () => {
    const still = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    try {
      await still.setOffline(true);
      await still.route('**/*', (route) => (/^(file|blob|data):/.test(route.request().url()) ? route.continue() : route.abort()));
      await still.addInitScript(() => {
        // A phone whose browser has no WebGL: every WebGL context is refused, as such browsers do.
        const getContext = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, options?: unknown) {
          return /webgl/i.test(type) ? null : getContext.call(this, type, options);
        } as typeof getContext;
      });
      await watchPage(still, NOTICE_MAP_GLOBAL, FIRST_VIEW_COLOURS);
      const phone = await still.newPage();
      const errors: string[] = [];
      phone.on('pageerror', (e) => errors.push(String(e)));
      phone.on('console', (m) => {
        if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) errors.push(m.text());
      });
      await phone.goto(pathToFileURL(join(dir, notice.fileName)).href);
      await viewerIdle(phone);
      expect(await phone.evaluate(() => (window as unknown as { noticeViewer: { mode(): string } }).noticeViewer.mode())).toBe('static');
      const look = await phone.evaluate(lookAtFirstView, FIRST_VIEW_COLOURS);
      expect(look?.colours).toBeGreaterThan(8);
      expect(look?.found).toEqual([true, true, true]);
      // Crisp at the phone's pixel ratio: the canvas has two device pixels per CSS pixel.
      const size = await phone.evaluate(() => {
        const canvas = document.querySelector<HTMLCanvasElement>('canvas.first-view');
        return canvas ? { backing: canvas.width, css: canvas.clientWidth } : null;
      });
      expect(size && size.backing / size.css).toBeCloseTo(2, 1);
      expect(nonBlank(await phone.locator('canvas.first-view').screenshot())).toBeGreaterThan(8);
      // MapLibre's code never ran: without WebGL it is not even compiled.
      expect(await phone.evaluate((name) => (window as unknown as Record<string, unknown>)[name], NOTICE_MAP_GLOBAL)).toBeUndefined();
      expect(await phone.locator('[data-testid="map-note"]').textContent()).toContain('WebGL');
      expect(await phone.locator('[data-testid="map-note"]').textContent()).toContain('静态图');
      await phone.locator('[data-action="language"]').tap();
      expect(await phone.locator('[data-testid="map-note"]').textContent()).toContain('still map');
      await phone.locator('[data-action="language"]').tap();

      // The largest four-cornered parcel: its corners' mean lies inside, and it is many pixels wide even
      // at the whole-village view.
      const quads = notice.payload.layers.base.filter((b) => b.g.length === 1 && b.g[0]?.length === 1 && b.g[0][0]?.length === 8);
      const parcel = [...quads].sort((a, b) => b.a - a.a)[0];
      if (!parcel) throw new Error('sample has no four-cornered parcels');
      const geometry = decodeArea(parcel.g, notice.payload.origin);
      const ring = (geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.coordinates[0]?.[0]) ?? [];
      const corners = ring.slice(0, -1);
      const centre: [number, number] = [corners.reduce((sum, p) => sum + (p[0] as number), 0) / corners.length, corners.reduce((sum, p) => sum + (p[1] as number), 0) / corners.length];
      await tapAt(phone, centre);
      await expect.poll(() => phone.locator('[data-testid="tap-sentence"]').textContent()).toContain(parcel.p.n);
      expect(await phone.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await still.close();
    }
  });
});
