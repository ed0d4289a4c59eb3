/**
 * Starting a 2026 village plan in the browser (issue 15), both ways, each through its review list: from the
 * planner's 2017 plan (文件 → 转为 2026 村庄规划), where the sample's decisions give back the committed 2026
 * sample feature for feature and is kept on this computer; and from a real-looking 三调 DLTB (the generator's parcels clipped to a separate
 * village boundary, every vertex moved up to ±0.3 mm, written as GK Shapefiles in GBK), where the 待细分 groups
 * are decided, the 0702 trap never lands on 0702, and the checks and the base-year total agree with the same
 * conversion run here in Node. A third-party Shapefile without 三调 fields is refused in words a planner reads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_2026_DECISIONS } from '../../scripts/sample/village-2026.ts';
import { ellipsoidalArea } from '../../src/geo/area.ts';
import { importFiles } from '../../src/io/formats/index.ts';
import { parseVillageDatabaseText } from '../../src/io/village-database/database-file.ts';
import { databaseFromSurvey, reviewSurvey } from '../../src/io/village-database/from-survey.ts';
import { surveyLayersOf } from '../../src/io/village-database/survey-layers.ts';
import type { VillageDatabase } from '../../src/profiles/zhejiang-2026/village-database.ts';
import { checkDatabase } from '../../src/rules/ydyh/index.ts';
import { launch, openEditor, type Session } from './support/browser.ts';
import { decide, realLookingSurvey } from './support/database-view.ts';
import { openStartPage } from './support/drafts.ts';

let session: Session;
let page: Page;

const codesByBsm = (db: VillageDatabase, layer: 'JQDLTB' | 'GHDLTB', field: string) => new Map((db.layers[layer]?.features ?? []).map((f) => [String(f.properties['BSM']), String(f.properties[field])]));
const pageDatabase = () => page.evaluate(() => window.villageDatabase?.state().database ?? null);

beforeAll(async () => {
  session = await launch();
  page = session.page;
});

afterAll(async () => {
  await session?.close();
});

describe('a 2026 village plan started in the browser', () => {
  it('turns the 2017 sample plan into the 2026 sample through its review list, kept on this computer at once', async () => {
    await openEditor(page);
    // The sample is stored as a draft first: the conversion reads the draft.
    await page.waitForURL(/\?draft=/);
    await page.click('[data-action="file-menu"]');
    await page.click('[data-action="convert-2026"]');
    await page.waitForSelector('[data-testid="review-list"]', { timeout: 60_000 });
    // Groups without a default hold the confirmation back until each is decided.
    expect(await page.isDisabled('[data-action="confirm-review"]')).toBe(true);
    const keys = await decide(page, SAMPLE_2026_DECISIONS);
    expect(keys).toContain('2122');
    expect(await page.isDisabled('[data-action="confirm-review"]')).toBe(false);
    await page.click('[data-action="confirm-review"]');
    await page.waitForSelector('[data-testid="database-app"][data-checked="true"][data-tabulated="true"]', { timeout: 90_000 });
    // A plan made here is kept on this computer at once: its address is the kept plan's.
    await page.waitForURL(/\?db=/);
    await page.waitForSelector('[data-testid="keep-status"][data-saving="idle"]');

    const made = await pageDatabase();
    const sample = parseVillageDatabaseText(readFileSync('samples/sample-village-2026.database.json', 'utf8'), 'sample');
    if (!made || !sample.ok) throw new Error('no database');
    expect(codesByBsm(made, 'GHDLTB', 'GHDLBM')).toEqual(codesByBsm(sample.value, 'GHDLTB', 'GHDLBM'));
    expect(codesByBsm(made, 'JQDLTB', 'JQDLBM')).toEqual(codesByBsm(sample.value, 'JQDLTB', 'JQDLBM'));
    expect(made.layers.GKBJ?.features.length).toBe(sample.value.layers.GKBJ?.features.length);
    expect(await page.evaluate(() => window.villageDatabase?.state().check?.summary.errors)).toBe(0);

    expect(session.errors).toEqual([]);
  });

  it('starts a 2026 plan from a real-looking 三调 DLTB: decides its 待细分 groups, never codes 0702 as 0702, and counts as Node does', async () => {
    const files = realLookingSurvey();
    await openStartPage(page);
    await page.setInputFiles('[data-testid="survey-files"]', files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.bytes) })));
    await page.waitForSelector('[data-testid="review-list"]', { timeout: 60_000 });

    // The same review and decisions in Node.
    const read = importFiles(files);
    const layers = read.ok ? surveyLayersOf(read.value) : read;
    if (!layers.ok) throw new Error(layers.error.key);
    const review = reviewSurvey(layers.value.dltb);
    if (!review.ok) throw new Error(review.error.key);
    const decisions = Object.fromEntries(review.value.groups.map((g) => [g.key, g.suggested ?? (g.candidates.at(-1) as string)]));
    const keys = await decide(page, decisions);
    if (process.env.E2E_SHOT) await page.screenshot({ path: '/tmp/review.png', fullPage: true });
    expect(keys.sort()).toEqual(review.value.groups.map((g) => g.key).sort());
    await page.click('[data-action="confirm-review"]');
    await page.waitForSelector('[data-testid="database-app"][data-checked="true"][data-tabulated="true"]', { timeout: 90_000 });

    const expected = databaseFromSurvey(layers.value.dltb, decisions, { boundary: layers.value.boundary });
    if (!expected.ok) throw new Error(expected.error.key);
    const made = await pageDatabase();
    if (!made) throw new Error('no database');
    expect(codesByBsm(made, 'JQDLTB', 'JQDLBM')).toEqual(codesByBsm(expected.value, 'JQDLTB', 'JQDLBM'));
    expect([...codesByBsm(made, 'JQDLTB', 'JQDLBM').values()]).not.toContain('0702');
    expect(await page.evaluate(() => window.villageDatabase?.state().check?.summary)).toEqual(checkDatabase(expected.value).summary);
    // The base-year total of the structure table is the parcels' ellipsoidal area.
    const parcelsHa = layers.value.dltb.features.reduce((sum, f) => sum + (f.geometry && f.geometry.type !== 'Point' && f.geometry.type !== 'MultiPoint' && f.geometry.type !== 'LineString' ? ellipsoidalArea(f.geometry as Parameters<typeof ellipsoidalArea>[0]) : 0), 0) / 10_000;
    const total = await page.evaluate(() => window.villageDatabase?.state().tables?.structure.rows.find((r) => r.row.kind === 'total')?.values.base ?? null);
    expect(Math.abs((total ?? 0) - parcelsHa)).toBeLessThan(1e-6);
  });

  it('refuses a third-party Shapefile that is no 三调 DLTB, saying which fields it has', async () => {
    const dir = '../shared/fixtures/third-party/zhejiang-districts-utf8-noprj';
    await openStartPage(page);
    await page.setInputFiles('[data-testid="survey-files"]', readdirSync(dir).map((name) => join(dir, name)));
    const error = page.locator('[data-testid="database-error"]');
    await error.waitFor({ timeout: 60_000 });
    expect(await error.textContent()).toMatch(/DLBM/);
  });
});
