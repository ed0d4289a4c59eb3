import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../geo/area.ts';
import { feature, grid, issuesOf, village, withFeatures } from './test-support.ts';

const RULE = 'cultivated-land-kept';
const total = ellipsoidalArea(grid().block(0, 0, 4, 3));
const withTask = (task: number | null) => {
  const { plan, g } = village();
  return { plan: { ...plan, meta: { ...plan.meta, quotas: { ...plan.meta.quotas, cultivatedLand: task } } }, g };
};

describe(RULE, () => {
  it('passes cultivated land equal to the task', () => {
    expect(issuesOf(withTask(total - 0.001).plan, RULE)).toEqual([]);
  });

  it('reports cultivated land below the task after new build', () => {
    const { plan, g } = withTask(total - 1);
    const issues = issuesOf(withFeatures(plan, feature('newBuild', 'nb', g.block(0, 0, 1, 1))), RULE);
    expect(issues[0]!.message.params.shortM2 as number).toBeGreaterThan(10_000);
  });

  it('says "not checked" without the township task', () => {
    expect(issuesOf(withTask(null).plan, RULE)).toMatchObject([{ severity: 'notChecked' }]);
  });
});
