/**
 * CAD drawings in the editor: a DXF picked in the import dialog is read in the worker, its CAD layers are
 * shown with a guess of where each goes, the planner maps one more layer with the pick-lists (the
 * confirm button waits until the class is chosen), and the import is one undoable step; 导出 DXF
 * downloads the plan as a drawing that our reader and GDAL read back; the help panel shows the licences.
 *
 * Every test starts on a new draft of the sample village (`?plan=`, served by the test).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/io/formats/index.ts';
import { gdal, skipWithoutGdal } from '../support/gdal.ts';
import { launch, openEditor, type Session } from './support/browser.ts';
import { E2E_ORIGIN } from './support/origin.ts';
import { clickAction } from './support/toolbar.ts';

const SAMPLE_PATH = 'e2e-io-dxf/sample.plan.json';
const DRAWING = 'tests/fixtures/dxf/r12-hand.dxf';
let session: Session;
let page: Page;
let dir: string;
let errorsBefore = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vp-io-dxf-e2e-'));
  session = await launch();
  page = session.page;
  const sample = readFileSync('samples/sample-village.plan.json');
  await session.context.route(`${E2E_ORIGIN}${SAMPLE_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: sample }));
});

beforeEach(async () => {
  await openEditor(page, `?plan=/${SAMPLE_PATH}`);
  errorsBefore = session.errors.length;
});

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Props = Record<string, unknown>;
const layer = (name: 'base' | 'boundary') => page.evaluate((n) => window.villagePlan.plan().layers[n].features.map((f) => f.properties as Props), name);

describe('CAD drawings in the editor', () => {
  it('imports a DXF through the dialog, layer by layer, in one undoable step', async () => {
    const before = (await layer('base')).length;
    await clickAction(page, 'import');
    await page.setInputFiles('[data-testid="import-file"]', DRAWING);
    await page.waitForSelector('[data-testid="dxf-mapping"]', { timeout: 60_000 });
    const preview = await page.textContent('[data-testid="import-preview"]');
    expect(preview).toContain('r12-hand.dxf');
    expect(preview).toContain('EPSG:4528');
    expect(preview).toContain('由线段围成');
    // The guesses: parcels with classes from their labels, the boundary from its four lines, the pond left out.
    expect(await page.inputValue('select[aria-label="导入为 地类图斑"]')).toBe('base');
    expect(await page.inputValue('select[aria-label="地类 / 代码 地类图斑"]')).toBe('labels');
    expect(await page.inputValue('select[aria-label="导入为 村界"]')).toBe('boundary');
    expect(await page.inputValue('select[aria-label="导入为 水塘"]')).toBe('skip');
    expect(await page.isDisabled('select[aria-label="导入为 道路"]')).toBe(true);

    // The pond becomes a parcel: confirm waits until its class is chosen.
    await page.selectOption('select[aria-label="导入为 水塘"]', 'base');
    await page.waitForSelector('[data-testid="dxf-undecided"]');
    expect(await page.isDisabled('[data-testid="import-confirm"]')).toBe(true);
    await page.selectOption('select[aria-label="地类 / 代码 水塘"]', '153');
    expect(await page.$('[data-testid="dxf-undecided"]')).toBeNull();
    await page.click('[data-testid="import-confirm"]');
    await page.waitForSelector('[data-testid="import-dialog"]', { state: 'detached', timeout: 60_000 });

    const parcels = await layer('base');
    expect(parcels.map((p) => [p.parcelNo, p.classCode])).toEqual([
      ['T1', '111'],
      ['T2', '113'],
      ['T3', '12'],
      ['T4', '2121'],
      ['T5', '153'],
    ]);
    expect(await layer('boundary')).toHaveLength(1);
    expect(await page.evaluate(() => window.villagePlan.history().undo.at(-1))).toBe('io.ui.importStep');
    await page.keyboard.press('Control+z');
    expect((await layer('base')).length).toBe(before);
    expect(session.errors.slice(errorsBefore)).toEqual([]);
  });

  it('refuses a truncated drawing with a message and changes nothing', async () => {
    const before = (await layer('base')).length;
    await clickAction(page, 'import');
    await page.setInputFiles('[data-testid="import-file"]', 'tests/fixtures/dxf/truncated.dxf');
    await page.waitForSelector('[data-testid="import-error"]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="import-error"]')).toContain('不完整');
    await page.click('[data-testid="import-cancel"]');
    expect((await layer('base')).length).toBe(before);
  });

  it('shows the licences in the help panel’s 关于与许可, loaded when opened', async () => {
    await page.keyboard.press('F1');
    await page.click('[data-testid="about"] summary');
    await page.waitForSelector('[data-testid="third-party-notices"]', { timeout: 30_000 });
    const text = await page.textContent('[data-testid="third-party-notices"]');
    expect(text).toContain('MIT License');
    expect(text).toMatch(/maplibre-gl@\S+ {2}BSD-3-Clause/);
    expect(text).toContain('dxf-parser@');
    await page.keyboard.press('Escape');
  });

  let exported: string | undefined;
  it('exports the plan as DXF, which our reader reads back', async () => {
    const waiting = page.waitForEvent('download', { timeout: 120_000 });
    await clickAction(page, 'export-dxf');
    const download = await waiting;
    expect(download.suggestedFilename()).toMatch(/村土地利用规划\.dxf$/);
    exported = join(dir, 'plan.dxf');
    await download.saveAs(exported);
    const read = importFiles([{ name: 'plan.dxf', bytes: new Uint8Array(readFileSync(exported)) }]);
    expect(read.ok).toBe(true);
    const layers = new Set(read.ok ? read.value[0]!.features.map((f) => f.properties.Layer) : []);
    expect(layers.has('基期地类图斑_111_水田')).toBe(true);
    expect(layers.has('村域界线')).toBe(true);
  });

  it.skipIf(skipWithoutGdal('ogrinfo'))('exports a DXF that GDAL reads, with the layer names in Chinese', async () => {
    if (!exported) {
      const waiting = page.waitForEvent('download', { timeout: 120_000 });
      await clickAction(page, 'export-dxf');
      exported = join(dir, 'plan.dxf');
      await (await waiting).saveAs(exported);
    }
    const info = gdal('ogrinfo', ['-q', '-al', '-geom=NO', exported, '-where', "Layer = '基期地类图斑_注记'"]);
    expect(info).toMatch(/Text \(String\) = \S+/);
    const summary = gdal('ogrinfo', ['-so', '-al', exported]);
    expect(summary).toMatch(/Feature Count: \d{4,}/);
  });
});
