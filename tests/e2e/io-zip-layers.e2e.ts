/**
 * A county's one zip holding several layers (support/county-survey.ts: the 三调 DLTB in `三调/` and the
 * 村界, GBK without .cpg, EPSG:4549 as ESRI WKT), with an ArcGIS export's strays and a .dbf-only table:
 * the import dialog lists each layer with its shape type, count and CRS, the planner looks at the boundary
 * and imports both with one click as one undo step. A second zip whose 村界 .dbf is damaged names that
 * layer's problem and still imports the survey. Before, only the zip's first layer was imported.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { damaged, strays } from '../../src/app/import/test-support.ts';
import type { OutputFile } from '../../src/io/files.ts';
import { readZip } from '../../src/io/zip/zip-read.ts';
import { writeZip } from '../../src/io/zip/zip-write.ts';
import { launchEmptyVillage, mapIdle, type Session } from './support/browser.ts';
import { countySurvey, countySurveyZips } from './support/county-survey.ts';
import { clickAction } from './support/toolbar.ts';

const PLAN_PATH = 'e2e-zip-layers/empty.plan.json';
const survey = countySurvey();
let session: Session;
let page: Page;
let dir: string;

/** The county's two zips' members in one zip, as a township's export tool writes it. */
function oneZip(extra: readonly OutputFile[], level: 0 | 6): Uint8Array {
  const zips = countySurveyZips(survey);
  const members = [zips.dltb, zips.boundary].flatMap((bytes) => {
    const read = readZip({ name: 'z', bytes });
    if (!read.ok) throw new Error(read.error.key);
    return read.value.files.map((f) => ({ name: f.name.slice('z/'.length), bytes: f.bytes }));
  });
  return writeZip([...members, ...extra], level);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vp-zip-layers-e2e-'));
  writeFileSync(join(dir, '南湖村三调成果.zip'), oneZip(strays(), 6));
  writeFileSync(join(dir, '南湖村损坏.zip'), damaged(oneZip([], 0), '村界.dbf'));
  session = await launchEmptyVillage(PLAN_PATH);
  page = session.page;
});

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

const counts = () => page.evaluate(() => ({ base: window.villagePlan.plan().layers.base.features.length, boundary: window.villagePlan.plan().layers.boundary.features.length }));
const row = (name: string) => page.locator(`[data-testid="import-layer-row"][data-name="${name}"]`);

/** The dialog opened on a zip, every layer read (no row still reading). */
async function pickZip(file: string): Promise<void> {
  await clickAction(page, 'import');
  await page.setInputFiles('[data-testid="import-file"]', join(dir, file));
  await page.waitForSelector('[data-testid="import-layers"]', { timeout: 60_000 });
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="import-layer-status"]')].every((s) => !/读取中/.test(s.textContent ?? '')), null, { timeout: 60_000 });
}

describe('a zip holding several layers', () => {
  it('lists every layer with its shape type, count and CRS, and imports the ticked ones as one undo step', async () => {
    await pickZip('南湖村三调成果.zip');
    const names = await page.locator('[data-testid="import-layer-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));
    expect(names).toEqual(['三调/DLTB.shp', '村界.shp', '权属单位.shp']);
    const cells = async (name: string) => row(name).locator('td').allTextContents();
    const dltb = await cells('三调/DLTB.shp');
    expect(dltb[2]).toBe('Polygon');
    expect(dltb[3]).toBe(String(survey.parcels.length));
    expect(dltb[4]).toContain('EPSG:4549');
    expect((await cells('村界.shp'))[3]).toBe('1');
    expect(await row('权属单位.shp').locator('[data-testid="import-layer-status"]').textContent()).toContain('只有属性表');
    expect(await row('权属单位.shp').locator('[data-testid="import-layer-include"]').isDisabled()).toBe(true);
    expect(await page.textContent('[data-testid="import-layers"]')).toContain('说明.doc');
    expect(await page.textContent('[data-testid="import-layers"]')).not.toContain('.sbn');
    // The targets the single-layer import guesses, ticked.
    expect(await row('三调/DLTB.shp').locator('[data-testid="import-layer-target"]').inputValue()).toBe('base');
    expect(await row('村界.shp').locator('[data-testid="import-layer-target"]').inputValue()).toBe('boundary');
    expect(await row('三调/DLTB.shp').locator('[data-testid="import-layer-include"]').isChecked()).toBe(true);
    // The boundary's own preview, on request.
    await row('村界.shp').locator('[data-testid="import-layer-show"]').click();
    expect(await page.inputValue('[data-testid="import-preview"] [data-testid="import-target"]')).toBe('boundary');
    expect(await page.textContent('[data-testid="import-preview"]')).toContain('村界.shp');

    const undoBefore = (await page.evaluate(() => window.villagePlan.history())).undo.length;
    await page.click('[data-testid="import-confirm"]');
    await page.waitForSelector('[data-testid="import-dialog"]', { state: 'detached', timeout: 60_000 });
    expect(await counts()).toEqual({ base: survey.parcels.length, boundary: 1 });
    // GBK without .cpg: the language byte read for each layer.
    expect(await page.evaluate(() => window.villagePlan.plan().layers.boundary.features[0]?.properties?.villageName)).toBe('南湖村');
    expect((await page.evaluate(() => window.villagePlan.history())).undo).toHaveLength(undoBefore + 1);
    await page.keyboard.press('Control+z');
    await mapIdle(page);
    expect(await counts()).toEqual({ base: 0, boundary: 0 });
    expect(session.errors).toEqual([]);
  });

  it('names a damaged member and imports the layer that is good', async () => {
    await pickZip('南湖村损坏.zip');
    const status = await row('村界.shp').locator('[data-testid="import-layer-status"]').textContent();
    expect(status).toContain('已损坏');
    expect(status).toContain('村界.dbf');
    expect(await row('村界.shp').locator('[data-testid="import-layer-include"]').isChecked()).toBe(false);
    await page.click('[data-testid="import-confirm"]');
    await page.waitForSelector('[data-testid="import-dialog"]', { state: 'detached', timeout: 60_000 });
    expect(await counts()).toEqual({ base: survey.parcels.length, boundary: 0 });
    expect(session.errors).toEqual([]);
  });
});
