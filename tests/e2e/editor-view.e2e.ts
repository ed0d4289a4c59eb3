/**
 * The editor as a new user first sees it: the sample village on the map, the scale, coordinates, layer
 * panel, legend, the three views, language, help and basemap choice; no console errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, mapIdle, openEditor, pagePoint, type Session } from './support/browser.ts';
import { mapPixels } from './support/pixels.ts';
import { clickAction } from './support/toolbar.ts';

let session: Session;

beforeAll(async () => {
  session = await launch();
  await openEditor(session.page);
});
afterAll(async () => {
  await session?.close();
});

describe('the editor with the sample village', () => {
  it('draws the base parcels coloured by class', async () => {
    const { page } = session;
    const plan = await page.evaluate(() => window.villagePlan.plan());
    expect(plan.layers.base.features.length).toBeGreaterThanOrEqual(1000);
    expect(plan.layers.boundary.features.length).toBe(1);
    const pixels = await mapPixels(page);
    expect(pixels.nonBackground).toBeGreaterThan(0.3);
    expect(pixels.distinctColours).toBeGreaterThan(6);
    await expect(page.locator('.layer-row[data-layer="base"] .count').textContent()).resolves.toBe(String(plan.layers.base.features.length));
  });

  it('shows the scale as a ratio and zooms to exactly 1:2000', async () => {
    const { page } = session;
    await page.click('.status-bar [data-action="zoom2000"]');
    // The zoom eases: wait for the scale to arrive, then for the map to draw (not idle while it moves).
    await page.waitForFunction(() => document.querySelector('[data-testid="scale"]')?.textContent === '1:2,000', null, { timeout: 30_000 });
    await mapIdle(page);
    await expect(page.locator('[data-testid="scale"]').textContent()).resolves.toBe('1:2,000');
    await expect(page.locator('.maplibregl-ctrl-scale').textContent()).resolves.toMatch(/m$/);
  });

  it('reads the pointer in lon/lat and CGCS2000 Gauss-Krüger zone 40', async () => {
    const { page } = session;
    const plan = await page.evaluate(() => window.villagePlan.plan());
    const ring = (plan.layers.boundary.features[0]!.geometry as { coordinates: number[][][] }).coordinates[0]!;
    const lon = ring.reduce((s, p) => s + p[0]!, 0) / ring.length;
    const lat = ring.reduce((s, p) => s + p[1]!, 0) / ring.length;
    await page.keyboard.press('f');
    await mapIdle(page);
    const at = await pagePoint(page, [lon, lat]);
    await page.mouse.move(at.x, at.y);
    const coords = await page.locator('[data-testid="coords"]').textContent();
    expect(coords).toMatch(/^\d+\.\d{6}°E \d+\.\d{6}°N$/);
    const shownLon = Number(coords!.split('°E')[0]);
    expect(Math.abs(shownLon - lon)).toBeLessThan(0.0001);
    await expect(page.locator('[data-testid="gk"]').textContent()).resolves.toMatch(/X 3,\d{3},\d{3}\.\d{2} {2}Y 40,\d{3},\d{3}\.\d{2}（CGCS2000 3° 带 40）/);
  });

  it('switches between 基期, 规划 and 变化 views', async () => {
    const { page } = session;
    await page.keyboard.press('f');
    await mapIdle(page);
    const base = await mapPixels(page);
    await page.click('[data-view="change"]');
    await mapIdle(page);
    const change = await mapPixels(page);
    expect(change.signature).not.toBe(base.signature);
    await page.click('[data-view="plan"]');
    await mapIdle(page);
    await expect(page.locator('[data-view="plan"]').getAttribute('aria-checked')).resolves.toBe('true');
    await page.click('[data-view="base"]');
    await mapIdle(page);
  });

  it('hides a layer and changes its opacity from the layer panel', async () => {
    const { page } = session;
    const before = await mapPixels(page);
    await page.locator('.layer-row[data-layer="base"] input[type="checkbox"]').uncheck();
    await mapIdle(page);
    const hidden = await mapPixels(page);
    expect(hidden.nonBackground).toBeLessThan(before.nonBackground);
    await page.locator('.layer-row[data-layer="base"] input[type="checkbox"]').check();
    await page.locator('.layer-row[data-layer="base"] input[type="range"]').fill('40');
    await mapIdle(page);
    expect((await mapPixels(page)).signature).not.toBe(before.signature);
    await page.locator('.layer-row[data-layer="base"] input[type="range"]').fill('100');
    await mapIdle(page);
  });

  it('builds the legend from the palette of the classes present', async () => {
    const text = await session.page.locator('.legend').textContent();
    expect(text).toContain('水田');
    expect(text).toContain('宅基地');
    expect(text).toContain('拆旧地块');
  });

  it('speaks English on the switch and remembers it after a reload', async () => {
    const { page } = session;
    await clickAction(page, 'language');
    await expect(page.locator('[data-action="tool.select"]').textContent()).resolves.toContain('Select');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    await page.reload();
    await page.waitForSelector('.app[data-ready="true"]');
    await expect(page.locator('[data-action="tool.select"]').textContent()).resolves.toContain('Select');
    await clickAction(page, 'language');
    await expect(page.locator('[data-action="tool.select"]').textContent()).resolves.toContain('选择');
  });

  it('lists every shortcut in the help panel, which takes the focus and gives it back on Escape', async () => {
    const { page } = session;
    const focused = () => page.evaluate(() => document.activeElement?.matches('.dialog.help') ? 'dialog' : (document.activeElement?.getAttribute('data-action') ?? null));
    await page.focus('.status-bar [data-action="zoom2000"]');
    await page.keyboard.press('?');
    const help = page.locator('.dialog.help');
    await expect(help.textContent()).resolves.toContain('Ctrl+Z');
    await expect(help.textContent()).resolves.toContain('撤销');
    // The menus' commands too, by group: 导入… with its Ctrl+O, the notice dialogs without a shortcut.
    await expect(help.locator('[data-help-group="file"]').textContent()).resolves.toContain('Ctrl+O');
    await expect(help.locator('[data-help-group="notice"]').textContent()).resolves.toContain('发布规划公示');
    await expect(focused()).resolves.toBe('dialog');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached', timeout: 5000 });
    await expect(focused()).resolves.toBe('zoom2000');
  });

  it('opens the import dialog on Ctrl+O (the browser leaves it to the page), which Escape closes', async () => {
    const { page } = session;
    await page.keyboard.press('Control+O');
    const dialog = page.locator('[data-testid="import-dialog"]');
    await dialog.waitFor({ timeout: 10_000 });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: 5000 });
  });

  it('refuses a tile URL without placeholders, and remembers "no basemap"', async () => {
    const { page } = session;
    await clickAction(page, 'basemap');
    await page.locator('.dialog.basemap input[type="radio"]').nth(1).check();
    await page.fill('.dialog.basemap input[type="url"]', 'https://tiles.example.com/ortho.png');
    await page.click('.dialog.basemap button.primary');
    await expect(page.locator('.dialog.basemap .field-error').textContent()).resolves.toContain('{z}');
    await page.locator('.dialog.basemap input[type="radio"]').nth(0).check();
    await page.click('.dialog.basemap button.primary');
    await page.locator('.dialog.basemap').waitFor({ state: 'detached', timeout: 5000 });
  });

  it('logged no console errors', () => {
    expect(session.errors).toEqual([]);
  });
});
