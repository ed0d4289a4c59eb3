/**
 * GCJ-02 caught in the import dialog (issue 12). A basic-farmland GeoJSON made here from some of the
 * sample village's base parcels, shifted by the published GCJ-02 formula (gcoord), carries no name or
 * field that says so: the dialog notices it sits at the offset from the base parcels, says by how much
 * beside the conversion checkbox, and ticked, the imported parcels lie on the ones they were made from.
 * A DataV-style district file is offered the conversion by its fields; a layer that already fits is not.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import gcoord from 'gcoord';
import type { Geometry, Polygon, Position } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localLengthMetres } from '../../src/geo/local-metric.ts';
import { mapGeometry } from '../../src/io/crs/reproject.ts';
import { launch, openEditor, type Session } from './support/browser.ts';
import { clickAction } from './support/toolbar.ts';

let session: Session;
let page: Page;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vp-io-gcj02-e2e-'));
  session = await launch();
  page = session.page;
  await openEditor(page);
});

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

const toGcj02 = (p: Position): Position => gcoord.transform([p[0] as number, p[1] as number], gcoord.WGS84, gcoord.GCJ02);

/** Forty of the base parcels the page holds, as it holds them. */
const someBaseParcels = () => page.evaluate(() => window.villagePlan.plan().layers.base.features.slice(400, 440).map((f) => f.geometry as Polygon));
const pbfOutlines = () => page.evaluate(() => window.villagePlan.plan().layers.pbf.features.map((f) => f.geometry as Polygon));

/** A FeatureCollection file of basic farmland (JBNTLX) with these geometries. */
function farmlandFile(name: string, geometries: readonly Geometry[]): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: geometries.map((geometry) => ({ type: 'Feature', properties: { JBNTLX: 'G111' }, geometry })) }));
  return file;
}

async function openImport(file: string): Promise<void> {
  await clickAction(page, 'import');
  await page.setInputFiles('[data-testid="import-file"]', file);
  await page.waitForSelector('[data-testid="import-preview"]', { timeout: 60_000 });
}

async function closeImport(): Promise<void> {
  await page.click('[data-testid="import-cancel"]');
  await page.waitForSelector('[data-testid="import-dialog"]', { state: 'detached' });
}

describe('GCJ-02 in the import dialog', () => {
  it('notices a layer at the GCJ-02 offset from the base parcels, explains it, and converted, imports it onto them', async () => {
    const sources = await someBaseParcels();
    expect(sources).toHaveLength(40);
    const farmlandBefore = (await pbfOutlines()).length;
    await openImport(farmlandFile('永久基本农田.geojson', sources.map((g) => mapGeometry(g, toGcj02))));

    const explained = (await page.textContent('[data-testid="import-gcj02-offset"]')) ?? '';
    expect(explained).toContain('该图层与基期地类图斑相差约');
    expect(explained).toContain('恰好是 GCJ-02（火星坐标）偏移；转换后吻合');
    const metres = Number(/相差约 ([\d,]+) 米/.exec(explained)?.[1]?.replace(',', ''));
    expect(metres).toBeGreaterThan(300);
    expect(metres).toBeLessThan(700);
    // Nothing in the file's name or fields said so: no name-based note.
    expect(await page.textContent('[data-testid="import-preview"]')).not.toContain('可能来自网络地图');
    expect(await page.isChecked('[data-testid="import-gcj02"]')).toBe(false);

    await page.check('[data-testid="import-gcj02"]');
    // A re-read in the worker: the checkbox comes back ticked, and the explanation stays.
    await page.waitForSelector('[data-testid="import-gcj02"]:checked', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="import-gcj02-offset"]')).toContain('转换后吻合');
    await page.selectOption('[data-testid="import-target"]', 'pbf');
    await page.click('[data-testid="import-confirm"]');
    await page.waitForSelector('[data-testid="import-dialog"]', { state: 'detached', timeout: 60_000 });

    const imported = await pbfOutlines();
    expect(imported).toHaveLength(sources.length);
    // Every imported vertex lies on a vertex of the parcel it was made from (gcoord's inverse: ~0.1 m).
    const offsets = imported.flatMap((g, i) => g.coordinates.flat().map((p) => Math.min(...(sources[i] as Polygon).coordinates.flat().map((q) => localLengthMetres(p, q)))));
    expect(offsets.length).toBeGreaterThan(150);
    expect(Math.max(...offsets)).toBeLessThan(1);

    // One undoable step: undo brings the sample's basic farmland back.
    await page.keyboard.press('Control+z');
    expect((await pbfOutlines()).length).toBe(farmlandBefore);
    expect(session.errors).toEqual([]);
  });

  it('offers the conversion for a DataV-style district file, by its fields', async () => {
    // A district of DataV.GeoAtlas's layout around the sample village (120.74°E 30.46°N).
    const ring = [[120.70, 30.43], [120.78, 30.43], [120.79, 30.48], [120.72, 30.50], [120.70, 30.43]];
    const properties = { adcode: 330481, name: '海宁市', center: [120.688821, 30.525544], centroid: [120.6, 30.4], childrenNum: 12, level: 'district', parent: { adcode: 330400 }, subFeatureIndex: 4, acroutes: [100000, 330000, 330400] };
    const file = join(dir, '330481.json');
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties, geometry: { type: 'MultiPolygon', coordinates: [[ring]] } }] }));
    await openImport(file);
    expect(await page.isVisible('[data-testid="import-gcj02"]')).toBe(true);
    expect(await page.textContent('[data-testid="import-preview"]')).toContain('可能来自网络地图');
    // The fields say it, not the offset: a district boundary does not follow the parcels.
    expect(await page.$('[data-testid="import-gcj02-offset"]')).toBeNull();
    await closeImport();
  });

  it('offers nothing for a layer that already sits on the base parcels', async () => {
    await openImport(farmlandFile('基本农田-已对齐.geojson', await someBaseParcels()));
    expect(await page.$('[data-testid="import-gcj02"]')).toBeNull();
    expect(await page.$('[data-testid="import-gcj02-offset"]')).toBeNull();
    await closeImport();
    expect(session.errors).toEqual([]);
  });
});
