import { describe, expect, it } from 'vitest';
import { resolveProfile, ZHEJIANG_2017 } from '../../profiles/zhejiang-2017/rule-profile.ts';
import { overridesFrom, profileRows } from './profile-rows.ts';

describe('profile rows', () => {
  it('lists every number of the profile with its default and marks the unconfirmed ones', () => {
    const rows = profileRows(ZHEJIANG_2017);
    const row = (path: string) => rows.find((r) => r.path === path);
    expect(row('minParcelAreaM2.construction')).toMatchObject({ defaultValue: 100, value: 100, unconfirmed: false });
    expect(row('homesteadPerHouseholdM2.cultivated')).toMatchObject({ defaultValue: 125, unconfirmed: true });
    expect(row('facilityCaps.livestock.maxMu')).toMatchObject({ defaultValue: 15 });
  });

  it('turns an edited nested number into an override of its whole entry, keeping its siblings', () => {
    const overrides = overridesFrom(ZHEJIANG_2017, new Map([['homesteadPerHouseholdM2.other', 130], ['villageLandPerCapitaM2', 140]]));
    expect(overrides).toEqual({ homesteadPerHouseholdM2: { cultivated: 125, other: 130, hillWasteland: 160 }, villageLandPerCapitaM2: 140 });
    const profile = resolveProfile('zhejiang-2017', overrides);
    expect(profileRows(profile).find((r) => r.path === 'homesteadPerHouseholdM2.other')?.value).toBe(130);
  });
});
