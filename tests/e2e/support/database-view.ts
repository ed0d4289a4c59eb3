/**
 * Driving the 2026 database view: the 2026 sample opened and kept on this computer, a real-looking 三调
 * export to start from, the review list's decisions, a point to click inside a parcel, a real click there on
 * its map, and the wheel zooming in on a spot.
 */
import { readFileSync } from 'node:fs';
import type { Position } from 'geojson';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { generateVillagePlan } from '../../../scripts/sample/generate.ts';
import { clipToSeparateBoundary, jitterVertices } from '../../../scripts/sample/real-looking.ts';
import { layerFeatures } from '../../../src/domain/plan.ts';
import { geometryBBox } from '../../../src/geo/bbox.ts';
import { pointInAreaGeometry } from '../../../src/geo/point-in-ring.ts';
import type { InputFile } from '../../../src/io/files.ts';
import { parseVillageDatabaseText } from '../../../src/io/village-database/database-file.ts';
import { writeShapefile } from '../../../src/io/formats/shapefile-write.ts';
import { surveyLayerFromParcels } from '../../../src/io/survey/survey-layer.ts';
import type { VillageDatabase, VillageFeature } from '../../../src/profiles/zhejiang-2026/village-database.ts';
import { isAreaGeometry } from '../../../src/rules/ydyh/database-parcels.ts';
import { E2E_ORIGIN } from './origin.ts';

/** The 2026 sample as the page reads it, for a test to compute what the page should show. */
export function readSample2026(): VillageDatabase {
  const read = parseVillageDatabaseText(readFileSync('samples/sample-village-2026.database.json', 'utf8'), 'sample');
  if (!read.ok) throw new Error(read.error.key);
  return read.value;
}

/** Resolves once the worker has checked and tabulated the plan shown. */
export const whenChecked = (page: Page) => page.waitForSelector('[data-testid="database-app"][data-checked="true"][data-tabulated="true"]', { timeout: 90_000 });

/** Resolves once the plan kept on this computer has no save pending. */
export const whenSaved = (page: Page) => page.waitForSelector('[data-testid="keep-status"][data-saving="idle"]', { timeout: 20_000 });

/** Opens the 2026 sample from the start page's link and waits for its first check. */
export async function openSample2026(page: Page): Promise<void> {
  await page.goto(`${E2E_ORIGIN}?database=sample`);
  await whenChecked(page);
}

/** Keeps the plan shown on this computer (only a kept plan can be edited) and waits for the first save. */
export async function keepPlan(page: Page): Promise<void> {
  await page.click('[data-action="keep"]');
  await page.waitForURL(/\?db=/);
  await whenSaved(page);
}

/**
 * A 三调 export: the generator's base parcels clipped to a separate boundary and jittered, as DLTB and XZQ
 * Shapefiles. The generator's DLTB names only the owner (QSDWDM), not the 坐落单位 (ZLDWDM): the conversion
 * numbers the plan from QSDWDM, and the edits take the village's code from those numbers.
 */
export function realLookingSurvey(): InputFile[] {
  const clipped = clipToSeparateBoundary(generateVillagePlan({ seed: 2017, parcels: 500 }), { seed: 1 }).plan;
  const plan = jitterVertices(clipped, { seed: 1 }).plan;
  const dltb = surveyLayerFromParcels(layerFeatures(plan, 'base'));
  const boundary = { name: 'XZQ', geometryType: 'polygon' as const, fields: [{ name: 'XZQDM', type: 'C' as const, length: 12, decimals: 0 }], features: layerFeatures(plan, 'boundary').map((f) => ({ geometry: f.geometry, properties: { XZQDM: plan.meta.villageCode } })) };
  const files: InputFile[] = [];
  for (const layer of [dltb, boundary]) {
    const written = writeShapefile(layer, { encoding: 'gbk', date: new Date(Date.UTC(2026, 0, 1)) });
    if (!written.ok) throw new Error(written.error.key);
    files.push(...written.value);
  }
  return files;
}

/** Chooses each group's code in the review list; the groups' keys as listed. */
export async function decide(page: Page, decisions: Readonly<Record<string, string>>): Promise<string[]> {
  const keys = await page.$$eval('[data-testid="review-list"] tr[data-group]', (rows) => rows.map((row) => row.getAttribute('data-group') ?? ''));
  for (const key of keys) {
    const code = decisions[key];
    if (code) await page.selectOption(`[data-testid="decide-${key}"]`, code);
  }
  return keys;
}

/** A point well inside a parcel: the first grid point of its box that lies in it, away from its edges. */
export function insidePoint(feature: VillageFeature): [number, number] {
  const geometry = feature.geometry;
  if (!isAreaGeometry(geometry)) throw new Error('not an area');
  const [w, s, e, n] = geometryBBox(geometry);
  for (let i = 3; i < 8; i++) {
    for (let j = 3; j < 8; j++) {
      const p: Position = [w + ((e - w) * i) / 10, s + ((n - s) * j) / 10];
      if (pointInAreaGeometry(p, geometry) === 'inside') return p as [number, number];
    }
  }
  throw new Error(`no inside point for ${feature.ref}`);
}

/** Clicks the database map at a lon/lat once it has drawn; Shift held when asked (adds to the picked features). */
export async function clickDatabaseMap(page: Page, lonLat: [number, number], shift = false): Promise<void> {
  await page.evaluate(() => window.villageDatabase?.idle());
  const local = await page.evaluate((p) => window.villageDatabase?.project(p) ?? null, lonLat);
  const box = await page.locator('[data-testid="database-map"] canvas').boundingBox();
  if (!local || !box) throw new Error('map not ready');
  if (shift) await page.keyboard.down('Shift');
  await page.mouse.click(box.x + local.x, box.y + local.y);
  if (shift) await page.keyboard.up('Shift');
}

/** Turns the wheel over a lon/lat of the database map, as a planner zooms in on a spot, and waits for the map to settle. */
export async function zoomInAt(page: Page, [lon, lat]: [number, number]): Promise<void> {
  const onScreen = (p: [number, number]) => page.evaluate((q) => window.villageDatabase?.project(q) ?? null, p);
  const box = await page.locator('[data-testid="database-map"] canvas').boundingBox();
  const spot = await onScreen([lon, lat]);
  if (!box || !spot) throw new Error('map not ready');
  // A point 100 m east moves away from the spot as the map zooms in on it.
  const east: [number, number] = [lon + 0.001, lat];
  const eastBefore = await onScreen(east);
  await page.mouse.move(box.x + spot.x, box.y + spot.y);
  await page.mouse.wheel(0, -600);
  await expect.poll(() => onScreen(east), { timeout: 10_000 }).not.toEqual(eastBefore);
  await page.evaluate(() => window.villageDatabase?.idle());
}
