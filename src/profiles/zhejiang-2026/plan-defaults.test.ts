import { describe, expect, it } from 'vitest';
import { YDYH_2023_INDEX } from '../ydyh/classes-2023.ts';
import { bindingOf, INDICATORS } from './indicators.ts';
import { classColour } from './map-style.ts';
import { DIRECTED_INDICATORS, PLAN_DEFAULT_NAMES, PLAN_DEFAULTS, threeCategoryAreas, threeCategoryOf } from './plan-defaults.ts';

const indicator = (number: number) => {
  const found = INDICATORS.find((i) => i.number === number);
  if (!found) throw new Error(String(number));
  return found;
};

describe('the plan’s own defaults', () => {
  it('lets a plan set the direction of exactly the indicators whose direction is ours', () => {
    expect(DIRECTED_INDICATORS.map((i) => i.number)).toEqual([1, 2, 7, 8, 9, 10, 11]);
    expect(PLAN_DEFAULTS.bindings.isKey('3')).toBe(false);
    expect(bindingOf(indicator(1))).toBe('atMost');
    expect(bindingOf(indicator(1), { '1': 'atLeast' })).toBe('atLeast');
    expect(bindingOf(indicator(9), { '9': 'none' })).toBeNull();
    expect(bindingOf(indicator(9), { '1': 'none' })).toBe('atLeast');
  });

  it('gives a class the plan’s 三大类, its own before its nearest ancestor’s, before the default', () => {
    expect(threeCategoryOf('1703')).toBe('construction');
    expect(threeCategoryOf('1703', { '1703': 'unused' })).toBe('unused');
    expect(threeCategoryOf('060101', { '06': 'construction' })).toBe('construction');
    expect(threeCategoryOf('060101', { '06': 'construction', '060101': 'agricultural' })).toBe('agricultural');
    // 05 coded at level 1 is in none by default; a plan may place it.
    expect(threeCategoryOf('05')).toBeNull();
    expect(threeCategoryOf('05', { '05': 'unused' })).toBe('unused');
  });

  it('sums the area in each 三大类 as the plan assigns them', () => {
    const parcels = [
      { code: '0101', areaM2: 100 },
      { code: '1703', areaM2: 40 },
      { code: '2302', areaM2: 7 },
      { code: '05', areaM2: 3 },
    ];
    expect(threeCategoryAreas(parcels)).toEqual({ agricultural: 100, construction: 40, unused: 7, unassigned: 3 });
    expect(threeCategoryAreas(parcels, { '1703': 'unused', '2302': 'agricultural' })).toEqual({ agricultural: 107, construction: 0, unused: 40, unassigned: 3 });
  });

  it('fills a class with the plan’s colour at the nearest level that has one, the plan’s before the classification’s', () => {
    expect(classColour(YDYH_2023_INDEX, '0103')).toEqual([245, 248, 220]);
    expect(classColour(YDYH_2023_INDEX, '0103', { '0103': '#1060c0' })).toEqual([16, 96, 192]);
    // 1706 has no colour of its own: it takes 17's, the plan's where it set one.
    expect(classColour(YDYH_2023_INDEX, '1706', { '17': '#ff0000' })).toEqual([255, 0, 0]);
    // 1701 keeps its own colour when the plan colours its parent 17.
    expect(classColour(YDYH_2023_INDEX, '1701', { '17': '#ff0000' })).toEqual(classColour(YDYH_2023_INDEX, '1701'));
    expect(classColour(YDYH_2023_INDEX, '1701')).not.toEqual([255, 0, 0]);
    expect(classColour(YDYH_2023_INDEX, '9999', { '9999': '#ff0000' })).toBeNull();
  });

  it('takes only #rrggbb colours, 2023 classes, and the three categories', () => {
    expect(PLAN_DEFAULTS.classColours.isValue('#a0b1c2')).toBe(true);
    expect(['#A0B1C2', 'red', '#abc', 7].map((v) => PLAN_DEFAULTS.classColours.isValue(v))).toEqual([false, false, false, false]);
    expect(PLAN_DEFAULTS.threeCategories.isValue('unused')).toBe(true);
    expect(PLAN_DEFAULTS.threeCategories.isValue('unassigned')).toBe(false);
    expect(PLAN_DEFAULTS.threeCategories.isKey('9999')).toBe(false);
    expect(PLAN_DEFAULT_NAMES.map((name) => PLAN_DEFAULTS[name].name)).toEqual(PLAN_DEFAULT_NAMES);
  });
});
