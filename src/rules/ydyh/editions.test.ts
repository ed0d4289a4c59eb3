import { describe, expect, it } from 'vitest';
import { name2020, ONLY_2020, ONLY_2023, onlyInOtherEdition } from './editions.ts';

describe('editions', () => {
  it('knows the codes of one edition only, as docs/rules.md lists them', () => {
    expect([...ONLY_2020].sort()).toEqual(['0603', '0604', '090301', '090302', '1313']);
    expect([...ONLY_2023].sort()).toEqual(['0205', '060201', '060202', '060203', '1207']);
    expect(onlyInOtherEdition('ydyh-2023')).toBe(ONLY_2020);
  });

  it('reads what a changed 2020 code named', () => {
    expect([name2020('1311'), name2020('0602'), name2020('0101')]).toEqual(['干渠', '种植设施建设用地', null]);
  });
});
