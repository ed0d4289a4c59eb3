/**
 * A survey layer GDAL wrote as RFC 7946 GeoJSON (7 decimals of a degree, ~1 cm): the sample village's
 * parcels through `ogr2ogr -lco RFC7946=YES`. The dialog says how the file was rounded and what that does,
 * and offers "对齐拓扑" with the tolerance the rounding needs (20 mm, not 1 mm); ticked, the imported
 * parcels give the same gap and overlap findings as the sample's own parcels at full precision, where
 * aligned at 1 mm they gave gaps and overlaps along the village boundary that were only the rounding.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlanText } from '../../src/domain/plan-file.ts';
import { layerFeatures } from '../../src/domain/plan.ts';
import { writeGeoJson } from '../../src/io/formats/geojson.format.ts';
import { surveyLayerFromParcels } from '../../src/io/survey/survey-layer.ts';
import { gdal, skipWithoutGdal } from '../support/gdal.ts';
import { launch, openEditor, type Session } from './support/browser.ts';
import { clickAction } from './support/toolbar.ts';
import { currentChecks } from './support/import-layer.ts';

let session: Session;
let page: Page;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vp-io-coarse-e2e-'));
  session = await launch();
  page = session.page;
  await openEditor(page);
});

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The sample village's parcels as GDAL writes them in RFC 7946 GeoJSON. */
function rfc7946Survey(): string {
  const parsed = parsePlanText(readFileSync('samples/sample-village.plan.json', 'utf8'));
  if (!parsed.ok) throw new Error('sample');
  const full = writeGeoJson(surveyLayerFromParcels(layerFeatures(parsed.value, 'base')), { exactCoordinates: true });
  if (!full.ok) throw new Error('write');
  writeFileSync(join(dir, 'full.geojson'), full.value[0]!.bytes);
  const file = join(dir, '三调地类图斑-RFC7946.geojson');
  gdal('ogr2ogr', ['-f', 'GeoJSON', '-lco', 'RFC7946=YES', file, join(dir, 'full.geojson')]);
  return file;
}

/** Gap and overlap findings once the check caught up with the plan. */
async function coverageFindings(): Promise<number> {
  return (await currentChecks(page, 120_000)).filter((i) => i.rule === 'no-gap' || i.rule === 'no-overlap').length;
}

describe.skipIf(skipWithoutGdal('ogr2ogr'))('importing a survey GDAL rounded to 7 decimals', () => {
  it('says so, offers alignment at 20 mm, and ticked, adds no gap or overlap the full-precision parcels did not have', async () => {
    const file = rfc7946Survey();
    const before = await coverageFindings();

    await clickAction(page, 'import');
    await page.setInputFiles('[data-testid="import-file"]', file);
    await page.waitForSelector('[data-testid="import-align-topology"]', { timeout: 120_000 });
    expect(await page.textContent('[data-testid="import-align"]')).toContain('对齐拓扑（容差 20 毫米）');
    const notes = (await page.textContent('[data-testid="import-dialog"]')) ?? '';
    expect(notes).toContain('的经纬度只保留了 7 位小数：顶点因取整最多偏离 7.8 毫米');
    expect(notes).toContain('对齐拓扑的容差因此取 20 毫米');

    await page.check('[data-testid="import-align-topology"]');
    await page.waitForSelector('[data-testid="import-align-topology"]:checked', { timeout: 120_000 });
    await page.click('[data-testid="import-confirm"]');
    await page.waitForSelector('[data-testid="import-dialog"]', { state: 'detached', timeout: 120_000 });
    expect(await page.textContent('.toasts')).toContain('已对齐拓扑（容差 20 毫米）');
    expect(await coverageFindings()).toBe(before);
    expect(session.errors).toEqual([]);
  });
});
