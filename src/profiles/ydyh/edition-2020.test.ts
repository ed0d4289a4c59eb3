import { describe, expect, it } from 'vitest';
import { indexClassification } from '../classification.ts';
import { YDYH_2023 } from './classes-2023.ts';
import { CONVERSIONS_2020_TO_2023, EDITION_COLLISIONS, convert2020To2023 } from './edition-2020.ts';

describe('convert2020To2023', () => {
  it('converts the pairs of domain-2026.md §1.2', () => {
    const pairs: [string, string][] = [
      ['0204', '0205'],
      ['060102', '1207'],
      ['0602', '060201'],
      ['0603', '060202'],
      ['0604', '060203'],
      ['090301', '0903'],
      ['090302', '0903'],
      ['1312', '1311'],
      ['1313', '1312'],
      ['2302', '2303'],
      ['2303', '060102'],
    ];
    for (const [from, to] of pairs) expect(convert2020To2023(from), from).toEqual({ code: to, changed: true });
  });

  it('passes a code the list does not name, and 1311, unchanged', () => {
    expect(convert2020To2023('070301')).toEqual({ code: '070301', changed: false });
    expect(convert2020To2023('1311')).toEqual({ code: '1311', changed: false });
  });

  it('converts every land code to a 2023 code', () => {
    const classes2023 = indexClassification(YDYH_2023);
    const land = CONVERSIONS_2020_TO_2023.filter((c) => c.from2020 !== '2202');
    for (const { to2023 } of land) expect(classes2023.get(to2023), to2023).toBeDefined();
  });
});

describe('EDITION_COLLISIONS', () => {
  it('holds the codes that mean one thing in 2020 and another in 2023', () => {
    expect(EDITION_COLLISIONS).toEqual(new Set(['0204', '060102', '0602', '1311', '1312', '2302', '2303']));
  });

  it('leaves out codes of one edition only and codes the same in both', () => {
    for (const code of ['0603', '090301', '1313', '0101', '0703']) expect(EDITION_COLLISIONS.has(code), code).toBe(false);
  });
});
