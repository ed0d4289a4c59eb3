import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../geo/area.ts';
import { feature, issuesOf, village, withFeatures } from './test-support.ts';

const RULE = 'pbf-reserve-task-met';

/** Basic farmland on column 0; a reserve area on cell (2,0), off it. */
function setup(task: number | null, extra: Parameters<typeof withFeatures>[1][] = []) {
  const { plan, g } = village({ meta: { quotas: { ...village().plan.meta.quotas, pbfReserve: task } } });
  const reserve = ellipsoidalArea(g.block(2, 0, 3, 1));
  return { plan: withFeatures(plan, feature('pbf', 'pbf', g.block(0, 0, 1, 3)), feature('reserve', 'r', g.block(2, 0, 3, 1)), ...extra), g, reserve };
}

describe(RULE, () => {
  it('is not checked without the township task', () => {
    expect(issuesOf(setup(null).plan, RULE)).toMatchObject([{ severity: 'notChecked', message: { params: { missingKey: 'rules.missing.quota.pbfReserve' } } }]);
  });

  it('passes reserve areas that add up to the task, and reports a shortfall', () => {
    const { reserve } = setup(0);
    expect(issuesOf(setup(reserve - 1).plan, RULE)).toEqual([]);
    const short = issuesOf(setup(reserve + 200).plan, RULE);
    expect(short).toMatchObject([{ severity: 'error' }]);
    expect(short[0]!.message.params.shortM2).toBeCloseTo(200, 1);
  });

  it('does not count reserve drawn on existing basic farmland', () => {
    const { reserve, g } = setup(0);
    const onPbf = setup(reserve + 100, [feature('reserve', 'r2', g.block(0, 1, 1, 2))]);
    expect(issuesOf(onPbf.plan, RULE)).toMatchObject([{ severity: 'error' }]);
  });

  it('takes out what facility farmland on basic farmland uses as 先补后占 compensation', () => {
    const { reserve, g } = setup(0);
    const withFacility = setup(reserve - 1, [feature('facility', 'f', g.block(0, 2, 1, 3))]);
    const issues = issuesOf(withFacility.plan, RULE);
    expect(issues).toMatchObject([{ severity: 'error' }]);
    expect(issues[0]!.message.params.compensationM2).toBeCloseTo(ellipsoidalArea(g.block(0, 2, 1, 3)), 1);
  });
});
