import { describe, expect, it } from 'vitest';
import { feature, issuesOf, village, withFeatures } from './test-support.ts';

const RULE = 'new-build-in-expansion-boundary';
const setup = () => village({ zones: [{ code: '010', block: [0, 0, 1, 3] }, { code: '020', block: [1, 0, 2, 3] }, { code: '030', block: [2, 0, 4, 3] }] });

describe(RULE, () => {
  it('passes E2 new build inside 有条件建设区, E1 in 允许建设区', () => {
    const { plan, g } = setup();
    const ok = withFeatures(plan, feature('newBuild', 'a', g.block(1, 0, 2, 1)), feature('newBuild', 'b', g.block(0, 0, 1, 1), { linkage: 'E1' }));
    expect(issuesOf(ok, RULE)).toEqual([]);
  });

  it('reports E2 new build outside 020 and new construction outside the boundary, showing the part', () => {
    const { plan, g } = setup();
    const issues = issuesOf(withFeatures(plan, feature('newBuild', 'a', g.block(1, 0, 3, 1)), feature('useChange', 'u', g.block(3, 2, 4, 3), { targetCode: '2122' })), RULE);
    expect(issues.map((i) => i.message.key).sort()).toEqual(['rules.new-build-in-expansion-boundary.message', 'rules.new-build-in-expansion-boundary.outside020']);
  });

  it('lets rural infrastructure on the reserve quota go outside, and says "not checked" without zones', () => {
    const { plan, g } = setup();
    expect(issuesOf(withFeatures(plan, feature('newBuild', 'a', g.block(3, 0, 4, 1), { useCode: '2123', quotaSource: 'reserve' })), RULE)).toEqual([]);
    const noZones = village({ zones: [] });
    expect(issuesOf(withFeatures(noZones.plan, feature('newBuild', 'a', noZones.g.block(0, 0, 1, 1))), RULE)).toMatchObject([{ severity: 'notChecked' }]);
  });
});
