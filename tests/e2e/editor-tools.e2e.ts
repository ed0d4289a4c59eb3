/**
 * The tools a GIS user reaches for in the first hour (issue 14), driven with real keyboard and mouse:
 * search a feature and land on it, go to a coordinate (Gauss-Krüger or 度分秒) with the map centred on it
 * within a metre, go back to a step of the undo history by clicking it, and find a draft's view (centre,
 * scale, layer visibility, current layer) as it was left after a reload, while a new draft still fits
 * the whole village.
 *
 * Every test starts on a new draft of the sample village (`?plan=`, served by the test), so each passes
 * alone (`-t`) and in any order.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import proj4 from 'proj4';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launch, mapIdle, openEditor, type Session } from './support/browser.ts';
import { draftIdOf, drawNewBuild, planText, waitSaved } from './support/drafts.ts';
import { E2E_ORIGIN } from './support/origin.ts';
import { offset, type LonLat } from './support/plan-queries.ts';
import { clickAction } from './support/toolbar.ts';

const SAMPLE_PATH = 'e2e-tools/sample.plan.json';
/** CGCS2000 3° zone 40 with the zone number in Y, written out rather than taken from the app. */
const ZONE40_PREFIX = '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const GRS80 = '+proj=longlat +ellps=GRS80 +no_defs';

let session: Session;
let page: Page;
let errorsBefore = 0;

beforeAll(async () => {
  session = await launch();
  page = session.page;
  const sample = readFileSync('samples/sample-village.plan.json');
  await session.context.route(`${E2E_ORIGIN}${SAMPLE_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: sample }));
});

beforeEach(async () => {
  await openEditor(page, `?plan=/${SAMPLE_PATH}`);
  // The language is a preference every draft shares: a test that stopped half-way must not leave English.
  if ((await page.evaluate(() => document.documentElement.lang)) !== 'zh-CN') await clickAction(page, 'language');
  errorsBefore = session.errors.length;
});

/** Switches the language with its shortcut (Shift+L), from outside any text field. */
async function switchLanguage(): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const was = await page.evaluate(() => document.documentElement.lang);
  await page.keyboard.press('Shift+L');
  await page.waitForFunction((before) => document.documentElement.lang !== before, was);
}

afterAll(async () => {
  await session?.close();
});

const newErrors = () => session.errors.slice(errorsBefore);

async function canvasBox(): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.locator('[data-testid="map"] canvas').boundingBox();
  if (!box) throw new Error('no map canvas');
  return box;
}

/** Distance in metres from the map's centre to `lonLat`, measured on screen (10 m east gives the scale). */
async function metresFromCentre(lonLat: LonLat): Promise<number> {
  const box = await canvasBox();
  const [at, east] = await page.evaluate(([p, q]) => [window.villagePlan.project(p as [number, number]), window.villagePlan.project(q as [number, number])], [lonLat, offset(lonLat, 10, 0)]);
  if (!at || !east) throw new Error('map not ready');
  const pxPerMetre = Math.hypot(east.x - at.x, east.y - at.y) / 10;
  return Math.hypot(at.x - box.width / 2, at.y - box.height / 2) / pxPerMetre;
}

const scaleText = () => page.locator('[data-testid="scale"]').textContent();

/** Waits for the camera to stop (MapLibre is not idle while it eases) and the map to draw. */
async function settled(): Promise<void> {
  await mapIdle(page);
}

describe('search features', () => {
  it('finds a parcel number from Ctrl+F, selects the parcel and zooms to it', async () => {
    const plan = await page.evaluate(() => window.villagePlan.plan());
    const parcel = plan.layers.base.features.find((f) => f.properties?.parcelNo === '1234');
    if (!parcel) throw new Error('the sample has no parcel 1234');
    const before = await scaleText();

    await page.keyboard.press('Control+f');
    const input = page.locator('[data-testid="search-input"]');
    await input.waitFor();
    await expect(input.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type('1234');
    const first = page.locator('.search-results li').first();
    await page.waitForFunction((id) => document.querySelector('.search-results li button')?.getAttribute('data-feature-id') === id, parcel.id, { timeout: 10_000 });
    await expect(first.textContent()).resolves.toContain('基期地类图斑 1234');
    await page.keyboard.press('Enter');

    await page.waitForFunction((id) => window.villagePlan.selection().join() === id, parcel.id, { timeout: 10_000 });
    await settled();
    const ring = (parcel.geometry as { coordinates: number[][][] }).coordinates[0] as number[][];
    const xs = ring.map((p) => p[0] as number);
    const ys = ring.map((p) => p[1] as number);
    const middle: LonLat = [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
    // Zoomed in on the parcel: its box in the middle of the map, at a closer scale than the whole village.
    expect(await metresFromCentre(middle)).toBeLessThan(5);
    const box = await canvasBox();
    for (const corner of [[Math.min(...xs), Math.min(...ys)], [Math.max(...xs), Math.max(...ys)]] as LonLat[]) {
      const p = await page.evaluate((c) => window.villagePlan.project(c as [number, number]), corner);
      expect(p!.x).toBeGreaterThan(0);
      expect(p!.x).toBeLessThan(box.width);
      expect(p!.y).toBeGreaterThan(0);
      expect(p!.y).toBeLessThan(box.height);
    }
    const denominator = (text: string | null) => Number(text?.replace(/^1:|,/g, ''));
    expect(denominator(await scaleText())).toBeLessThan(denominator(before) / 3);
    expect(newErrors()).toEqual([]);
  });

  it('finds by class and owner together, and a click on a result selects it', async () => {
    await clickAction(page, 'search');
    await page.locator('[data-testid="search-input"]').fill('第四村民小组 水田');
    await page.waitForFunction(() => document.querySelectorAll('.search-results li').length > 0, null, { timeout: 10_000 });
    const second = page.locator('.search-results li button').nth(1);
    await expect(second.textContent()).resolves.toContain('水田');
    const id = await second.getAttribute('data-feature-id');
    const plan = await page.evaluate(() => window.villagePlan.plan());
    const feature = plan.layers.base.features.find((f) => f.id === id);
    expect(feature?.properties).toMatchObject({ classCode: '111', ownerName: expect.stringContaining('第四村民小组') });
    await second.click();
    await page.waitForFunction((want) => window.villagePlan.selection().join() === want, id, { timeout: 10_000 });
    await expect(page.locator('[data-testid="search-status"]').textContent()).resolves.toMatch(/共 \d+ 个/);
    // The focus left the popover (the planner clicked elsewhere): Escape still closes it, from anywhere.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Escape');
    await page.locator('[data-tool-panel="search"]').waitFor({ state: 'detached' });
    // Escape closed the search only: the selection it made stays.
    await expect(page.evaluate(() => window.villagePlan.selection())).resolves.toEqual([id]);
  });
});

describe('go to coordinates', () => {
  /** The middle of the village boundary's box: inside the sample village. */
  async function villageMiddle(): Promise<LonLat> {
    const plan = await page.evaluate(() => window.villagePlan.plan());
    const ring = (plan.layers.boundary.features[0]!.geometry as { coordinates: number[][][] }).coordinates[0]!;
    const xs = ring.map((p) => p[0] as number);
    const ys = ring.map((p) => p[1] as number);
    return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
  }

  async function goTo(text: string): Promise<void> {
    const input = page.locator('[data-testid="goto-input"]');
    if (!(await input.count())) await page.keyboard.press('Control+g');
    await input.waitFor();
    await input.focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }

  it('centres the map within 1 m of a Gauss-Krüger X/Y with the zone number, and marks it', async () => {
    const target = offset(await villageMiddle(), 137, -88);
    const [easting, northing] = proj4(GRS80, ZONE40_PREFIX, target) as [number, number];
    await goTo(`X ${northing.toFixed(3)} Y ${easting.toFixed(3)}`);
    await page.locator('[data-testid="goto-result"]').waitFor();
    await settled();
    expect(await metresFromCentre(target)).toBeLessThan(1);
    await expect(page.locator('[data-testid="goto-result"]').textContent()).resolves.toContain('3° 带 40');
    await expect(page.locator('[data-testid="goto-marker"]').isVisible()).resolves.toBe(true);
    // Zoomed in to the plan's scale at least.
    const denominator = Number((await scaleText())?.replace(/^1:|,/g, ''));
    expect(denominator).toBeLessThanOrEqual(2000);
    expect(newErrors()).toEqual([]);
  });

  it('reads Y without the zone number, and 度分秒, each within 1 m', async () => {
    const middle = await villageMiddle();
    const plain = offset(middle, -212, 64);
    const [e, n] = proj4(GRS80, ZONE40_PREFIX, plain) as [number, number];
    await goTo(`${(e - 40_000_000).toFixed(2)}, ${n.toFixed(2)}`);
    await page.waitForFunction(() => document.querySelector('[data-testid="goto-result"]')?.textContent?.includes('按本村所在的 3° 带 40'), null, { timeout: 10_000 });
    await settled();
    expect(await metresFromCentre(plain)).toBeLessThan(1);

    const dms = (value: number, pos: string, neg: string) => {
      const whole = Math.floor(Math.abs(value));
      const minutes = Math.floor((Math.abs(value) - whole) * 60);
      const seconds = ((Math.abs(value) - whole) * 60 - minutes) * 60;
      return `${whole}°${minutes}′${seconds.toFixed(3)}″${value < 0 ? neg : pos}`;
    };
    const there = offset(middle, 90, 160);
    await goTo(`${dms(there[1], 'N', 'S')} ${dms(there[0], 'E', 'W')}`);
    await page.waitForFunction(() => document.querySelector('[data-testid="goto-result"]')?.textContent?.startsWith('经度'), null, { timeout: 10_000 });
    await settled();
    // 0.001″ is 3 cm: the typed 度分秒 lands within a metre.
    expect(await metresFromCentre(there)).toBeLessThan(1);
  });

  it('says clearly, in Chinese then English, what it cannot read, and leaves the map where it was', async () => {
    await settled();
    const before = await page.evaluate(() => window.villagePlan.project([120, 30]));
    await goTo(`120°64'10"E 30°27'15"N`);
    const error = page.locator('[data-testid="goto-error"]');
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain('分和秒须小于 60');
    await switchLanguage();
    await expect(error.textContent()).resolves.toContain('Minutes and seconds must be less than 60');
    await switchLanguage();
    await goTo('X 3370000 Y 38500000');
    await expect(error.textContent()).resolves.toContain('带号 38');
    await settled();
    await expect(page.evaluate(() => window.villagePlan.project([120, 30]))).resolves.toEqual(before);
  });
});

describe('undo history list', () => {
  it('names each step and goes back to the one clicked, then forward again', async () => {
    const opened = await planText(page);
    await drawNewBuild(page, 0);
    const afterFirst = await planText(page);
    await drawNewBuild(page, 1);
    const afterSecond = await planText(page);
    // A third step: the second new parcel deleted, with the keyboard.
    const selected = await page.evaluate(() => {
      const plan = window.villagePlan.plan();
      return plan.layers.newBuild.features.find((f) => f.properties?.parcelNo === 'JX004')?.id ?? null;
    });
    expect(selected).not.toBeNull();
    await page.evaluate(() => window.villagePlan.history().undo.length).then((n) => expect(n).toBe(2));
    await page.keyboard.press('Escape');
    await clickAction(page, 'search');
    await page.locator('[data-testid="search-input"]').fill('JX004');
    await page.waitForFunction(() => document.querySelector('.search-results li button')?.getAttribute('data-layer') === 'newBuild', null, { timeout: 10_000 });
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => window.villagePlan.selection().join() === id, selected, { timeout: 10_000 });
    await page.keyboard.press('Escape');
    await page.locator('[data-tool-panel="search"]').waitFor({ state: 'detached' });
    await page.keyboard.press('Delete');
    await page.waitForFunction(() => window.villagePlan.history().undo.length === 3, null, { timeout: 10_000 });
    const afterThird = await planText(page);

    await page.click('[data-action="history"]');
    const rows = page.locator('.history-steps li button');
    await expect(rows.count()).resolves.toBe(4);
    await expect(rows.nth(0).textContent()).resolves.toContain('打开时');
    await expect(rows.nth(1).textContent()).resolves.toContain('绘制建新地块 · 建新地块 JX003');
    await expect(rows.nth(2).textContent()).resolves.toContain('绘制建新地块 · 建新地块 JX004');
    await expect(rows.nth(3).textContent()).resolves.toContain('删除要素 · 建新地块 JX004');
    await expect(rows.nth(3).getAttribute('aria-current')).resolves.toBe('step');

    // Back to just after the first step: two undos in one click.
    await page.click('[data-step="u0"]');
    await page.waitForFunction(() => window.villagePlan.history().redo.length === 2, null, { timeout: 10_000 });
    expect(await planText(page)).toBe(afterFirst);
    await expect(page.locator('[data-step="u0"]').getAttribute('aria-current')).resolves.toBe('step');
    await expect(page.locator('.history-steps li.redo').count()).resolves.toBe(2);
    // The undone steps keep their names as steps to redo.
    await expect(page.locator('[data-step="r0"]').textContent()).resolves.toContain('删除要素 · 建新地块 JX004');

    // Forward to the second step, then to the very start, then to the end.
    await page.click('[data-step="r1"]');
    await page.waitForFunction(() => window.villagePlan.history().undo.length === 2, null, { timeout: 10_000 });
    expect(await planText(page)).toBe(afterSecond);
    await page.click('[data-step="start"]');
    await page.waitForFunction(() => window.villagePlan.history().undo.length === 0, null, { timeout: 10_000 });
    expect(await planText(page)).toBe(opened);
    await page.click('[data-step="r0"]');
    await page.waitForFunction(() => window.villagePlan.history().redo.length === 0, null, { timeout: 10_000 });
    expect(await planText(page)).toBe(afterThird);
    await settled();
    expect(newErrors()).toEqual([]);
  });
});

describe('the view kept per draft', () => {
  async function waitForDraftId(): Promise<string> {
    await page.waitForURL(/\?draft=/, { timeout: 30_000 });
    return draftIdOf(page);
  }

  const layerShown = (layer: string) => page.locator(`.layer-row[data-layer="${layer}"] input[type="checkbox"]`).isChecked();
  const currentLayer = () => page.locator('.layer-row.current').getAttribute('data-layer');

  it('reopens a draft at the centre, scale, layers and current layer it was left at; a new draft fits the village', async () => {
    const draftA = await waitForDraftId();
    await waitSaved(page);
    const fitted = await scaleText();

    // Pan by dragging and zoom with the wheel, as a planner would; hide a layer; change the current layer.
    const box = await canvasBox();
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.down();
    await page.mouse.move(centre.x - 60, centre.y - 30, { steps: 4 });
    await page.mouse.move(centre.x - 160, centre.y - 90, { steps: 4 });
    await page.mouse.up();
    await settled();
    await page.mouse.move(centre.x + 40, centre.y + 20);
    await page.mouse.wheel(0, -600);
    await page.waitForFunction((was) => document.querySelector('[data-testid="scale"]')?.textContent !== was, fitted, { timeout: 10_000 });
    await settled();
    await page.locator('.layer-row[data-layer="pbf"] input[type="checkbox"]').uncheck();
    await page.locator('.layer-row[data-layer="demolition"] input[type="radio"]').check();
    const probe: LonLat = [120.74, 30.45];
    const left = await page.evaluate((p) => window.villagePlan.project(p), probe);
    const leftScale = await scaleText();
    expect(leftScale).not.toBe(fitted);
    // The view is kept as soon as the map stops: wait for the entry to hold what is on screen.
    await page.waitForFunction(
      ([id]) => {
        const views = JSON.parse(localStorage.getItem('village-plan.views.v1') ?? '{}') as Record<string, { visible: Record<string, boolean>; activeLayer: string }>;
        return views[id as string]?.visible.pbf === false && views[id as string]?.activeLayer === 'demolition';
      },
      [draftA],
      { timeout: 10_000 },
    );

    await page.reload();
    await page.waitForSelector('.app[data-ready="true"]', { timeout: 60_000 });
    await settled();
    const back = await page.evaluate((p) => window.villagePlan.project(p), probe);
    expect(Math.abs(back!.x - left!.x)).toBeLessThan(0.5);
    expect(Math.abs(back!.y - left!.y)).toBeLessThan(0.5);
    await expect(scaleText()).resolves.toBe(leftScale);
    await expect(layerShown('pbf')).resolves.toBe(false);
    await expect(currentLayer()).resolves.toBe('demolition');

    // A new draft fits the whole village, whatever the last draft's view was; its layers are its own.
    await openEditor(page, `?plan=/${SAMPLE_PATH}`);
    await waitForDraftId();
    await expect(scaleText()).resolves.toBe(fitted);
    await page.locator('.layer-row[data-layer="pbf"] input[type="checkbox"]').check();
    await page.locator('.layer-row[data-layer="newBuild"] input[type="radio"]').check();

    // Draft A again: its own view and layers, not the other draft's.
    await openEditor(page, `?draft=${encodeURIComponent(draftA)}`);
    const again = await page.evaluate((p) => window.villagePlan.project(p), probe);
    expect(Math.abs(again!.x - left!.x)).toBeLessThan(0.5);
    expect(Math.abs(again!.y - left!.y)).toBeLessThan(0.5);
    await expect(layerShown('pbf')).resolves.toBe(false);
    await expect(currentLayer()).resolves.toBe('demolition');

    // Leave the shared preferences as the other tests expect them.
    await page.locator('.layer-row[data-layer="pbf"] input[type="checkbox"]').check();
    await page.locator('.layer-row[data-layer="newBuild"] input[type="radio"]').check();
    expect(newErrors()).toEqual([]);
  });
});
