import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../geo/area.ts';
import { feature, grid, issuesOf, village, withFeatures } from './test-support.ts';

const RULE = 'reserve-quota-covers-new-build';
const cell = ellipsoidalArea(grid().block(0, 2, 1, 3));

/** One new build on paddy (cell (0,2)) on the given quota, with `kept` m² kept back for the reserve. */
function setup(kept: number | null, quotaSource = 'reserve') {
  const { plan, g } = village({ meta: { reserveQuotaKeptM2: kept } });
  return withFeatures(plan, feature('newBuild', 'n', g.block(0, 2, 1, 3), { parcelNo: 'JX1', quotaSource, linkage: 'E2' }));
}

describe(RULE, () => {
  it('passes new build on the reserve quota within what is kept back', () => {
    expect(issuesOf(setup(cell + 1), RULE)).toEqual([]);
    expect(issuesOf(setup(cell - 0.005), RULE)).toEqual([]);
  });

  it('reports new build on the reserve quota beyond what is kept back', () => {
    const issues = issuesOf(setup(cell - 300), RULE);
    expect(issues).toMatchObject([{ severity: 'error', features: ['n'] }]);
    expect(issues[0]!.message.params.overM2).toBeCloseTo(300, 1);
  });

  it('is not checked without the amount kept back, and silent where nothing uses the reserve', () => {
    expect(issuesOf(setup(null), RULE)).toMatchObject([{ severity: 'notChecked', message: { params: { missingKey: 'rules.missing.reserveQuotaKept' } } }]);
    expect(issuesOf(setup(null, 'linkage'), RULE)).toEqual([]);
  });
});
