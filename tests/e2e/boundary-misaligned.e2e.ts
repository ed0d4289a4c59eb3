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
import { launchEmptyVillage, type Session } from './support/browser.ts';
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
});
