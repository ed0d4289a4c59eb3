import { describe, expect, it } from 'vitest';
import { feature, issuesOf, village, withFeatures } from './test-support.ts';

const RULE = 'homestead-per-household';
// One 0.001° cell ≈ 10,710 m² of paddy: 125 m² a household there allows 85 households.
const build = (households: number | null, base: '111' | '32' = '111') => {
  const { plan, g } = village({ classOf: () => base });
  return withFeatures(plan, feature('newBuild', 'nb', g.block(0, 0, 1, 1), { parcelNo: 'JX1', households }));
};

describe(RULE, () => {
  it('passes a homestead within 125 m² a household on cultivated land', () => {
    expect(issuesOf(build(86), RULE)).toEqual([]);
  });

  it('reports more than 125 m² a household on cultivated land, with the figures', () => {
    expect(issuesOf(build(85), RULE)).toMatchObject([{ message: { params: { households: 85, allowedM2: 125 } } }]);
  });

  it('allows 160 m² on hill wasteland, and says "not checked" without households', () => {
    expect(issuesOf(build(67, '32'), RULE)).toEqual([]);
    expect(issuesOf(build(0), RULE)).toMatchObject([{ severity: 'notChecked' }]);
  });

  it('a new homestead starts with households not entered, and says so instead of passing', () => {
    expect(issuesOf(build(null), RULE)).toMatchObject([{ severity: 'notChecked', message: { key: 'rules.homestead-per-household.householdsMissing' } }]);
    const { plan, g } = village();
    const drawn = withFeatures(plan, feature('newBuild', 'nb', g.block(0, 0, 1, 1), { parcelNo: 'JX1' }));
    expect(issuesOf(drawn, RULE)).toMatchObject([{ severity: 'notChecked' }]);
  });
});
