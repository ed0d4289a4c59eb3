import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../geo/area.ts';
import { feature, issuesOf, village, withFeatures } from './test-support.ts';

const RULE = 'construction-total-within-task';

/** Row 0 homesteads (4 cells), the rest paddy; one new build on paddy on the township's quota. */
function setup(task: number | null) {
  const { plan, g } = village({ classOf: (_, j) => (j === 0 ? '2121' : '111'), meta: { quotas: { ...village().plan.meta.quotas, constructionTotal: task } } });
  const built = withFeatures(plan, feature('newBuild', 'n', g.block(0, 2, 1, 3), { parcelNo: 'JX1', quotaSource: 'township' }));
  const target = [0, 1, 2, 3].reduce((s, i) => s + ellipsoidalArea(g.block(i, 0, i + 1, 1)), 0) + ellipsoidalArea(g.block(0, 2, 1, 3));
  return { plan: built, target };
}

describe(RULE, () => {
  it('is not checked without the township task', () => {
    expect(issuesOf(setup(null).plan, RULE)).toMatchObject([{ severity: 'notChecked', message: { params: { missingKey: 'rules.missing.quota.constructionTotal' } } }]);
  });

  it('passes a plan at its task, to the hundredth of a m² (near miss)', () => {
    const { target } = setup(0);
    expect(issuesOf(setup(target).plan, RULE)).toEqual([]);
    expect(issuesOf(setup(target - 0.005).plan, RULE)).toEqual([]);
  });

  it('reports construction land over the task, naming the new build on the township quota', () => {
    const { target } = setup(0);
    const issues = issuesOf(setup(target - 500).plan, RULE);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'error', features: ['n'], message: { key: 'rules.withinTask.message', params: { taskKey: 'profile.quota.constructionTotal' } } });
    expect(issues[0]!.message.params.overM2).toBeCloseTo(500, 1);
  });
});
