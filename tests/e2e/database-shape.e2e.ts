/**
 * Splitting and merging planned parcels in the 2026 database view: the 2026 sample kept on this computer,
 * a paddy picked by a real click and split by a line drawn with real clicks (按线分割: one parcel more,
 * the village total unchanged to 0.01 m²), undone; two adjacent parcels of one class picked with
 * Shift+click and merged (合并: one parcel fewer, the merged one the two areas' sum), undone. Which parcels
 * and which line are chosen here with the same commands, so the case is one the sample really has.
 */
import type { LineString } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdit } from '../../src/commands/village-database/database-edit.ts';
import { mergeParcels } from '../../src/commands/village-database/merge-parcels.command.ts';
import { splitParcels } from '../../src/commands/village-database/split-parcels.command.ts';
import { ellipsoidalArea } from '../../src/geo/area.ts';
import { bboxIntersects, geometryBBox } from '../../src/geo/bbox.ts';
import type { VillageDatabase, VillageFeature } from '../../src/profiles/zhejiang-2026/village-database.ts';
import { isAreaGeometry } from '../../src/rules/ydyh/database-parcels.ts';
import { launch, type Session } from './support/browser.ts';
import { clickDatabaseMap, insidePoint, keepPlan, openSample2026, readSample2026, whenChecked, whenSaved } from './support/database-view.ts';

interface SplitCase {
  readonly parcel: VillageFeature;
  readonly line: [number, number][];
}

let session: Session;
let page: Page;
let splitting: SplitCase;
let merging: [VillageFeature, VillageFeature];

const areaOf = (f: VillageFeature | undefined) => (f && isAreaGeometry(f.geometry) ? ellipsoidalArea(f.geometry) : 0);
const parcelsOf = (db: VillageDatabase) => db.layers.GHDLTB?.features ?? [];
const layerM2 = (db: VillageDatabase) => parcelsOf(db).reduce((sum, f) => sum + areaOf(f), 0);
const largest = (db: VillageDatabase, count: number) => [...parcelsOf(db)].sort((a, b) => areaOf(b) - areaOf(a)).slice(0, count);

/**
 * A large paddy and a straight line through its middle, past its edges by a fifth of its size, that splits
 * it in two fair pieces (neither under a fifth) and keeps the layer's area to well under 0.01 m², so a line
 * clicked a pixel off does too.
 */
function splitCase(db: VillageDatabase): SplitCase {
  for (const parcel of largest(db, 60).filter((f) => f.properties['GHDLBM'] === '0101')) {
    if (!isAreaGeometry(parcel.geometry)) continue;
    const [w, s, e, n] = geometryBBox(parcel.geometry);
    const [cx, cy] = insidePoint(parcel);
    const line: [number, number][] = e - w >= n - s ? [[w - (e - w) * 0.2, cy], [e + (e - w) * 0.2, cy]] : [[cx, s - (n - s) * 0.2], [cx, n + (n - s) * 0.2]];
    const result = splitParcels(db, [parcel.ref], { type: 'LineString', coordinates: line } satisfies LineString);
    if (!result.ok || result.value.params['pieces'] !== 2) continue;
    const edited = applyEdit(db, result.value, 'forward');
    const smaller = Math.min(...parcelsOf(edited).filter((f) => f.ref === parcel.ref || !parcelsOf(db).some((g) => g.ref === f.ref)).map(areaOf));
    if (smaller >= areaOf(parcel) / 5 && Math.abs(layerM2(edited) - layerM2(db)) < 0.002) return { parcel, line };
  }
  throw new Error('no paddy of the sample splits cleanly');
}

/** Two large parcels of one class side by side, away from `avoid`, that merge into one whose area is their sum. */
function mergeCase(db: VillageDatabase, avoid: VillageFeature): [VillageFeature, VillageFeature] {
  const candidates = largest(db, 80).filter((f) => f !== avoid && isAreaGeometry(f.geometry));
  for (const [i, a] of candidates.entries()) {
    for (const b of candidates.slice(i + 1)) {
      if (a.properties['GHDLBM'] !== b.properties['GHDLBM'] || !isAreaGeometry(a.geometry) || !isAreaGeometry(b.geometry)) continue;
      if (!bboxIntersects(geometryBBox(a.geometry), geometryBBox(b.geometry))) continue;
      const result = mergeParcels(db, [a.ref, b.ref]);
      if (!result.ok) continue;
      const merged = parcelsOf(applyEdit(db, result.value, 'forward')).find((f) => f.ref === a.ref);
      if (Math.abs(areaOf(merged) - areaOf(a) - areaOf(b)) < 0.002) return [a, b];
    }
  }
  throw new Error('no two adjacent parcels of one class in the sample');
}

const parcelCount = () => page.evaluate(() => window.villageDatabase?.state().database?.layers.GHDLTB?.features.length ?? -1);
/** The village's planned total in the structure table, in m². */
const totalM2 = () => page.evaluate(() => (window.villageDatabase?.state().tables?.structure.rows.find((r) => r.row.kind === 'total')?.values.target ?? NaN) * 10_000);
const featureOf = (ref: string) => page.evaluate((r) => window.villageDatabase?.state().database?.layers.GHDLTB?.features.find((f) => f.ref === r) ?? null, ref);

beforeAll(async () => {
  session = await launch();
  page = session.page;
  const sample = readSample2026();
  splitting = splitCase(sample);
  merging = mergeCase(sample, splitting.parcel);
});

afterAll(async () => {
  await session?.close();
});

describe('splitting and merging planned parcels', () => {
  it('keeps the sample on this computer and splits a picked paddy by a line drawn on the map; undo puts it back', async () => {
    const { parcel, line } = splitting;
    await openSample2026(page);
    await keepPlan(page);
    const count = await parcelCount();
    const total = await totalM2();

    await clickDatabaseMap(page, insidePoint(parcel));
    await expect.poll(() => page.getAttribute('[data-testid="database-feature"]', 'data-ref')).toBe(parcel.ref);
    // Esc stops drawing before anything is drawn.
    await page.click('[data-action="split-parcels"]');
    await page.waitForSelector('[data-testid="split-hint"]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="split-hint"]', { state: 'detached' });
    expect(await parcelCount()).toBe(count);

    const [start, end] = line as [[number, number], [number, number]];
    await page.click('[data-action="split-parcels"]');
    await page.waitForSelector('[data-testid="split-hint"]');
    await clickDatabaseMap(page, start);
    await clickDatabaseMap(page, end);
    // A click on the last point again finishes the line.
    await clickDatabaseMap(page, end);
    await expect.poll(parcelCount).toBe(count + 1);
    await page.waitForSelector('[data-testid="split-hint"]', { state: 'detached' });
    await whenChecked(page);
    await expect.poll(async () => Math.abs((await totalM2()) - total)).toBeLessThan(0.01);
    expect(await page.isVisible('[data-testid="edit-said"].error')).toBe(false);

    await page.click('[data-action="undo"]');
    await expect.poll(parcelCount).toBe(count);
    await whenChecked(page);
    await expect.poll(async () => Math.abs((await totalM2()) - total)).toBeLessThan(0.01);
    await whenSaved(page);
    expect(session.errors).toEqual([]);
  });

  it('merges two adjacent parcels of one class picked with Shift+click: one fewer, the merged one their sum; undo puts them back', async () => {
    const [first, second] = merging;
    const count = await parcelCount();
    const total = await totalM2();
    await clickDatabaseMap(page, insidePoint(first));
    await expect.poll(() => page.getAttribute('[data-testid="database-feature"]', 'data-ref')).toBe(first.ref);
    await clickDatabaseMap(page, insidePoint(second), true);
    await expect.poll(() => page.getAttribute('[data-testid="database-feature"]', 'data-count')).toBe('2');
    await page.click('[data-action="merge-parcels"]');
    await expect.poll(parcelCount).toBe(count - 1);
    const merged = await featureOf(first.ref);
    expect(Math.abs(areaOf(merged ?? undefined) - areaOf(first) - areaOf(second))).toBeLessThan(0.01);
    expect(merged?.properties['BSM']).toBe(first.properties['BSM']);
    expect(await featureOf(second.ref)).toBeNull();
    await whenChecked(page);
    await expect.poll(async () => Math.abs((await totalM2()) - total)).toBeLessThan(0.01);

    await page.click('[data-action="undo"]');
    await expect.poll(parcelCount).toBe(count);
    expect(areaOf((await featureOf(second.ref)) ?? undefined)).toBeCloseTo(areaOf(second), 6);
    await whenSaved(page);
    expect(session.errors).toEqual([]);
  });
});
