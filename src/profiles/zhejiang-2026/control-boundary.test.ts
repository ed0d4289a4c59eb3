import { describe, expect, it } from 'vitest';
import { YDYH_2023 } from '../ydyh/classes-2023.ts';
import { GKBJ_TYPES } from './code-lists.ts';
import { VILLAGE_CONSTRUCTION_BOUNDARY_TYPES } from './code-lists.ts';
import { CONTROL_TYPE_DECISIONS_2023, CONTROL_TYPES, CONTROL_TYPES_2020, controlTypeOf, defaultControlTypeOf } from './control-boundary.ts';

const nameOf = (code: string | null) => GKBJ_TYPES.find((t) => t.code === code)?.zh ?? null;
const typeName = (code: string, ssbjlx?: string | null) => nameOf(controlTypeOf(code, ssbjlx));

describe('controlTypeOf: a land class [cct:gkfq re-keyed to 2023]', () => {
  it.each([
    ['0101', '一般农业空间'],
    ['0301', '一般生态空间'],
    ['070301', '村庄集中建设区'],
    ['1202', '其他'],
    ['1704', '一般农业空间'],
    ['2302', '一般农业空间'],
    ['1311', '其他'],
    ['1208', '其他'],
    ['120803', '村庄集中建设区'],
    ['2301', '一般生态空间'],
  ])('%s is %s', (code, name) => {
    expect(typeName(code)).toBe(name);
  });

  it('reads 060102 as 2023 田间道 (2020 2303): 一般农业空间; 2020 060102 村庄内部道路 is now 1207: 村庄集中建设区', () => {
    expect(typeName('060102')).toBe('一般农业空间');
    expect(typeName('1207')).toBe('村庄集中建设区');
  });

  it('moves the other 2020-only codes to their 2023 codes', () => {
    expect(typeName('0205')).toBe('一般农业空间');
    expect(['060201', '060202', '060203'].map((c) => typeName(c))).toEqual(['一般农业空间', '一般农业空间', '一般农业空间']);
    expect(typeName('2303')).toBe('一般农业空间');
    // 2020 1313 其他公用设施 is 2023 1312; 2020 1312 水工设施 joins 2020 1311 干渠 in 2023 1311.
    expect(typeName('1312')).toBe('村庄集中建设区');
    expect(typeName('0903')).toBe('村庄集中建设区');
  });

  it('leaves no 2020-only key behind', () => {
    for (const code of ['0603', '0604', '090301', '090302', '1313']) expect(CONTROL_TYPES.assign[code], code).toBeUndefined();
  });

  it('finds a type by the nearest listed ancestor, and none for 24 or an unknown code', () => {
    expect(CONTROL_TYPES.assign['0602']).toBeUndefined();
    expect(typeName('0602')).toBe('一般农业空间');
    expect(controlTypeOf('24')).toBeNull();
    expect(controlTypeOf('9999')).toBeNull();
  });

  it('types every 2023 land code that is not 24 (the planner never meets an untyped class)', () => {
    const land = YDYH_2023.classes.flatMap((c) => (c.realm === 'land' && c.code !== null ? [c.code] : []));
    expect(land.filter((code) => controlTypeOf(code) === null)).toEqual([]);
  });

  it('marks each of our decisions unconfirmed, and those only', () => {
    expect(CONTROL_TYPES.unconfirmed).toEqual(CONTROL_TYPE_DECISIONS_2023.map((d) => d.code));
    expect(CONTROL_TYPES.unconfirmed).toEqual(['0204', '0701', '0702', '1207', '2302']);
    expect(typeName('070101')).toBe('城镇空间');
  });

  it('keeps the source table whole: 162 codes in four types', () => {
    expect(Object.values(CONTROL_TYPES_2020).reduce((n, codes) => n + codes.length, 0)).toBe(162);
  });
});

describe('controlTypeOf: SSBJLX [cct:vg `CreateGKBJ`]', () => {
  it('Z makes any class 城镇空间 and T 村庄弹性发展区, in either case', () => {
    expect(typeName('0101', 'Z')).toBe('城镇空间');
    expect(typeName('070301', 'z')).toBe('城镇空间');
    expect(typeName('070301', 'T')).toBe('村庄弹性发展区');
    expect(typeName('0301', 't')).toBe('村庄弹性发展区');
  });

  it('an empty or other SSBJLX leaves the class type', () => {
    expect(typeName('070301', '')).toBe('村庄集中建设区');
    expect(typeName('070301', null)).toBe('村庄集中建设区');
    expect(typeName('070301', 'X')).toBe('村庄集中建设区');
  });
});

it('the 村庄建设边界 is 村庄集中建设区 ∪ 村庄弹性发展区 [cct-new]', () => {
  expect(VILLAGE_CONSTRUCTION_BOUNDARY_TYPES.map(nameOf)).toEqual(['村庄集中建设区', '村庄弹性发展区']);
});

describe('controlTypeOf: the plan’s own types of classes (⚠ defaults the planner changes)', () => {
  it('an override of the exact code gives its type; other codes keep the default', () => {
    expect(controlTypeOf('0103', null, { '0103': '0301' })).toBe('0301');
    expect(controlTypeOf('0101', null, { '0103': '0301' })).toBe('0201');
    expect(defaultControlTypeOf('0103')).toBe('0201');
  });

  it('a code without its own override takes its nearest overridden ancestor’s, before the default table’s own row', () => {
    expect(controlTypeOf('0101', null, { '01': '0101' })).toBe('0101');
    expect(controlTypeOf('0103', null, { '01': '0101', '0103': '0301' })).toBe('0301');
    expect(controlTypeOf('0301', null, { '01': '0101' })).toBe('0101');
  });

  it('gives a type to a class the table leaves to the planner', () => {
    expect(controlTypeOf('24')).toBeNull();
    expect(controlTypeOf('24', null, { '24': '0900' })).toBe('0900');
  });

  it('SSBJLX still wins over an override', () => {
    expect(controlTypeOf('0103', 'Z', { '0103': '0301' })).toBe('0400');
    expect(controlTypeOf('0103', 'T', { '0103': '0101' })).toBe('0302');
  });
});
