import { describe, expect, it } from 'vitest';
import { balanceRounding } from './table.ts';

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
