/**
 * The rest of the editing tools with real input: a local PMTiles basemap remembered across a reload,
 * shift-click and box selection, inserting a vertex at an edge's midpoint and deleting one with a
 * right-click, cutting a hole, making demolition parcels from base parcels, clipping to neighbours, and
 * Escape in the middle of a drag.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, Polygon, Position } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickMap, dragVertex, drawPolygon, focusAt, launch, mapIdle, openEditor, pagePoint, startDrawing, type Session } from './support/browser.ts';
import { offset, roomIn, square, type LonLat } from './support/plan-queries.ts';
import { mapPixels } from './support/pixels.ts';
import { writeRasterPmtiles } from './support/pmtiles-fixture.ts';
import { PNG } from 'pngjs';
import { clickAction } from './support/toolbar.ts';

let session: Session;
const plan = () => session.page.evaluate(() => window.villagePlan.plan());
const features = async (layer: string) => (await plan()).layers[layer as 'newBuild'].features as Feature<Polygon>[];
const selection = () => session.page.evaluate(() => window.villagePlan.selection());
const outer = (f: Feature<Polygon>) => f.geometry.coordinates[0] as Position[];

/** The flat colour of the test's PMTiles orthophoto. */
const ORTHO_RGB: [number, number, number] = [230, 0, 230];

/** Share of the map's on-screen pixels within a small distance of `rgb` (where no parcel covers the basemap). */
async function shareOfColour(page: Page, [r, g, b]: readonly [number, number, number]): Promise<number> {
  const png = PNG.sync.read(await page.locator('[data-testid="map"] canvas').screenshot());
  let near = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (Math.abs((png.data[i] as number) - r) + Math.abs((png.data[i + 1] as number) - g) + Math.abs((png.data[i + 2] as number) - b) < 30) near++;
  }
  return near / (png.data.length / 4);
}

beforeAll(async () => {
  session = await launch();
  await openEditor(session.page);
});
afterAll(async () => {
  await session?.close();
});

describe('a local PMTiles orthophoto as basemap', () => {
  it('shows it under the parcels and remembers it after a reload', async () => {
    const { page } = session;
    const village = (await plan()).layers.boundary.features[0] as Feature<Polygon>;
    const xs = outer(village).map((p) => p[0] as number);
    const ys = outer(village).map((p) => p[1] as number);
    const file = join(mkdtempSync(join(tmpdir(), 'pmtiles-')), 'ortho.pmtiles');
    writeRasterPmtiles(file, [Math.min(...xs) - 0.01, Math.min(...ys) - 0.01, Math.max(...xs) + 0.01, Math.max(...ys) + 0.01], 10, 18, ORTHO_RGB);
    await page.keyboard.press('f');
    await mapIdle(page);
    const before = await mapPixels(page);

    await clickAction(page, 'basemap');
    await page.locator('.dialog.basemap input[type="radio"]').nth(2).check();
    await page.setInputFiles('.dialog.basemap input[type="file"]', file);
    await page.click('.dialog.basemap button.primary');
    // The file is stored and opened before the map shows it: wait until its magenta is on screen.
    await expect.poll(() => shareOfColour(page, ORTHO_RGB), { timeout: 30_000 }).toBeGreaterThan(0.01);
    await mapIdle(page);
    const after = await mapPixels(page);
    expect(after.signature).not.toBe(before.signature);
    await expect(page.locator('.layer-row[data-layer="base"] input[type="range"]').inputValue()).resolves.toBe('55');

    await page.reload();
    await page.waitForSelector('.app[data-ready="true"]');
    // The remembered file is read back from IndexedDB after start: wait until it is on screen again.
    await expect.poll(() => shareOfColour(page, ORTHO_RGB), { timeout: 30_000 }).toBeGreaterThan(0.01);
    await mapIdle(page);
    const reloaded = await mapPixels(page);
    expect(reloaded.distinctColours).toBeGreaterThan(4);
    await clickAction(page, 'basemap');
    await expect(page.locator('.dialog.basemap .hint').first().textContent()).resolves.toContain('ortho.pmtiles');
    await page.locator('.dialog.basemap input[type="radio"]').nth(0).check();
    await page.click('.dialog.basemap button.primary');
    await page.locator('.layer-row[data-layer="base"] input[type="range"]').fill('100');
    await mapIdle(page);
  });
});

describe('raster tiles from a URL as basemap', () => {
  it('draws the tiles the URL serves (a county tile server, simulated offline) and remembers the choice', async () => {
    const { page, context } = session;
    const tile = PNG.sync.write(Object.assign(new PNG({ width: 256, height: 256 }), { data: Buffer.alloc(256 * 256 * 4, 200) }));
    let served = 0;
    await context.route('https://tiles.county.example/**', (route) => {
      served++;
      return route.fulfill({ status: 200, contentType: 'image/png', body: tile });
    });
    await clickAction(page, 'basemap');
    await page.locator('.dialog.basemap input[type="radio"]').nth(1).check();
    await page.fill('.dialog.basemap input[type="url"]', 'https://tiles.county.example/ortho/{z}/{x}/{y}.png');
    await page.click('.dialog.basemap button.primary');
    // Tiles asked for: the basemap is on the map; idle then waits for them to be drawn.
    await expect.poll(() => served, { timeout: 30_000 }).toBeGreaterThan(0);
    await mapIdle(page);
    // Counted before the reload: the reloaded page may ask for its tiles before it reports ready.
    const before = served;
    await page.reload();
    await page.waitForSelector('.app[data-ready="true"]');
    // The remembered URL asks for tiles again after the reload.
    await expect.poll(() => served, { timeout: 30_000 }).toBeGreaterThan(before);
    await mapIdle(page);
    await clickAction(page, 'basemap');
    await page.locator('.dialog.basemap input[type="radio"]').nth(0).check();
    await page.click('.dialog.basemap button.primary');
    await page.locator('.layer-row[data-layer="base"] input[type="range"]').fill('100');
    await context.unroute('https://tiles.county.example/**');
  });
});

describe('selecting', () => {
  it('adds with shift-click and selects parcels in a box with shift-drag', async () => {
    const { page } = session;
    const centre = (f: Feature<Polygon>): LonLat => {
      const ring = outer(f).slice(0, -1);
      return [ring.reduce((s, p) => s + (p[0] as number), 0) / ring.length, ring.reduce((s, p) => s + (p[1] as number), 0) / ring.length];
    };
    const homes = (await features('base')).filter((f) => f.properties?.classCode === '2121');
    const first = homes[0]!;
    const [fx, fy] = centre(first);
    // The nearest other homestead, so both are on screen at 1:2000.
    const second = homes.slice(1).sort((a, b) => Math.hypot(centre(a)[0] - fx, centre(a)[1] - fy) - Math.hypot(centre(b)[0] - fx, centre(b)[1] - fy))[0]!;
    await page.click('.layer-row[data-layer="base"] input[type="radio"]');
    await focusAt(page, centre(first), 2000);
    await clickMap(page, centre(first));
    expect(await selection()).toEqual([first.id]);
    await clickMap(page, centre(second), { shift: true });
    expect(await selection()).toEqual([first.id, second.id]);
    await clickMap(page, centre(second), { shift: true });
    expect(await selection()).toEqual([first.id]);
    const from = await pagePoint(page, offset(centre(first), -40, 40));
    const to = await pagePoint(page, offset(centre(first), 40, -40));
    await page.keyboard.down('Shift');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 6 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    const boxed = await selection();
    expect(boxed.length).toBeGreaterThan(2);
    expect(boxed).toContain(first.id);
    await expect(page.locator('.attribute-panel .selection-summary').textContent()).resolves.toContain(`${boxed.length} 个要素`);
  });

  it('sets one attribute on every selected parcel at once, as one undo step', async () => {
    const { page } = session;
    const chosen = await selection();
    const notesOf = async () => (await features('base')).filter((f) => chosen.includes(String(f.id))).map((f) => f.properties?.landNote);
    const before = await notesOf();
    expect(before).toHaveLength(chosen.length);
    const undoSteps = (await page.evaluate(() => window.villagePlan.history())).undo.length;
    await page.selectOption('#field-landNote', '30');
    expect(new Set(await notesOf())).toEqual(new Set(['30']));
    expect((await page.evaluate(() => window.villagePlan.history())).undo.length).toBe(undoSteps + 1);
    await page.keyboard.press('Control+z');
    expect(await notesOf()).toEqual(before);
  });

  it('makes demolition parcels from selected base parcels', async () => {
    const { page } = session;
    const before = (await features('demolition')).length;
    const chosen = await selection();
    await page.click('.layer-row[data-layer="demolition"] input[type="radio"]');
    await clickAction(page, 'copyToLayer');
    const after = await features('demolition');
    expect(after).toHaveLength(before + chosen.length);
    expect(await selection()).toHaveLength(chosen.length);
    await page.keyboard.press('Control+z');
    expect(await features('demolition')).toHaveLength(before);
  });
});

describe('vertices, holes and clipping', () => {
  let centre: LonLat;
  let id: string;

  it('inserts a vertex at an edge midpoint and deletes one with a right-click', async () => {
    const { page } = session;
    centre = roomIn(await plan(), '111', 24, 3).centre;
    await focusAt(page, centre);
    await startDrawing(page, 'facility');
    await drawPolygon(page, square(centre, 20));
    [id] = (await selection()) as [string];
    await page.keyboard.press('Escape');
    await clickMap(page, offset(centre, 3, 3));
    await mapIdle(page);
    const start = (await features('facility')).find((f) => f.id === id)!;
    const n = outer(start).length;
    const [a, b] = outer(start) as [Position, Position];
    await clickMap(page, [((a[0] as number) + (b[0] as number)) / 2, ((a[1] as number) + (b[1] as number)) / 2]);
    await mapIdle(page);
    const inserted = (await features('facility')).find((f) => f.id === id)!;
    expect(outer(inserted)).toHaveLength(n + 1);

    const victim = outer(inserted)[1] as LonLat;
    const at = await pagePoint(page, victim);
    await page.mouse.click(at.x, at.y, { button: 'right' });
    await mapIdle(page);
    const deleted = (await features('facility')).find((f) => f.id === id)!;
    expect(outer(deleted)).toHaveLength(n);
    expect(outer(deleted).some((p) => p[0] === victim[0] && p[1] === victim[1])).toBe(false);
  });

  it('cancels a vertex drag with Escape, leaving the parcel as it was', async () => {
    const { page } = session;
    const before = (await features('facility')).find((f) => f.id === id)!;
    const corner = outer(before)[2] as LonLat;
    const at = await pagePoint(page, corner);
    const undoSteps = (await page.evaluate(() => window.villagePlan.history())).undo.length;
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await page.mouse.move(at.x + 20, at.y + 10, { steps: 5 });
    await page.keyboard.press('Escape');
    await page.mouse.up();
    await mapIdle(page);
    const after = (await features('facility')).find((f) => f.id === id)!;
    expect(after.geometry).toEqual(before.geometry);
    expect((await page.evaluate(() => window.villagePlan.history())).undo.length).toBe(undoSteps);
  });

  it('cuts a hole in the selected feature', async () => {
    const { page } = session;
    await page.keyboard.press('h');
    await drawPolygon(page, square(offset(centre, -3, -3), 6));
    await mapIdle(page);
    const holed = (await features('facility')).find((f) => f.id === id)!;
    expect(holed.geometry.coordinates).toHaveLength(2);
  });

  it('reshapes the outer boundary of a feature with a hole, keeping the hole', async () => {
    const { page } = session;
    await page.keyboard.press('Escape');
    await clickMap(page, offset(centre, 6, 6));
    await mapIdle(page);
    expect(await selection()).toEqual([id]);
    const before = (await features('facility')).find((f) => f.id === id)!;
    const corner = outer(before)[2] as LonLat;
    await dragVertex(page, await pagePoint(page, corner));
    await mapIdle(page);
    const after = (await features('facility')).find((f) => f.id === id)!;
    expect(outer(after).some((p) => p[0] === corner[0] && p[1] === corner[1]), 'the corner moved').toBe(false);
    expect(outer(after)).toHaveLength(outer(before).length);
    expect(after.geometry.coordinates[1], 'the hole is kept as it was').toEqual(before.geometry.coordinates[1]);
    expect((await page.evaluate(() => window.villagePlan.history())).undo.at(-1)).toBe('commands.reshape.moveVertex');
  });

  it('clips a feature drawn over its neighbour back to the shared boundary', async () => {
    const { page } = session;
    await page.uncheck('[data-testid="auto-clip"]');
    await startDrawing(page, 'facility');
    const overlapping = square(offset(centre, 12, 0), 12);
    await drawPolygon(page, overlapping);
    const [newId] = (await selection()) as [string];
    const drawn = (await features('facility')).find((f) => f.id === newId)!;
    await page.keyboard.press('Escape');
    await clickAction(page, 'clip');
    await mapIdle(page);
    const clipped = (await features('facility')).find((f) => f.id === newId)!;
    expect(clipped.geometry).not.toEqual(drawn.geometry);
    await expect(page.locator('.toast[data-level="warning"]').last().textContent()).resolves.toContain('m²');
    await page.check('[data-testid="auto-clip"]');
  });

  it('logged no console errors', () => {
    expect(session.errors).toEqual([]);
  });
});
