/**
 * A village boundary from another survey: the county's 三调 parcels (support/county-survey.ts) with their
 * village boundary moved 0.4 m east and 0.25 m south, as another survey's XZQ or an old map brought over
 * with other parameters lies. Every parcel along one side then reaches out in a thin strip, each an
 * inside-village error of its own; the issues panel says first, once, that the boundary is off, so the
 * planner checks where it came from instead of editing the parcels one by one.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Polygon, Position } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { positionsBBox } from '../../src/geo/bbox.ts';
import { focusAt, launchEmptyVillage, mapIdle, type Session } from './support/browser.ts';
import { countySurvey, countySurveyZips } from './support/county-survey.ts';
import { currentChecks, importLayerFile } from './support/import-layer.ts';

const PLAN_PATH = 'e2e-boundary-misaligned/empty.plan.json';
const SHIFT_M: Position = [0.4, -0.25];

let session: Session;
let page: Page;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vp-boundary-misaligned-e2e-'));
  const survey = countySurvey();
  // On the plane of EPSG:4549, where the survey is written: a shift in metres.
  const boundary: Polygon = { type: 'Polygon', coordinates: survey.boundary.coordinates.map((ring) => ring.map((p) => [(p[0] as number) + SHIFT_M[0]!, (p[1] as number) + SHIFT_M[1]!])) };
  const zips = countySurveyZips({ ...survey, boundary });
  writeFileSync(join(dir, '村界.zip'), zips.boundary);
  writeFileSync(join(dir, '三调地类图斑.zip'), zips.dltb);
  session = await launchEmptyVillage(PLAN_PATH);
  page = session.page;
});

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a village boundary from another survey', () => {
  it('is named once, first in the issues panel, as the cause of the parcels reaching out', async () => {
    await importLayerFile(page, join(dir, '村界.zip'), 'boundary');
    await importLayerFile(page, join(dir, '三调地类图斑.zip'), 'base');
    const issues = await currentChecks(page);
    const outside = issues.filter((i) => i.rule === 'inside-village' && i.severity === 'error');
    const causes = issues.filter((i) => i.messageKey === 'rules.inside-village.misaligned');
    expect(outside.length).toBeGreaterThanOrEqual(5);
    expect(causes).toHaveLength(1);
    expect(causes[0]).toMatchObject({ severity: 'warning', layer: 'base', summarises: outside.length });

    await page.click('[data-tab="issues"]');
    await page.waitForSelector('[data-testid="issue-causes"]', { timeout: 60_000 });
    const callout = (await page.textContent('[data-testid="issue-causes"]')) ?? '';
    expect(callout).toContain('多处问题的共同原因');
    expect(callout).toContain(`村域界线与“基期地类图斑”整体错位：${outside.length} 个要素沿村界超出`);
    // Above the errors it explains, which start unfolded.
    const [calloutTop, errorsTop] = await Promise.all(['[data-testid="issue-causes"]', '.issue-group.error'].map((s) => page.locator(s).evaluate((e) => e.getBoundingClientRect().top)));
    expect(calloutTop).toBeLessThan(errorsTop!);
  });

  it('zooms from the callout to the stretches of boundary the parcels reach out along', async () => {
    // The boundary as the editor holds it (lon/lat): moved east and south, it leaves the parcels reaching out
    // along its western and northern half, from its west-most vertex round to its north-most one.
    const boundary = await page.evaluate(() => window.villagePlan.plan().layers.boundary);
    const ring = boundary.features.flatMap((f) => (f.geometry as Polygon).coordinates[0] ?? []) as [number, number][];
    const [west, south, east, north] = positionsBBox(ring);
    const westMost = ring.find((p) => p[0] === west)!;
    const northMost = ring.find((p) => p[1] === north)!;
    const middle: [number, number] = [(west + east) / 2, (south + north) / 2];
    // Close in on the middle of the village, where no part of the boundary is in view.
    await focusAt(page, middle, 500);
    const canvas = await page.locator('[data-testid="map"] canvas').boundingBox();
    if (!canvas) throw new Error('no map canvas');
    const onScreen = (p: { x: number; y: number } | null) => p !== null && p.x >= 0 && p.y >= 0 && p.x <= canvas.width && p.y <= canvas.height;
    const shown = () => page.evaluate(([w, n]) => [window.villagePlan.project(w as [number, number]), window.villagePlan.project(n as [number, number])], [westMost, northMost]);
    expect((await shown()).some(onScreen)).toBe(false);

    await page.click('[data-testid="issue-causes"] [data-action="show-cause"]');
    await expect.poll(async () => (await shown()).every(onScreen), { timeout: 20_000 }).toBe(true);
    await mapIdle(page);
    // Fitted to those stretches: the map's middle is north-west of the village's, and they fill the map (the
    // outline has lobes, whose flanks facing west or north reach out too: the stretches' box is most of the village).
    const centre = await page.evaluate(([x, y]) => window.villagePlan.unproject([x!, y!]), [canvas.width / 2, canvas.height / 2]);
    expect(centre![0]).toBeLessThan(middle[0]);
    expect(centre![1]).toBeGreaterThan(middle[1]);
    const [w, n] = await shown();
    expect(Math.max(n!.x - w!.x, w!.y - n!.y)).toBeGreaterThan(Math.min(canvas.width, canvas.height) / 4);
    // And highlighted as the finding in focus.
    expect(await page.locator('[data-testid="issue-causes"] p.focused').count()).toBe(1);
  });
});
