/**
 * Fills a structure table (the Zhejiang 规划用地结构调整表, domain-2026.md §4.1) from the base year's and
 * the target year's parcels. Pure: parcels in, figures and findings out.
 *
 * A detail row sums the parcels coded with its code or a code below it in the classification (a row coded
 * 02 takes 0201–0205, one coded 060101 only 060101). Only codes of 用地用海 2023 are placed: a string that
 * merely starts like one (010100, 0199, 0100, 1801) is in no row and no subtotal, as in the 指标一览表;
 * callers leave such parcels out and say so (`rules/ydyh/database-tables.ts`). Subtotals are computed
 * from membership, never typed: a parcel counts in the subtotal its detail row is within, or, coded above
 * the rows' level (0703), in the subtotal the layout's `coarse` gives it, and then in no detail row. The
 * total is every parcel, so a code in no group counts there only, unless the plan puts it in a subtotal
 * (`planGroups`, only for codes the layout groups nowhere: the template's rows are fixed), where it counts
 * as a coarse code does but is the plan's choice, not a fault. `values` are 公顷 and %, unrounded, for the
 * checks; `printed` are the figures every display and export shows (`printedFigures`): to two decimals, with
 * 尾数平差 so that each subtotal's printed rows add up to it and the shares to 100.00.
 *
 * The findings are what the rule `ydyh-table-level` reports: codes too coarse for a detail row, codes in
 * no subtotal, and rows whose parts do not add up to them (which those two codes cause).
 */
import { roundBalanced, type RoundingNode } from '../../domain/balanced-rounding.ts';
import { YDYH_2023_INDEX } from './classes-2023.ts';
import { ZJ_STRUCTURE_TABLE, type StructureRow, type StructureTableLayout, type ValueKey, type ZjSubtotal } from './zj-structure-table.ts';
import { addToList } from '../../domain/lists.ts';

export interface ParcelArea {
  readonly code: string;
  readonly areaM2: number;
}

export type Year = 'base' | 'target';

export interface FilledRow<S extends string = string> {
  readonly row: StructureRow<S>;
  /** 面积 in 公顷, 比重 in % of the year's total (null when the total is 0), 面积变化 = target − base. */
  readonly values: Readonly<Record<ValueKey, number | null>>;
  /** `values` as printed: 2 decimals, rows adding up to their subtotals and the total, shares to 100.00; 面积变化 = printed target − printed base. */
  readonly printed: Readonly<Record<ValueKey, number | null>>;
  /** Both years' areas are 0: the template deletes such a row, the UI may hide it. */
  readonly empty: boolean;
}

export type TableLevelFinding<S extends string = string> =
  /** A code above the detail rows' level: it counts in `subtotal` but in no detail row. */
  | { readonly kind: 'tooCoarse'; readonly code: string; readonly subtotal: S; readonly base: number; readonly target: number }
  /**
   * A code in no subtotal: it counts in the total only. `listed` when the layout names it as a gap of the
   * template (0802, sea codes…); otherwise the table does not know the code at all.
   */
  | { readonly kind: 'ungrouped'; readonly code: string; readonly listed: boolean; readonly base: number; readonly target: number }
  /** A code in no subtotal that the plan puts in `subtotal`: it counts there, in no detail row (a note, not a fault). */
  | { readonly kind: 'planGrouped'; readonly code: string; readonly subtotal: S; readonly base: number; readonly target: number }
  /** A subtotal (or the total) that its rows do not add up to, in one year: `difference` = value − parts. */
  | { readonly kind: 'partsDoNotSum'; readonly row: string; readonly year: Year; readonly value: number; readonly parts: number; readonly difference: number };

export interface FilledStructureTable<S extends string = string> {
  readonly layout: StructureTableLayout<S>;
  readonly rows: readonly FilledRow<S>[];
  readonly findings: readonly TableLevelFinding<S>[];
}

const M2_PER_HA = 10_000;
/** Below a hundredth of a square metre a difference of sums is floating-point noise, not a missing parcel. */
const SUM_TOLERANCE_M2 = 0.01;

/** The key a row's figures are summed under: a subtotal row's is the subtotal it computes. */
const sumKey = (row: StructureRow): string => (row.kind === 'subtotal' ? row.computes : row.key);

/** Where a code falls in the table: a detail row, only a subtotal, or nowhere but the total. */
type Placement<S extends string> =
  | { readonly kind: 'detail'; readonly key: string; readonly within: S }
  | { readonly kind: 'coarse'; readonly within: S }
  | { readonly kind: 'ungrouped'; readonly listed: boolean }
  | { readonly kind: 'planGrouped'; readonly within: S };

/** The key the plan-grouped codes of a subtotal are summed under: a part of that subtotal beside its rows. */
const plannedKey = (subtotal: string): string => `planned:${subtotal}`;

/** The entry whose prefix is the longest one of `code` (070301 before 0703). */
const longestPrefix = <T extends { readonly prefix: string }>(entries: readonly T[], code: string): T | undefined =>
  entries.filter((e) => code.startsWith(e.prefix)).reduce<T | undefined>((best, e) => (best && best.prefix.length >= e.prefix.length ? best : e), undefined);

/**
 * The placement of a code of the classification: the entry whose code is its longest prefix (its nearest
 * ancestor: 2023 codes extend their parent's by two digits); where that is nowhere, the plan's subtotal. A code
 * the classification does not have is nowhere, whatever it starts with.
 */
function placer<S extends string>(layout: StructureTableLayout<S>, planGroups: Readonly<Record<string, S>>): (code: string) => Placement<S> {
  const entries: { readonly prefix: string; readonly placement: Placement<S> }[] = [];
  for (const row of layout.rows) if (row.kind === 'detail') entries.push({ prefix: row.code, placement: { kind: 'detail', key: row.key, within: row.within } });
  for (const [code, within] of Object.entries(layout.coarse) as [string, S][]) entries.push({ prefix: code, placement: { kind: 'coarse', within } });
  for (const code of layout.ungrouped) entries.push({ prefix: code, placement: { kind: 'ungrouped', listed: true } });
  const planned = Object.entries(planGroups).map(([prefix, within]) => ({ prefix, within }));
  const unknown: Placement<S> = { kind: 'ungrouped', listed: false };
  return (code) => {
    if (YDYH_2023_INDEX.get(code) === undefined) return unknown;
    const placement = longestPrefix(entries, code)?.placement ?? unknown;
    if (placement.kind !== 'ungrouped') return placement;
    const chosen = longestPrefix(planned, code);
    return chosen ? { kind: 'planGrouped', within: chosen.within } : placement;
  };
}

/** Each code's area in m², per year. */
function areasByCode(base: readonly ParcelArea[], target: readonly ParcelArea[]): Map<string, Record<Year, number>> {
  const byCode = new Map<string, Record<Year, number>>();
  const add = (year: Year, parcels: readonly ParcelArea[]) => {
    for (const parcel of parcels) {
      const areas = byCode.get(parcel.code) ?? { base: 0, target: 0 };
      areas[year] += parcel.areaM2;
      byCode.set(parcel.code, areas);
    }
  };
  add('base', base);
  add('target', target);
  return byCode;
}

export function fillStructureTable(parcelsBase: readonly ParcelArea[], parcelsTarget: readonly ParcelArea[]): FilledStructureTable<ZjSubtotal>;
export function fillStructureTable<S extends string>(parcelsBase: readonly ParcelArea[], parcelsTarget: readonly ParcelArea[], layout: StructureTableLayout<S>, planGroups?: Readonly<Record<string, S>>): FilledStructureTable<S>;
export function fillStructureTable(parcelsBase: readonly ParcelArea[], parcelsTarget: readonly ParcelArea[], layout: StructureTableLayout = ZJ_STRUCTURE_TABLE, planGroups: Readonly<Record<string, string>> = {}): FilledStructureTable {
  const place = placer(layout, planGroups);
  const byRow = new Map<string, Record<Year, number>>();
  const credit = (key: string, areas: Record<Year, number>) => {
    const sum = byRow.get(key) ?? { base: 0, target: 0 };
    sum.base += areas.base;
    sum.target += areas.target;
    byRow.set(key, sum);
  };
  const parentOf = new Map<string, string | null>();
  for (const row of layout.rows) if (row.kind === 'subtotal') parentOf.set(row.computes, row.within);
  const creditSubtotals = (from: string | null, areas: Record<Year, number>) => {
    for (let at = from; at !== null; at = parentOf.get(at) ?? null) credit(at, areas);
  };

  const findings: TableLevelFinding[] = [];
  const codes = areasByCode(parcelsBase, parcelsTarget);
  for (const [code, areas] of [...codes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    credit('total', areas);
    const ha = { base: areas.base / M2_PER_HA, target: areas.target / M2_PER_HA };
    const placement = place(code);
    switch (placement.kind) {
      case 'detail':
        credit(placement.key, areas);
        creditSubtotals(placement.within, areas);
        break;
      case 'coarse':
        creditSubtotals(placement.within, areas);
        findings.push({ kind: 'tooCoarse', code, subtotal: placement.within, ...ha });
        break;
      case 'ungrouped':
        findings.push({ kind: 'ungrouped', code, listed: placement.listed, ...ha });
        break;
      case 'planGrouped':
        credit(plannedKey(placement.within), areas);
        creditSubtotals(placement.within, areas);
        findings.push({ kind: 'planGrouped', code, subtotal: placement.within, ...ha });
        break;
    }
  }

  const areaOf = (key: string): Record<Year, number> => byRow.get(key) ?? { base: 0, target: 0 };
  const total = areaOf('total');
  const share = (m2: number, of: number) => (of === 0 ? null : (m2 / of) * 100);
  const printed = printedFigures(layout, areaOf);
  const rows = layout.rows.map((row): FilledRow => {
    const m2 = areaOf(sumKey(row));
    return {
      row,
      values: { base: m2.base / M2_PER_HA, baseShare: share(m2.base, total.base), target: m2.target / M2_PER_HA, targetShare: share(m2.target, total.target), change: (m2.target - m2.base) / M2_PER_HA },
      printed: printed(sumKey(row)),
      empty: m2.base === 0 && m2.target === 0,
    };
  });
  findings.push(...partsThatDoNotSum(layout, areaOf));
  return { layout, rows, findings };
}

/** The key of what a sum holds beyond its rows (coarse and plan-grouped codes; in the total, the codes in no subtotal). */
const unshownKey = (sum: string): string => `unshown:${sum}`;

/**
 * The figures as printed, by sum key: each year's areas and shares rounded as one tree (domain/balanced-rounding.ts),
 * the total's rows being its outermost subtotals and each subtotal's its detail rows and inner subtotals. What a
 * sum holds beyond its rows is a part of its own, never printed and never adjusted, so the rows add up to the
 * sum less that part (the `partsDoNotSum` finding says why they cannot add up to all of it). The rows another
 * table shows too (`layout.sharedFigures`) keep their own rounding.
 */
function printedFigures(layout: StructureTableLayout, areaOf: (key: string) => Record<Year, number>): (key: string) => Record<ValueKey, number | null> {
  const parts = new Map<string, string[]>();
  for (const row of layout.rows) {
    if (row.kind === 'detail') addToList(parts, row.within, row.key);
    if (row.kind === 'subtotal') addToList(parts, row.within ?? 'total', row.computes);
  }
  const tree = (key: string, valueOf: (key: string) => number, fixed: ReadonlySet<string>): RoundingNode => {
    const children = (parts.get(key) ?? []).map((k) => tree(k, valueOf, fixed));
    const node = { key, value: valueOf(key), fixed: fixed.has(key) };
    if (children.length === 0) return node;
    const unshown = Math.max(0, node.value - children.reduce((s, c) => s + c.value, 0));
    return { ...node, children: [...children, { key: unshownKey(key), value: unshown, fixed: true }] };
  };
  const shared = new Set(layout.sharedFigures ?? []);
  const figures = { base: new Map<string, number>(), target: new Map<string, number>() };
  const shares: Record<Year, Map<string, number> | null> = { base: null, target: null };
  for (const year of ['base', 'target'] as const) {
    const total = areaOf('total')[year];
    figures[year] = roundBalanced(tree('total', (k) => areaOf(k)[year] / M2_PER_HA, shared));
    if (total !== 0) shares[year] = roundBalanced(tree('total', (k) => (areaOf(k)[year] / total) * 100, new Set()));
  }
  return (key) => {
    const [base, target] = [figures.base.get(key) ?? 0, figures.target.get(key) ?? 0];
    const shareOf = (year: Year) => (shares[year] ? (shares[year].get(key) ?? 0) : null);
    return { base, baseShare: shareOf('base'), target, targetShare: shareOf('target'), change: (Math.round(target * 100) - Math.round(base * 100)) / 100 };
  };
}

/** Each subtotal against its detail rows, the subtotals within it and its plan-grouped codes; the total against the outermost subtotals. */
function partsThatDoNotSum(layout: StructureTableLayout, areaOf: (key: string) => Record<Year, number>): TableLevelFinding[] {
  const parts = new Map<string, string[]>();
  const addPart = (of: string, key: string) => addToList(parts, of, key);
  for (const row of layout.rows) {
    if (row.kind === 'detail') addPart(row.within, row.key);
    if (row.kind === 'subtotal') {
      addPart(row.within ?? 'total', row.computes);
      addPart(row.computes, plannedKey(row.computes));
    }
  }
  const findings: TableLevelFinding[] = [];
  for (const row of layout.rows) {
    if (row.kind === 'detail') continue;
    for (const year of ['base', 'target'] as const) {
      const value = areaOf(sumKey(row))[year];
      const sum = (parts.get(sumKey(row)) ?? []).reduce((s, key) => s + areaOf(key)[year], 0);
      if (Math.abs(value - sum) > SUM_TOLERANCE_M2) {
        findings.push({ kind: 'partsDoNotSum', row: sumKey(row), year, value: value / M2_PER_HA, parts: sum / M2_PER_HA, difference: (value - sum) / M2_PER_HA });
      }
    }
  }
  return findings;
}
