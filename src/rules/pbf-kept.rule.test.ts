import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../geo/area.ts';
import { feature, issuesOf, village, withFeatures } from './test-support.ts';

const RULE = 'pbf-kept';
function setup(task: number | null) {
  const { plan, g } = village({ meta: {} });
  const pbfArea = ellipsoidalArea(g.block(0, 0, 2, 3));
  const withPbf = withFeatures(plan, feature('pbf', 'pbf', g.block(0, 0, 2, 3), { pbfType: 'G112' }));
  return { plan: { ...withPbf, meta: { ...withPbf.meta, quotas: { ...withPbf.meta.quotas, permanentBasicFarmland: task === null ? null : pbfArea + task } } }, g };
}

describe(RULE, () => {
  it('passes when basic farmland is kept at the task (equal)', () => {
    expect(issuesOf(setup(0).plan, RULE)).toEqual([]);
  });

  it('reports new construction on basic farmland (the part) and the shortfall', () => {
    const { plan, g } = setup(0);
    const issues = issuesOf(withFeatures(plan, feature('newBuild', 'nb', g.block(1, 0, 3, 1), { parcelNo: 'JX1' })), RULE);
    expect(issues.map((i) => i.message.key).sort()).toEqual(['rules.pbf-kept.builtOn', 'rules.pbf-kept.quota']);
    expect(issues.find((i) => i.message.key === 'rules.pbf-kept.builtOn')!.message.params.areaM2 as number).toBeCloseTo(10_710, -2);
  });

  it('says "not checked" without the township task', () => {
    expect(issuesOf(setup(null).plan, RULE)).toMatchObject([{ severity: 'notChecked' }]);
  });
});
