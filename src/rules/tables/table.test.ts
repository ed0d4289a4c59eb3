import { describe, expect, it } from 'vitest';
import { balanceRounding, roundTree } from './table.ts';

describe('balanceRounding', () => {
  it('leaves rows alone when they already add up', () => {
    expect(balanceRounding(30_000, [10_000, 20_000])).toEqual({ total: 300, parts: [100, 200], adjusted: null });
  });

  it('gives the difference to the largest row', () => {
    // 0.334 + 0.333 + 0.333 ha = 1.000: rows round to 0.33 each, the largest takes the last 0.01.
    const balanced = balanceRounding(10_000, [3_340, 3_330, 3_330]);
    expect(balanced.total).toBe(100);
    expect(balanced.parts).toEqual([34, 33, 33]);
    expect(balanced.adjusted).toEqual({ index: 0, by: 1 });
  });

  it('respects signs (base − demolition + new build = end)', () => {
    const balanced = balanceRounding(10_000 - 55 + 49, [10_000, 55, 49], [1, -1, 1]);
    expect(balanced.total - (balanced.parts[0]! - balanced.parts[1]! + balanced.parts[2]!)).toBe(0);
  });
});

describe('roundTree: each quantity rounded once, one row adjusted per sum that does not add up', () => {
  it('leaves every figure at its own rounding when the rows add up', () => {
    const rounded = roundTree({ key: 't', m2: 30_000, children: [{ key: 'a', m2: 10_000 }, { key: 'b', m2: 20_000 }] });
    expect(Object.fromEntries(rounded.cents)).toEqual({ t: 300, a: 100, b: 200 });
    expect(rounded.adjusted).toEqual([]);
  });

  it('rows that add up only after adjustment: the largest row takes the last digit', () => {
    // 0.334 + 0.333 + 0.333 ha = 1.000 ha: 0.33 × 3 = 0.99, so 0.334 is shown as 0.34.
    const rounded = roundTree({ key: 't', m2: 10_000, children: [{ key: 'a', m2: 3_340 }, { key: 'b', m2: 3_330 }, { key: 'c', m2: 3_330 }] });
    expect(Object.fromEntries(rounded.cents)).toEqual({ t: 100, a: 34, b: 33, c: 33 });
    expect(rounded.adjusted).toEqual([{ key: 'a', by: 1 }]);
  });

  it('never adjusts a fixed row (a quantity another table shows), even the largest', () => {
    const rounded = roundTree({ key: 't', m2: 10_000, fixed: true, children: [{ key: 'a', m2: 3_340, fixed: true }, { key: 'b', m2: 3_331 }, { key: 'c', m2: 3_329 }] });
    expect(rounded.cents.get('a')).toBe(33);
    expect(rounded.cents.get('b')).toBe(34);
    expect(rounded.adjusted).toEqual([{ key: 'b', by: 1 }]);
  });

  it('prefers a row to a group, even a larger group, so one row moves and no group with it', () => {
    // 2.22 ha shown for rows of 2.01 (a group) + 0.10 + 0.10: a row takes the 0.01, not the group.
    const rounded = roundTree({
      key: 't',
      m2: 20_080 + 1_040 + 1_040,
      children: [{ key: 'group', m2: 20_080, children: [{ key: 'g1', m2: 10_040 }, { key: 'g2', m2: 10_040 }] }, { key: 'row', m2: 1_040 }, { key: 'row2', m2: 1_040 }],
    });
    expect(Object.fromEntries(rounded.cents)).toEqual({ t: 222, group: 201, g1: 101, g2: 100, row: 11, row2: 10 });
    expect(rounded.adjusted).toEqual([{ key: 'row', by: 1 }, { key: 'g1', by: 1 }]);
  });

  it('adjusts a group only where a sum has no free row, then balances the group’s rows, never a fixed sub-group', () => {
    // total 2.32 = groups 2.11 + 0.10 + 0.10 = 2.31: the largest group takes 0.01; inside it the fixed
    // sub-group (耕地, shown in F1) keeps 2.01 and the row beside it takes the 0.01.
    const rounded = roundTree({
      key: 'total',
      m2: 23_200,
      fixed: true,
      children: [
        { key: 'agri', m2: 21_120, children: [{ key: 'cultivated', m2: 20_080, fixed: true, children: [{ key: '111', m2: 10_040 }, { key: '113', m2: 10_040 }] }, { key: '12', m2: 1_040 }] },
        { key: 'eco', m2: 1_040, children: [{ key: '131', m2: 1_040 }] },
        { key: 'settlement', m2: 1_040, children: [{ key: '2121', m2: 1_040 }] },
      ],
    });
    expect(rounded.cents.get('total')).toBe(232);
    expect(rounded.cents.get('cultivated')).toBe(201);
    expect(rounded.cents.get('agri')).toBe(212);
    expect(rounded.cents.get('12')).toBe(11);
    expect(rounded.cents.get('111')! + rounded.cents.get('113')!).toBe(201);
    expect(rounded.adjusted.map((a) => a.key)).toEqual(['agri', '12', '111']);
  });

  it('respects signs (target = base − decrease + increase), base and target fixed', () => {
    const rounded = roundTree({
      key: 'target',
      m2: 10_000 - 55 + 49,
      fixed: true,
      children: [{ key: 'base', m2: 10_000, fixed: true }, { key: 'decrease', m2: 55, sign: -1 }, { key: 'increase', m2: 49 }],
    });
    const c = (k: string) => rounded.cents.get(k)!;
    expect(c('base')).toBe(100);
    expect(c('target')).toBe(100);
    expect(c('base') - c('decrease') + c('increase')).toBe(c('target'));
  });

  it('shows kept figures (the base year’s, of rows that did not change), lists those off their own rounding, and adjusts a kept row only where no other can take the difference', () => {
    // 1.006 + 0.504 = 1.51: 'a' kept at 1.00 (own 1.01) leaves 0.01 for 'b' (own 0.50 → 0.51).
    const rounded = roundTree({ key: 't', m2: 15_100, fixed: true, children: [{ key: 'a', m2: 10_060 }, { key: 'b', m2: 5_040 }] }, new Map([['a', 100]]));
    expect(Object.fromEntries(rounded.cents)).toEqual({ t: 151, a: 100, b: 51 });
    expect(rounded.adjusted).toEqual([{ key: 'a', by: -1 }, { key: 'b', by: 1 }]);
    // Every row kept: the largest takes the difference after all; its two adjustments net out (back to its own 1.01), so none is listed.
    const allKept = roundTree({ key: 't', m2: 15_100, fixed: true, children: [{ key: 'a', m2: 10_060 }, { key: 'b', m2: 5_040 }] }, new Map([['a', 100], ['b', 50]]));
    expect(Object.fromEntries(allKept.cents)).toEqual({ t: 151, a: 101, b: 50 });
    expect(allKept.adjusted).toEqual([]);
  });

  it('a group whose rows all keep their figures (kept or fixed) shows their sum, and the difference goes to a row beside it that may move', () => {
    // g = kept 1.00 + fixed 0.50 = 1.50 (own 1.51); t = 1.51 is fixed, so 'other' (own 0.00) shows 0.01.
    const rounded = roundTree(
      { key: 't', m2: 15_120, fixed: true, children: [{ key: 'g', m2: 15_100, children: [{ key: 'k', m2: 10_060 }, { key: 'f', m2: 5_040, fixed: true }] }, { key: 'other', m2: 20 }] },
      new Map([['k', 100]]),
    );
    expect(Object.fromEntries(rounded.cents)).toEqual({ t: 151, g: 150, k: 100, f: 50, other: 1 });
    expect(rounded.adjusted).toEqual([{ key: 'k', by: -1 }, { key: 'g', by: -1 }, { key: 'other', by: 1 }]);
  });

  it('refuses a sum of fixed rows that does not add up (a table bug)', () => {
    expect(() => roundTree({ key: 't', m2: 10_000, children: [{ key: 'a', m2: 3_340, fixed: true }, { key: 'b', m2: 3_330, fixed: true }, { key: 'c', m2: 3_330, fixed: true }] })).toThrow(/fixed/);
  });
});
