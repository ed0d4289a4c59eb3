/**
 * Drawing and editing with real clicks on the map: a new-build parcel, snapping that shares a vertex with
 * the neighbour, a shared vertex dragged in both features, split, merge, attributes, undo/redo, and the
 * refusals (self-intersection, outside the village) that keep the drawing.
 */
import type { Feature, Polygon, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickMap, dragVertex, drawPolygon, focusAt, launch, mapIdle, openEditor, pagePoint, planVersion, startDrawing, type Session } from './support/browser.ts';
import { offset, roomIn, square, type LonLat } from './support/plan-queries.ts';
import { ellipsoidalArea } from '../../src/geo/area.ts';

let session: Session;
const plan = () => session.page.evaluate(() => window.villagePlan.plan());
const features = async (layer: string) => (await plan()).layers[layer as 'newBuild'].features as Feature<Polygon>[];
const ringOf = (f: Feature<Polygon>) => f.geometry.coordinates[0] as Position[];
const hasVertex = (f: Feature<Polygon>, p: Position) => f.geometry.coordinates.some((r) => r.some((q) => q[0] === p[0] && q[1] === p[1]));

beforeAll(async () => {
  session = await launch();
  await openEditor(session.page);
});
afterAll(async () => {
  await session?.close();
});

describe('drawing a new-build parcel', () => {
  let centre: LonLat;

  it('adds the parcel by clicking its vertices, showing its area while drawing', async () => {
    const { page } = session;
    centre = roomIn(await plan(), '111', 30).centre;
    await focusAt(page, centre);
    const before = (await features('newBuild')).length;
    await startDrawing(page, 'newBuild');
    const [a, b, c, d] = square(centre, 24);
    for (const p of [a, b, c]) await clickMap(page, p!);
    const live = await page.locator('[data-testid="live-area"]').textContent();
    expect(live).toMatch(/m²/);
    await clickMap(page, d!);
    await clickMap(page, a!);
    await mapIdle(page);
    const after = await features('newBuild');
    expect(after).toHaveLength(before + 1);
    const added = after.find((f) => !f.properties?.note && f.properties?.parcelNo && ringOf(f).some((p) => Math.abs((p[0] as number) - a![0]) < 1e-6));
    expect(added).toBeDefined();
    await expect(page.locator('.attribute-panel .selection-summary').textContent()).resolves.toContain('建新地块');
    // The panel shows the stored outline's ellipsoidal area (a click may land a pixel off or snap to a
    // nearby vertex under load, so the drawn square is about, not exactly, 576 m²).
    const stored = ellipsoidalArea(added!.geometry);
    expect(Math.abs(stored - 576) / 576).toBeLessThan(0.1);
    await expect(page.locator('[data-testid="selection-area"]').textContent()).resolves.toContain(`${stored.toFixed(2)} m²`);
  });

  it('refuses a vertex that makes the outline cross itself, and keeps the drawing', async () => {
    const { page } = session;
    const base = offset(centre, 0, 0);
    await focusAt(page, base);
    const count = (await features('newBuild')).length;
    await startDrawing(page, 'newBuild');
    // a→b→c→d: the edge c→d crosses a→b, so the click on d is refused.
    const crossing: LonLat[] = [offset(base, -10, -10), offset(base, 10, 10), offset(base, 10, -10), offset(base, -10, 10)];
    for (const p of crossing) await clickMap(page, p);
    await expect(page.locator('.cursor-message').textContent()).resolves.toContain('自相交');
    await expect(page.locator('[data-testid="live-area"]').count()).resolves.toBe(1);
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="live-area"]').waitFor({ state: 'detached' });
    expect(await features('newBuild')).toHaveLength(count);
  });

  it('refuses to close an outline whose closing edge crosses it, and keeps the drawing to fix', async () => {
    const { page } = session;
    const count = (await features('newBuild')).length;
    await startDrawing(page, 'newBuild');
    // a→b→c→d is fine as a path; closing d→a crosses b→c.
    const bowTie: LonLat[] = [offset(centre, -10, -10), offset(centre, 10, -10), offset(centre, -10, 10), offset(centre, 10, 10)];
    await drawPolygon(page, bowTie);
    await expect(page.locator('.cursor-message').textContent()).resolves.toContain('自相交');
    expect(await features('newBuild')).toHaveLength(count);
    await expect(page.locator('[data-testid="live-area"]').count()).resolves.toBe(1);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    expect(await features('newBuild')).toHaveLength(count);
  });

  it('refuses a drawing wholly outside the village', async () => {
    const { page } = session;
    const village = (await plan()).layers.boundary.features[0] as Feature<Polygon>;
    const west = ringOf(village).reduce((m, p) => ((p[0] as number) < (m[0] as number) ? p : m));
    const outside = offset(west as LonLat, -60, 0);
    await focusAt(page, outside);
    const count = (await features('newBuild')).length;
    await startDrawing(page, 'newBuild');
    await drawPolygon(page, square(outside, 20));
    await expect(page.locator('.cursor-message').textContent()).resolves.toContain('村域界线之外');
    expect(await features('newBuild')).toHaveLength(count);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  });
});

describe('snapping and shared vertices', () => {
  it('snaps onto a neighbour edge, inserts the vertex into the neighbour, and moves it in both', async () => {
    const { page } = session;
    const { centre } = roomIn(await plan(), '111', 24, 1);
    await focusAt(page, centre);
    // Two reserve areas side by side (zones cover the whole village, so a free layer is used).
    await startDrawing(page, 'reserve');
    const [a0, a1, a2, a3] = square(offset(centre, -5, 0), 14);
    await drawPolygon(page, [a0!, a1!, a2!, a3!]);
    await mapIdle(page);
    const [aId] = await page.evaluate(() => window.villagePlan.selection());
    const reserve = (await features('reserve')).find((f) => f.id === aId);
    expect(reserve, 'a new feature is selected after drawing').toBeDefined();

    // Zone B on the same layer, east of A: its first vertex 4 px off A's east edge snaps onto it.
    const edgeMid: LonLat = [(a1![0] + a2![0]) / 2, (a1![1] + a2![1]) / 2];
    const nearEdge = await pagePoint(page, edgeMid);
    await startDrawing(page, 'reserve');
    await page.mouse.click(nearEdge.x + 4, nearEdge.y);
    for (const p of [offset(edgeMid, 10, 0), offset(edgeMid, 10, 5), offset(edgeMid, 0.2, 5)]) await clickMap(page, p);
    await page.mouse.click(nearEdge.x + 4, nearEdge.y);
    await mapIdle(page);
    const reserves = await features('reserve');
    const [bId] = await page.evaluate(() => window.villagePlan.selection());
    const b = reserves.find((f) => f.id === bId && f.id !== reserve!.id)!;
    expect(b, 'the second feature is selected after drawing').toBeDefined();
    const aNow = reserves.find((f) => f.id === reserve!.id)!;
    const shared = ringOf(b).find((p) => hasVertex(aNow, p));
    expect(shared, 'the snapped vertex is a vertex of both').toBeDefined();

    // Drag the shared vertex with B selected: A moves too, as one undo step.
    await page.keyboard.press('Escape');
    await clickMap(page, offset(edgeMid, 6, 2.5));
    await mapIdle(page);
    expect(await page.evaluate(() => window.villagePlan.selection())).toEqual([b.id]);
    const from = await pagePoint(page, shared as LonLat);
    const versionBefore = await planVersion(page);
    await dragVertex(page, from);
    await mapIdle(page);
    const moved = await features('reserve');
    const aMoved = moved.find((f) => f.id === reserve!.id)!;
    const bMoved = moved.find((f) => f.id === b.id)!;
    expect(hasVertex(aMoved, shared!)).toBe(false);
    expect(hasVertex(bMoved, shared!)).toBe(false);
    const newShared = ringOf(bMoved).find((p) => hasVertex(aMoved, p) && !ringOf(b).some((q) => q[0] === p[0] && q[1] === p[1]));
    expect(newShared, 'the moved vertex is still shared').toBeDefined();
    expect(await planVersion(page)).toBeGreaterThan(versionBefore);
    const history = await page.evaluate(() => window.villagePlan.history());
    expect(history.undo.at(-1)).toBe('commands.reshape.moveVertex');

    await page.keyboard.press('Control+z');
    await mapIdle(page);
    const undone = await features('reserve');
    expect(hasVertex(undone.find((f) => f.id === reserve!.id)!, shared!)).toBe(true);
    expect(hasVertex(undone.find((f) => f.id === b.id)!, shared!)).toBe(true);
    await page.keyboard.press('Control+Shift+z');
    await mapIdle(page);
    expect(hasVertex((await features('reserve')).find((f) => f.id === b.id)!, shared!)).toBe(false);
  });
});

describe('split, merge, attributes, delete', () => {
  it('splits a parcel by a drawn line and merges the pieces back', async () => {
    const { page } = session;
    const { centre } = roomIn(await plan(), '111', 24, 2);
    await focusAt(page, centre);
    await startDrawing(page, 'useChange');
    await drawPolygon(page, square(centre, 20));
    await mapIdle(page);
    const before = await features('useChange');
    const [selected] = await page.evaluate(() => window.villagePlan.selection());
    expect(selected).toBeDefined();

    await page.keyboard.press('k');
    await clickMap(page, offset(centre, 1, -17));
    await clickMap(page, offset(centre, 1, 17));
    await clickMap(page, offset(centre, 1, 17));
    await mapIdle(page);
    const split = await features('useChange');
    expect(split).toHaveLength(before.length + 1);
    const pieces = await page.evaluate(() => window.villagePlan.selection());
    expect(pieces).toHaveLength(2);
    expect(pieces).toContain(selected);

    await page.keyboard.press('m');
    await mapIdle(page);
    expect(await features('useChange')).toHaveLength(before.length);
    expect(await page.evaluate(() => window.villagePlan.selection())).toEqual([selected]);
  });

  it('edits an attribute from a pick-list, undoably', async () => {
    const { page } = session;
    const [selected] = await page.evaluate(() => window.villagePlan.selection());
    await page.selectOption('#field-targetCode', '12');
    await mapIdle(page);
    const changed = (await features('useChange')).find((f) => f.id === selected);
    expect(changed?.properties?.targetCode).toBe('12');
    const options = await page.locator('#field-targetCode option').allTextContents();
    expect(options.every((o) => /^\d+ /.test(o))).toBe(true);
    await page.click('[data-action="undo"]');
    expect((await features('useChange')).find((f) => f.id === selected)?.properties?.targetCode).toBe('111');
    await page.click('[data-action="redo"]');
    expect((await features('useChange')).find((f) => f.id === selected)?.properties?.targetCode).toBe('12');
  });

  it('keeps the keys from the map while a dialog is open: Delete under the help panel deletes nothing', async () => {
    const { page } = session;
    const count = (await features('useChange')).length;
    await page.locator('[data-testid="map"] canvas').focus();
    await page.keyboard.press('?');
    await page.locator('.dialog.help').waitFor();
    await page.keyboard.press('Delete');
    await page.keyboard.press('Escape');
    await page.locator('.dialog.help').waitFor({ state: 'detached', timeout: 5000 });
    expect(await features('useChange')).toHaveLength(count);
  });

  it('deletes with the Delete key and brings it back with Ctrl+Y', async () => {
    const { page } = session;
    const count = (await features('useChange')).length;
    await page.locator('[data-testid="map"] canvas').focus();
    await page.keyboard.press('Delete');
    expect(await features('useChange')).toHaveLength(count - 1);
    await page.keyboard.press('Control+z');
    expect(await features('useChange')).toHaveLength(count);
    await page.keyboard.press('Control+y');
    expect(await features('useChange')).toHaveLength(count - 1);
  });

  it('logged no console errors', () => {
    expect(session.errors).toEqual([]);
  });
});
