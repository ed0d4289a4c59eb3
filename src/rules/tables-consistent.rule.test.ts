import { describe, expect, it } from 'vitest';
import { rect } from '../domain/test-support.ts';
import { feature, issuesOf, village, withFeatures } from './test-support.ts';

const RULE = 'tables-consistent';

describe(RULE, () => {
  it('passes tables computed from an exact partition', () => {
    expect(issuesOf(village().plan, RULE)).toEqual([]);
  });

  it('reports a land total that differs from the village by more than 0.01 公顷', () => {
    const { plan, g } = village();
    const [x0, y0] = g.at(0, 0) as [number, number];
    const [x1, y1] = g.at(4, 4) as [number, number];
    expect(issuesOf(withFeatures(plan, feature('boundary', 'village', rect(x0, y0, x1, y1))), RULE)).toMatchObject([{ message: { key: 'rules.tables-consistent.totalVsVillage' } }]);
  });

  it('passes a difference under the tolerance', () => {
    const { plan, g } = village();
    const [x0, y0] = g.at(0, 0) as [number, number];
    const [x1, y1] = g.at(4, 3) as [number, number];
    // 5e-8° more to the east: ≈ 0.005 m × 333 m ≈ 1.6 m², far under 100 m².
    expect(issuesOf(withFeatures(plan, feature('boundary', 'village', rect(x0, y0, x1 + 5e-8, y1))), RULE)).toEqual([]);
  });
});
