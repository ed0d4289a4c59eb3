/**
 * Xian 1980 data through the import dialog (issue 12): a Shapefile in Xian 1980 3° GK zone 40 (the `.prj`
 * as ArcGIS writes it) is not refused but asks for the county's parameters; seven parameters pasted with
 * the coordinate-frame convention and a control point show its residual; imported, a vertex lands where
 * GDAL puts it with the same parameters (within 1 cm). The parameters are kept with the plan: after a
 * reload (and with the browser's per-county memory cleared) a second file imports without the question,
 * its preview naming the parameters used. A CAD drawing of the old survey (no CRS of its own) is declared
 * Xian 1980 in the preview and lands where GDAL puts it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Polygon } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xianSquares } from '../../src/io/crs/test-support.ts';
import { DATUM_MEMORY_KEY } from '../../src/app/import/datum-memory.ts';
import { gdal, skipWithoutGdal } from '../support/gdal.ts';
import { launch, mapIdle, openEditor, type Session } from './support/browser.ts';
import { waitSaved } from './support/drafts.ts';
import { clickAction } from './support/toolbar.ts';

const noGdal = skipWithoutGdal('gdaltransform');
let session: Session;
let page: Page;
let dir: string;

// Seven parameters as a county publishes them (coordinate frame), and the same for GDAL in PROJ's
// position-vector form (rotations with their signs flipped).
const PASTED = 'X平移=-52.3412\nY平移=-15.7021\nZ平移=46.2153\nX旋转=1.23456\nY旋转=-2.34567\nZ旋转=3.45678\n尺度=-2.5';
const TOWGS84_PV = '-52.3412,-15.7021,46.2153,-1.23456,2.34567,-3.45678,-2.5';
const XIAN_ZONE_40 = '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=IAU76 +units=m +no_defs';
const CGCS2000_ZONE_40 = '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0 +units=m +no_defs';
const CORNER = [40_450_000, 3_300_000] as const;

/** GDAL's transformation of a point (the corner), into `to` (x y). */
function gdalCorner(to: string, [x, y]: readonly [number, number] = CORNER): [number, number] {
  const out = gdal('gdaltransform', ['-s_srs', `${XIAN_ZONE_40} +towgs84=${TOWGS84_PV}`, '-t_srs', to, '-output_xy'], `${x} ${y}\n`);
  return out.trim().split(/\s+/).map(Number) as [number, number];
}

function writeShapefile(name: string, corners: readonly (readonly [number, number])[]): string[] {
  return xianSquares(name, corners.map((c) => [...c])).map((f) => {
    const path = join(dir, f.name);
    writeFileSync(path, f.bytes);
    return path;
  });
}

const redlineRings = () => page.evaluate(() => window.villagePlan.plan().layers.redline.features.map((f) => (f.geometry as Polygon).coordinates[0] as [number, number][]));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vp-io-datum-e2e-'));
  session = await launch();
  page = session.page;
  await openEditor(page);
});

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Xian 1980 data with the county’s parameters', () => {
  it.skipIf(noGdal)('asks for the parameters, shows a control point’s residual, and imports where GDAL puts the vertices', async () => {
    await waitSaved(page);
    await clickAction(page, 'import');
    await page.setInputFiles('[data-testid="import-file"]', writeShapefile('红线-西安80', [CORNER]));
    await page.waitForSelector('[data-testid="datum-request"]', { timeout: 60_000 });
    const request = (await page.textContent('[data-testid="datum-request"]')) ?? '';
    expect(request).toContain('西安80');
    expect(request).toContain('自然资源和规划局');
    expect(await page.$('[data-testid="import-error"]')).toBeNull();
    expect(await page.isDisabled('[data-testid="datum-apply"]')).toBe(true);

    await page.fill('[data-testid="datum-text"]', PASTED);
    await page.check('[data-testid="datum-coordinateFrame"]');
    expect(await page.textContent('[data-testid="datum-read"]')).toContain('ΔX=-52.3412 m');
    // A control point whose CGCS2000 coordinates GDAL gives, written 3 cm further north.
    const [east, north] = gdalCorner(CGCS2000_ZONE_40);
    await page.click('[data-testid="datum-form"] summary');
    await page.fill('[data-testid="datum-control"]', `K1 ${CORNER[1]} ${CORNER[0]} ${(north + 0.03).toFixed(4)} ${east.toFixed(4)}`);
    await page.waitForSelector('[data-testid="datum-residual"]');
    const row = (await page.textContent('[data-testid="datum-residual"]')) ?? '';
    expect(row).toContain('K1');
    expect(row).toContain('-0.030');
    expect(await page.textContent('[data-testid="datum-rms"]')).toContain('0 个点超过 0.1 m');

    await page.click('[data-testid="datum-apply"]');
    await page.waitForSelector('[data-testid="import-preview"]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="datum-used"]')).toContain('西安80 → CGCS2000');
    expect(await page.textContent('[data-testid="import-preview"]')).toContain('七参数（坐标框架）');
    await page.selectOption('[data-testid="import-target"]', 'redline');
    await page.click('[data-testid="import-confirm"]');
    await page.waitForSelector('[data-testid="import-dialog"]', { state: 'detached', timeout: 60_000 });

    const [lon, lat] = gdalCorner('+proj=longlat +ellps=GRS80 +towgs84=0,0,0 +no_defs');
    const rings = await redlineRings();
    expect(rings).toHaveLength(1);
    const nearest = Math.min(...(rings[0] ?? []).map(([x, y]) => Math.hypot((x - lon) * 111_320 * Math.cos((lat * Math.PI) / 180), (y - lat) * 110_574)));
    expect(nearest).toBeLessThan(0.01);
    const meta = await page.evaluate(() => window.villagePlan.plan().meta);
    expect(meta.datumParameters).toEqual([{ datum: 'xian1980', transformation: expect.objectContaining({ kind: 'sevenParameter', dx: -52.3412, convention: 'coordinateFrame' }) }]);
    expect(await page.evaluate((key) => localStorage.getItem(key), DATUM_MEMORY_KEY)).toContain('-52.3412');
    expect(session.errors).toEqual([]);
  });

  it.skipIf(noGdal)('after a reload, imports the next Xian 1980 file with the plan’s parameters, without asking', async () => {
    await waitSaved(page);
    // The plan's own copy is what counts here, not this browser's memory of the county.
    await page.evaluate((key) => localStorage.removeItem(key), DATUM_MEMORY_KEY);
    await page.reload();
    await page.waitForSelector('.app[data-ready="true"]', { timeout: 60_000 });
    await mapIdle(page);

    await clickAction(page, 'import');
    await page.setInputFiles('[data-testid="import-file"]', writeShapefile('红线-西安80-二', [CORNER, [CORNER[0] + 200, CORNER[1] + 100]]));
    await page.waitForSelector('[data-testid="import-preview"]', { timeout: 60_000 });
    expect(await page.$('[data-testid="datum-request"]')).toBeNull();
    expect(await page.textContent('[data-testid="datum-used"]')).toContain('ΔX=-52.3412 m');
    await page.selectOption('[data-testid="import-target"]', 'redline');
    await page.click('[data-testid="import-confirm"]');
    await page.waitForSelector('[data-testid="import-dialog"]', { state: 'detached', timeout: 60_000 });
    const rings = await redlineRings();
    expect(rings).toHaveLength(2);
    const [lon, lat] = gdalCorner('+proj=longlat +ellps=GRS80 +towgs84=0,0,0 +no_defs');
    expect(rings.flat().some(([x, y]) => Math.abs(x - lon) < 1e-7 && Math.abs(y - lat) < 1e-7)).toBe(true);
    expect(session.errors).toEqual([]);
  });

  it.skipIf(noGdal)('a CAD drawing of the old survey: its system chosen in the preview (the numbers look like CGCS2000), Beijing 1954 asked for, Xian 1980 read with the plan’s parameters', async () => {
    const start = [CORNER[0] + 300, CORNER[1] + 300] as const;
    const corners = [start, [start[0] + 100, start[1]], [start[0] + 100, start[1] + 100], [start[0], start[1] + 100]].map(([x, y]) => `10\n${x}\n20\n${y}\n`).join('');
    const path = join(dir, 'cass-西安80.dxf');
    writeFileSync(path, `0\nSECTION\n2\nHEADER\n9\n$ACADVER\n1\nAC1015\n0\nENDSEC\n0\nSECTION\n2\nENTITIES\n0\nLWPOLYLINE\n5\nA1\n8\nHX\n90\n4\n70\n1\n${corners}0\nENDSEC\n0\nEOF\n`);
    await clickAction(page, 'import');
    await page.setInputFiles('[data-testid="import-file"]', path);
    await page.waitForSelector('[data-testid="dxf-mapping"]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="import-preview"]')).toContain('CGCS2000');

    // Beijing 1954: no parameters known, so they are asked for; the choice stays at hand to go back.
    await page.selectOption('[data-testid="import-crs"]', '2416');
    await page.waitForSelector('[data-testid="datum-request"]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="datum-request"]')).toContain('北京54');
    await page.selectOption('[data-testid="import-crs"]', '2364');
    await page.waitForSelector('[data-testid="dxf-mapping"]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="import-preview"]')).toContain('七参数（坐标框架）');
    expect(await page.inputValue('[data-testid="import-crs"]')).toBe('2364');

    await page.selectOption('select[aria-label="导入为 HX"]', 'redline');
    await page.click('[data-testid="import-confirm"]');
    await page.waitForSelector('[data-testid="import-dialog"]', { state: 'detached', timeout: 60_000 });
    // A drawing's layer replaces the plan's (dxf-import-command.ts): the red line is the drawing's square.
    const rings = await redlineRings();
    expect(rings).toHaveLength(1);
    const [lon, lat] = gdalCorner('+proj=longlat +ellps=GRS80 +towgs84=0,0,0 +no_defs', start);
    expect(rings.at(-1)!.some(([x, y]) => Math.abs(x - lon) < 1e-7 && Math.abs(y - lat) < 1e-7), JSON.stringify(rings.at(-1))).toBe(true);
    expect(session.errors).toEqual([]);
  });
});

