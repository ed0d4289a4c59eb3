import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../geo/area.ts';
import { feature, grid, issuesOf, village, withFeatures } from './test-support.ts';

const RULE = 'facility-farmland-caps';
// 0.0002° cells ≈ 19 m × 22 m ≈ 428 m².
const facility = (projectArea: number | null, cells = 1) => {
  const { plan, g } = village({ size: 0.0002, w: 20, h: 1 });
  return withFeatures(plan, feature('facility', 'f', g.block(0, 0, cells, 1), { projectArea }));
};

describe(RULE, () => {
  it('passes a facility within 5 % of its project and 10 亩', () => {
    expect(issuesOf(facility(20_000), RULE)).toEqual([]);
  });

  it('reports a share over 5 % and a size over 10 亩', () => {
    expect(issuesOf(facility(5_000), RULE)).toMatchObject([{ message: { key: 'rules.facility-farmland-caps.share' } }]);
    expect(issuesOf(facility(1e7, 16), RULE)).toMatchObject([{ message: { key: 'rules.facility-farmland-caps.size' } }]);
  });

  it('passes at exactly 5 %, and says "not checked" without the project area', () => {
    const area = ellipsoidalArea(grid(0.0002).block(0, 0, 1, 1));
    expect(issuesOf(facility((area / 0.05) * (1 + 1e-9)), RULE)).toEqual([]);
    expect(issuesOf(facility(null), RULE)).toMatchObject([{ severity: 'notChecked' }]);
  });
});
