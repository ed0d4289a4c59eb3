import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../geo/area.ts';
import { issuesOf, village } from './test-support.ts';

const RULE = 'min-parcel-area';
// Cells of 0.0001° ≈ 9.6 m × 11.1 m ≈ 107 m²: enough for construction (100 m²), not for farmland (400 m²).
const small = (code: '2121' | '111', overrides = {}) => village({ w: 2, h: 1, size: 0.0001, classOf: () => code, zones: [], meta: { profileOverrides: overrides } });

describe(RULE, () => {
  it('passes construction parcels above 100 m²', () => {
    expect(issuesOf(small('2121').plan, RULE)).toEqual([]);
  });

  it('warns of a farmland parcel under 400 m²', () => {
    const issues = issuesOf(small('111').plan, RULE);
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatchObject({ severity: 'warning', message: { params: { minimumM2: 400 } } });
  });

  it('passes a parcel exactly at the minimum', () => {
    const { plan, g } = small('2121');
    const area = ellipsoidalArea(g.block(0, 0, 1, 1));
    const atMinimum = small('2121', { minParcelAreaM2: { construction: area, facilityFarmland: 200, farmland: 400, forestWaterReserve: 600, controlZone: 10_000 } });
    expect(issuesOf(atMinimum.plan, RULE)).toEqual([]);
    void plan;
  });
});
