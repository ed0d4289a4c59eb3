/**
 * F2 土地利用结构调整表 (domain.md §5): area and share of each class group at base and target year, and the
 * change, by the 2017 profile's class groups (profiles/zhejiang-2017/table-rows.ts `F2_GROUPS`).
 *
 * As the land survey counts it, 耕地 is net of 田坎 and the 田坎 deducted from 耕地 parcels (KKSM) is 田坎
 * (155), so the total is the land's area (rules/farmland-area.ts); a footnote gives 耕地 gross. Every row is
 * its own m² rounded once (耕地 and the total are the figures F1 and F4 show); where rows do not add up to
 * their group, one row is adjusted and footnoted (table.ts `roundTree`); a row the plan leaves as it was keeps
 * its base-year figure at the target year, so only rows that changed show a change. Shares are of unrounded m², with
 * 尾数平差 (domain/balanced-rounding.ts) so that each group's shares add up to its share and the groups' to
 * 100.00 (domain.md §5: totals equal the sum of rows after rounding), and a footnote where that moved any.
 */
import { roundBalanced, type RoundingNode } from '../../domain/balanced-rounding.ts';
import { roundTo } from '../../domain/units.ts';
import type { LandClassCode } from '../../profiles/zhejiang-2017/land-classes.ts';
import type { RuleProfile } from '../../profiles/zhejiang-2017/rule-profile.ts';
import { FIELD_RIDGE_CLASS } from '../../profiles/zhejiang-2017/class-roles.ts';
import { F2_GROUPS, type F2GroupNode } from '../../profiles/zhejiang-2017/table-rows.ts';
import type { DerivedPlan } from '../derive/derived-plan.ts';
import { classAt, ridgeAt, type PlanYear } from '../farmland-area.ts';
import { hectareCents, roundingFootnote, roundTree, type Column, type Footnote, type Row, type SumNode, type Table } from './table.ts';

const COLUMNS: readonly Column[] = [
  { key: 'base', labelKey: 'tables.col.baseHa', unit: 'ha' },
  { key: 'baseShare', labelKey: 'tables.col.baseShare', unit: 'percent' },
  { key: 'target', labelKey: 'tables.col.targetHa', unit: 'ha' },
  { key: 'targetShare', labelKey: 'tables.col.targetShare', unit: 'percent' },
  { key: 'change', labelKey: 'tables.col.change', unit: 'ha' },
];

function codesOf(node: F2GroupNode): LandClassCode[] {
  return node.codes ? [...node.codes] : (node.children ?? []).flatMap(codesOf);
}

/**
 * Rows never adjusted: those another table shows too (耕地 in F1 and F4, the land total), and 田坎, whose
 * ridges the footnote quotes (on survey data without drawn 田坎 the row is exactly that figure).
 */
const SHARED = new Set(['cultivated', 'total', FIELD_RIDGE_CLASS]);

export function f2Structure(derived: DerivedPlan, profile: Pick<RuleProfile, 'newFarmlandRidgeCoefficient'>): Table {
  const byClass = { base: new Map<string, number>(), target: new Map<string, number>() };
  const ridges = { base: 0, target: 0 };
  const add = (year: PlanYear, code: string, m2: number) => byClass[year].set(code, (byClass[year].get(code) ?? 0) + m2);
  for (const total of derived.kindTotals()) {
    for (const year of ['base', 'target'] as const) {
      const ridge = ridgeAt(total, year, profile);
      add(year, classAt(total.kind, year), total.areaM2 - ridge);
      if (ridge !== 0) add(year, FIELD_RIDGE_CLASS, ridge);
      ridges[year] += ridge;
    }
  }
  const areaOf = (year: PlanYear, node: F2GroupNode) => codesOf(node).reduce((s, c) => s + (byClass[year].get(c) ?? 0), 0);
  const totalM2 = { base: [...byClass.base.values()].reduce((s, v) => s + v, 0), target: [...byClass.target.values()].reduce((s, v) => s + v, 0) };

  const footnotes: Footnote[] = [];
  const cents = {} as Record<PlanYear, ReadonlyMap<string, number>>;
  const labels = new Map<string, string>([['total', 'tables.F2.total']]);
  const sumNode = (year: PlanYear, node: F2GroupNode): SumNode => {
    labels.set(node.key, node.labelKey);
    return { key: node.key, m2: areaOf(year, node), fixed: SHARED.has(node.key), ...(node.children ? { children: node.children.map((c) => sumNode(year, c)) } : {}) };
  };
  const yearTree = (year: PlanYear): SumNode => ({ key: 'total', m2: totalM2[year], fixed: true, children: F2_GROUPS.map((g) => sumNode(year, g)) });
  const trees = { base: yearTree('base'), target: yearTree('target') };
  for (const year of ['base', 'target'] as const) {
    const rounded = roundTree(trees[year], year === 'target' ? unchangedFigures(trees.base, cents.base, trees.target) : new Map());
    cents[year] = rounded.cents;
    const column = year === 'base' ? 'tables.col.baseHa' : 'tables.col.targetHa';
    for (const a of rounded.adjusted) footnotes.push(roundingFootnote(labels.get(a.key)!, column, a.by));
  }

  const shares = { base: shareFigures(totalM2.base, (node) => areaOf('base', node)), target: shareFigures(totalM2.target, (node) => areaOf('target', node)) };
  if ((['base', 'target'] as const).some((year) => shares[year]?.moved)) footnotes.push({ key: 'tables.F2.shareRounding', params: {} });

  const rows: Row[] = [];
  const share = (year: PlanYear, key: string) => {
    const figures = shares[year]?.figures;
    return figures ? { value: figures.get(key) ?? 0 } : null;
  };
  const row = (key: string, labelKey: string, level: number, m2: { base: number; target: number }): Row => {
    const b = cents.base.get(key) ?? 0;
    const t = cents.target.get(key) ?? 0;
    return {
      key,
      labelKey,
      level,
      cells: { base: { value: b / 100, m2: m2.base }, baseShare: share('base', key), target: { value: t / 100, m2: m2.target }, targetShare: share('target', key), change: { value: (t - b) / 100 } },
    };
  };
  const visit = (node: F2GroupNode, level: number) => {
    rows.push(row(node.key, node.labelKey, level, { base: areaOf('base', node), target: areaOf('target', node) }));
    for (const child of node.children ?? []) visit(child, level + 1);
  };
  for (const node of F2_GROUPS) visit(node, 0);
  rows.push(row('total', 'tables.F2.total', 0, totalM2));
  // 耕地 gross (the figure F1 and F4 show), and the 田坎 in it that the 田坎 row counts.
  const cultivated = F2_GROUPS.flatMap((g) => g.children ?? []).find((n) => n.key === 'cultivated')!;
  const ha = (m2: number) => (hectareCents(m2) / 100).toFixed(2);
  footnotes.unshift({
    key: 'tables.F2.net',
    params: { baseGross: ha(areaOf('base', cultivated) + ridges.base), targetGross: ha(areaOf('target', cultivated) + ridges.target), baseRidge: ha(ridges.base), targetRidge: ha(ridges.target) },
  });
  return { id: 'F2', titleKey: 'tables.F2.title', columns: COLUMNS, rows, footnotes };
}

/**
 * The base year's figures of the rows whose m² the plan leaves as they were (the same to the 0.01 m² the
 * cells print): kept at the target year, so a class no change touches never shows a change of ±0.01 ha
 * because its group's rounding took the difference in one year and not in the other.
 */
function unchangedFigures(base: SumNode, baseCents: ReadonlyMap<string, number>, target: SumNode): Map<string, number> {
  const baseM2 = new Map<string, number>();
  const collect = (node: SumNode) => {
    baseM2.set(node.key, node.m2);
    node.children?.forEach(collect);
  };
  collect(base);
  const kept = new Map<string, number>();
  const visit = (node: SumNode) => {
    const m2 = baseM2.get(node.key);
    if (m2 !== undefined && roundTo(m2, 2) === roundTo(node.m2, 2)) kept.set(node.key, baseCents.get(node.key) as number);
    node.children?.forEach(visit);
  };
  visit(target);
  return kept;
}

/**
 * A year's shares (%) as printed, by row key (the total's is `total`): of unrounded m², balanced so that every
 * group's rows add up to it and the groups to 100.00; `moved` when any differs from its own rounding. Null
 * when the year has no land. Land in no group is a part of the total that no row shows, never adjusted.
 */
function shareFigures(totalM2: number, areaOf: (node: F2GroupNode) => number): { figures: ReadonlyMap<string, number>; moved: boolean } | null {
  if (totalM2 === 0) return null;
  const node = (group: F2GroupNode): RoundingNode => ({ key: group.key, value: (100 * areaOf(group)) / totalM2, ...(group.children ? { children: group.children.map(node) } : {}) });
  const groups = F2_GROUPS.map(node);
  const unshown = Math.max(0, 100 - groups.reduce((s, g) => s + g.value, 0));
  const figures = roundBalanced({ key: 'total', value: 100, children: [...groups, { key: 'unshown', value: unshown, fixed: true }] });
  const own = (n: RoundingNode): boolean => roundTo(n.value, 2) !== figures.get(n.key) || (n.children ?? []).some(own);
  return { figures, moved: groups.some(own) };
}
