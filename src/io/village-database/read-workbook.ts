/**
 * The village workbook of CCTool's inputs [cct:chk]: one Excel file per village whose first sheet has rows
 * `指标 | 值` (村庄名称, 村庄类型, 规划期限, 现状人口, 规划人口, 现状自然和文化遗产, 规划自然和文化遗产). Node only;
 * exceljs loads only when a folder has a workbook.
 *
 * The township's allocations (上级下达) of the binding indicators have no sheet in CCTool's inputs: a sheet
 * named `上级下达` with rows `指标 | 值` (the indicator's name or 序号, its value in the indicator's unit) is
 * ours [ours ⚠], read when present so `binding-indicators` can compare.
 */
import { INDICATORS } from '../../profiles/zhejiang-2026/indicators.ts';
import { NO_VILLAGE_INFO, type VillageDatabase, type VillageInfo } from '../../profiles/zhejiang-2026/village-database.ts';
import type { Message, Result } from '../result.ts';

type TextItem = 'villageName' | 'villageType' | 'planPeriod';
type NumberItem = 'basePopulation' | 'targetPopulation' | 'baseHeritage' | 'targetHeritage';

/** Row labels as CCTool's sheet1 writes them [cct:chk], in its order (the database writer writes them so too). */
export const TEXT_ROWS: Readonly<Record<string, TextItem>> = { 村庄名称: 'villageName', 村庄类型: 'villageType', 规划期限: 'planPeriod' };
export const NUMBER_ROWS: Readonly<Record<string, NumberItem>> = {
  现状人口: 'basePopulation',
  规划人口: 'targetPopulation',
  现状自然和文化遗产: 'baseHeritage',
  规划自然和文化遗产: 'targetHeritage',
};

export interface VillageWorkbook {
  readonly info: VillageInfo;
  readonly allocations: VillageDatabase['allocations'];
  /** How many rows of the first sheet were recognised: 0 means the workbook is not the village's. */
  readonly recognised: number;
  readonly notes: readonly Message[];
}

/** A label as written, without spaces, a colon after it (“村庄名称：”) or a unit in brackets after it (“现状人口（人）”). */
const labelOf = (text: string): string => text.replace(/\s+/g, '').replace(/[:：]$/, '').replace(/[（(][^（()）]*[)）]$/, '');

/** The unit in brackets after a label (“现状人口（万人）” → 万人), or null. */
const unitOf = (text: string): string | null => /[（(]([^（()）]*)[)）][:：]?$/.exec(text.replace(/\s+/g, ''))?.[1] ?? null;

/** A population given in 万 (the label's unit 万人, or the value's: “0.29万人”) is read in persons, as every figure counts it. */
const TEN_THOUSAND = 10_000;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (isRecord(value)) {
    if (Array.isArray(value.richText)) return (value.richText as { text?: unknown }[]).map((part) => String(part.text ?? '')).join('');
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return String(value.text);
  }
  return String(value);
}

/** A count as a planner types it: `1,234`, `1234人`, `3 处`; undefined when it is no number. */
function countOf(text: string, inTenThousands: boolean): number | undefined {
  const bare = text.trim().replace(/,/g, '').replace(/\s*(人|处|个)$/, '').replace(/\s*万$/, '');
  if (bare === '') return undefined;
  const n = Number(bare);
  if (!Number.isFinite(n) || n < 0) return undefined;
  return inTenThousands ? Math.round(n * TEN_THOUSAND) : n;
}

/** The count is written in 万: the label's unit is 万人, or the value ends in 万 or 万人. */
const inTenThousands = (writtenLabel: string, value: string): boolean => unitOf(writtenLabel) === '万人' || /万\s*人?$/.test(value.trim());

export async function readVillageWorkbook(path: string, bytes: Uint8Array): Promise<Result<VillageWorkbook>> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (error) {
    return { ok: false, error: { key: 'cli.unreadable', params: { file: path, reasonKey: 'cli.village.notXlsx', detail: error instanceof Error ? error.message : String(error) } } };
  }
  const sheet = workbook.worksheets[0];
  const info: { -readonly [K in keyof VillageInfo]: VillageInfo[K] } = { ...NO_VILLAGE_INFO };
  const notes: Message[] = [];
  let recognised = 0;
  for (let r = 1; sheet && r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const written = cellText(row.getCell(1).value);
    const label = labelOf(written);
    const value = cellText(row.getCell(2).value).trim();
    const textItem = TEXT_ROWS[label];
    const numberItem = NUMBER_ROWS[label];
    if (textItem) {
      recognised++;
      info[textItem] = value || null;
    } else if (numberItem) {
      recognised++;
      if (value === '') continue;
      const tenThousands = inTenThousands(written, value);
      const n = countOf(value, tenThousands);
      if (n === undefined) notes.push({ key: 'cli.village.badCount', params: { file: path, sheet: sheet.name, row: r, label, value } });
      else {
        info[numberItem] = n;
        if (tenThousands) notes.push({ key: 'cli.village.countInTenThousands', params: { file: path, sheet: sheet.name, row: r, label, value, count: n } });
      }
    }
  }
  const allocations = readAllocations(path, workbook.getWorksheet(ALLOCATION_SHEET), notes);
  return { ok: true, value: { info, allocations, recognised, notes }, notes: [] };
}

export const ALLOCATION_SHEET = '上级下达';
const INDICATOR_NUMBERS: ReadonlyMap<string, number> = new Map(INDICATORS.flatMap((i) => [[labelOf(i.zh), i.number], [String(i.number), i.number]]));

type Sheet = NonNullable<ReturnType<import('exceljs').Workbook['getWorksheet']>>;

/** Units a township may write an allocation in, each spelling to one name; other words in brackets (“（约束性）”) are no unit. */
const UNITS: ReadonlyMap<string, string> = new Map([
  ...['公顷', 'hm2', 'hm²', 'ha'].map((spelling): [string, string] => [spelling, '公顷']),
  ...['平方米', 'm2', 'm²'].map((spelling): [string, string] => [spelling, '平方米']),
  ...['平方公里', '平方千米', 'km2', 'km²'].map((spelling): [string, string] => [spelling, '平方公里']),
  ...['亩', '万亩', '万平方米', '%', '平方米/人', '处'].map((unit): [string, string] => [unit, unit]),
]);

/**
 * The unit written in brackets after a label (“耕地保有量（亩）”) or after a number (“2473.5 亩”), by its one
 * name ('' when none is), and the value without it.
 */
function writtenUnit(label: string, value: string): { readonly unit: string; readonly number: string } {
  const afterLabel = UNITS.get(/[（(]([^（()）]*)[)）]$/.exec(label.replace(/\s+/g, ''))?.[1]?.toLowerCase() ?? '');
  const suffix = /^[\d.,\s]+([^\d.,\s].*)$/.exec(value)?.[1] ?? '';
  const afterValue = UNITS.get(suffix.trim().toLowerCase());
  return { unit: afterValue ?? afterLabel ?? '', number: afterValue ? value.slice(0, value.length - suffix.length).trim() : value };
}

/**
 * The `上级下达` sheet: indicator (name or 序号) → allocation; a row that names no indicator or no number is a
 * note, and so is one in another unit than the indicator's (亩 read as 公顷 would be 15 times the task).
 */
function readAllocations(path: string, sheet: Sheet | undefined, notes: Message[]): Record<number, number> {
  const allocations: Record<number, number> = {};
  for (let r = 1; sheet && r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const written = cellText(row.getCell(1).value);
    const label = labelOf(written);
    const value = cellText(row.getCell(2).value).trim();
    if (label === '' || label === '指标') continue;
    const number = INDICATOR_NUMBERS.get(label.replace(/^\d+[.、．]\s*/, '')) ?? INDICATOR_NUMBERS.get(label);
    const expected = INDICATORS.find((i) => i.number === number)?.unit;
    const { unit, number: numberText } = writtenUnit(written, value);
    if (expected !== undefined && unit !== '' && unit !== expected) {
      notes.push({ key: 'cli.village.allocationUnit', params: { file: path, sheet: ALLOCATION_SHEET, row: r, label, unit, expected } });
      continue;
    }
    const n = countOf(numberText, false);
    if (number === undefined || n === undefined) notes.push({ key: 'cli.village.badAllocation', params: { file: path, sheet: ALLOCATION_SHEET, row: r, label, value } });
    else allocations[number] = n;
  }
  return allocations;
}
