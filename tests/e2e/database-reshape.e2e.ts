/**
 * Reshaping a shared boundary in the 2026 database view: the 2026 sample kept on this computer, a large
 * parcel picked by a real click, 调整边界, and one of its vertices that a neighbour shares dragged with the
 * real mouse. The picked parcel and the neighbour both change and keep the dropped vertex in common (read
 * back from the page), the coverage checks (geometry-valid, no-overlap, no-gap) stay clean, the village
 * total stays, and undo gives both back; then the middle of an edge shared with a neighbour is dragged,
 * adding one vertex to both. Which parcel, vertex and edge are chosen here with the same command, so the
 * case is one the sample has.
 */
import type { Position } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reshapeBoundary } from '../../src/commands/village-database/reshape-boundary.command.ts';
import { vertices } from '../../src/commands/shared-boundaries.ts';
import { ellipsoidalArea } from '../../src/geo/area.ts';
import type { VillageDatabase, VillageFeature } from '../../src/profiles/zhejiang-2026/village-database.ts';
import { isAreaGeometry } from '../../src/rules/ydyh/database-parcels.ts';
import { launch, type Session } from './support/browser.ts';
import { clickDatabaseMap, insidePoint, keepPlan, openSample2026, readSample2026, whenChecked, whenSaved, zoomInAt } from './support/database-view.ts';

interface ReshapeCase {
  readonly parcel: VillageFeature;
  /** The parcel's vertex to drag, which a neighbour shares, and the neighbour. */
  readonly vertex: [number, number];
  readonly neighbour: string;
  /** An edge from that vertex whose middle, dragged, adds a vertex to the parcel and to `edgeNeighbour`. */
  readonly edge: [Position, Position];
  readonly edgeNeighbour: string;
}

let session: Session;
let page: Page;
let reshaping: ReshapeCase;

const COVERAGE_RULES = ['geometry-valid', 'no-overlap', 'no-gap'];
const parcelsOf = (db: VillageDatabase) => db.layers.GHDLTB?.features ?? [];
const areaOf = (f: VillageFeature | null | undefined) => (f && isAreaGeometry(f.geometry) ? ellipsoidalArea(f.geometry) : 0);
const verticesOf = (f: VillageFeature | null | undefined) => (f && isAreaGeometry(f.geometry) ? vertices(f.geometry) : []);
const midpoint = ([a, b]: [Position, Position]): [number, number] => [((a[0] as number) + (b[0] as number)) / 2, ((a[1] as number) + (b[1] as number)) / 2];
const distance = (p: Position, q: Position) => Math.hypot((p[0] as number) - (q[0] as number), (p[1] as number) - (q[1] as number));

/**
 * A large polygon parcel and a vertex of it, well apart from its other vertices (so the mouse takes that one),
 * that can move a tenth of the way towards the parcel's inside and takes at least one neighbour with it.
 */
function reshapeCase(db: VillageDatabase): ReshapeCase {
  const largest = [...parcelsOf(db)].sort((a, b) => areaOf(b) - areaOf(a)).slice(0, 40);
  for (const parcel of largest) {
    if (parcel.geometry?.type !== 'Polygon') continue;
    const ring = vertices(parcel.geometry);
    const inside = insidePoint(parcel);
    const span = Math.max(...ring.map((p) => distance(p, inside)));
    const inward = (p: Position): Position => [(p[0] as number) + (inside[0] - (p[0] as number)) / 10, (p[1] as number) + (inside[1] - (p[1] as number)) / 10];
    const neighbourMoving = (from: Position) => {
      const result = reshapeBoundary(db, 'GHDLTB', { from, to: inward(from) }, parcel.ref);
      return result.ok ? (result.value.features ?? []).flatMap((c) => (c.after && c.after.ref !== parcel.ref ? [c.after.ref] : []))[0] : undefined;
    };
    for (const [i, vertex] of ring.entries()) {
      if (ring.some((other) => other !== vertex && distance(other, vertex) < span / 6)) continue;
      const neighbour = neighbourMoving(vertex);
      const edge: [Position, Position] = [vertex, ring[(i + 1) % ring.length] as Position];
      const edgeNeighbour = neighbour && neighbourMoving(midpoint(edge));
      if (neighbour && edgeNeighbour) return { parcel, vertex: vertex as [number, number], neighbour, edge, edgeNeighbour };
    }
  }
  throw new Error('no parcel of the sample has a shared vertex to drag');
}

const featureOf = (ref: string) => page.evaluate((r) => window.villageDatabase?.state().database?.layers.GHDLTB?.features.find((f) => f.ref === r) ?? null, ref);
const onScreen = (lonLat: Position) => page.evaluate((p) => window.villageDatabase?.project(p) ?? null, [lonLat[0], lonLat[1]] as [number, number]);
const coverageIssues = () => page.evaluate((rules) => window.villageDatabase?.state().check?.issues.filter((i) => rules.includes(i.rule)).length ?? -1, COVERAGE_RULES);
const totalM2 = () => page.evaluate(() => (window.villageDatabase?.state().tables?.structure.rows.find((r) => r.row.kind === 'total')?.values.target ?? NaN) * 10_000);

/** Zooms in on the vertex until its nearest other vertex of the parcel is at least 40 px away, so a press on it takes it. */
async function zoomTo(parcel: VillageFeature, vertex: [number, number]): Promise<void> {
  const others = verticesOf(parcel).filter((p) => p[0] !== vertex[0] || p[1] !== vertex[1]);
  for (let step = 0; step < 6; step++) {
    const here = await onScreen(vertex);
    const nearest = Math.min(...(await Promise.all(others.map(onScreen))).map((p) => (p && here ? Math.hypot(p.x - here.x, p.y - here.y) : 0)));
    if (nearest >= 40) return;
    await zoomInAt(page, vertex);
  }
}

/** 30 px from a point of the parcel's outline towards its inside: well inside the parcel at the zoom reached. */
async function inward(from: [number, number], parcel: VillageFeature): Promise<{ x: number; y: number }> {
  const start = await onScreen(from);
  const inside = await onScreen(insidePoint(parcel));
  if (!start || !inside) throw new Error('map not ready');
  const length = Math.hypot(inside.x - start.x, inside.y - start.y);
  return { x: ((inside.x - start.x) / length) * 30, y: ((inside.y - start.y) / length) * 30 };
}

/** Presses on a point of the map, moves the mouse in steps and lets go: a real drag. */
async function drag(from: [number, number], by: { x: number; y: number }): Promise<void> {
  await page.evaluate(() => window.villageDatabase?.idle());
  const start = await onScreen(from);
  const box = await page.locator('[data-testid="database-map"] canvas').boundingBox();
  if (!start || !box) throw new Error('map not ready');
  await page.mouse.move(box.x + start.x, box.y + start.y);
  await page.mouse.down();
  await page.mouse.move(box.x + start.x + by.x, box.y + start.y + by.y, { steps: 12 });
  await page.mouse.up();
}

beforeAll(async () => {
  session = await launch();
  page = session.page;
  reshaping = reshapeCase(readSample2026());
});

afterAll(async () => {
  await session?.close();
});

describe('reshaping a shared boundary of planned parcels', () => {
  it('drags a vertex of the picked parcel: its neighbour follows, the checks stay clean, undo gives both back; a vertex clicked into a shared edge goes into both', async () => {
    const { parcel, vertex, neighbour } = reshaping;
    await openSample2026(page);
    await keepPlan(page);
    expect(await coverageIssues()).toBe(0);
    const total = await totalM2();
    const neighbourBefore = await featureOf(neighbour);

    await clickDatabaseMap(page, insidePoint(parcel));
    await expect.poll(() => page.getAttribute('[data-testid="database-feature"]', 'data-ref')).toBe(parcel.ref);
    await zoomTo(parcel, vertex);
    await page.click('[data-action="reshape-boundary"]');
    await page.waitForSelector('[data-testid="reshape-hint"]');

    const here = await onScreen(vertex);
    await drag(vertex, await inward(vertex, parcel));

    await expect.poll(async () => verticesOf(await featureOf(parcel.ref)).some((p) => p[0] === vertex[0] && p[1] === vertex[1])).toBe(false);
    const moved = await featureOf(parcel.ref);
    const follower = await featureOf(neighbour);
    if (!moved || !follower) throw new Error('parcels gone');
    // The dropped vertex is one both parcels have, bit for bit, where the mouse let go.
    const common = verticesOf(moved).filter((p) => verticesOf(follower).some((q) => q[0] === p[0] && q[1] === p[1]));
    const dropped = await Promise.all(common.map(onScreen));
    expect(dropped.some((p) => p && here && Math.abs(Math.hypot(p.x - here.x, p.y - here.y) - 30) < 2)).toBe(true);
    expect(areaOf(follower)).not.toBeCloseTo(areaOf(neighbourBefore), 2);
    expect(moved.properties['GHDLMJ']).toBe(Math.round(areaOf(moved) * 100) / 100);
    expect(await page.isVisible('[data-testid="edit-said"].error')).toBe(false);
    await whenChecked(page);
    expect(await coverageIssues()).toBe(0);
    await expect.poll(async () => Math.abs((await totalM2()) - total)).toBeLessThan(0.01);

    await page.click('[data-action="undo"]');
    await expect.poll(async () => (await featureOf(parcel.ref))?.geometry).toEqual(parcel.geometry);
    expect((await featureOf(neighbour))?.geometry).toEqual(neighbourBefore?.geometry);

    // The middle of an edge, dragged: a vertex more in the parcel and in the neighbour along that edge.
    const { edge, edgeNeighbour } = reshaping;
    const alongBefore = await featureOf(edgeNeighbour);
    // A click on the middle puts a vertex there; dragging it adds it to the parcel and the neighbour.
    await clickDatabaseMap(page, midpoint(edge));
    await drag(midpoint(edge), await inward(midpoint(edge), parcel));
    await expect.poll(async () => verticesOf(await featureOf(parcel.ref)).length).toBe(verticesOf(parcel).length + 1);
    const added = verticesOf(await featureOf(parcel.ref)).filter((p) => !verticesOf(parcel).some((q) => q[0] === p[0] && q[1] === p[1]));
    expect(added).toHaveLength(1);
    expect(verticesOf(await featureOf(edgeNeighbour)).some((p) => p[0] === added[0]?.[0] && p[1] === added[0]?.[1])).toBe(true);
    await whenChecked(page);
    expect(await coverageIssues()).toBe(0);
    await page.click('[data-action="undo"]');
    await expect.poll(async () => (await featureOf(parcel.ref))?.geometry).toEqual(parcel.geometry);
    expect((await featureOf(edgeNeighbour))?.geometry).toEqual(alongBefore?.geometry);
    // 完成 ends reshaping: the map picks again.
    await page.click('[data-action="reshape-boundary"]');
    await page.waitForSelector('[data-testid="reshape-hint"]', { state: 'detached' });
    // So does Esc.
    await page.click('[data-action="reshape-boundary"]');
    await page.waitForSelector('[data-testid="reshape-hint"]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="reshape-hint"]', { state: 'detached' });
    await whenSaved(page);
    expect(session.errors).toEqual([]);
  });
});
