/**
 * Typed tables a UI, a CSV writer and an xlsx writer can all render: rows and columns carry i18n label
 * keys; an area cell keeps the unrounded m² beside the figure shown in 公顷.
 *
 * Rounding: every quantity is rounded once, from its own unrounded m², so a quantity that two tables
 * show (耕地 in F1, F2 and F4; 建设用地 in F1 and F3) has one figure everywhere. Where rows must add up to
 * a total and their rounded figures do not, survey practice (domain.md §5) adjusts the last digit of one
 * row, inside that table only, with a footnote (`roundTree`): never a quantity another table shows, a
 * row rather than a group (a group's adjustment would move its own rows), the largest such row.
 */
import { roundTo } from '../../domain/units.ts';

export type TableId = 'F1' | 'F2' | 'F3' | 'F4' | 'F5' | 'demolitionList' | 'newBuildList' | 'linkage';
export type Unit = 'ha' | 'm2' | 'percent' | 'count' | 'text';

export interface Column {
  readonly key: string;
  readonly labelKey: string;
  readonly unit: Unit;
}

/** A number as shown (公顷 to 2 dp, m² to 2 dp, % to 2 dp), with the unrounded m² of an area underneath. */
export type Cell = { readonly value: number; readonly m2?: number } | { readonly text: string; readonly textKey?: boolean } | null;

export interface Row {
  readonly key: string;
  readonly labelKey: string;
  readonly labelParams?: Readonly<Record<string, string | number>>;
  /** Indent: 0 for a total or group, 1 for its rows, 2 below that. */
  readonly level: number;
  readonly cells: Readonly<Record<string, Cell>>;
}

export interface Footnote {
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface Table {
  readonly id: TableId;
  readonly titleKey: string;
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
  readonly footnotes: readonly Footnote[];
}

/** Hundredths of a hectare (= 100 m²) as an integer, rounded half away from zero. */
export function hectareCents(m2: number): number {
  return roundTo(m2 / 100, 0);
}

export function haCell(m2: number, cents = hectareCents(m2)): Cell {
  return { value: cents / 100, m2 };
}

export function m2Cell(m2: number | null): Cell {
  return m2 === null ? null : { value: roundTo(m2, 2), m2 };
}

export function numberCell(value: number | null, decimals = 2): Cell {
  return value === null || !Number.isFinite(value) ? null : { value: roundTo(value, decimals) };
}

export function textCell(text: string): Cell {
  return { text };
}

export interface Balanced {
  readonly total: number;
  readonly parts: readonly number[];
  /** Index of the part that took the difference, and by how many hundredths. */
  readonly adjusted: { readonly index: number; readonly by: number } | null;
}

/**
 * Rounds `parts` (m², each with a sign: +1 adds, −1 subtracts) to hundredths of a hectare so that they add
 * up to the rounded `total`, or to `totalCents` when the total was itself adjusted (a group inside a
 * table); the part of largest magnitude takes any difference.
 */
export function balanceRounding(total: number, parts: readonly number[], signs: readonly (1 | -1)[] = parts.map(() => 1), totalCents = hectareCents(total)): Balanced {
  const cents = parts.map((p) => hectareCents(p));
  const sum = cents.reduce((s, c, i) => s + c * (signs[i] ?? 1), 0);
  const difference = totalCents - sum;
  if (difference === 0 || parts.length === 0) return { total: totalCents, parts: cents, adjusted: null };
  let largest = 0;
  parts.forEach((p, i) => {
    if (Math.abs(p) > Math.abs(parts[largest] as number)) largest = i;
  });
  const by = difference * (signs[largest] ?? 1);
  cents[largest] = (cents[largest] as number) + by;
  return { total: totalCents, parts: cents, adjusted: { index: largest, by } };
}

/** A quantity in a table's sum: its unrounded m², its sign in its parent's sum and the rows it sums. */
export interface SumNode {
  readonly key: string;
  readonly m2: number;
  /** +1 adds to the parent, −1 subtracts from it (target = base − decrease + increase). Default +1. */
  readonly sign?: 1 | -1;
  /** A quantity another table (or the issues panel) shows too: its figure is never adjusted. */
  readonly fixed?: boolean;
  readonly children?: readonly SumNode[];
}

export interface RoundedTree {
  /** Hundredths of a hectare shown for each node, by key. */
  readonly cents: ReadonlyMap<string, number>;
  /** Rows whose figure differs from their own rounding, in the order they were first adjusted, and by how many hundredths. */
  readonly adjusted: readonly { readonly key: string; readonly by: number }[];
}

/**
 * Rounds every node of a sum tree from its own m², then, top-down, makes each node's rows add up to its
 * figure: the difference goes to one row that is not `fixed`, a leaf if there is one (so no other row
 * moves), else a group (whose own rows are then balanced against its new figure); the largest by m².
 * `kept`: figures some nodes must show instead of their own rounding (F2's target year keeps the base
 * year's figure of a class nothing changes, so its change reads 0.00). A group whose rows all show figures
 * set so (kept, or fixed, with at least one kept) shows their sum and counts as kept itself, so the
 * difference goes up to a sum with a row that may move; a kept row moves only where no other row can.
 * Every figure that ends off its own rounding is listed as adjusted, to be footnoted.
 * Throws if a sum has only fixed rows (a table bug: such a sum cannot be balanced).
 */
export function roundTree(root: SumNode, kept: ReadonlyMap<string, number> = new Map()): RoundedTree {
  const cents = new Map<string, number>();
  const by = new Map<string, number>();
  const held = new Set<string>();
  const adjust = (key: string, hundredths: number) => {
    cents.set(key, (cents.get(key) as number) + hundredths);
    by.set(key, (by.get(key) ?? 0) + hundredths);
  };
  const figureOf = (c: SumNode) => (cents.get(c.key) as number) * (c.sign ?? 1);
  const roundAll = (node: SumNode) => {
    cents.set(node.key, hectareCents(node.m2));
    const figure = node.fixed ? undefined : kept.get(node.key);
    if (figure !== undefined) {
      held.add(node.key);
      adjust(node.key, figure - (cents.get(node.key) as number));
    }
    const children = node.children ?? [];
    children.forEach(roundAll);
    if (!node.fixed && children.some((c) => held.has(c.key)) && children.every((c) => c.fixed || held.has(c.key))) {
      held.add(node.key);
      adjust(node.key, children.reduce((s, c) => s + figureOf(c), 0) - (cents.get(node.key) as number));
    }
  };
  const balance = (node: SumNode) => {
    const children = node.children ?? [];
    if (children.length === 0) return;
    const difference = (cents.get(node.key) as number) - children.reduce((s, c) => s + figureOf(c), 0);
    if (difference !== 0) {
      const free = children.filter((c) => !c.fixed);
      const moving = free.filter((c) => !held.has(c.key));
      const isLeaf = (c: SumNode) => !c.children?.length;
      const pool = [moving.filter(isLeaf), moving, free.filter(isLeaf), free].find((p) => p.length > 0);
      if (!pool) throw new Error(`roundTree: the rows of ${node.key} are all fixed`);
      const chosen = pool.reduce((best, c) => (Math.abs(c.m2) > Math.abs(best.m2) ? c : best));
      adjust(chosen.key, difference * (chosen.sign ?? 1));
    }
    children.forEach(balance);
  };
  roundAll(root);
  balance(root);
  const adjusted = [...by].filter(([, hundredths]) => hundredths !== 0).map(([key, hundredths]) => ({ key, by: hundredths }));
  return { cents, adjusted };
}

/** The footnote of an adjusted row; `row` is a label key, or `{ text }` for a row named by data (a parcel number). */
export function roundingFootnote(row: string | { readonly text: string }, columnLabelKey: string, byCents: number): Footnote {
  const rowParam: Record<string, string> = typeof row === 'string' ? { rowKey: row } : { row: row.text };
  return { key: 'tables.footnote.rounding', params: { ...rowParam, columnKey: columnLabelKey, by: byCents / 100 } };
}
