import { describe, expect, it } from 'vitest';
import type { ParcelArea } from '../ydyh/fill-structure-table.ts';
import { computeIndicators, INDICATORS, type IndicatorFigure, type IndicatorInput, type IndicatorResult } from './indicators.ts';

const p = (code: string, areaM2: number): ParcelArea => ({ code, areaM2 });

/**
 * A tiny village, in m². Base: 村庄 = 070301 + 0704 + 0801 + 1301 = 13,500; 城镇 = 080403 + 0701 = 5,500;
 * 区域基础设施 = 1311 + 1202 = 4,700; 其他建设 = 1002 1,500; 0802 科研 800 is in no group.
 * Target: 村庄 = 070302 + 0704 + 0803 + 1312 + 16 = 15,300; 区域基础设施 = 1311 700.
 */
const VILLAGE: IndicatorInput = {
  parcels: {
    base: [
      p('0101', 20_000), p('0301', 30_000), p('0501', 5_000),
      p('070301', 10_000), p('0704', 2_000), p('0801', 1_000), p('1301', 500),
      p('080403', 3_000), p('0701', 2_500),
      p('1311', 700), p('1202', 4_000),
      p('1002', 1_500),
      p('0802', 800),
    ],
    target: [p('0101', 18_000), p('070302', 12_000), p('0704', 1_500), p('0803', 500), p('1312', 300), p('16', 1_000), p('1311', 700)],
  },
  population: { base: 300, target: null },
  redLineM2: 12_000,
  pbfM2: 18_000,
  heritageSites: { base: 3, target: null },
};

const results = computeIndicators(VILLAGE);
const resultOf = (n: number): IndicatorResult => {
  const result = results.find((r) => r.indicator.number === n);
  if (!result) throw new Error(`no indicator ${n}`);
  return result;
};
const expectValue = (figure: IndicatorFigure, value: number) => {
  expect(figure.value).not.toBeNull();
  expect(figure.value as number).toBeCloseTo(value, 10);
};

describe('the indicator list [cct:zbb]', () => {
  it('has the 13 indicators in order, with 属性 and units of the template', () => {
    expect(INDICATORS.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(INDICATORS.filter((i) => i.attribute === '约束性').map((i) => i.number)).toEqual([1, 2, 7, 8, 9, 10, 11, 12]);
    expect(INDICATORS.find((i) => i.number === 6)?.unit).toBe('平方米/人');
    expect(INDICATORS.find((i) => i.number === 12)?.unit).toBe('%');
    expect(INDICATORS.find((i) => i.number === 13)?.unit).toBe('处');
  });

  it('binds #1, #2 from above and #7–#11 from below, all unconfirmed', () => {
    expect(INDICATORS.filter((i) => i.binding === 'atMost').map((i) => i.number)).toEqual([1, 2]);
    expect(INDICATORS.filter((i) => i.binding === 'atLeast').map((i) => i.number)).toEqual([7, 8, 9, 10, 11]);
    expect(INDICATORS.every((i) => i.unconfirmed.includes('indicator'))).toBe(true);
    expect(INDICATORS.filter((i) => i.unconfirmed.includes('binding')).map((i) => i.number)).toEqual([1, 2, 7, 8, 9, 10, 11]);
  });
});

describe('computeIndicators', () => {
  it('gives every indicator in order for both years', () => {
    expect(results.map((r) => r.indicator.number)).toEqual(INDICATORS.map((i) => i.number));
  });

  it('adds the land groups of the Zhejiang table (#1–#3), leaving ungrouped 0802 out', () => {
    expectValue(resultOf(1).base, 2.52);
    expectValue(resultOf(2).base, 1.9);
    expectValue(resultOf(3).base, 1.35);
    expectValue(resultOf(1).target, 1.6);
    expectValue(resultOf(2).target, 1.53);
    expectValue(resultOf(3).target, 1.53);
  });

  it('counts #4 as 08 + 0704 once per parcel, 中小学 and 科研 included', () => {
    // 0801 1,000 + 080403 3,000 + 0802 800 + 0704 2,000; CCTool's 08 + 0704 + 08 would give 1.16.
    expectValue(resultOf(4).base, 0.68);
    expectValue(resultOf(4).target, 0.2);
  });

  it('counts #5 as 13 within 村庄建设用地 only (1311 is 区域基础设施)', () => {
    expectValue(resultOf(5).base, 0.05);
    expectValue(resultOf(5).target, 0.03);
  });

  it('divides #6 by the year\'s population, and gives none without one', () => {
    expectValue(resultOf(6).base, 45);
    expect(resultOf(6).target).toEqual({ value: null, reason: 'noPopulation' });
    const noOne = computeIndicators({ ...VILLAGE, population: { base: 0, target: 0 } });
    expect(noOne.find((r) => r.indicator.number === 6)?.base).toEqual({ value: null, reason: 'noPopulation' });
  });

  it('gives the red line and the PBF the same value both years (#7, #8)', () => {
    expectValue(resultOf(7).base, 1.2);
    expectValue(resultOf(7).target, 1.2);
    expectValue(resultOf(8).base, 1.8);
    expectValue(resultOf(8).target, 1.8);
  });

  it('sums 01, 03 and 05 (#9–#11)', () => {
    expectValue(resultOf(9).base, 2);
    expectValue(resultOf(9).target, 1.8);
    expectValue(resultOf(10).base, 3);
    expectValue(resultOf(10).target, 0);
    expectValue(resultOf(11).base, 0.5);
  });

  it('does not compute #12 and takes #13 as entered', () => {
    expect(resultOf(12).base).toEqual({ value: null, reason: 'notComputed' });
    expect(resultOf(12).target).toEqual({ value: null, reason: 'notComputed' });
    expectValue(resultOf(13).base, 3);
    expect(resultOf(13).target).toEqual({ value: null, reason: 'notEntered' });
  });
});
