/**
 * A planner's whole 2026 journey in one page session (issue 15), on a real-looking 三调 DLTB (the generator's
 * parcels clipped to a separate village boundary, jittered, GK Shapefiles in GBK, 坐落单位代码 filled as the 三调
 * has it): the plan started from the start page through its review list and kept; a change of class drawn
 * across parcels with real clicks, the structure table and the checks following; a paddy split by a line; the
 * 管控边界 derived and a 村庄弹性发展区 drawn by hand, the 国土空间管控表 following; the package exported and
 * read back by GDAL and exceljs; the notice published and opened offline on a phone, where a tap on the drawn
 * land reads it in plain words. Every expected figure is computed here in Node, with the same conversion and
 * commands, from the survey or from what the page holds at that step.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import type { LineString, Polygon } from 'geojson';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdit } from '../../src/commands/village-database/database-edit.ts';
import { deriveControlBoundaries } from '../../src/commands/village-database/derive-control-boundaries.command.ts';
import { drawOverPlan } from '../../src/commands/village-database/draw-over-plan.command.ts';
import { splitParcels } from '../../src/commands/village-database/split-parcels.command.ts';
import type { AreaGeometry } from '../../src/domain/features.ts';
import { ellipsoidalArea } from '../../src/geo/area.ts';
import { bboxIntersects, geometryBBox, type BBox } from '../../src/geo/bbox.ts';
import { intersection } from '../../src/geo/overlay.ts';
import { pointInAreaGeometry } from '../../src/geo/point-in-ring.ts';
import type { InputFile } from '../../src/io/files.ts';
import { importFiles } from '../../src/io/formats/index.ts';
import { DATABASE_TABLE_FILE_NAMES } from '../../src/io/village-database/database-tables-xlsx.ts';
import { databaseFromSurvey, reviewSurvey } from '../../src/io/village-database/from-survey.ts';
import { surveyLayersOf } from '../../src/io/village-database/survey-layers.ts';
import { readZip } from '../../src/io/zip/zip-read.ts';
import type { VillageDatabase, VillageFeature } from '../../src/profiles/zhejiang-2026/village-database.ts';
import { isAreaGeometry } from '../../src/rules/ydyh/database-parcels.ts';
import { computeDatabaseTables } from '../../src/rules/ydyh/database-tables.ts';
import { checkDatabase } from '../../src/rules/ydyh/index.ts';
import { gdal, skipWithoutGdal } from '../support/gdal.ts';
import { CHROMIUM_ARGS, launch, type Session } from './support/browser.ts';
import { clickDatabaseMap, decide, insidePoint, realLookingSurvey, zoomInAt } from './support/database-view.ts';
import { openStartPage } from './support/drafts.ts';

/** The class the planner draws: 零售商业用地, a row of the Zhejiang table the survey leaves empty. */
const DRAWN_CODE = '090101';
/** The 管控边界 type drawn by hand: 村庄弹性发展区. */
const FLEXIBLE = '0302';
const FARMING = '0201';

let session: Session;
let page: Page;
let phoneBrowser: Browser | undefined;
let dir: string;
let files: InputFile[];
let decisions: Record<string, string>;
let converted: VillageDatabase;
/** The square drawn over parcels, from the largest paddy's middle out: the change of class. */
let changeRing: [number, number][];
/** The box of the paddy split, kept off when the 村庄弹性发展区 is drawn. */
let splitBox: BBox;
let noticeFile: string;

const areaOf = (f: VillageFeature | undefined) => (f && isAreaGeometry(f.geometry) ? ellipsoidalArea(f.geometry) : 0);
const parcelsOf = (db: VillageDatabase) => db.layers.GHDLTB?.features ?? [];
const paddiesOf = (db: VillageDatabase) => parcelsOf(db).filter((f) => f.properties['GHDLBM'] === '0101').sort((a, b) => areaOf(b) - areaOf(a));
const drawnOf = (db: VillageDatabase) => parcelsOf(db).filter((f) => f.properties['GHDLBM'] === DRAWN_CODE);
const codesByBsm = (db: VillageDatabase) => new Map(parcelsOf(db).map((f) => [String(f.properties['BSM']), String(f.properties['GHDLBM'])]));
const squareAround = ([cx, cy]: [number, number], half: number): [number, number][] => [[cx - half, cy - half], [cx + half, cy - half], [cx + half, cy + half], [cx - half, cy + half]];
const polygonOf = (ring: [number, number][]): Polygon => ({ type: 'Polygon', coordinates: [[...ring, ring[0] as [number, number]]] });
const boxOf = (ring: [number, number][]): BBox => geometryBBox(polygonOf(ring));

const checked = () => page.waitForSelector('[data-testid="database-app"][data-checked="true"][data-tabulated="true"]', { timeout: 90_000 });
const kept = () => page.waitForSelector('[data-testid="keep-status"][data-saving="idle"]', { timeout: 20_000 });
async function pageDatabase(): Promise<VillageDatabase> {
  const db = await page.evaluate(() => window.villageDatabase?.state().database ?? null);
  if (!db) throw new Error('no database in the page');
  return db;
}
const pageSummary = () => page.evaluate(() => window.villageDatabase?.state().check?.summary ?? null);
const structureTarget = (key: string) => page.evaluate((k) => window.villageDatabase?.state().tables?.structure.rows.find((r) => r.row.key === k)?.values.target ?? NaN, key);
const controlHa = (key: string) => page.evaluate((k) => window.villageDatabase?.state().tables?.control?.find((row) => row.key === k)?.areaHa ?? null, key);
const shownNumber = async (selector: string) => Number((await page.textContent(selector))?.replaceAll(',', ''));
/** Sums of MJ by GKBJ type in the page. */
const gkbjM2 = () =>
  page.evaluate(() => {
    const m2: Record<string, number> = {};
    for (const f of window.villageDatabase?.state().database?.layers.GKBJ?.features ?? []) m2[String(f.properties['GKBJLXDM'])] = (m2[String(f.properties['GKBJLXDM'])] ?? 0) + Number(f.properties['MJ'] ?? 0);
    return m2;
  });

/** The checks of the page's database as computed here, shown in the page's state and on the issues tab's badges. */
async function expectChecksFollow(): Promise<void> {
  const expected = checkDatabase(await pageDatabase()).summary;
  await expect.poll(pageSummary, { timeout: 30_000 }).toEqual(expected);
  await expect.poll(() => page.textContent('[data-tab="issues"] .badge.error')).toBe(String(expected.errors));
  expect(await page.textContent('[data-tab="issues"] .badge.warning')).toBe(String(expected.warnings));
}

/** A large paddy away from `avoid` and a straight line across its middle that splits it in two fair pieces (neither under a fifth). */
function splitCase(db: VillageDatabase, avoid: BBox): { parcel: VillageFeature; line: [number, number][] } {
  for (const parcel of paddiesOf(db).slice(0, 30)) {
    if (!isAreaGeometry(parcel.geometry) || bboxIntersects(geometryBBox(parcel.geometry), avoid)) continue;
    const [w, s, e, n] = geometryBBox(parcel.geometry);
    const [cx, cy] = insidePoint(parcel);
    const line: [number, number][] = e - w >= n - s ? [[w - (e - w) * 0.2, cy], [e + (e - w) * 0.2, cy]] : [[cx, s - (n - s) * 0.2], [cx, n + (n - s) * 0.2]];
    const result = splitParcels(db, [parcel.ref], { type: 'LineString', coordinates: line } satisfies LineString);
    if (!result.ok || result.value.params['pieces'] !== 2) continue;
    const pieces = parcelsOf(applyEdit(db, result.value, 'forward')).filter((f) => f.ref === parcel.ref || !parcelsOf(db).some((g) => g.ref === f.ref));
    if (Math.min(...pieces.map(areaOf)) >= areaOf(parcel) / 5) return { parcel, line };
  }
  throw new Error('no paddy splits cleanly');
}

/** A square inside one paddy (on a grid of centres over its box), off the drawn change and the split, lying wholly in the 一般农业空间 (GKBJ 0201). */
function squareInFarming(db: VillageDatabase, avoid: readonly BBox[]): { ring: [number, number][]; m2: number } {
  const farming = db.layers.GKBJ?.features.filter((f) => f.properties['GKBJLXDM'] === FARMING).flatMap((f) => (isAreaGeometry(f.geometry) ? [f.geometry] : [])) ?? [];
  // The dissolved 管控边界 differ from the parcels by a few cm² at their jittered vertices.
  const whollyIn = (square: Polygon, area: AreaGeometry) => {
    const inside = intersection(square, area);
    return inside.ok && inside.value !== null && Math.abs(ellipsoidalArea(inside.value) - ellipsoidalArea(square)) < ellipsoidalArea(square) * 1e-5;
  };
  for (const paddy of paddiesOf(db).slice(0, 30)) {
    if (!isAreaGeometry(paddy.geometry)) continue;
    const box = geometryBBox(paddy.geometry);
    if (avoid.some((b) => bboxIntersects(box, b))) continue;
    const [w, s, e, n] = box;
    for (let i = 2; i <= 8; i++) {
      for (let j = 2; j <= 8; j++) {
        const ring = squareAround([w + ((e - w) * i) / 10, s + ((n - s) * j) / 10], Math.min(e - w, n - s) * 0.2);
        const square = polygonOf(ring);
        if (whollyIn(square, paddy.geometry) && farming.some((area) => whollyIn(square, area))) return { ring, m2: ellipsoidalArea(square) };
      }
    }
  }
  throw new Error('no square fits in a paddy of the 一般农业空间');
}

/** Clicks an export button and saves what it downloads in the test folder. */
async function download(action: string, name: string): Promise<string> {
  const waiting = page.waitForEvent('download', { timeout: 120_000 });
  await page.click(`[data-action="${action}"]`);
  const path = join(dir, name);
  await (await waiting).saveAs(path);
  return path;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'database-journey-'));
  files = realLookingSurvey();
  const read = importFiles(files);
  const layers = read.ok ? surveyLayersOf(read.value) : read;
  if (!layers.ok) throw new Error(layers.error.key);
  const review = reviewSurvey(layers.value.dltb);
  if (!review.ok) throw new Error(review.error.key);
  decisions = Object.fromEntries(review.value.groups.map((g) => [g.key, g.suggested ?? (g.candidates.at(-1) as string)]));
  const made = databaseFromSurvey(layers.value.dltb, decisions, { boundary: layers.value.boundary });
  if (!made.ok) throw new Error(made.error.key);
  converted = made.value;
  const [largest] = paddiesOf(converted);
  if (!largest || !isAreaGeometry(largest.geometry)) throw new Error('no paddy');
  // From the paddy's middle to past its north-east corner (at the village's zoom, corners ~80 px apart): it cuts the paddy and its neighbours.
  const [cx, cy] = insidePoint(largest);
  changeRing = squareAround([cx + 0.0004, cy + 0.0004], 0.0004);
  session = await launch();
  page = session.page;
});

afterAll(async () => {
  await session?.close();
  await phoneBrowser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a planner’s 2026 journey on a real-looking 三调 DLTB', () => {
  it('starts the plan from the DLTB and XZQ: the 待细分 groups decided, the plan checked, tabulated and kept', async () => {
    await openStartPage(page);
    await page.setInputFiles('[data-testid="survey-files"]', files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.bytes) })));
    await page.waitForSelector('[data-testid="review-list"]', { timeout: 60_000 });
    const keys = await decide(page, decisions);
    expect(keys.sort()).toEqual(Object.keys(decisions).sort());
    await page.click('[data-action="confirm-review"]');
    await checked();
    await page.waitForURL(/\?db=/);
    await kept();
    expect(codesByBsm(await pageDatabase())).toEqual(codesByBsm(converted));
    await expectChecksFollow();
    expect(session.errors).toEqual([]);
  });

  it('draws a change of class across parcels with real clicks: the structure table’s target and the checks follow, the total stays', async () => {
    const totalBefore = await structureTarget('total');
    const parcelsBefore = parcelsOf(await pageDatabase()).length;
    await page.selectOption('[data-testid="draw-code"]', DRAWN_CODE);
    await page.click('[data-action="draw-change"]');
    for (const corner of changeRing) await clickDatabaseMap(page, corner);
    await clickDatabaseMap(page, changeRing[0] as [number, number]);
    await expect.poll(async () => drawnOf(await pageDatabase()).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    await checked();
    const db = await pageDatabase();
    expect(parcelsOf(db).length).toBeGreaterThan(parcelsBefore);

    // The same drawing in Node: the clicks land on whole pixels, so the drawn land is the intended one to a few per cent.
    const intended = drawOverPlan(converted, polygonOf(changeRing), DRAWN_CODE);
    if (!intended.ok) throw new Error(intended.error.key);
    const intendedM2 = drawnOf(applyEdit(converted, intended.value, 'forward')).reduce((sum, f) => sum + areaOf(f), 0);
    const drawnM2 = drawnOf(db).reduce((sum, f) => sum + areaOf(f), 0);
    expect(Math.abs(drawnM2 - intendedM2) / intendedM2).toBeLessThan(0.03);

    const row = computeDatabaseTables(db).structure.rows.find((r) => r.row.key === DRAWN_CODE);
    expect(row?.values.target ?? NaN).toBeCloseTo(drawnM2 / 10_000, 6);
    await expect.poll(() => structureTarget(DRAWN_CODE), { timeout: 30_000 }).toBeCloseTo(row?.values.target ?? NaN, 6);
    // Cutting moves land between classes, never loses it (to 0.01 m²).
    expect(Math.abs((await structureTarget('total')) - totalBefore) * 10_000).toBeLessThan(0.01);
    await expectChecksFollow();
    await page.click('[data-tab="tables"]');
    // The table shows its printed figure (尾数平差: within a hundredth of the unrounded one, rows adding up to their subtotal).
    expect(Math.abs((row?.printed.target ?? NaN) - (row?.values.target ?? NaN))).toBeLessThan(0.01 + 1e-9);
    expect(await shownNumber(`[data-table="structure"] tr[data-row="${DRAWN_CODE}"] td[data-value="target"]`)).toBeCloseTo(row?.printed.target ?? NaN, 6);
    await kept();
    expect(session.errors).toEqual([]);
  });

  it('splits a picked paddy by a line drawn on the map: one parcel more, the total unchanged', async () => {
    const db = await pageDatabase();
    const { parcel, line } = splitCase(db, boxOf(changeRing));
    if (!isAreaGeometry(parcel.geometry)) throw new Error('not an area');
    splitBox = geometryBBox(parcel.geometry);
    const totalM2 = (await structureTarget('total')) * 10_000;
    await clickDatabaseMap(page, insidePoint(parcel));
    await expect.poll(() => page.getAttribute('[data-testid="database-feature"]', 'data-ref')).toBe(parcel.ref);
    await page.click('[data-action="split-parcels"]');
    await page.waitForSelector('[data-testid="split-hint"]');
    const [start, end] = line as [[number, number], [number, number]];
    await clickDatabaseMap(page, start);
    await clickDatabaseMap(page, end);
    // A click on the last point again finishes the line.
    await clickDatabaseMap(page, end);
    await expect.poll(async () => parcelsOf(await pageDatabase()).length).toBe(parcelsOf(db).length + 1);
    await checked();
    await expect.poll(async () => Math.abs((await structureTarget('total')) * 10_000 - totalM2)).toBeLessThan(0.01);
    await expectChecksFollow();
    await kept();
    expect(session.errors).toEqual([]);
  });

  it('derives the 管控边界 from the planned parcels and draws a 村庄弹性发展区 by hand: the 国土空间管控表 follows', async () => {
    const before = await pageDatabase();
    const derived = deriveControlBoundaries(before);
    if (!derived.ok) throw new Error(derived.error.key);
    const expectedM2: Record<string, number> = {};
    for (const f of (derived.value.features ?? []).flatMap((c) => (c.after ? [c.after] : []))) expectedM2[String(f.properties['GKBJLXDM'])] = (expectedM2[String(f.properties['GKBJLXDM'])] ?? 0) + Number(f.properties['MJ']);
    await page.click('[data-action="derive-gkbj"]');
    await expect.poll(async () => Object.keys(await gkbjM2()).sort(), { timeout: 30_000 }).toEqual(Object.keys(expectedM2).sort());
    await checked();
    const derivedM2 = await gkbjM2();
    for (const [type, m2] of Object.entries(expectedM2)) expect(derivedM2[type]).toBeCloseTo(m2, 1);
    await expect.poll(() => controlHa('total'), { timeout: 30_000 }).toBeCloseTo(Object.values(expectedM2).reduce((a, b) => a + b, 0) / 10_000, 4);
    await expectChecksFollow();
    const total = (await controlHa('total')) ?? NaN;

    const square = squareInFarming(await pageDatabase(), [boxOf(changeRing), splitBox]);
    const [w, s, e, n] = boxOf(square.ring);
    // Zoomed in until the corners lie well beyond the 20 px within which a click closes the polygon.
    const side = async () => {
      const [a, b] = await Promise.all(square.ring.slice(0, 2).map((p) => page.evaluate((q) => window.villageDatabase?.project(q) ?? null, p)));
      return Math.hypot((b?.x ?? 0) - (a?.x ?? 0), (b?.y ?? 0) - (a?.y ?? 0));
    };
    for (let turns = 0; turns < 4 && (await side()) < 60; turns++) await zoomInAt(page, [(w + e) / 2, (s + n) / 2]);
    expect(await side()).toBeGreaterThan(50);
    await page.selectOption('[data-testid="draw-gkbj-type"]', FLEXIBLE);
    await page.click('[data-action="draw-gkbj"]');
    for (const corner of square.ring) await clickDatabaseMap(page, corner);
    await clickDatabaseMap(page, square.ring[0] as [number, number]);
    await expect.poll(async () => (await gkbjM2())[FLEXIBLE] ?? 0, { timeout: 20_000 }).toBeGreaterThan((derivedM2[FLEXIBLE] ?? 0) + square.m2 / 2);
    await checked();
    const after = await gkbjM2();
    const gained = (after[FLEXIBLE] ?? 0) - (derivedM2[FLEXIBLE] ?? 0);
    expect(Math.abs(gained - square.m2) / square.m2).toBeLessThan(0.03);
    // The land moves from 0201 to 0302 (MJ rounded to 0.01 m² each).
    expect(Math.abs((derivedM2[FARMING] ?? 0) - (after[FARMING] ?? 0) - gained)).toBeLessThan(0.05);
    await expect.poll(() => controlHa(FLEXIBLE), { timeout: 30_000 }).toBeCloseTo((after[FLEXIBLE] ?? 0) / 10_000, 4);
    expect(Math.abs(((await controlHa('total')) ?? NaN) - total)).toBeLessThan(1e-4);
    await page.click('[data-tab="tables"]');
    // The table shows its printed figure: 尾数平差 keeps it within a hundredth of the MJ sum, the rows adding up to 合计.
    const printedHa = await page.evaluate((k) => window.villageDatabase?.state().tables?.control?.find((row) => row.key === k)?.printed.areaHa ?? NaN, FLEXIBLE);
    expect(Math.abs(printedHa - (after[FLEXIBLE] ?? 0) / 10_000)).toBeLessThan(0.01 + 1e-9);
    expect(await shownNumber(`[data-table="control"] tr[data-row="${FLEXIBLE}"] td[data-value="area"]`)).toBeCloseTo(printedHa, 6);
    await expectChecksFollow();
    await kept();
    expect(session.errors).toEqual([]);
  });

  // Skipped (not passed) without GDAL; never skipped on CI (tests/support/gdal.ts).
  it.skipIf(skipWithoutGdal('ogrinfo'))('exports the package as Shapefiles GDAL reads, with the drawn parcels, and the tables as .xlsx in 表格/', async () => {
    const db = await pageDatabase();
    const path = await download('export-shapefile', 'package.zip');
    // The export says what it made: the 村级调查区界线 from the CJDCQ boundaries. It stays until closed, and
    // lies over nothing meanwhile: the side panel's tabs still take a click (it once covered them).
    await expect.poll(() => page.textContent('[data-testid="export-said"]')).toContain('CJDCQJX');
    await page.click('[data-tab="tables"]', { timeout: 5_000 });
    await page.click('[data-tab="issues"]', { timeout: 5_000 });
    expect(await page.textContent('[data-testid="export-said"]')).toContain('CJDCQJX');
    await page.click('[data-testid="export-said"] button.link');
    await page.waitForSelector('[data-testid="export-said"]', { state: 'detached' });
    const ghdltb = `/vsizip/${path}/村庄规划数据库/GHDLTB.shp`;
    expect(gdal('ogrinfo', ['-al', '-so', ghdltb])).toContain(`Feature Count: ${parcelsOf(db).length}`);
    expect(gdal('ogrinfo', ['-al', '-so', ghdltb, '-where', `GHDLBM = '${DRAWN_CODE}'`])).toContain(`Feature Count: ${drawnOf(db).length}`);

    const zip = readZip({ name: 'package.zip', bytes: new Uint8Array(readFileSync(path)) }, { wanted: (p) => p.endsWith('.xlsx') });
    if (!zip.ok) throw new Error(zip.error.key);
    const workbook = (name: string) => zip.value.files.find((f) => f.name.endsWith(`/表格/${name}.xlsx`));
    for (const name of Object.values(DATABASE_TABLE_FILE_NAMES)) expect(workbook(name), name).toBeDefined();
    const structure = workbook(DATABASE_TABLE_FILE_NAMES.structure);
    if (!structure) throw new Error('no structure table');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(structure.bytes.buffer.slice(structure.bytes.byteOffset, structure.bytes.byteOffset + structure.bytes.byteLength) as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    // The last row is the 总计; its 规划目标年 面积 (column K) is the page's total, as the tables tab shows it.
    const totalCell = Number(sheet.getCell(sheet.rowCount, 11).value);
    expect(totalCell).toBeCloseTo(await structureTarget('total'), 2);
    expect(totalCell).toBeCloseTo(computeDatabaseTables(db).structure.rows.find((r) => r.row.kind === 'total')?.values.target ?? NaN, 2);
    await page.click('[data-tab="tables"]');
    expect(await shownNumber('[data-table="structure"] tr[data-row="total"] td[data-value="target"]')).toBeCloseTo(totalCell, 2);
  });

  it('publishes the notice; opened offline on a phone, a tap on the drawn land reads it in plain words', async () => {
    await page.click('[data-action="publish-database-notice"]');
    await page.fill('[data-field="startDate"]', '2026-11-01');
    await page.fill('[data-field="endDate"]', '2026-12-01');
    await page.fill('[data-field="issuer"]', '安澜镇人民政府');
    await page.fill('[data-field="contact"]', '安澜镇国土所 王工 0573-1234567');
    await page.fill('[data-field="howToObject"]', '公示期内书面意见交村委会。');
    const waiting = page.waitForEvent('download', { timeout: 120_000 });
    await page.click('[data-action="publish-notice"]');
    const published = await waiting;
    noticeFile = join(dir, published.suggestedFilename());
    await published.saveAs(noticeFile);
    expect(readFileSync(noticeFile, 'utf8')).toContain('"profile":"zhejiang-2026"');

    phoneBrowser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    const context = await phoneBrowser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    await context.setOffline(true);
    const outside: string[] = [];
    await context.route('**/*', (route) => {
      if (/^(file|blob|data):/.test(route.request().url())) return route.continue();
      outside.push(route.request().url());
      return route.abort();
    });
    const phone = await context.newPage();
    const problems: string[] = [];
    phone.on('pageerror', (e) => problems.push(String(e)));
    await phone.goto(pathToFileURL(noticeFile).href);
    await phone.waitForFunction(() => 'noticeViewer' in window, null, { timeout: 60_000 });
    type Viewer = { noticeViewer: { idle(): Promise<void>; project(p: [number, number]): { x: number; y: number } } };
    await phone.evaluate(() => (window as unknown as Viewer).noticeViewer.idle());

    const db = await pageDatabase();
    const [parcel] = drawnOf(db).sort((x, y) => areaOf(y) - areaOf(x));
    if (!parcel) throw new Error('no drawn parcel');
    const at = insidePoint(parcel);
    const inVillageBoundary = (db.layers.GKBJ?.features ?? []).some((f) => ['0301', FLEXIBLE].includes(String(f.properties['GKBJLXDM'])) && isAreaGeometry(f.geometry) && pointInAreaGeometry(at, f.geometry) === 'inside');
    const local = await phone.evaluate((q) => (window as unknown as Viewer).noticeViewer.project(q), at);
    const box = await phone.locator('[data-testid="map"]').boundingBox();
    if (!box) throw new Error('no map');
    await phone.touchscreen.tap(box.x + local.x, box.y + local.y);
    const sentence = phone.locator('[data-testid="tap-sentence"]');
    await expect.poll(() => sentence.textContent(), { timeout: 30_000 }).toMatch(new RegExp(`^这里规划为.+（${String(parcel.properties['GHDLMC'])}，${DRAWN_CODE}），面积约 `));
    const zh = (await sentence.textContent()) ?? '';
    expect(Number(/面积约 ([\d,]+) 平方米/.exec(zh)?.[1]?.replace(/,/g, ''))).toBe(Math.round(areaOf(parcel)));
    expect(zh).toContain(inVillageBoundary ? '这里在村庄建设边界内' : '这里在村庄建设边界外');
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
