/**
 * Snapping options with real clicks on the sample village, read back through the measure tool (R): a point
 * clicked 12 px off the middle of a base-parcel edge snaps onto the edge at 20 px but not in vertex-only
 * mode; a point 15 px from the edge's corner snaps to that corner at 20 px vertex-only (and not at the
 * default 10 px); restricted to 村域界线 the corner no longer attracts while a boundary vertex does; after a
 * reload the options are as they were left. Whether a click snapped is read from the measured length to a
 * second click in open ground, against geodesics computed here (the snapped and unsnapped lengths differ
 * by more than a metre, the figures are shown to the centimetre).
 */
import type { Feature, Polygon, Position } from 'geojson';
import * as GeographicLibModule from 'geographiclib-geodesic';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CGCS2000_A, CGCS2000_F } from '../../src/geo/ellipsoid.ts';
import { metresPerDegree } from '../../src/geo/local-metric.ts';
import { footOnSegment } from '../../src/geo/snapping.ts';
import { SNAP_LAYER_IDS } from '../../src/store/snap-settings.ts';
import type { PlainPlan } from '../../src/ui/automation.ts';
import { focusAt, launch, mapIdle, openEditor, type Session } from './support/browser.ts';
import { parcelsBySize, type LonLat } from './support/plan-queries.ts';

// A UMD bundle: Node's ESM loader exposes it only as `default`.
const GeographicLib = (GeographicLibModule as unknown as { default?: typeof GeographicLibModule }).default ?? GeographicLibModule;
const geodesic = new GeographicLib.Geodesic.Geodesic(CGCS2000_A, CGCS2000_F);
const length = (p: Position, q: Position) => geodesic.Inverse(p[1]!, p[0]!, q[1]!, q[0]!).s12!;

type Pixel = { x: number; y: number };
type Segment = readonly [Position, Position];

/** Metres per CSS pixel at 1:500 on a 96 dpi screen, for choosing places before the map is there. */
const METRES_PER_PX_AT_500 = (500 * 0.0254) / 96;
/** Clear ground around a probe: no other vertex (or edge, where edges count) this close. */
const CLEAR_PX = 30;

let session: Session;

/** Rings of every feature of the given layers, as segments and vertices. */
function outlines(plan: PlainPlan, layers: readonly string[]): { segments: Segment[]; vertices: Position[] } {
  const segments: Segment[] = [];
  const vertices: Position[] = [];
  for (const layer of layers) {
    for (const f of plan.layers[layer as keyof PlainPlan['layers']].features) {
      const polygons = f.geometry?.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry?.type === 'MultiPolygon' ? f.geometry.coordinates : [];
      for (const ring of polygons.flat()) {
        for (let i = 0; i + 1 < ring.length; i++) segments.push([ring[i]!, ring[i + 1]!]);
        vertices.push(...ring.slice(0, -1));
      }
    }
  }
  return { segments, vertices };
}

/** A flat frame in metres around `origin`: x east, y south (as the screen's y). */
function metricFrame(origin: Position) {
  const m = metresPerDegree(origin[1]!);
  return {
    toXY: (p: Position): Pixel => ({ x: (p[0]! - origin[0]!) * m.x, y: -(p[1]! - origin[1]!) * m.y }),
  };
}

const dist = (p: Pixel, q: Pixel) => Math.hypot(p.x - q.x, p.y - q.y);
function distToSegment(p: Pixel, a: Pixel, b: Pixel): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}
const along = (p: Pixel, u: Pixel, k: number): Pixel => ({ x: p.x + u.x * k, y: p.y + u.y * k });

/**
 * The probes around a base-parcel edge A–B, in some plane (metres or pixels, `unit` of them per pixel):
 * 12 px inside the parcel from the edge's middle, 15 px from A (9 px along the edge, 12 px in), and open
 * ground 80 px in. `inward` is the normal pointing into the parcel.
 */
function probes(a: Pixel, b: Pixel, inward: Pixel, unit: number) {
  const l = dist(a, b);
  const u = { x: (b.x - a.x) / l, y: (b.y - a.y) / l };
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  return {
    offEdge: along(mid, inward, 12 * unit),
    nearCorner: along(along(a, u, 9 * unit), inward, 12 * unit),
    open: along(mid, inward, 80 * unit),
  };
}

/** Whether the probes around A–B have clear ground, in the plane of `toXY` with `unit` per pixel. */
function clearAround(edge: Segment, inward: Pixel, all: { segments: Segment[]; vertices: Position[] }, boundaryVertices: Position[], toXY: (p: Position) => Pixel, unit: number): boolean {
  const [a, b] = [toXY(edge[0]), toXY(edge[1])];
  const p = probes(a, b, inward, unit);
  const clear = CLEAR_PX * unit;
  const sameAs = (v: Position, w: Position) => v[0] === w[0] && v[1] === w[1];
  for (const v of all.vertices) {
    const q = toXY(v);
    if (dist(q, p.offEdge) < clear || dist(q, p.open) < clear) return false;
    if (!sameAs(v, edge[0]) && dist(q, p.nearCorner) < clear) return false;
  }
  // The corner must be a base vertex only: a boundary corner would still attract when only 村域界线 snaps.
  if (boundaryVertices.some((v) => dist(toXY(v), a) < 1 * unit)) return false;
  for (const [s, t] of all.segments) {
    const [qs, qt] = [toXY(s), toXY(t)];
    if (distToSegment(p.open, qs, qt) < clear) return false;
    // Near the edge's middle only the edge itself (and the neighbour's copy of it) may lie within reach.
    const d = distToSegment(p.offEdge, qs, qt);
    if (d < 25 * unit && Math.abs(d - 12 * unit) > 0.5 * unit) return false;
  }
  return true;
}

/** The unit normal of edge i→i+1 of the ring that points into the parcel, in the plane of `toXY`. */
function inwardNormal(ring: readonly Position[], i: number, toXY: (p: Position) => Pixel): Pixel {
  const plane = ring.map(toXY);
  const [a, b] = [plane[i]!, plane[i + 1]!];
  const l = dist(a, b);
  const normal = { x: (b.y - a.y) / l, y: -(b.x - a.x) / l };
  const probe = along({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, normal, l / 1000);
  let inside = false; // even-odd ray casting towards +x
  for (let k = 0; k + 1 < plane.length; k++) {
    const [p, q] = [plane[k]!, plane[k + 1]!];
    if (p.y > probe.y !== q.y > probe.y && probe.x < p.x + ((probe.y - p.y) * (q.x - p.x)) / (q.y - p.y)) inside = !inside;
  }
  return inside ? normal : { x: -normal.x, y: -normal.y };
}

/** A base-parcel edge 15–40 m long whose probes have clear ground at 1:500. */
function findEdge(plan: PlainPlan): { parcel: Feature<Polygon>; index: number } {
  const all = outlines(plan, SNAP_LAYER_IDS);
  const boundary = outlines(plan, ['boundary']).vertices;
  for (const parcel of parcelsBySize(plan, '111').slice(0, 40)) {
    const ring = parcel.geometry.coordinates[0]!;
    const { toXY } = metricFrame(ring[0]!);
    const nearby = (p: Position) => dist(toXY(p), { x: 0, y: 0 }) < 300;
    const local = { segments: all.segments.filter(([s]) => nearby(s)), vertices: all.vertices.filter(nearby) };
    for (let i = 0; i + 1 < ring.length; i++) {
      const d = length(ring[i]!, ring[i + 1]!);
      if (d < 15 || d > 40) continue;
      if (clearAround([ring[i]!, ring[i + 1]!], inwardNormal(ring, i, toXY), local, boundary.filter(nearby), toXY, METRES_PER_PX_AT_500)) return { parcel, index: i };
    }
  }
  throw new Error('no base-parcel edge with clear ground around it');
}

/** A 村域界线 vertex with no other boundary vertex or edge near a probe 15 px from it and open ground 80 px on. */
function findBoundaryVertex(plan: PlainPlan): { vertex: Position; direction: Pixel } {
  const { segments, vertices } = outlines(plan, ['boundary']);
  const unit = METRES_PER_PX_AT_500;
  for (const v of vertices) {
    const { toXY } = metricFrame(v);
    for (let k = 0; k < 8; k++) {
      const direction = { x: Math.cos((k * Math.PI) / 4), y: Math.sin((k * Math.PI) / 4) };
      const probe = along({ x: 0, y: 0 }, direction, 15 * unit);
      const open = along({ x: 0, y: 0 }, direction, 80 * unit);
      const others = vertices.filter((w) => w[0] !== v[0] || w[1] !== v[1]).map(toXY);
      if (others.some((w) => dist(w, probe) < CLEAR_PX * unit || dist(w, open) < CLEAR_PX * unit)) continue;
      if (segments.some(([s, t]) => distToSegment(open, toXY(s), toXY(t)) < CLEAR_PX * unit)) continue;
      return { vertex: v, direction };
    }
  }
  throw new Error('no clear boundary vertex');
}

async function canvasBox(page: Page) {
  const box = await page.locator('[data-testid="map"] canvas').boundingBox();
  if (!box) throw new Error('no map canvas');
  return box;
}

/** Page pixels of lon/lats, from the map's own projection. */
async function toPage(page: Page, points: readonly Position[]): Promise<Pixel[]> {
  const box = await canvasBox(page);
  const local = await page.evaluate((ps) => ps.map((p) => window.villagePlan.project(p as [number, number])), points.map((p) => [p[0]!, p[1]!]));
  return local.map((p) => {
    if (!p) throw new Error('map not ready');
    return { x: box.x + p.x, y: box.y + p.y };
  });
}

/** The lon/lat a click at this page pixel lands on. */
async function lonLatAt(page: Page, pixel: Pixel): Promise<Position> {
  const box = await canvasBox(page);
  const lonLat = await page.evaluate((p) => window.villagePlan.unproject(p), [pixel.x - box.x, pixel.y - box.y] as [number, number]);
  if (!lonLat) throw new Error('map not ready');
  return lonLat;
}

const round = (p: Pixel): Pixel => ({ x: Math.round(p.x), y: Math.round(p.y) });

/** Measures from `probe` to `open` (two clicks, Enter) and returns the length shown, in metres. */
async function measureFrom(page: Page, probe: Pixel, open: Pixel): Promise<number> {
  await page.keyboard.press('r');
  await page.locator('[data-testid="measure-panel"]').waitFor();
  for (const p of [probe, open]) {
    await page.mouse.move(p.x, p.y);
    await page.mouse.click(p.x, p.y);
  }
  await page.keyboard.press('Enter');
  const text = (await page.locator('[data-testid="measure-segment-1"]').textContent()) ?? '';
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  const match = /([\d,]+\.\d+) m/.exec(text);
  if (!match) throw new Error(`no length in "${text}"`);
  return Number(match[1]!.replaceAll(',', ''));
}

/** Asserts which of the candidate lengths was measured, and that the candidates tell themselves apart. */
function expectMeasured(shown: number, expected: number, otherwise: number, what: string) {
  expect(Math.abs(expected - otherwise), `${what}: the alternatives must differ`).toBeGreaterThan(0.5);
  expect(Math.abs(shown - expected), `${what}: shown ${shown} m, expected ${expected.toFixed(3)} m, not ${otherwise.toFixed(3)} m`).toBeLessThan(0.015);
}

const options = () => session.page.locator('[data-testid="snap-options"]');
async function openOptions(page: Page) {
  await page.click('[data-action="snap-options"]');
  await options().waitFor();
}
async function closeOptions() {
  await options().locator('header button').click();
  await options().waitFor({ state: 'detached' });
}

beforeAll(async () => {
  session = await launch();
  await openEditor(session.page);
});
afterAll(async () => {
  await session?.close();
});

describe('snapping options', () => {
  let edge: { a: Position; b: Position; probe: { offEdge: Pixel; nearCorner: Pixel; open: Pixel } };

  it('opens from the ▾ beside the snap button with the defaults: 10 px, vertices and edges, all visible layers', async () => {
    const { page } = session;
    await openOptions(page);
    await expect(page.locator('[data-action="snap-options"]').getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(options().locator('[data-testid="snap-tolerance"]').inputValue()).resolves.toBe('10');
    await expect(options().locator('[data-testid="snap-tolerance-value"]').textContent()).resolves.toBe('10 像素');
    await expect(options().locator('[data-snap-to="vertices"]').isChecked()).resolves.toBe(true);
    await expect(options().locator('[data-snap-to="edges"]').isChecked()).resolves.toBe(true);
    await expect(options().locator('[data-snap-layers="allVisible"]').isChecked()).resolves.toBe(true);
    // Escape closes the options and leaves the focus on the ▾.
    await options().locator('[data-snap-to="edges"]').focus();
    await page.keyboard.press('Escape');
    await options().waitFor({ state: 'detached' });
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-action'))).resolves.toBe('snap-options');
  });

  it('at 10 px a click 12 px off an edge and 15 px from its corner does not snap', async () => {
    const { page } = session;
    const plan = await page.evaluate(() => window.villagePlan.plan());
    const { parcel, index } = findEdge(plan);
    const ring = parcel.geometry.coordinates[0]!;
    const [a, b] = [ring[index]!, ring[index + 1]!];
    await focusAt(page, [(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2] as LonLat);
    // The probes again, now in the map's pixels, and their clear ground checked there.
    const [pa, pb, pFar] = await toPage(page, [a, b, [a[0]! + 1e-4, a[1]!]]);
    const pxPerMetre = dist(pa!, pFar!) / length(a, [a[0]! + 1e-4, a[1]!]);
    const toPixel = (p: Position): Pixel => {
      const m = metricFrame(a).toXY(p);
      return { x: pa!.x + m.x * pxPerMetre, y: pa!.y + m.y * pxPerMetre };
    };
    const all = outlines(plan, SNAP_LAYER_IDS);
    const near = (p: Position) => length(p, a) < 200;
    const local = { segments: all.segments.filter(([s]) => near(s)), vertices: all.vertices.filter(near) };
    const inward = inwardNormal(ring, index, toPixel);
    expect(clearAround([a, b], inward, local, outlines(plan, ['boundary']).vertices.filter(near), toPixel, 1)).toBe(true);
    const p = probes(pa!, pb!, inward, 1);
    edge = { a, b, probe: { offEdge: round(p.offEdge), nearCorner: round(p.nearCorner), open: round(p.open) } };
    expect(dist(edge.probe.nearCorner, pa!)).toBeGreaterThan(14);
    expect(dist(edge.probe.nearCorner, pa!)).toBeLessThan(16);

    const open = await lonLatAt(page, edge.probe.open);
    for (const probe of [edge.probe.offEdge, edge.probe.nearCorner]) {
      const shown = await measureFrom(page, probe, edge.probe.open);
      expectMeasured(shown, length(await lonLatAt(page, probe), open), length(a, open), 'default tolerance');
    }
  });

  it('at 20 px the click off the edge snaps onto the edge, and no longer in vertex-only mode', async () => {
    const { page } = session;
    await openOptions(page);
    const slider = options().locator('[data-testid="snap-tolerance"]');
    await slider.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowRight');
    await expect(slider.inputValue()).resolves.toBe('20');
    await expect(options().locator('[data-testid="snap-tolerance-value"]').textContent()).resolves.toBe('20 像素');
    await closeOptions();

    const open = await lonLatAt(page, edge.probe.open);
    const clicked = await lonLatAt(page, edge.probe.offEdge);
    const onEdge = footOnSegment(clicked, edge.a, edge.b);
    expectMeasured(await measureFrom(page, edge.probe.offEdge, edge.probe.open), length(onEdge, open), length(clicked, open), 'edges on, 20 px');

    await openOptions(page);
    await options().locator('[data-snap-to="edges"]').uncheck();
    // The last kind left cannot be unticked: snapping to nothing is what S is for.
    await expect(options().locator('[data-snap-to="vertices"]').isDisabled()).resolves.toBe(true);
    await closeOptions();
    expectMeasured(await measureFrom(page, edge.probe.offEdge, edge.probe.open), length(clicked, open), length(onEdge, open), 'vertex-only, 20 px');
  });

  it('vertex-only at 20 px, the click 15 px from the corner snaps to the corner', async () => {
    const { page } = session;
    const open = await lonLatAt(page, edge.probe.open);
    const clicked = await lonLatAt(page, edge.probe.nearCorner);
    expectMeasured(await measureFrom(page, edge.probe.nearCorner, edge.probe.open), length(edge.a, open), length(clicked, open), 'vertex-only, corner at 15 px');
  });

  it('restricted to 村域界线, the base-parcel corner no longer attracts but a boundary vertex does', async () => {
    const { page } = session;
    await openOptions(page);
    await options().locator('[data-snap-layers="chosen"]').check();
    // The list starts with every layer that snaps now; untick all but the village boundary.
    for (const layer of SNAP_LAYER_IDS) {
      const box = options().locator(`[data-snap-layer="${layer}"]`);
      if (layer === 'boundary') await expect(box.isChecked()).resolves.toBe(true);
      else if (await box.isChecked()) await box.uncheck();
    }
    await expect(options().locator('[data-snap-layer="base"]').isChecked()).resolves.toBe(false);
    await expect(options().textContent()).resolves.toContain('村域界线');
    await closeOptions();

    const open = await lonLatAt(page, edge.probe.open);
    const clicked = await lonLatAt(page, edge.probe.nearCorner);
    expectMeasured(await measureFrom(page, edge.probe.nearCorner, edge.probe.open), length(clicked, open), length(edge.a, open), 'boundary only, base corner');

    const plan = await page.evaluate(() => window.villagePlan.plan());
    const { vertex, direction } = findBoundaryVertex(plan);
    await focusAt(page, vertex as LonLat);
    const [pv] = await toPage(page, [vertex]);
    const probe = round(along(pv!, direction, 15));
    const farther = round(along(pv!, direction, 80));
    const farAt = await lonLatAt(page, farther);
    expectMeasured(await measureFrom(page, probe, farther), length(vertex, farAt), length(await lonLatAt(page, probe), farAt), 'boundary only, boundary vertex');
  });

  it('are remembered across a reload', async () => {
    const { page } = session;
    await page.reload();
    await page.waitForSelector('.app[data-ready="true"]', { timeout: 60_000 });
    await mapIdle(page);
    await openOptions(page);
    await expect(options().locator('[data-testid="snap-tolerance"]').inputValue()).resolves.toBe('20');
    await expect(options().locator('[data-snap-to="vertices"]').isChecked()).resolves.toBe(true);
    await expect(options().locator('[data-snap-to="edges"]').isChecked()).resolves.toBe(false);
    await expect(options().locator('[data-snap-layers="chosen"]').isChecked()).resolves.toBe(true);
    const ticked = await options().locator('[data-snap-layer]:checked').evaluateAll((boxes) => boxes.map((b) => b.getAttribute('data-snap-layer')));
    expect(ticked).toEqual(['boundary']);
    await closeOptions();
    await expect(page.locator('[data-action="snapping"]').getAttribute('aria-pressed')).resolves.toBe('true');
  });

  it('left no error in the console', () => {
    expect(session.errors).toEqual([]);
  });
});
