/**
 * `--township <file>`: the township plan's figures for a village (乡级规划下达的任务) and its control zones
 * (乡级规划管制区), so a reviewer checks a package against the township plan rather than against what the
 * planner entered. Node only. The file is one of (README "Command line", docs/package.md):
 * - JSON `{ "format": "village-plan-township", "version": 1, "villageCode"?, "tasksHa" | "tasksM2", "zones"? }`:
 *   tasks in 公顷 (tasksHa) or m² (tasksM2) under the plan's keys (cultivatedLand, permanentBasicFarmland,
 *   constructionTotal, urbanRuralConstruction, villageConstruction, pbfReserve; null = not given);
 *   `zones` a GeoJSON FeatureCollection, or the path of a GeoJSON or Shapefile next to this file;
 * - an Excel workbook (.xlsx) with a sheet 乡级任务 (township-sheet.ts): column A 指标, column B 面积 in the
 *   unit its header or a task name's brackets say (公顷, 平方公里, 亩, 平方米 … township-units.ts), one row per
 *   task named as F1 names it, and optional rows 行政区代码 and 管制区图层 (a file path);
 * - a GeoJSON or Shapefile of the zones alone (GZQLXDM per zone): only the file given, not a same-named
 *   copy in another format beside it.
 * What the file gives replaces the package's value (a task it leaves out keeps the package's); zones are
 * clipped to the village. A file that cannot be used is an error naming it and the reason (exit 2): a task
 * written twice (two rows, a JSON key twice) or in a unit not known is refused, never guessed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { CONTROL_ZONE_CODES, normaliseControlZoneCode, type ControlZoneCode } from '../profiles/zhejiang-2017/codes.ts';
import { codesOf } from '../domain/code-entry.ts';
import type { AreaGeometry, FeatureOf } from '../domain/features.ts';
import { asFeatureId, type FeatureId } from '../domain/ids.ts';
import type { Message, Result } from '../domain/message.ts';
import { layerFeatures, type Plan } from '../domain/plan.ts';
import { geometryBBox } from '../geo/bbox.ts';
import { intersection } from '../geo/overlay.ts';
import { relate } from '../geo/relate.ts';
import { importFiles } from '../io/formats/index.ts';
import type { InputFile } from '../io/files.ts';
import { listSome } from '../io/result.ts';
import { MAX_FILE_BYTES } from '../io/package/read-folder.ts';
import { layerInputFiles } from '../io/village-database/layer-files.ts';
import type { Input } from './read-input.ts';
import { duplicateJsonKeys } from './township-json-keys.ts';
import { isObject, readTasksSheet, TASKS, TASKS_SHEET, type Task } from './township-sheet.ts';
import { toM2 } from './township-units.ts';

const TOWNSHIP_FORMAT = 'village-plan-township';
const TOWNSHIP_VERSION = 1;
/** The JSON's task objects, by unit. */
const TASK_FIELDS = { tasksHa: 'ha', tasksM2: 'm2' } as const;
/** The zones formats: a same-named file in another of them beside the one given is not read (and said so). */
const ZONE_EXTENSIONS = ['.shp', '.geojson', '.json'];
const ZONES = new Set<string>(codesOf(CONTROL_ZONE_CODES));
const MAX_LISTED = 5;

export interface TownshipFile {
  readonly file: string;
  readonly villageCode: string | null;
  /** m², only the tasks the file gives. */
  readonly tasks: Partial<Record<Task, number>>;
  /** The zones in lon/lat, or null when the file gives none. */
  readonly zones: readonly { readonly geometry: AreaGeometry; readonly zoneCode: ControlZoneCode }[] | null;
  readonly zonesFile: string | null;
  readonly notes: readonly Message[];
}

type Unusable = { readonly ok: false; readonly error: Message };
const unusable = (file: string, reasonKey: string, params: Record<string, string | number> = {}): Unusable => ({ ok: false, error: { key: 'cli.badTownship', params: { file, ...params, reasonKey } } });

/** The township file read and applied to the input: its tasks replace the plan's, its zones the township zones. */
export async function withTownship(path: string, input: Input): Promise<Result<Input>> {
  const read = await readTownshipFile(path, villageLongitude(input.plan));
  if (!read.ok) return read;
  return applyTownship(read.value, input);
}

async function readTownshipFile(path: string, longitude?: number): Promise<Result<TownshipFile>> {
  const bytes = readBytes(path);
  if (!bytes.ok) return bytes;
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return readWorkbook(path, bytes.value, longitude);
  if (ext === '.shp') return zonesOnly(path, longitude);
  let text: string;
  let raw: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.value);
    raw = JSON.parse(text);
  } catch (error) {
    return unusable(path, error instanceof SyntaxError ? 'package.township.notJson' : 'cli.notUtf8', { detail: error instanceof Error ? error.message : '' });
  }
  if (isObject(raw) && raw.type === 'FeatureCollection') return zonesOnly(path, longitude);
  // JSON.parse keeps the last of a key written twice: a task typed twice must not silently become the second.
  const twice = isObject(raw) && raw.format === TOWNSHIP_FORMAT ? duplicateJsonKeys(text, ['zones'])[0] : undefined;
  if (twice) return unusable(path, 'package.township.duplicateKey', { key: twice.key, path: `/${twice.path.join('/')}` });
  return readJson(path, raw, longitude);
}

function readBytes(path: string): Result<Uint8Array> {
  let size: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) return unusable(path, 'package.township.notTownship');
    size = stats.size;
  } catch {
    return unusable(path, 'cli.notFound');
  }
  if (size > MAX_FILE_BYTES) return unusable(path, 'cli.tooLarge', { sizeMiB: Math.round(size / 2 ** 20), limitMiB: MAX_FILE_BYTES / 2 ** 20 });
  try {
    return { ok: true, value: readFileSync(path), notes: [] };
  } catch {
    return unusable(path, 'cli.notFound');
  }
}


async function readJson(path: string, raw: unknown, longitude: number | undefined): Promise<Result<TownshipFile>> {
  if (!isObject(raw) || raw.format !== TOWNSHIP_FORMAT || typeof raw.version !== 'number') return unusable(path, 'package.township.notTownship');
  if (raw.version > TOWNSHIP_VERSION) return unusable(path, 'package.township.tooNew', { version: raw.version, supported: TOWNSHIP_VERSION });
  if (raw.tasksHa !== undefined && raw.tasksM2 !== undefined) return unusable(path, 'package.township.bothUnits');
  // tasksMu, tasksKm2 …: tasks in a unit this version does not read must not be skipped as an unknown field.
  const otherUnit = Object.keys(raw).find((k) => /^tasks/i.test(k) && !(k in TASK_FIELDS));
  if (otherUnit !== undefined) return unusable(path, 'package.township.unknownTasksField', { field: otherUnit });
  const unit = raw.tasksM2 !== undefined ? 'm2' : 'ha';
  const given = unit === 'm2' ? raw.tasksM2 : raw.tasksHa;
  const tasks: Partial<Record<Task, number>> = {};
  if (given !== undefined) {
    if (!isObject(given)) return unusable(path, 'package.township.badTasks', { field: unit === 'm2' ? 'tasksM2' : 'tasksHa' });
    for (const [key, value] of Object.entries(given)) {
      if (!(TASKS as readonly string[]).includes(key)) return unusable(path, 'package.township.unknownTask', { task: key, known: TASKS.join(', ') });
      if (value === null) continue;
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return unusable(path, 'package.township.badTask', { task: key, value: JSON.stringify(value) ?? 'undefined', unitKey: `package.township.unit.${unit}` });
      tasks[key as Task] = toM2(value, unit);
    }
  }
  const code = raw.villageCode === undefined || raw.villageCode === null ? null : String(raw.villageCode).trim();
  let zones: TownshipFile['zones'] = null;
  let zonesFile: string | null = null;
  const notes: Message[] = [];
  if (typeof raw.zones === 'string') {
    zonesFile = resolve(dirname(path), raw.zones);
    const read = readZoneFile(zonesFile, longitude);
    if (!read.ok) return read;
    zones = read.value;
    notes.push(...read.notes);
  } else if (isObject(raw.zones)) {
    const read = readZones([{ name: `${path}#zones.geojson`, bytes: new TextEncoder().encode(JSON.stringify(raw.zones)) }], `${path}#zones`, longitude);
    if (!read.ok) return read;
    zones = read.value;
    notes.push(...read.notes);
  } else if (raw.zones !== undefined && raw.zones !== null) {
    return unusable(path, 'package.township.badZonesEntry');
  }
  if (Object.keys(tasks).length === 0 && zones === null) return unusable(path, 'package.township.nothing');
  return { ok: true, value: { file: path, villageCode: code || null, tasks, zones, zonesFile, notes }, notes: [] };
}

async function readWorkbook(path: string, bytes: Uint8Array, longitude: number | undefined): Promise<Result<TownshipFile>> {
  // exceljs loads only for a workbook: `check` with a JSON file starts as fast as without.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (error) {
    return unusable(path, 'package.township.notXlsx', { detail: error instanceof Error ? error.message : String(error) });
  }
  const sheet = workbook.getWorksheet(TASKS_SHEET);
  if (!sheet) return unusable(path, 'package.township.noSheet', { sheet: TASKS_SHEET, sheets: workbook.worksheets.map((s) => s.name).join(', ') || '—' });
  const read = readTasksSheet(path, sheet);
  if (!read.ok) return read;
  const { tasks, villageCode, zonesPath } = read.value;
  let zones: TownshipFile['zones'] = null;
  const notes: Message[] = [...read.value.notes];
  const zonesFile = zonesPath === null ? null : resolve(dirname(path), zonesPath);
  if (zonesFile) {
    const zonesRead = readZoneFile(zonesFile, longitude);
    if (!zonesRead.ok) return zonesRead;
    zones = zonesRead.value;
    notes.push(...zonesRead.notes);
  }
  if (Object.keys(tasks).length === 0 && zones === null) return unusable(path, 'package.township.nothing');
  return { ok: true, value: { file: path, villageCode, tasks, zones, zonesFile, notes }, notes: [] };
}

async function zonesOnly(path: string, longitude: number | undefined): Promise<Result<TownshipFile>> {
  const read = readZoneFile(path, longitude);
  if (!read.ok) return read;
  return { ok: true, value: { file: path, villageCode: null, tasks: {}, zones: read.value, zonesFile: path, notes: read.notes }, notes: [] };
}

/**
 * A zones file from disk: GeoJSON, or a Shapefile with its parts beside it (.shx, .dbf, .prj, .cpg), as the
 * 2026 readers and survey-table take a layer. Only the file given: a same-named copy in another format beside
 * it (乡级管制区.geojson beside 乡级管制区.shp, an older copy or an export) is not read, and a note says so.
 */
function readZoneFile(path: string, longitude: number | undefined): Result<NonNullable<TownshipFile['zones']>> {
  if (!existsSync(path)) return unusable(path, 'cli.notFound');
  const files = layerInputFiles(path);
  if (!files.ok) return { ok: false, error: { key: 'cli.badTownship', params: { ...files.error.params, file: path } } };
  const read = readZones(files.value, path, longitude);
  if (!read.ok) return read;
  const ignored = sameNamedBeside(path).map((file): Message => ({ key: 'package.township.sameNameIgnored', params: { file: path, ignored: file } }));
  return { ...read, notes: [...read.notes, ...ignored] };
}

/** Files beside `path` with its name in another zones format (any case). */
function sameNamedBeside(path: string): string[] {
  const stem = basename(path, extname(path)).toLowerCase();
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return [];
  }
  return names
    .filter((name) => name !== basename(path) && ZONE_EXTENSIONS.includes(extname(name).toLowerCase()) && basename(name, extname(name)).toLowerCase() === stem)
    .map((name) => join(dirname(path), name));
}

function readZones(files: readonly InputFile[], shown: string, longitude: number | undefined): Result<NonNullable<TownshipFile['zones']>> {
  const read = importFiles(files, longitude === undefined ? {} : { expectedLongitude: longitude });
  if (!read.ok) return { ok: false, error: { key: 'cli.badTownship', params: { file: shown, reasonKey: read.error.key, ...read.error.params } } };
  const zones: { geometry: AreaGeometry; zoneCode: ControlZoneCode }[] = [];
  const bad: string[] = [];
  for (const layer of read.value) {
    for (const f of layer.features) {
      if (f.geometry?.type !== 'Polygon' && f.geometry?.type !== 'MultiPolygon') continue;
      const raw = f.properties.GZQLXDM ?? f.properties.gzqlxdm;
      const code = normaliseControlZoneCode(raw === null || raw === undefined ? '' : String(raw).trim());
      if (!ZONES.has(code)) {
        bad.push(`#${f.recordNo} GZQLXDM=${JSON.stringify(raw ?? null)}`);
        continue;
      }
      zones.push({ geometry: f.geometry, zoneCode: code as ControlZoneCode });
    }
  }
  if (bad.length) return unusable(shown, 'package.township.badZone', { count: bad.length, list: listSome(bad, MAX_LISTED) });
  if (zones.length === 0) return unusable(shown, 'package.township.noZones');
  return { ok: true, value: zones, notes: read.notes };
}

function villageLongitude(plan: Plan): number | undefined {
  const boundary = layerFeatures(plan, 'boundary')[0] ?? layerFeatures(plan, 'base')[0];
  if (!boundary) return undefined;
  const [x0, , x1] = geometryBBox(boundary.geometry);
  return (x0 + x1) / 2;
}

/**
 * The township's figures on the plan: each task the file gives replaces the plan's; its zones, clipped to
 * the village boundary (a township plan covers many villages), replace the township zones layer. Notes
 * say what was taken, so the report shows the check ran against the township's file.
 */
function applyTownship(township: TownshipFile, input: Input): Result<Input> {
  const { plan } = input;
  const planCode = plan.meta.villageCode;
  if (township.villageCode && planCode && township.villageCode !== planCode) return unusable(township.file, 'package.township.otherVillage', { fileCode: township.villageCode, planCode });
  const notes: Message[] = [...input.notes, ...township.notes];
  let layers = plan.layers;
  if (township.zones) {
    const clipped = clipToVillage(township.zones, plan);
    if (!clipped.ok) return unusable(township.zonesFile ?? township.file, 'package.township.clipFailed', { detail: clipped.detail });
    const replaced = Object.keys(plan.layers.townshipZones).length;
    const record: Record<FeatureId, FeatureOf<'townshipZones'>> = {};
    clipped.zones.forEach((z, i) => {
      const id = asFeatureId(`township-${i + 1}`);
      record[id] = { id, layer: 'townshipZones', geometry: z.geometry, properties: { zoneCode: z.zoneCode } };
    });
    layers = { ...layers, townshipZones: record };
    notes.push({ key: 'package.township.zonesApplied', params: { file: township.zonesFile ?? township.file, count: clipped.zones.length, replaced } });
  }
  const quotas = { ...plan.meta.quotas };
  for (const k of TASKS) {
    const value = township.tasks[k];
    if (value === undefined) continue;
    const before = quotas[k];
    quotas[k] = value;
    const params = { file: township.file, taskKey: `profile.quota.${k}`, valueHa: value / 10_000 };
    notes.push(before === null ? { key: 'package.township.taskGiven', params } : { key: 'package.township.taskReplaced', params: { ...params, beforeHa: before / 10_000 } });
  }
  return { ok: true, value: { ...input, plan: { ...plan, meta: { ...plan.meta, quotas }, layers }, notes }, notes: [] };
}

/** Zones inside the village as they are; those across its boundary cut to it; those outside it dropped. */
function clipToVillage(zones: NonNullable<TownshipFile['zones']>, plan: Plan): { ok: true; zones: { geometry: AreaGeometry; zoneCode: ControlZoneCode }[] } | { ok: false; detail: string } {
  const village = layerFeatures(plan, 'boundary').map((b) => b.geometry);
  if (village.length === 0) return { ok: true, zones: [...zones] };
  const out: { geometry: AreaGeometry; zoneCode: ControlZoneCode }[] = [];
  for (const zone of zones) {
    for (const boundary of village) {
      const relation = relate(zone.geometry, boundary);
      if (relation === 'disjoint') continue;
      if (relation === 'within') {
        out.push(zone);
        continue;
      }
      const cut = intersection(zone.geometry, boundary);
      if (!cut.ok) return { ok: false, detail: cut.error };
      if (cut.value) out.push({ geometry: cut.value, zoneCode: zone.zoneCode });
    }
  }
  return { ok: true, zones: out };
}
