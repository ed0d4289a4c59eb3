import { describe, expect, it } from 'vitest';
import { feature, issuesOf, village, withFeatures } from './test-support.ts';

const RULE = 'village-land-per-capita';
// Two homestead cells ≈ 21,400 m² of village land.
const setup = (population: number | null, build: boolean) => {
  const { plan, g } = village({ classOf: (i, j) => (j === 0 && i < 2 ? '2121' : '111'), meta: { population } });
  return build ? withFeatures(plan, feature('newBuild', 'nb', g.block(2, 0, 3, 1))) : plan;
};

describe(RULE, () => {
  it('passes growth while under 150 m² a person', () => {
    expect(issuesOf(setup(200, true), RULE)).toEqual([]);
  });

  it('warns of growth when already over the standard', () => {
    expect(issuesOf(setup(100, true), RULE)).toMatchObject([{ severity: 'warning' }]);
  });

  it('passes no growth over the standard, and says "not checked" without a population', () => {
    expect(issuesOf(setup(100, false), RULE)).toEqual([]);
    expect(issuesOf(setup(null, false), RULE)).toMatchObject([{ severity: 'notChecked' }]);
  });
});
