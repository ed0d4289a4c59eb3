/**
 * The measure tool with real clicks on the sample village: started by its button and by R; three points
 * read back from the panel against the geodesic (computed here) between the lon/lat the map puts under the
 * same pixels; snapping onto parcel vertices with the draw tools' marker, and the snapping switch honoured;
 * Esc clears then leaves, and nothing reaches the plan, its undo history or the selection; an area on a
 * rectangle finished by a double-click; 复制.
 */
import type { Feature, Polygon, Position } from 'geojson';
import * as GeographicLibModule from 'geographiclib-geodesic';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CGCS2000_A, CGCS2000_F } from '../../src/geo/ellipsoid.ts';
import { focusAt, launch, mapIdle, openEditor, pagePoint, planVersion, type Session } from './support/browser.ts';
import { E2E_ORIGIN } from './support/origin.ts';
import { roomIn, type LonLat } from './support/plan-queries.ts';

// A UMD bundle: Node's ESM loader exposes it only as `default`.
const GeographicLib = (GeographicLibModule as unknown as { default?: typeof GeographicLibModule }).default ?? GeographicLibModule;
const geodesic = new GeographicLib.Geodesic.Geodesic(CGCS2000_A, CGCS2000_F);
const length = (p: Position, q: Position) => geodesic.Inverse(p[1]!, p[0]!, q[1]!, q[0]!).s12!;
function polygonArea(ring: readonly Position[]): { area: number; perimeter: number } {
  const polygon = geodesic.Polygon(false);
  for (const p of ring) polygon.AddPoint(p[1]!, p[0]!);
  const result = polygon.Compute(false, true);
  return { area: Math.abs(result.area!), perimeter: result.perimeter };
}

let session: Session;
type Pixel = { x: number; y: number };

/** The lon/lat a click at this page pixel lands on, from the map's own unproject. */
async function lonLatAt(page: Page, pixel: Pixel): Promise<Position> {
  const box = (await page.locator('[data-testid="map"] canvas').boundingBox())!;
  const lonLat = await page.evaluate((p) => window.villagePlan.unproject(p), [pixel.x - box.x, pixel.y - box.y] as [number, number]);
  if (!lonLat) throw new Error('map not ready');
  return lonLat;
}

/** A figure the panel shows, in metres or m² ("1,234.56 m", "1.235 km", "1,234.56 m² · …"). */
async function figure(page: Page, id: string): Promise<number> {
  const text = (await page.locator(`[data-testid="measure-${id}"]`).textContent()) ?? '';
  const match = /([\d,]+\.\d+) (km|m²|m)/.exec(text);
  if (!match) throw new Error(`no figure in "${text}"`);
  return Number(match[1]!.replaceAll(',', '')) * (match[2] === 'km' ? 1000 : 1);
}

async function clickAt(page: Page, pixel: Pixel): Promise<void> {
  await page.mouse.move(pixel.x, pixel.y);
  await page.mouse.click(pixel.x, pixel.y);
}

const measureButton = () => session.page.locator('[data-action="tool.measure"]');
const panel = () => session.page.locator('[data-testid="measure-panel"]');
const editState = () => session.page.evaluate(() => ({ version: window.villagePlan.version(), history: window.villagePlan.history(), selection: window.villagePlan.selection() }));

beforeAll(async () => {
  session = await launch();
  await openEditor(session.page);
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: E2E_ORIGIN.replace(/\/$/, '') });
});
afterAll(async () => {
  await session?.close();
});

describe('the measure tool', () => {
  let centre: Pixel;

  it('starts by its toolbar button and by the R key; Esc with nothing measured leaves it', async () => {
    const { page } = session;
    // Inside a large paddy field: nothing within 10 px to snap to around the clicks below.
    const room = roomIn(await page.evaluate(() => window.villagePlan.plan()), '111', 30).centre;
    await focusAt(page, room);
    centre = await pagePoint(page, room);
    await expect(measureButton().getAttribute('title')).resolves.toBe('测量距离和面积 (R)');
    await measureButton().click();
    await panel().waitFor();
    await expect(measureButton().getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(panel().textContent()).resolves.toContain('椭球面（CGCS2000）');
    await page.keyboard.press('Escape');
    await panel().waitFor({ state: 'detached' });
    await expect(measureButton().getAttribute('aria-pressed')).resolves.toBe('false');
    await page.keyboard.press('r');
    await panel().waitFor();
  });

  it('measures each segment and the total of three clicked points as geodesics, live while the pointer moves', async () => {
    const { page } = session;
    const before = await editState();
    const pixels: Pixel[] = [
      { x: centre.x - 120, y: centre.y + 90 },
      { x: centre.x + 110, y: centre.y + 70 },
      { x: centre.x + 40, y: centre.y - 115 },
    ];
    for (const p of pixels) await clickAt(page, p);
    const points = await Promise.all(pixels.map((p) => lonLatAt(page, p)));
    const expected = [length(points[0]!, points[1]!), length(points[1]!, points[2]!)];
    const near = (shown: number, exact: number) => expect(Math.abs(shown / exact - 1), `${shown} vs ${exact}`).toBeLessThan(0.001);
    near(await figure(page, 'segment-1'), expected[0]!);
    near(await figure(page, 'segment-2'), expected[1]!);
    near(await figure(page, 'total'), expected[0]! + expected[1]!);
    // The pointer pulls a third segment while it moves (rubber band) …
    const hover = { x: centre.x - 90, y: centre.y - 60 };
    await page.mouse.move(hover.x, hover.y, { steps: 3 });
    const rubber = length(points[2]!, await lonLatAt(page, hover));
    near(await figure(page, 'segment-3'), rubber);
    near(await figure(page, 'total'), expected[0]! + expected[1]! + rubber);
    // … and Enter finishes at the clicked points; the GK plane length is shown beside the ellipsoidal one.
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-testid="measure-segment-3"]').count()).resolves.toBe(0);
    near(await figure(page, 'total'), expected[0]! + expected[1]!);
    await expect(page.locator('[data-testid="measure-plane"]').textContent()).resolves.toMatch(/ m$/);
    // Clicking on parcels edited and selected nothing.
    expect(await editState()).toEqual(before);
  });

  it('copies the figures as text', async () => {
    const { page } = session;
    await page.click('[data-action="measure-copy"]');
    await page.locator('.toast', { hasText: '测量结果已复制' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const total = await page.locator('[data-testid="measure-total"]').textContent();
    expect(copied.split('\n')[0]).toBe('测量 · 距离 · 椭球面（CGCS2000）');
    expect(copied).toContain(`总长\t${total}`);
  });

  it('Esc clears the measurement, a second Esc leaves the tool; no undo step, no edit, no selection', async () => {
    const { page } = session;
    const before = await editState();
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-testid="measure-total"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-testid="measure-note"]').textContent()).resolves.toBe('在地图上单击开始测量。');
    await page.keyboard.press('Escape');
    await panel().waitFor({ state: 'detached' });
    const after = await editState();
    expect(after).toEqual(before);
    expect(await planVersion(page)).toBe(before.version);
  });

  it('measures a rectangle’s area and perimeter, finished by a double-click', async () => {
    const { page } = session;
    await page.keyboard.press('r');
    await page.click('[data-measure-mode="area"]');
    const corners: Pixel[] = [
      { x: centre.x - 100, y: centre.y - 80 },
      { x: centre.x + 100, y: centre.y - 80 },
      { x: centre.x + 100, y: centre.y + 80 },
      { x: centre.x - 100, y: centre.y + 80 },
    ];
    for (const p of corners.slice(0, 3)) await clickAt(page, p);
    await page.mouse.move(corners[3]!.x, corners[3]!.y);
    await page.mouse.dblclick(corners[3]!.x, corners[3]!.y);
    await expect(page.locator('[data-testid="measure-area"]').textContent()).resolves.toMatch(/m² · [\d.]+ 公顷 · [\d.]+ 亩$/);
    const ring = await Promise.all(corners.map((p) => lonLatAt(page, p)));
    const exact = polygonArea(ring);
    // About 26 m × 21 m at 1:500.
    expect(exact.area).toBeGreaterThan(400);
    expect(Math.abs((await figure(page, 'area')) / exact.area - 1)).toBeLessThan(0.001);
    expect(Math.abs((await figure(page, 'perimeter')) / exact.perimeter - 1)).toBeLessThan(0.001);
    // Finished: moving the pointer changes nothing.
    const shown = await page.locator('[data-testid="measure-area"]').textContent();
    await page.mouse.move(centre.x + 150, centre.y + 140, { steps: 3 });
    await expect(page.locator('[data-testid="measure-area"]').textContent()).resolves.toBe(shown);
    // Backspace takes back the last corner and reopens the outline.
    await page.keyboard.press('Backspace');
    await page.mouse.move(corners[2]!.x, corners[2]!.y);
    await page.mouse.move(centre.x + 1, centre.y + 1);
    const triangle = polygonArea([...ring.slice(0, 3), await lonLatAt(page, { x: centre.x + 1, y: centre.y + 1 })]);
    expect(Math.abs((await figure(page, 'area')) / triangle.area - 1)).toBeLessThan(0.001);
    await page.keyboard.press('Escape');
    await page.click('[data-measure-mode="distance"]');
  });
});

describe('snapping while measuring', () => {
  /** Two ends of a parcel edge 12–50 m long with no other vertex within 3 m of either: clear snap targets. */
  function clearEdge(plan: { layers: Record<string, { features: Feature[] }> }, parcel: Feature<Polygon>): [LonLat, LonLat] {
    const all: Position[] = Object.values(plan.layers).flatMap((layer) =>
      layer.features.flatMap((f) => (f.geometry?.type === 'Polygon' ? f.geometry.coordinates.flat() : f.geometry?.type === 'MultiPolygon' ? f.geometry.coordinates.flat(2) : [])),
    );
    const alone = (p: Position) => all.every((q) => (q[0] === p[0] && q[1] === p[1]) || length(p, q) > 3);
    const ring = parcel.geometry.coordinates[0]!;
    for (let i = 0; i + 1 < ring.length; i++) {
      const [a, b] = [ring[i]!, ring[i + 1]!];
      const d = length(a, b);
      if (d > 12 && d < 50 && alone(a) && alone(b)) return [a as LonLat, b as LonLat];
    }
    throw new Error('no clear edge on this parcel');
  }

  /** Pixels of the draw tools' snap marker colour (#ff00aa) in a 40 px square around a page point. */
  async function snapMarkerPixels(page: Page, at: Pixel): Promise<number> {
    await mapIdle(page);
    const png = PNG.sync.read(await page.screenshot({ clip: { x: at.x - 20, y: at.y - 20, width: 40, height: 40 } }));
    let count = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! > 200 && png.data[i + 1]! < 90 && png.data[i + 2]! > 120) count++;
    return count;
  }

  it('snaps onto parcel vertices (with the snap marker), honours the snapping switch, and measures vertex to vertex', async () => {
    const { page } = session;
    const plan = await page.evaluate(() => window.villagePlan.plan());
    const [a, b] = clearEdge(plan, roomIn(plan, '111', 30).parcel);
    await focusAt(page, [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]);
    await page.keyboard.press('r');
    await panel().waitFor();
    const [pa, pb] = [await pagePoint(page, a), await pagePoint(page, b)];
    // Each click 5 px off its vertex, away from the other end: unsnapped, the edge would read ~1.3 m longer.
    const away = (from: Pixel, to: Pixel): Pixel => {
      const d = Math.hypot(from.x - to.x, from.y - to.y);
      return { x: from.x + (5 * (from.x - to.x)) / d, y: from.y + (5 * (from.y - to.y)) / d };
    };
    const [ca, cb] = [away(pa, pb), away(pb, pa)];

    await page.mouse.move(ca.x, ca.y, { steps: 2 });
    expect(await snapMarkerPixels(page, pa)).toBeGreaterThan(10);
    await page.keyboard.press('s');
    await page.mouse.move(ca.x + 1, ca.y, { steps: 2 });
    expect(await snapMarkerPixels(page, pa)).toBe(0);
    await page.keyboard.press('s');
    expect(await page.evaluate(() => document.querySelector('[data-action="snapping"]')?.getAttribute('aria-pressed'))).toBe('true');

    await clickAt(page, ca);
    await clickAt(page, cb);
    await page.keyboard.press('Enter');
    const exact = length(a, b);
    const unsnapped = length(await lonLatAt(page, ca), await lonLatAt(page, cb));
    expect(unsnapped - exact, 'the clicks alone would measure a different length').toBeGreaterThan(0.5);
    expect(Math.abs((await figure(page, 'segment-1')) - exact)).toBeLessThan(0.006);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  });

  it('left no error in the console', () => {
    expect(session.errors).toEqual([]);
  });
});
