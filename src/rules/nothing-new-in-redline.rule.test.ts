import { describe, expect, it } from 'vitest';
import { feature, issuesOf, village, withFeatures } from './test-support.ts';

const RULE = 'nothing-new-in-redline';
const setup = () => village({ zones: [{ code: '020', block: [0, 0, 2, 3] }, { code: '040', block: [2, 0, 4, 3] }] });

describe(RULE, () => {
  it('passes new build outside protected land', () => {
    const { plan, g } = setup();
    expect(issuesOf(withFeatures(plan, feature('newBuild', 'nb', g.block(0, 0, 1, 1))), RULE)).toEqual([]);
  });

  it('reports new build in 禁止建设区 and in the red line, showing the part', () => {
    const { plan, g } = setup();
    const inZone = issuesOf(withFeatures(plan, feature('newBuild', 'nb', g.block(1, 0, 3, 1), { parcelNo: 'JX1' })), RULE);
    expect(inZone[0]!.message.params.areaM2 as number).toBeCloseTo(10_710, -2);
    const redline = issuesOf(withFeatures(plan, feature('redline', 'r', g.block(0, 1, 1, 2)), feature('newBuild', 'nb', g.block(0, 1, 1, 2))), RULE);
    expect(redline).toHaveLength(1);
  });

  it('passes new build that only touches the red line', () => {
    const { plan, g } = setup();
    expect(issuesOf(withFeatures(plan, feature('redline', 'r', g.block(0, 1, 1, 2)), feature('newBuild', 'nb', g.block(0, 0, 1, 1))), RULE)).toEqual([]);
  });
});
