/**
 * The village information (sheet1 of CCTool's village workbook) and the 上级下达 allocations as the planner
 * enters them in the 2026 view, for a plan made in the browser that has no workbook: one undo step holding
 * only the entries that change. Each entry is checked in the planner's terms before anything changes; blank
 * text and null mean "not given" (an allocation not given is removed, so `binding-indicators` skips it).
 */
import { failure, success, type Message, type Result } from '../../domain/message.ts';
import { VILLAGE_TYPES } from '../../profiles/zhejiang-2026/code-lists.ts';
import { INDICATORS } from '../../profiles/zhejiang-2026/indicators.ts';
import type { VillageDatabase, VillageInfo } from '../../profiles/zhejiang-2026/village-database.ts';
import type { DatabaseEdit, VillageEntries } from './database-edit.ts';

/** 上级下达 by indicator number as entered; null = not given. */
export type AllocationChanges = Partial<Record<number, number | null>>;

/** What is wrong with one entry, for the form to show under it: an info field or `allocation.<number>`. */
export interface EntryProblem {
  readonly entry: keyof VillageInfo | `allocation.${number}`;
  readonly message: Message;
}

type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: Message };

const COUNT_FIELDS = ['basePopulation', 'targetPopulation', 'baseHeritage', 'targetHeritage'] as const satisfies readonly (keyof VillageInfo)[];
/** "2021-2035", also with 年, a long dash, ~ or 至 between the years. */
const PLAN_PERIOD = /^(\d{4})\s*年?\s*[-–—~～至]\s*(\d{4})\s*年?$/;

/** The binding indicators, the only ones a township allocates. */
export const ALLOCATED_INDICATORS = INDICATORS.filter((indicator) => indicator.binding !== null);
const ALLOCATED_NUMBERS = ALLOCATED_INDICATORS.map((indicator) => indicator.number);

const given = (text: string | null): string | null => (text === null || text.trim() === '' ? null : text.trim());

function checkedInfo(field: keyof VillageInfo, value: string | number | null): Checked<string | number | null> {
  if ((COUNT_FIELDS as readonly string[]).includes(field)) {
    const fits = value === null || (typeof value === 'number' && Number.isInteger(value) && value >= 0);
    return fits ? { ok: true, value } : { ok: false, message: { key: 'database.info.error.count', params: { fieldKey: `rules.db.info.${field}` } } };
  }
  const text = given(typeof value === 'number' ? String(value) : value);
  if (text === null || field === 'villageName') return { ok: true, value: text };
  if (field === 'villageType') {
    const type = VILLAGE_TYPES.find((entry) => entry.code === text || entry.aliases.includes(text));
    if (type) return { ok: true, value: type.code };
    const params = { given: text, types: VILLAGE_TYPES.map((entry) => entry.code).join('、'), alias: VILLAGE_TYPES[0]?.aliases[0] ?? '' };
    return { ok: false, message: { key: 'database.info.error.villageType', params } };
  }
  const years = PLAN_PERIOD.exec(text);
  const [start, end] = [Number(years?.[1]), Number(years?.[2])];
  return years && start < end ? { ok: true, value: `${start}-${end}` } : { ok: false, message: { key: 'database.info.error.planPeriod', params: { given: text } } };
}

function checkedAllocation(number: number, value: number | null): Checked<number | null> {
  if (!ALLOCATED_NUMBERS.includes(number)) return { ok: false, message: { key: 'database.info.error.notAllocated', params: { number, numbers: ALLOCATED_NUMBERS.join('、') } } };
  const fits = value === null || (Number.isFinite(value) && value >= 0);
  return fits ? { ok: true, value } : { ok: false, message: { key: 'database.info.error.allocation', params: { indicatorKey: `rules.db.indicator.${number}`, number } } };
}

interface Checking {
  readonly problems: readonly EntryProblem[];
  readonly info: Partial<Record<keyof VillageInfo, string | number | null>>;
  readonly allocations: Record<number, number | null>;
}

function check(changes: Partial<VillageInfo>, allocations: AllocationChanges): Checking {
  const problems: EntryProblem[] = [];
  const info: Checking['info'] = {};
  for (const [field, value] of Object.entries(changes) as [keyof VillageInfo, string | number | null | undefined][]) {
    if (value === undefined) continue;
    const checked = checkedInfo(field, value);
    if (checked.ok) info[field] = checked.value;
    else problems.push({ entry: field, message: checked.message });
  }
  const allocated: Record<number, number | null> = {};
  for (const [key, value] of Object.entries(allocations)) {
    if (value === undefined) continue;
    const checked = checkedAllocation(Number(key), value);
    if (checked.ok) allocated[Number(key)] = checked.value;
    else problems.push({ entry: `allocation.${Number(key)}`, message: checked.message });
  }
  return { problems, info, allocations: allocated };
}

/** Every entry the planner got wrong, each with what is expected: the form shows them all at once. */
export function villageInfoProblems(changes: Partial<VillageInfo>, allocations: AllocationChanges = {}): readonly EntryProblem[] {
  return check(changes, allocations).problems;
}

/** The edit setting the entries that differ from the database's; refused with the first problem, if any. */
export function setVillageInfo(db: VillageDatabase, changes: Partial<VillageInfo>, allocations: AllocationChanges = {}): Result<DatabaseEdit> {
  const checked = check(changes, allocations);
  const [problem] = checked.problems;
  if (problem !== undefined) return failure(problem.message.key, problem.message.params);
  const before: { info: Record<string, string | number | null>; allocations: Record<number, number | null> } = { info: {}, allocations: {} };
  const after: typeof before = { info: {}, allocations: {} };
  for (const [field, value] of Object.entries(checked.info) as [keyof VillageInfo, string | number | null][]) {
    if (db.info[field] === value) continue;
    before.info[field] = db.info[field];
    after.info[field] = value;
  }
  for (const [key, value] of Object.entries(checked.allocations)) {
    const had = db.allocations[Number(key)] ?? null;
    if (had === value) continue;
    before.allocations[Number(key)] = had;
    after.allocations[Number(key)] = value;
  }
  const count = Object.keys(after.info).length + Object.keys(after.allocations).length;
  const edit: DatabaseEdit = { labelKey: 'database.info.label', params: { count }, changes: [], village: { before: before as VillageEntries, after: after as VillageEntries } };
  return success(edit, count === 0 ? [{ key: 'database.info.unchanged' }] : []);
}
