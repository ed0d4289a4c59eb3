/**
 * 标准分幅 from the print dialog (issue 14): the planner opens 输出规划图 on the sample, chooses 标准分幅
 * 1:2000 and makes the PDF; the download holds the sheet index and one page for each 1 km square of the
 * GK plane (zone 40) that the village boundary reaches, counted here from the plan with proj4.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/domain/plan.ts';
import { kmSquaresReached, type Ring } from '../support/km-sheets.ts';
import { launch, openEditor, type Session } from './support/browser.ts';
import { E2E_ORIGIN } from './support/origin.ts';
import { clickAction } from './support/toolbar.ts';

const SAMPLE_PATH = 'e2e-print-sheets/sample.plan.json';
const sampleText = readFileSync('samples/sample-village.plan.json', 'utf8');
const GK_ZONE_40 = '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
let session: Session;
let page: Page;
let dir: string;

/** The sheets the boundary reaches: its rings projected to zone 40, then the 1 km squares with land in them. */
function expectedSheets(): string[] {
  const plan = JSON.parse(sampleText) as Plan;
  const [boundary] = Object.values(plan.layers.boundary);
  if (boundary?.geometry.type !== 'Polygon') throw new Error('the sample’s boundary is one polygon');
  const toGk = proj4('+proj=longlat +ellps=GRS80 +no_defs', GK_ZONE_40);
  const rings: Ring[] = boundary.geometry.coordinates.map((ring) => ring.map((p) => toGk.forward([p[0] as number, p[1] as number]) as [number, number]));
  return kmSquaresReached(rings).map(([e, n]) => `${(n / 1000).toFixed(1)}-${((e - 40_000_000) / 1000).toFixed(1)}`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'print-sheets-'));
  session = await launch();
  page = session.page;
  await session.context.route(`${E2E_ORIGIN}${SAMPLE_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: sampleText }));
  await openEditor(page, `?plan=/${SAMPLE_PATH}`);
}, 180_000);

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** 输出规划图, from the toolbar's 公示 menu. */
async function openPrintDialog(): Promise<void> {
  await clickAction(page, 'open-print');
  await page.waitForSelector('[data-field="layout"]');
}

describe('printing the 1:2000 standard sheets', () => {
  it('makes one PDF: the sheet index, then one page per 1 km square the boundary reaches', async () => {
    await openPrintDialog();
    await page.selectOption('[data-field="layout"]', 'standard');
    // The series' scale is 1:2000 and its sheet 50 × 50 cm: neither is the planner's to change.
    expect(await page.locator('[data-field="scale"]').inputValue()).toBe('2000');
    expect(await page.locator('[data-field="scale"]').isDisabled()).toBe(true);
    expect(await page.locator('[data-field="paper"]').isDisabled()).toBe(true);
    expect(await page.locator('[data-action="print-jpg"]').isDisabled()).toBe(true);
    await page.fill('[data-field="date"]', '2026-11-01');

    const waiting = page.waitForEvent('download', { timeout: 120_000 });
    await page.click('[data-action="print-pdf"]');
    const file = await waiting;
    const pdf = join(dir, file.suggestedFilename());
    await file.saveAs(pdf);
    expect(file.suggestedFilename()).toBe('沈家埭村土地利用规划图-标准分幅-1比2000.pdf');

    const sheets = expectedSheets();
    expect(sheets.length).toBeGreaterThan(1);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(new RegExp(`Pages:\\s+${sheets.length + 1}\\n`));
    expect(info).toMatch(/Title:\s+沈家埭村土地利用规划图（1:2000 标准分幅）/);
    expect(info).toMatch(/Producer:\s+Village Plan\n/);
    expect(info).toMatch(/CreationDate:.*Nov\s+1 .*2026/);
    const index = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
    for (const number of sheets) expect(index).toContain(number);
    expect(await page.locator('[data-testid="print-done"]').textContent()).toContain(`共 ${sheets.length + 1} 页`);
    expect(session.errors).toEqual([]);
    await page.keyboard.press('Escape');
  }, 240_000);
});
