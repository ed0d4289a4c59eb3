import { describe, expect, it } from 'vitest';
import { areaFigures, m2ToMu, M2_PER_MU, roundTo } from './units.ts';

describe('area units', () => {
  it('uses 1 亩 = 10,000/15 m²', () => {
    expect(m2ToMu(10_000)).toBeCloseTo(15, 12);
    expect(M2_PER_MU).toBeCloseTo(666.6667, 4);
  });

  it('rounds half away from zero, even where binary floating point lands just below', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    expect(roundTo(1.004, 2)).toBe(1);
  });

  it('gives m², 公顷 and 亩 to 2 dp', () => {
    expect(areaFigures(12_345.678)).toEqual({ m2: 12_345.68, hectares: 1.23, mu: 18.52 });
  });
});
