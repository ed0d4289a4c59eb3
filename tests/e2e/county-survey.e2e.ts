/**
 * A planner's journey with a county's 三调 export rather than our generator's (support/county-survey.ts):
 * ~300 parcels clipped to a separately drawn village boundary, corners jittered by ±0.3 mm, 0.001 m²
 * slivers, a parcel in two parts and one with a hole, GBK DBF without .cpg, EPSG:4549 as ESRI WKT.
 * Imported as the boundary and the base parcels, the checks find no gap, overlap or parcel outside the
 * village; a parcel's area is GDAL's ellipsoidal area; two neighbours copied into 其他用途变更 are merged,
 * split again along a line snapped to a neighbour's corner, and the split's shared corner dragged (the
 * copies carry the survey's full-precision coordinates, which terra-draw refused to hold: the drag did
 * nothing); undo and redo; a reload restores the draft exactly; English leaves no Chinese in the panels.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Polygon, Position } from 'geojson';
import type { Page } from 'playwright-core';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gdal, skipWithoutGdal } from '../support/gdal.ts';
import { clickMap, dragVertex, focusAt, launchEmptyVillage, mapIdle, pagePoint, type Session } from './support/browser.ts';
import { countySurvey, countySurveyZips, VILLAGE_MIDDLE, type CountyParcel } from './support/county-survey.ts';
import { planText, waitSaved } from './support/drafts.ts';
import { clickAction } from './support/toolbar.ts';
import { currentChecks, importLayerFile } from './support/import-layer.ts';

const PLAN_PATH = 'e2e-county-survey/empty.plan.json';
/** EPSG:4549 written out, not taken from the app. */
const EPSG_4549 = '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const toLonLat = (p: Position) => proj4(EPSG_4549, 'EPSG:4326', p as [number, number]) as [number, number];

const survey = countySurvey();
let session: Session;
let page: Page;
let dir: string;
let dltbZip: string;
let boundaryZip: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vp-county-survey-e2e-'));
  const zips = countySurveyZips(survey);
  dltbZip = join(dir, '三调地类图斑.zip');
  boundaryZip = join(dir, '村界.zip');
  writeFileSync(dltbZip, zips.dltb);
  writeFileSync(boundaryZip, zips.boundary);
  session = await launchEmptyVillage(PLAN_PATH);
  page = session.page;
});

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

const outer = (p: CountyParcel) => (p.geometry.type === 'Polygon' ? p.geometry.coordinates[0] : p.geometry.coordinates[0]?.[0]) as Position[];
/** The mean of a ring's corners (the parcels are convex quadrilaterals or clipped ones). */
const middleOf = (ring: readonly Position[]): Position => {
  const corners = ring.slice(0, -1);
  return [corners.reduce((s, p) => s + (p[0] as number), 0) / corners.length, corners.reduce((s, p) => s + (p[1] as number), 0) / corners.length];
};
const useChange = () => page.evaluate(() => window.villagePlan.plan().layers.useChange.features.map((f) => ({ id: String(f.id), ring: (f.geometry as Polygon).coordinates[0] as [number, number][] })));

/** Two interior four-corner parcels sharing an edge, and the two corners of that edge (their own copies). */
function neighbours(): { a: CountyParcel; b: CountyParcel; shared: [Position, Position] } {
  const quads = survey.parcels.filter((p) => p.geometry.type === 'Polygon' && p.geometry.coordinates.length === 1 && outer(p).length === 5);
  const near = (p: Position, q: Position) => Math.hypot((p[0] as number) - (q[0] as number), (p[1] as number) - (q[1] as number)) < 0.01;
  const fromMiddle = (p: CountyParcel) => Math.hypot((middleOf(outer(p))[0] as number) - (VILLAGE_MIDDLE[0] as number), (middleOf(outer(p))[1] as number) - (VILLAGE_MIDDLE[1] as number));
  // Near the middle (in view) but not the special parcels around it.
  for (const a of quads.filter((p) => fromMiddle(p) > 120 && fromMiddle(p) < 200)) {
    for (const b of quads) {
      if (b === a || fromMiddle(b) > 200) continue;
      const shared = outer(a).slice(0, 4).filter((p) => outer(b).some((q) => near(p, q)));
      if (shared.length === 2) return { a, b, shared: shared as [Position, Position] };
    }
  }
  throw new Error('no two neighbouring parcels');
}

describe('a county 三调 export in the editor', () => {
  it('imports the boundary and the survey, and the checks find no gap, overlap or parcel outside the village', async () => {
    await importLayerFile(page, boundaryZip, 'boundary');
    await importLayerFile(page, dltbZip, 'base');
    const base = await page.evaluate(() => window.villagePlan.plan().layers.base.features.map((f) => f.properties));
    expect(base).toHaveLength(survey.parcels.length);
    // GBK without .cpg: the DBF's language byte says code page 936.
    expect(new Set(base.map((p) => p?.ownerName))).toEqual(new Set(['南湖村第一村民小组']));
    const found = (await currentChecks(page)).filter((i) => ['no-gap', 'no-overlap', 'inside-village'].includes(i.rule) && i.severity !== 'notChecked');
    expect(found).toEqual([]);
    expect(session.errors).toEqual([]);
    // One view for the rest of the journey: every parcel it touches lies within 220 m of the middle.
    await focusAt(page, toLonLat(VILLAGE_MIDDLE), 2000);
  });

  it.skipIf(skipWithoutGdal('ogrinfo'))('shows a parcel’s area as GDAL’s ellipsoidal area, in m², 公顷 and 亩', async () => {
    for (const tbbh of [survey.multipart, survey.holed]) {
      const parcel = survey.parcels.find((p) => p.tbbh === tbbh)!;
      const sql = `SELECT ST_Area(ST_Transform(geometry, 4490), 1) AS a FROM DLTB WHERE TBBH = '${tbbh}'`;
      const printed = gdal('ogrinfo', ['-ro', '-q', '-dialect', 'SQLite', '-sql', sql, `/vsizip/${dltbZip}/三调/DLTB.shp`]);
      const expected = Number(/a \(Real\) = ([\d.]+)/.exec(printed)?.[1]);
      // Between a corner and the middle: on the parcel, off the hole that the pond fills.
      const ring = outer(parcel);
      const middle = middleOf(ring);
      const at = toLonLat([((ring[0]![0] as number) + (middle[0] as number)) / 2, ((ring[0]![1] as number) + (middle[1] as number)) / 2]);
      await page.keyboard.press('Escape');
      await clickMap(page, at);
      await page.waitForFunction((no) => {
        const [id] = window.villagePlan.selection();
        return window.villagePlan.plan().layers.base.features.find((f) => f.id === id)?.properties?.parcelNo === no;
      }, tbbh);
      const text = (await page.textContent('[data-testid="selection-area"]')) ?? '';
      const [m2, ha, mu] = [...text.matchAll(/[\d,]+\.\d+/g)].map((m) => Number(m[0].replaceAll(',', '')));
      expect(Math.abs(m2! - expected), text).toBeLessThanOrEqual(0.01);
      expect(ha).toBeCloseTo(expected / 10_000, 2);
      expect(mu).toBeCloseTo(expected / (10_000 / 15), 2);
      expect(text).toMatch(/m² · .* 公顷 · .* 亩/);
    }
  });

  it('merges two neighbours copied into 其他用途变更, splits them at a neighbour’s corner, drags the shared corner, undoes and redoes', async () => {
    const { a, b, shared } = neighbours();
    const [inA, inB] = [toLonLat(middleOf(outer(a))), toLonLat(middleOf(outer(b)))];
    await page.locator('.layer-row[data-layer="useChange"] input[type="radio"]').check();
    await page.keyboard.press('Escape');
    await clickMap(page, inA);
    await clickMap(page, inB, { shift: true });
    expect(await page.evaluate(() => window.villagePlan.selection())).toHaveLength(2);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Shift+D');
    await page.waitForFunction(() => window.villagePlan.plan().layers.useChange.features.length === 2);
    await page.keyboard.press('m');
    await page.waitForFunction(() => window.villagePlan.plan().layers.useChange.features.length === 1);

    // The split line from corner to corner of the old common edge: each click snaps onto the corner the
    // parcels above and below have too.
    const [from, to] = shared.map(toLonLat) as [[number, number], [number, number]];
    await page.keyboard.press('k');
    await clickMap(page, from);
    await clickMap(page, to);
    await clickMap(page, to);
    await page.waitForFunction(() => window.villagePlan.plan().layers.useChange.features.length === 2);
    await page.waitForFunction(() => window.villagePlan.selection().length === 2);
    await mapIdle(page);
    const pieces = await useChange();
    const corner = pieces[0]!.ring.find((p) => pieces[1]!.ring.some((q) => q[0] === p[0] && q[1] === p[1]) && Math.hypot(p[0] - from[0], p[1] - from[1]) < 1e-6);
    expect(corner, 'the pieces share the corner the line started on').toBeDefined();

    // One piece selected, its corner dragged: the other piece follows, as one undo step.
    await page.keyboard.press('Escape');
    await clickMap(page, toLonLat(middleOf(outer(a))));
    await page.waitForFunction((ids) => window.villagePlan.selection().length === 1 && ids.includes(window.villagePlan.selection()[0]!), pieces.map((p) => p.id));
    await mapIdle(page);
    const start = await pagePoint(page, corner!);
    const historyBefore = (await page.evaluate(() => window.villagePlan.history())).undo.length;
    await dragVertex(page, start);
    await mapIdle(page);
    const history = await page.evaluate(() => window.villagePlan.history());
    expect(history.undo).toHaveLength(historyBefore + 1);
    expect(history.undo.at(-1)).toBe('commands.reshape.moveVertex');
    const dragged = await useChange();
    const has = (ring: [number, number][], p: [number, number]) => ring.some((q) => q[0] === p[0] && q[1] === p[1]);
    expect(dragged.every((piece) => !has(piece.ring, corner!))).toBe(true);
    const moved = dragged[0]!.ring.find((p) => has(dragged[1]!.ring, p) && !has(pieces[0]!.ring, p));
    expect(moved, 'the dropped corner is still common to both pieces').toBeDefined();
    // Every corner but the dragged one is as it was, bit for bit (not rounded to what terra-draw holds).
    for (const [i, piece] of dragged.entries()) expect(piece.ring.filter((p) => !has(pieces[i]!.ring, p))).toEqual([moved, moved].slice(0, piece.ring[0]![0] === moved![0] && piece.ring[0]![1] === moved![1] ? 2 : 1));

    await page.keyboard.press('Control+z');
    await mapIdle(page);
    expect(await useChange()).toEqual(pieces);
    await page.keyboard.press('Control+Shift+z');
    await mapIdle(page);
    expect(await useChange()).toEqual(dragged);
    expect(session.errors).toEqual([]);
  });

  it('explodes the two-part survey parcel copied into 其他用途变更 into two parcels, and reshapes a part', async () => {
    const parcel = survey.parcels.find((p) => p.tbbh === survey.multipart)!;
    const parts = parcel.geometry.type === 'MultiPolygon' ? parcel.geometry.coordinates : [];
    expect(parts).toHaveLength(2);
    const inPart = (k: number) => toLonLat(middleOf(parts[k]![0]!));
    await page.keyboard.press('Escape');
    await clickMap(page, inPart(0));
    await page.waitForFunction((no) => {
      const [id] = window.villagePlan.selection();
      return window.villagePlan.plan().layers.base.features.find((f) => f.id === id)?.properties?.parcelNo === no;
    }, survey.multipart);
    const before = (await useChange()).length;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Shift+D');
    await page.waitForFunction((n) => window.villagePlan.plan().layers.useChange.features.length === n, before + 1);
    const copied = await page.evaluate(() => window.villagePlan.plan().layers.useChange.features.find((f) => f.id === window.villagePlan.selection()[0])?.geometry.type);
    expect(copied).toBe('MultiPolygon');

    // The attribute panel says why no vertex can be dragged, and offers the way out.
    await page.waitForSelector('.attribute-panel .multipart-hint');
    expect(await page.textContent('.attribute-panel .multipart-hint')).toContain('2 个部分');
    await page.click('.attribute-panel [data-action="explode"]');
    await page.waitForFunction((n) => window.villagePlan.plan().layers.useChange.features.length === n, before + 2);
    expect((await page.evaluate(() => window.villagePlan.history())).undo.at(-1)).toBe('commands.explode.label');
    const exploded = await page.evaluate(() => window.villagePlan.plan().layers.useChange.features.filter((f) => window.villagePlan.selection().includes(String(f.id))).map((f) => f.geometry.type));
    expect(exploded).toEqual(['Polygon', 'Polygon']);

    // Each part is now a parcel of its own, which terra-draw can reshape.
    await page.keyboard.press('Escape');
    await clickMap(page, inPart(1));
    await page.waitForFunction(() => window.villagePlan.selection().length === 1);
    await mapIdle(page);
    const [id] = await page.evaluate(() => window.villagePlan.selection());
    const ringBefore = (await useChange()).find((f) => f.id === id)!.ring;
    await dragVertex(page, await pagePoint(page, ringBefore[0]!));
    await mapIdle(page);
    expect((await page.evaluate(() => window.villagePlan.history())).undo.at(-1)).toBe('commands.reshape.moveVertex');
    const ringAfter = (await useChange()).find((f) => f.id === id)!.ring;
    expect(ringAfter.some((p) => p[0] === ringBefore[0]![0] && p[1] === ringBefore[0]![1])).toBe(false);
    expect(session.errors).toEqual([]);
  });

  it('restores the draft exactly after a reload', async () => {
    const before = await planText(page);
    await waitSaved(page);
    await page.reload();
    await page.waitForSelector('.app[data-ready="true"]', { timeout: 60_000 });
    await mapIdle(page);
    expect(await planText(page)).toBe(before);
  });

  it('shows the panels used in English without Chinese but the data’s own names', async () => {
    await clickAction(page, 'language');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.keyboard.press('Escape');
    await clickMap(page, toLonLat(middleOf(outer(neighbours().a))));
    await page.waitForSelector('.attribute-panel');
    const attributes = (await page.locator('.attribute-panel').textContent()) ?? '';
    expect(attributes).toContain(' ha · ');
    expect(attributes.match(/[\u4e00-\u9fff]+/g)).toBeNull();
    await page.click('[data-tab="issues"]');
    await currentChecks(page);
    for (const panel of ['.layer-panel', '.issues-panel', '.status-bar']) {
      const text = (await page.locator(panel).first().textContent()) ?? '';
      expect(text.match(/[\u4e00-\u9fff]+/g), panel).toBeNull();
    }
    await clickAction(page, 'language');
    expect(session.errors).toEqual([]);
  });
});
