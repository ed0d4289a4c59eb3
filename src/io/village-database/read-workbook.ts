/**
 * The village workbook of CCTool's inputs [cct:chk]: one Excel file per village whose first sheet has rows
 * `指标 | 值` (村庄名称, 村庄类型, 规划期限, 现状人口, 规划人口, 现状自然和文化遗产, 规划自然和文化遗产). Node only;
 * exceljs loads only when a folder has a workbook.
 */
import type { VillageInfo } from '../../profiles/zhejiang-2026/village-database.ts';
import type { Message, Result } from '../result.ts';

type TextItem = 'villageName' | 'villageType' | 'planPeriod';
type NumberItem = 'basePopulation' | 'targetPopulation' | 'baseHeritage' | 'targetHeritage';

/** Row labels as CCTool's sheet1 writes them [cct:chk]. */
const TEXT_ROWS: Readonly<Record<string, TextItem>> = { 村庄名称: 'villageName', 村庄类型: 'villageType', 规划期限: 'planPeriod' };
const NUMBER_ROWS: Readonly<Record<string, NumberItem>> = {
  现状人口: 'basePopulation',
  规划人口: 'targetPopulation',
  现状自然和文化遗产: 'baseHeritage',
  规划自然和文化遗产: 'targetHeritage',
};

export const NO_VILLAGE_INFO: VillageInfo = {
  villageName: null,
  villageType: null,
  planPeriod: null,
  basePopulation: null,
  targetPopulation: null,
  baseHeritage: null,
  targetHeritage: null,
};

export interface VillageWorkbook {
  readonly info: VillageInfo;
  /** How many rows of the first sheet were recognised: 0 means the workbook is not the village's. */
  readonly recognised: number;
  readonly notes: readonly Message[];
}

/** A label as written, without spaces and without a unit in brackets after it (“现状人口（人）”). */
const labelOf = (text: string): string => text.replace(/\s+/g, '').replace(/[（(][^（()）]*[)）]$/, '');

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
function countOf(text: string): number | undefined {
  const bare = text.trim().replace(/,/g, '').replace(/\s*(人|处|个)$/, '');
  if (bare === '') return undefined;
  const n = Number(bare);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

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
    const label = labelOf(cellText(row.getCell(1).value));
    const value = cellText(row.getCell(2).value).trim();
    const textItem = TEXT_ROWS[label];
    const numberItem = NUMBER_ROWS[label];
    if (textItem) {
      recognised++;
      info[textItem] = value || null;
    } else if (numberItem) {
      recognised++;
      if (value === '') continue;
      const n = countOf(value);
      if (n === undefined) notes.push({ key: 'cli.village.badCount', params: { file: path, sheet: sheet.name, row: r, label, value } });
      else info[numberItem] = n;
    }
  }
  return { ok: true, value: { info, recognised, notes }, notes: [] };
}
