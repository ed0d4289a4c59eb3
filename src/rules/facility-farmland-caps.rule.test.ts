import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../domain/features.ts';
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

  it('measures a self-intersecting facility by both its lobes, not by their signed areas cancelling out', () => {
    const { plan, g } = village({ size: 0.0002, w: 20, h: 1 });
    const bowTie: AreaGeometry = { type: 'Polygon', coordinates: [[g.at(0, 0), g.at(2, 1), g.at(2, 0), g.at(0, 1), g.at(0, 0)]] };
    // The two lobes are half of the 2 × 1 cell block: one cell.
    const lobes = ellipsoidalArea(g.block(0, 0, 2, 1)) / 2;
    const issues = issuesOf(withFeatures(plan, feature('facility', 'f', bowTie, { projectArea: 5_000 })), RULE);
    expect(issues).toMatchObject([{ message: { key: 'rules.facility-farmland-caps.share' } }]);
    expect(issues[0]!.message.params.areaM2 as number).toBeCloseTo(lobes, 0);
  });
});
