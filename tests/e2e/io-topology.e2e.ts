/**
 * Aligning an imported survey's topology, with consent: a GeoJSON survey whose parcels are misaligned by
 * fractions of a millimetre (src/io/into-plan/test-support.ts) is read in the worker, the dialog offers
 * "对齐拓扑（容差 1 毫米）" with its figures, and ticked, the imported parcels share their corners exactly
 * (as the automation handle shows); one undoable step, its note says what was done. A survey that is
 * already a coverage gets no such option (io.e2e.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Polygon } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALIGNED_CORNERS, misalignedSurveyGeoJson } from '../../src/io/into-plan/test-support.ts';
import { launch, openEditor, type Session } from './support/browser.ts';
import { clickAction } from './support/toolbar.ts';

let session: Session;
let page: Page;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vp-io-topology-e2e-'));
  session = await launch();
  page = session.page;
  await openEditor(page);
});

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The base parcels' outlines as the automation handle gives them. */
const baseRings = () => page.evaluate(() => window.villagePlan.plan().layers.base.features.map((f) => (f.geometry as Polygon).coordinates[0] as [number, number][]));
const distinctCorners = (rings: readonly [number, number][][]) => new Set(rings.flat().map(([x, y]) => `${x},${y}`)).size;

describe('aligning the topology of an imported survey', () => {
  it('offers the alignment with its figures, and ticked, imports parcels that share their corners exactly', async () => {
    const file = join(dir, '三调地类图斑-未对齐.geojson');
    writeFileSync(file, misalignedSurveyGeoJson());
    const before = (await baseRings()).length;
    expect(before).toBeGreaterThan(1000);

    await clickAction(page, 'import');
    await page.setInputFiles('[data-testid="import-file"]', file);
    await page.waitForSelector('[data-testid="import-align-topology"]', { timeout: 60_000 });
    expect(await page.inputValue('[data-testid="import-target"]')).toBe('base');
    expect(await page.isChecked('[data-testid="import-align-topology"]')).toBe(false);
    expect(await page.textContent('[data-testid="import-align"]')).toContain('对齐拓扑（容差 1 毫米）');
    const figures = (await page.textContent('[data-testid="import-align-figures"]')) ?? '';
    expect(figures).toContain('将对齐 22 个节点，插入 2 个T形节点，闭合 15 条碎缝；最大移动 0.6 毫米');
    // The sample plan has a village boundary: it is the reference, and the dialog says so.
    expect(figures).toContain('村域界线为准');

    // Offered for a partition only: not when the layer is to become the basic farmland.
    await page.selectOption('[data-testid="import-target"]', 'pbf');
    expect(await page.$('[data-testid="import-align-topology"]')).toBeNull();
    await page.selectOption('[data-testid="import-target"]', 'base');

    await page.check('[data-testid="import-align-topology"]');
    // A re-read in the worker: the checkbox comes back ticked with the new preview.
    await page.waitForSelector('[data-testid="import-align-topology"]:checked', { timeout: 60_000 });
    await page.click('[data-testid="import-confirm"]');
    await page.waitForSelector('[data-testid="import-dialog"]', { state: 'detached', timeout: 60_000 });

    const rings = await baseRings();
    expect(rings).toHaveLength(10);
    // 10 parcels of 4 corners (2 with an inserted T-junction vertex) over 18 distinct corners: every
    // corner a neighbour has is the same pair of numbers in both.
    expect(distinctCorners(rings)).toBe(ALIGNED_CORNERS);
    expect(rings.map((r) => r.length - 1).sort()).toEqual([4, 4, 4, 4, 4, 4, 4, 4, 5, 5]);
    expect(await page.textContent('.toasts')).toContain('已对齐拓扑（容差 1 毫米）');

    // One undoable step: undo brings the sample's parcels back.
    await page.keyboard.press('Control+z');
    expect((await baseRings()).length).toBe(before);
    expect(session.errors).toEqual([]);
  });

  it('leaves the parcels as they were read when the alignment is not ticked', async () => {
    const file = join(dir, '三调地类图斑-不对齐.geojson');
    writeFileSync(file, misalignedSurveyGeoJson());
    await clickAction(page, 'import');
    await page.setInputFiles('[data-testid="import-file"]', file);
    await page.waitForSelector('[data-testid="import-align-topology"]', { timeout: 60_000 });
    await page.click('[data-testid="import-confirm"]');
    await page.waitForSelector('[data-testid="import-dialog"]', { state: 'detached', timeout: 60_000 });
    const rings = await baseRings();
    expect(rings).toHaveLength(10);
    expect(distinctCorners(rings)).toBe(40);
    await page.keyboard.press('Control+z');
    expect(session.errors).toEqual([]);
  });
});
