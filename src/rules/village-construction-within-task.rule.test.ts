import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../geo/area.ts';
import { feature, issuesOf, village, withFeatures } from './test-support.ts';

const RULE = 'village-construction-within-task';

/** Column 0 town land (211, not village land), cell (1,0) a homestead; a new homestead on paddy at (2,0). */
function setup(task: number | null) {
  const { plan, g } = village({ classOf: (i, j) => (i === 0 ? '211' : i === 1 && j === 0 ? '2121' : '111'), meta: { quotas: { ...village().plan.meta.quotas, villageConstruction: task } } });
  const withNew = withFeatures(plan, feature('newBuild', 'n', g.block(2, 0, 3, 1), { parcelNo: 'JX1', useCode: '2121', quotaSource: 'township' }));
  const counted = ellipsoidalArea(g.block(1, 0, 2, 1)) + ellipsoidalArea(g.block(2, 0, 3, 1));
  return { plan: withNew, counted };
}

describe(RULE, () => {
  it('is not checked without the township task', () => {
    expect(issuesOf(setup(null).plan, RULE)).toMatchObject([{ severity: 'notChecked' }]);
  });

  it('counts 212x land at the target year, new homesteads included, town land not', () => {
    const { counted } = setup(0);
    expect(issuesOf(setup(counted).plan, RULE)).toEqual([]);
    const issues = issuesOf(setup(counted - 50).plan, RULE);
    expect(issues).toMatchObject([{ severity: 'error', features: ['n'] }]);
    expect(issues[0]!.message.params.overM2).toBeCloseTo(50, 1);
  });
});
