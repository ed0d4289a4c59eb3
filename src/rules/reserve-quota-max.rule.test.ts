import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../geo/area.ts';
import { linkageVillage } from './linkage-fixtures.ts';
import { grid, issuesOf } from './test-support.ts';

const RULE = 'reserve-quota-max';
const cell = ellipsoidalArea(grid().block(0, 0, 1, 1));

describe(RULE, () => {
  it('passes a reserve under 20 % of the earned quota', () => {
    expect(issuesOf(linkageVillage({ keptM2: 0.1 * cell }), RULE)).toEqual([]);
  });

  it('reports more than 20 % kept back', () => {
    expect(issuesOf(linkageVillage({ keptM2: 0.25 * cell }), RULE)).toMatchObject([{ severity: 'error', message: { params: { sharePercent: 20 } } }]);
  });

  it('passes exactly 20 %, and says "not checked" when nothing is entered', () => {
    expect(issuesOf(linkageVillage({ keptM2: 0.2 * cell }), RULE)).toEqual([]);
    expect(issuesOf(linkageVillage({ keptM2: null }), RULE)).toMatchObject([{ severity: 'notChecked' }]);
  });
});
