import { describe, expect, it } from 'vitest';
import { feature, issuesOf, village, withFeatures } from './test-support.ts';

const RULE = 'demolition-on-construction-land';
const setup = () => village({ classOf: (i) => (i < 2 ? '2121' : '111') });

describe(RULE, () => {
  it('passes demolition of construction land', () => {
    const { plan, g } = setup();
    expect(issuesOf(withFeatures(plan, feature('demolition', 'd', g.block(0, 0, 2, 1))), RULE)).toEqual([]);
  });

  it('reports demolition of farmland, showing the part', () => {
    const { plan, g } = setup();
    const issues = issuesOf(withFeatures(plan, feature('demolition', 'd', g.block(2, 0, 3, 1))), RULE);
    expect(issues[0]!.message.params.areaM2 as number).toBeCloseTo(10_710, -2);
  });

  it('reports only the part off construction land when a demolition straddles the edge', () => {
    const { plan, g } = setup();
    const issues = issuesOf(withFeatures(plan, feature('demolition', 'd', g.block(1, 0, 3, 1))), RULE);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message.params.areaM2 as number).toBeCloseTo(10_710, -2);
  });
});
