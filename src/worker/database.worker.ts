/**
 * The 2026 village database worker: reading a database (a folder's Shapefiles, a zip, or one database file)
 * or making one by converting a 三调 DLTB or a 2017 plan (a review first, then the planner's decisions),
 * its checks (rules/ydyh: seconds at 20,000 parcels) and its three tables run here, so the reviewer's map
 * keeps moving. It holds the database it read; the page gets a copy to draw, and asks for checks and tables
 * of the held one, and for its package and its database file. Typed end to end through Comlink's `Remote<DatabaseApi>` (app/database-client.ts).
 */
import { expose, transfer } from 'comlink';
import type { VillageDatabase } from '../profiles/zhejiang-2026/village-database.ts';
import { parseVillageDatabaseText, serialiseVillageDatabase } from '../io/village-database/database-file.ts';
import { zipVillageDatabasePackage } from '../io/village-database/write-village-database.ts';
import { readVillageDatabaseFiles, type VirtualFile } from '../io/village-database/read-village-files.ts';
import { importFiles } from '../io/formats/index.ts';
import { success, type Result } from '../io/result.ts';
import { databaseFrom2017Plan, review2017Plan } from '../io/village-database/from-2017-plan.ts';
import { databaseFromSurvey, reviewSurvey } from '../io/village-database/from-survey.ts';
import type { ConversionReview, ReviewDecisions } from '../io/village-database/review-groups.ts';
import { surveyLayersOf } from '../io/village-database/survey-layers.ts';
import { layerCount, type Plan } from '../domain/plan.ts';
import { applyEdit, type DatabaseEdit, type EditDirection } from '../commands/village-database/database-edit.ts';
import { deriveControlBoundaries } from '../commands/village-database/derive-control-boundaries.command.ts';
import { computeDatabaseTables, type DatabaseTables } from '../rules/ydyh/database-tables.ts';
import { checkDatabase, type DatabaseCheck } from '../rules/ydyh/index.ts';
import { prepareCoverageForEdits } from '../rules/ydyh/database-coverage.ts';
import { loadGeos } from '../geo/geos/geos-module.ts';
import { databaseWithOwnSurveyArea } from '../io/village-database/survey-area-rows.ts';

let held: VillageDatabase | null = null;
/** The conversion under review: what it read, waiting for the planner's decisions. */
let pending: ((decisions: ReviewDecisions) => Result<VillageDatabase>) | null = null;

function hold(read: Result<VillageDatabase>): Result<VillageDatabase> {
  if (read.ok) held = read.value;
  return read;
}

function database(): VillageDatabase {
  if (!held) throw new Error('no database open');
  return held;
}

const api = {
  openText(text: string, fileName: string): Result<VillageDatabase> {
    return hold(databaseWithOwnSurveyArea(parseVillageDatabaseText(text, fileName)));
  },
  async openFiles(files: VirtualFile[], edition: VillageDatabase['edition']): Promise<Result<VillageDatabase>> {
    return hold(await readVillageDatabaseFiles(files, edition));
  },
  /** A 三调 DLTB (with the village boundary if among the files) read and converted as far as it goes alone. */
  reviewSurvey(files: VirtualFile[]): Result<ConversionReview> {
    const read = importFiles(files.map((file) => ({ name: file.path, bytes: file.bytes })));
    if (!read.ok) return read;
    const layers = surveyLayersOf(read.value);
    if (!layers.ok) return layers;
    const { dltb, boundary } = layers.value;
    const review = reviewSurvey(dltb);
    if (!review.ok) return review;
    pending = (decisions) => databaseFromSurvey(dltb, decisions, { boundary });
    return success({ groups: review.value.groups, notes: [...read.notes, ...review.notes, ...review.value.notes], parcels: review.value.parcels });
  },
  /** A 2017 plan's classes that the 2017 → 2023 suggestion leaves to the planner. */
  review2017(plan: Plan): ConversionReview {
    pending = (decisions) => databaseFrom2017Plan(plan, decisions);
    return { groups: review2017Plan(plan), notes: [], parcels: layerCount(plan.layers.base) };
  },
  /** The reviewed conversion with the planner's decisions: refused (with the groups named) while one is missing. */
  async confirmReview(decisions: ReviewDecisions): Promise<Result<VillageDatabase>> {
    if (!pending) throw new Error('no conversion under review');
    // GKBJ is dissolved by GEOS where polyclip cannot finish a ring (control-boundaries.ts).
    await loadGeos();
    return hold(pending(decisions));
  },
  /** A database the page read itself (a plan kept on this computer). */
  hold(db: VillageDatabase): void {
    held = db;
  },
  /** The page's edit, so this copy stays the page's plan. */
  applyEdit(edit: DatabaseEdit, direction: EditDirection): void {
    held = applyEdit(database(), edit, direction);
  },
  /** The 管控边界 derived again from the planned parcels (seconds at 20,000 parcels: here, not in the page). */
  async deriveControlBoundaries(): Promise<Result<DatabaseEdit>> {
    await loadGeos();
    return deriveControlBoundaries(database());
  },
  async check(): Promise<DatabaseCheck> {
    // The coverage checks (no-gap, no-overlap) clip their clusters with GEOS: loaded once, on first use.
    await loadGeos();
    const check = checkDatabase(database());
    // After the answer is posted, while the planner reads it: the first edit then costs what the others do.
    setTimeout(prepareCoverageForEdits, 0);
    return check;
  },
  async tables(): Promise<DatabaseTables> {
    // The red line and the PBF are clipped to the village with GEOS.
    await loadGeos();
    return computeDatabaseTables(database());
  },
  /** The package in the village-database layout, zipped: Shapefiles in the GK zone, or GeoJSON in lon/lat, and the tables' workbooks (footnotes in Chinese, a deliverable's language). */
  async exportPackage(format: 'shapefile' | 'geojson'): Promise<Result<Uint8Array>> {
    // i18next and the texts load with the first export, not with the worker.
    const chinese = (await import('../i18n/index.ts')).createI18n('zh-CN');
    await loadGeos();
    const zipped = await zipVillageDatabasePackage(database(), { format, t: (key, params) => chinese.t(key, params ?? {}) });
    return zipped.ok ? transfer(zipped, [zipped.value.buffer as ArrayBuffer]) : zipped;
  },
  /** The whole database as one file the start page opens again. */
  databaseText(): string {
    return serialiseVillageDatabase(database());
  },
};

export type DatabaseApi = typeof api;

expose(api);
