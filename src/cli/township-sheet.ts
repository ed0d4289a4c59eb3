/**
 * The sheet 乡级任务 of a township workbook (docs/package.md, township section): column A 指标, column B 面积,
 * one row per task named as F1 names it, and the optional rows 行政区代码 and 管制区图层. The unit is read, never
 * assumed past what the sheet says: the header of column B (面积（亩）), a task name's brackets (耕地保有量（平方公里）)
 * or a row's column C (a 单位 column) give it, 公顷 when none does; each area becomes m². An unknown unit, two
 * units that disagree, an item written twice and a number that is not plainly one are refused naming the row.
 */
import type { Worksheet } from 'exceljs';
import type { Message, Result } from '../domain/message.ts';
import type { TownshipQuotas } from '../domain/plan.ts';
import { headerUnit, KNOWN_UNITS, numberOfText, splitLabel, toM2, unitKey, unitOf, type AreaUnit, type CellNumber } from './township-units.ts';

export const TASKS_SHEET = '乡级任务';

export type Task = keyof TownshipQuotas;
export const TASKS: readonly Task[] = ['cultivatedLand', 'permanentBasicFarmland', 'constructionTotal', 'urbanRuralConstruction', 'villageConstruction', 'pbfReserve'];

/** Row labels of the 乡级任务 sheet: as F1 and 规则参数 name them (the plan's keys are read too). */
const TASK_LABELS: Readonly<Record<string, Task>> = {
  耕地保有量: 'cultivatedLand',
  永久基本农田保护面积: 'permanentBasicFarmland',
  建设用地总规模: 'constructionTotal',
  城乡建设用地规模: 'urbanRuralConstruction',
  村庄建设用地规模: 'villageConstruction',
  基本农田储备库任务: 'pbfReserve',
};
const CODE_LABEL = '行政区代码';
const ZONES_LABEL = '管制区图层';
const UNIT_COLUMN = '单位';

export interface SheetTasks {
  /** m², only the tasks the sheet gives. */
  readonly tasks: Partial<Record<Task, number>>;
  readonly villageCode: string | null;
  /** As written in column B, relative to the workbook. */
  readonly zonesPath: string | null;
  /** A note per task converted from another unit than 公顷. */
  readonly notes: readonly Message[];
}

/** A unit and where it was written (the row, and the text as written, for the messages). */
interface Written {
  readonly unit: AreaUnit;
  readonly written: string;
  readonly row: number;
}

const taskOf = (label: string): Task | undefined => TASK_LABELS[label] ?? (TASKS.includes(label as Task) ? (label as Task) : undefined);

/** The tasks, code and zones path of the sheet, or the first row that cannot be used. */
export function readTasksSheet(file: string, sheet: Worksheet): Result<SheetTasks> {
  const refuse = (reasonKey: string, params: Record<string, string | number>): Result<never> => ({ ok: false, error: { key: 'cli.badTownship', params: { file, sheet: TASKS_SHEET, ...params, reasonKey } } });
  const tasks: Partial<Record<Task, number>> = {};
  const notes: Message[] = [];
  let villageCode: string | null = null;
  let zonesPath: string | null = null;
  let sheetUnit: Written | null = null;
  let unitColumn = false;
  const seen = new Map<string, number>();
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const labelText = cellText(row.getCell(1).value);
    const { name: label, bracket } = splitLabel(labelText);
    if (!label) continue;
    const value = row.getCell(2).value;
    const number = cellNumber(value);
    const columnC = cellText(row.getCell(3).value).replace(/\s+/g, '');
    const item = label === CODE_LABEL || label === ZONES_LABEL ? label : taskOf(label);
    if (!item) {
      // The header row (指标 | 面积（公顷）) and any title above it: text in both columns, no number.
      if (r > 2 || number.kind !== 'bad') return refuse('package.township.unknownRow', { row: r, label, known: [...Object.keys(TASK_LABELS), CODE_LABEL, ZONES_LABEL].join('、') });
      const found: Written[] = [];
      for (const [text, strict] of [[cellText(value), true], [labelText, false], [columnC, false]] as const) {
        if (text === UNIT_COLUMN) {
          unitColumn = true;
          continue;
        }
        const unit = headerUnit(text, strict);
        if (unit.kind === 'unknown') return refuse('package.township.unknownUnit', { row: r, label: text, unit: unit.written, known: KNOWN_UNITS });
        if (unit.kind === 'unit') found.push({ unit: unit.unit, written: unit.written, row: r });
      }
      for (const unit of found) {
        const other = sheetUnit ?? found[0];
        if (other && other.unit !== unit.unit) return refuse('package.township.unitConflict', { row: r, label: cellText(value), unit: unit.written, otherUnit: other.written, otherRow: other.row });
        sheetUnit ??= unit;
      }
      continue;
    }
    const firstRow = seen.get(item);
    if (firstRow !== undefined) return refuse('package.township.duplicateRow', { row: r, label, firstRow });
    seen.set(item, r);
    if (item === CODE_LABEL || item === ZONES_LABEL) {
      const text = cellText(value).trim() || null;
      if (item === CODE_LABEL) villageCode = text;
      else zonesPath = text;
      continue;
    }
    // The row's unit: its name's brackets, its column C, the header's; 公顷 when none is written.
    const given: Written[] = [];
    if (bracket !== undefined) {
      const unit = unitOf(bracket);
      if (!unit) return refuse('package.township.unknownUnit', { row: r, label: labelText, unit: bracket, known: KNOWN_UNITS });
      given.push({ unit, written: bracket, row: r });
    }
    if (columnC) {
      const unit = unitOf(columnC);
      if (unit) given.push({ unit, written: columnC, row: r });
      else if (unitColumn) return refuse('package.township.unknownUnit', { row: r, label, unit: columnC, known: KNOWN_UNITS });
    }
    if (sheetUnit) given.push(sheetUnit);
    const chosen = given[0];
    const other = given.find((g) => g.unit !== chosen?.unit);
    if (chosen && other) return refuse('package.township.unitConflict', { row: r, label, unit: chosen.written, otherUnit: other.written, otherRow: other.row });
    const unit = chosen?.unit ?? 'ha';
    if (number.kind === 'empty') continue;
    if (number.kind === 'bad' || number.value < 0) return refuse(number.kind === 'bad' ? number.reasonKey : 'package.township.badCell', { row: r, label, value: cellText(value), unitKey: unitKey(unit) });
    const m2 = toM2(number.value, unit);
    tasks[item] = m2;
    if (unit !== 'ha') notes.push({ key: 'package.township.converted', params: { file, sheet: TASKS_SHEET, row: r, taskKey: `profile.quota.${item}`, value: cellText(value), unitKey: unitKey(unit), valueHa: m2 / 10_000 } });
  }
  return { ok: true, value: { tasks, villageCode, zonesPath, notes }, notes: [] };
}

/** A JSON object or an exceljs cell value object (not an array). */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isObject(value)) {
    if (Array.isArray(value.richText)) return (value.richText as { text?: unknown }[]).map((p) => String(p.text ?? '')).join('');
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return String(value.text);
  }
  return String(value);
}

/** The number in a cell (a formula's result too), as written in a text cell (numberOfText). */
function cellNumber(value: unknown): CellNumber {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'bad', reasonKey: 'package.township.badCell' };
  if (typeof value === 'string') return numberOfText(value);
  if (isObject(value) && 'result' in value) return cellNumber(value.result);
  if (isObject(value) && Array.isArray(value.richText)) return numberOfText(cellText(value));
  return { kind: 'bad', reasonKey: 'package.township.badCell' };
}
