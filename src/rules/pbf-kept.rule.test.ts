import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../geo/area.ts';
import { feature, issuesOf, village, withFeatures } from './test-support.ts';

const RULE = 'pbf-kept';
function setup(task: number | null, ridgeCoefficient: number | null = null) {
  const { plan, g } = village({ meta: {}, baseProps: () => ({ ridgeCoefficient }) });
  const pbfArea = ellipsoidalArea(g.block(0, 0, 2, 3));
  const withPbf = withFeatures(plan, feature('pbf', 'pbf', g.block(0, 0, 2, 3), { pbfType: 'G112' }));
  return { plan: { ...withPbf, meta: { ...withPbf.meta, quotas: { ...withPbf.meta.quotas, permanentBasicFarmland: task === null ? null : pbfArea + task } } }, g, pbfArea };
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

  describe('counts basic farmland net of 田坎 (zj-qc: GHYT JMJ = MJ × (1 − TKXS) on G111/G112)', () => {
    it('on parcels with TKXS 0.1 the task at 0.9 × the delineated area passes (clean twin)', () => {
      const { pbfArea } = setup(0);
      expect(issuesOf(setup(-0.1 * pbfArea - 0.001, 0.1).plan, RULE)).toEqual([]);
    });

    it('the task at the delineated (gross) area falls short by 0.1 of it, with the gross figure in the message', () => {
      const { plan, pbfArea } = setup(0, 0.1);
      const issues = issuesOf(plan, RULE);
      expect(issues.map((i) => i.message.key)).toEqual(['rules.pbf-kept.quota']);
      const params = issues[0]!.message.params as Record<string, number>;
      expect(params.keptM2).toBeCloseTo(0.9 * pbfArea, 1);
      expect(params.grossM2).toBeCloseTo(pbfArea, 1);
      expect(params.shortM2).toBeCloseTo(0.1 * pbfArea, 1);
    });

    it('a task 0.02 m² above 0.9 × the area fails (near miss)', () => {
      const { pbfArea } = setup(0);
      expect(issuesOf(setup(-0.1 * pbfArea + 0.02, 0.1).plan, RULE)).toHaveLength(1);
    });
  });
});
