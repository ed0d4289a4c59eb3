/**
 * 尾数平差: rounds a sum tree (a table's rows, its subtotals and its total) so that the printed rows of every
 * sum add up to the printed sum. Rounding each row on its own does not: three parcels of ⅓ ha print as
 * 0.33 + 0.33 + 0.33 under a 1.00 total, and their shares as 33.33 × 3 under 100.00.
 *
 * Top-down: the root is its own rounding; each sum's printed figure is shared among its rows by largest
 * remainder (Hamilton's method): every row starts at its value rounded down, and the hundredths still
 * missing go, one each, to the rows that rounding down cut most. A row so never moves more than the one
 * hundredth its own rounding could, except where the sum must also make room for a `fixed` row.
 *
 * domain.md §5 asks that totals equal the sum of rows after rounding, by "adjusting the largest row's last
 * digit"; largest remainder is our reading of that for tables with many rows [ours]: one large row taking
 * several hundredths would move it further from its own area than any survey adjustment does.
 *
 * `fixed` rows keep their own rounding (a figure another table shows too, such as 耕地 or 村庄建设用地, must
 * read the same in both); their siblings absorb the difference. Rows whose value is exactly 0 stay 0 (an
 * empty class never prints 0.01). Values are non-negative (areas or shares): a signed change is printed as
 * the difference of two balanced figures, not balanced itself.
 */
import { roundTo } from './units.ts';

export interface RoundingNode {
  readonly key: string;
  /** The unrounded value, ≥ 0, in the unit printed (公顷, %). */
  readonly value: number;
  /** Printed as its own rounding, whatever its siblings need. The root always is. */
  readonly fixed?: boolean;
  /** The parts that sum to it. Their values should add up to this value; where they do not, they are balanced against its printed figure all the same. */
  readonly children?: readonly RoundingNode[];
}

/** A scaled value that floating point leaves a hair off a whole step (0.29 × 100 = 28.999999999999996) is that step. */
function snapped(scaled: number): number {
  const whole = Math.round(scaled);
  return Math.abs(scaled - whole) <= 1e-9 * Math.max(1, Math.abs(scaled)) ? whole : scaled;
}

/** Each node's printed figure, by key, to `decimals`: every sum's rows add up to it exactly (in steps of 10^−decimals). */
export function roundBalanced(root: RoundingNode, decimals = 2): Map<string, number> {
  const factor = 10 ** decimals;
  const steps = new Map<string, number>();
  const ownSteps = (node: RoundingNode) => Math.round(roundTo(node.value, decimals) * factor);

  const share = (node: RoundingNode, printed: number) => {
    steps.set(node.key, printed);
    const children = node.children ?? [];
    if (children.length === 0) return;
    for (const child of children) {
      if (!(child.value >= 0)) throw new Error(`roundBalanced: ${child.key} is ${child.value}, not a non-negative value`);
    }
    const fixedSum = children.filter((c) => c.fixed).reduce((sum, c) => sum + ownSteps(c), 0);
    const free = children.filter((c) => !c.fixed && c.value > 0).map((c) => ({ node: c, scaled: snapped(c.value * factor), at: 0 }));
    for (const f of free) f.at = Math.floor(f.scaled);
    let missing = printed - fixedSum - free.reduce((sum, f) => sum + f.at, 0);
    // One step at a time to the row furthest below its value (or, taking back, furthest above it and not at 0);
    // ties to the larger row, then the earlier one. `missing` is at most a few steps, so this stays cheap.
    const byNeed = (sign: 1 | -1) => (a: (typeof free)[number], b: (typeof free)[number]) => sign * (b.scaled - b.at - (a.scaled - a.at)) || b.scaled - a.scaled || free.indexOf(a) - free.indexOf(b);
    while (missing !== 0) {
      const sign = missing > 0 ? 1 : -1;
      const candidates = sign > 0 ? free : free.filter((f) => f.at > 0);
      const chosen = [...candidates].sort(byNeed(sign))[0];
      if (!chosen) break; // only fixed or empty rows: this sum cannot be balanced, its rows print as they are
      chosen.at += sign;
      missing -= sign;
    }
    const printedOf = new Map(free.map((f) => [f.node, f.at]));
    for (const child of children) share(child, child.fixed ? ownSteps(child) : (printedOf.get(child) ?? 0));
  };

  share(root, ownSteps(root));
  return new Map([...steps].map(([key, n]) => [key, n / factor]));
}
