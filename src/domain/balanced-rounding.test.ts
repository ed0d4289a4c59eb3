import { describe, expect, it } from 'vitest';
import { roundBalanced, type RoundingNode } from './balanced-rounding.ts';

const third = 1 / 3;
const leaf = (key: string, value: number, fixed = false): RoundingNode => ({ key, value, ...(fixed ? { fixed } : {}) });
/** Hundredths, so sums compare as integers. */
const cents = (printed: Map<string, number>, key: string) => Math.round((printed.get(key) as number) * 100);

/** Every sum in the tree equals its rows' printed figures, exactly. */
function expectBalanced(node: RoundingNode, printed: Map<string, number>): void {
  if (!node.children?.length) return;
  expect(node.children.reduce((s, c) => s + cents(printed, c.key), 0), node.key).toBe(cents(printed, node.key));
  node.children.forEach((c) => expectBalanced(c, printed));
}

describe('roundBalanced', () => {
  it('makes three parcels of ⅓ ha add up to their 1.00 ha subtotal (rounding each gives 0.33 × 3 = 0.99)', () => {
    const tree = { key: 'total', value: 1, children: [leaf('a', third), leaf('b', third), leaf('c', third)] };
    const printed = roundBalanced(tree);
    expect([printed.get('a'), printed.get('b'), printed.get('c')].sort()).toEqual([0.33, 0.33, 0.34]);
    expect(printed.get('total')).toBe(1);
    expectBalanced(tree, printed);
  });

  it('makes shares of ⅓ each add up to exactly 100.00 %', () => {
    const tree = { key: 'total', value: 100, children: [leaf('a', 100 * third), leaf('b', 100 * third), leaf('c', 100 * third)] };
    const printed = roundBalanced(tree);
    expect([...printed.values()].filter((v) => v !== 100).sort()).toEqual([33.33, 33.33, 33.34]);
  });

  it('gives the missing hundredth to the row that rounding down cut most, not to the largest row', () => {
    const tree = { key: 't', value: 1, children: [leaf('big', 0.604), leaf('mid', 0.198), leaf('small', 0.198)] };
    // floors 60 + 19 + 19 = 98: the two 0.198 rows (remainder .8) take one each; the big row (.4) stays 0.60.
    const printed = roundBalanced(tree);
    expect([printed.get('big'), printed.get('mid'), printed.get('small')]).toEqual([0.6, 0.2, 0.2]);
  });

  it('balances level by level: a subtotal is shared among its rows after the total is shared among the subtotals', () => {
    const group = (key: string) => ({ key, value: 0.5, children: [leaf(`${key}1`, 0.5 * third), leaf(`${key}2`, 0.5 * third), leaf(`${key}3`, 0.5 * third)] });
    const tree = { key: 'total', value: 1, children: [group('x'), group('y')] };
    const printed = roundBalanced(tree);
    expect([printed.get('x'), printed.get('y')]).toEqual([0.5, 0.5]);
    expectBalanced(tree, printed);
  });

  it('keeps a fixed row at its own rounding and lets its siblings take the difference', () => {
    // 0.334 + 0.333 + 0.333: alone 0.33 each. Fixed 'a' stays 0.33, so 'b' and 'c' share 0.67.
    const tree = { key: 't', value: 1, children: [leaf('a', 0.334, true), leaf('b', 0.333), leaf('c', 0.333)] };
    const printed = roundBalanced(tree);
    expect(printed.get('a')).toBe(0.33);
    expect(cents(printed, 'b') + cents(printed, 'c')).toBe(67);
    expectBalanced(tree, printed);
  });

  it('never prints an empty row as 0.01, and never takes a row below 0', () => {
    const tree = { key: 't', value: 0.02, children: [leaf('a', 0.004), leaf('b', 0.004), leaf('none', 0), leaf('fixed', 0.012, true)] };
    const printed = roundBalanced(tree);
    expect(printed.get('none')).toBe(0);
    expect(printed.get('fixed')).toBe(0.01);
    expect(cents(printed, 'a') + cents(printed, 'b')).toBe(1);
    expect(Math.min(...printed.values())).toBeGreaterThanOrEqual(0);
  });

  it('prints figures that are already whole hundredths as they are (0.29 × 100 is 28.999… in floating point)', () => {
    const tree = { key: 't', value: 0.29 + 0.58, children: [leaf('a', 0.29), leaf('b', 0.58)] };
    const printed = roundBalanced(tree);
    expect([printed.get('t'), printed.get('a'), printed.get('b')]).toEqual([0.87, 0.29, 0.58]);
  });

  it('keeps random trees balanced, each free row within a hundredth of its value', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let n = 0; n < 200; n++) {
      const rows = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => leaf(`${prefix}${i}`, random() < 0.2 ? 0 : random() * 3));
      const groups = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, g) => {
        const children = rows(`g${g}r`, 1 + Math.floor(random() * 8));
        return { key: `g${g}`, value: children.reduce((s, c) => s + c.value, 0), children };
      });
      const tree = { key: 'total', value: groups.reduce((s, g) => s + g.value, 0), children: groups };
      const printed = roundBalanced(tree);
      expectBalanced(tree, printed);
      for (const g of groups) for (const r of [g, ...g.children]) expect(Math.abs((printed.get(r.key) as number) - r.value)).toBeLessThan(0.01 + 1e-9);
    }
  });

  it('refuses a negative value (a signed change is printed as a difference, not balanced)', () => {
    expect(() => roundBalanced({ key: 't', value: 0, children: [leaf('a', 1), leaf('b', -1)] })).toThrow(/non-negative/);
  });
});
