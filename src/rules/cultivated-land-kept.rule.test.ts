import { describe, expect, it } from 'vitest';
import type { Plan } from '../domain/plan.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { feature, grid, issuesOf, village, withFeatures } from './test-support.ts';

const RULE = 'cultivated-land-kept';
const total = ellipsoidalArea(grid().block(0, 0, 4, 3));
const withTask = (task: number | null, ridgeCoefficient: number | null = null) => {
  const { plan, g } = village({ baseProps: () => ({ ridgeCoefficient }) });
  return { plan: { ...plan, meta: { ...plan.meta, quotas: { ...plan.meta.quotas, cultivatedLand: task } } }, g };
};
const withProfile = (plan: Plan, overrides: Plan['meta']['profileOverrides']): Plan => ({ ...plan, meta: { ...plan.meta, profileOverrides: overrides } });

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

  describe('counts cultivated land net of 田坎, as the survey does (TBDLMJ = TBMJ − TBMJ × TKXS)', () => {
    it('a village of parcels with TKXS 0.1 keeps 0.9 of its area: a task at 0.9 × area passes (clean twin)', () => {
      expect(issuesOf(withTask(0.9 * total - 0.001, 0.1).plan, RULE)).toEqual([]);
    });

    it('a task just above 0.9 × area fails (near miss), with the net and the gross figures', () => {
      const issues = issuesOf(withTask(0.9 * total + 0.02, 0.1).plan, RULE);
      expect(issues).toHaveLength(1);
      const params = issues[0]!.message.params as Record<string, number>;
      expect(params.keptM2).toBeCloseTo(0.9 * total, 1);
      expect(params.grossM2).toBeCloseTo(total, 1);
      expect(params.shortM2).toBeCloseTo(0.02, 2);
    });

    it('the gross area would have passed a task the net area misses', () => {
      // The task sits between net and gross: passes without a coefficient, fails with one.
      expect(issuesOf(withTask(0.95 * total, null).plan, RULE)).toEqual([]);
      expect(issuesOf(withTask(0.95 * total, 0.1).plan, RULE)).toHaveLength(1);
    });

    it('demolition restored to 耕地 takes the profile’s coefficient for new farmland (default 0)', () => {
      const { plan, g } = village({ classOf: (_, j) => (j === 0 ? '2121' : '111'), baseProps: (_, j) => ({ ridgeCoefficient: j === 0 ? null : 0.1 }), zones: [{ code: '020', block: [0, 0, 4, 3] }] });
      const cultivated = ellipsoidalArea(grid().block(0, 1, 4, 3));
      const restored = ellipsoidalArea(grid().block(0, 0, 1, 1));
      const demolished = withFeatures(plan, feature('demolition', 'd', g.block(0, 0, 1, 1), { parcelNo: 'CJ1', restorationUse: '111' }));
      const at = (task: number, overrides: Plan['meta']['profileOverrides'] = {}) =>
        issuesOf(withProfile({ ...demolished, meta: { ...demolished.meta, quotas: { ...demolished.meta.quotas, cultivatedLand: task } } }, overrides), RULE);
      // Default 0: the restored plot counts whole.
      expect(at(0.9 * cultivated + restored - 0.001)).toEqual([]);
      expect(at(0.9 * cultivated + restored + 0.02)).toHaveLength(1);
      // Coefficient 0.2 for new farmland: the restored plot counts 0.8 of its area.
      expect(at(0.9 * cultivated + 0.8 * restored - 0.001, { newFarmlandRidgeCoefficient: 0.2 })).toEqual([]);
      const short = at(0.9 * cultivated + 0.8 * restored + 0.02, { newFarmlandRidgeCoefficient: 0.2 });
      expect(short[0]!.message.params.keptM2 as number).toBeCloseTo(0.9 * cultivated + 0.8 * restored, 1);
    });
  });
});
