import { describe, expect, it } from 'vitest';
import { feature, issuesOf, village, withFeatures } from './test-support.ts';

const RULE = 'facility-farmland-on-pbf';
const setup = () => {
  const { plan, g } = village();
  return { plan: withFeatures(plan, feature('pbf', 'pbf', g.block(0, 0, 2, 3))), g };
};

describe(RULE, () => {
  it('passes facility farmland off basic farmland', () => {
    const { plan, g } = setup();
    expect(issuesOf(withFeatures(plan, feature('facility', 'f', g.block(3, 0, 4, 1), { projectArea: 1e6 })), RULE)).toEqual([]);
  });

  it('reports livestock facilities on basic farmland, and cultivation facilities without a reserve first', () => {
    const { plan, g } = setup();
    const livestock = issuesOf(withFeatures(plan, feature('facility', 'f', g.block(0, 0, 1, 1), { facilityType: 'livestock' })), RULE);
    expect(livestock).toMatchObject([{ message: { key: 'rules.facility-farmland-on-pbf.notAllowed' } }]);
    const cultivation = issuesOf(withFeatures(plan, feature('facility', 'f', g.block(0, 0, 1, 1))), RULE);
    expect(cultivation).toMatchObject([{ message: { key: 'rules.facility-farmland-on-pbf.message' } }]);
  });

  it('passes a cultivation facility on basic farmland with an equal or larger reserve area (先补后占)', () => {
    const { plan, g } = setup();
    expect(issuesOf(withFeatures(plan, feature('facility', 'f', g.block(0, 1, 1, 2)), feature('reserve', 'r', g.block(3, 0, 4, 1))), RULE)).toEqual([]);
  });

  it('counts only reserve area that is not itself basic farmland as compensation', () => {
    const { plan, g } = setup();
    const reserveOnPbf = withFeatures(plan, feature('facility', 'f', g.block(0, 1, 1, 2)), feature('reserve', 'r', g.block(1, 0, 2, 1)));
    expect(issuesOf(reserveOnPbf, RULE)).toMatchObject([{ message: { key: 'rules.facility-farmland-on-pbf.message', params: { reserveM2: 0 } } }]);
  });

  it('uses each square metre of reserve once: two facilities need twice the reserve', () => {
    const { plan, g } = setup();
    const two = withFeatures(plan, feature('facility', 'f1', g.block(0, 1, 1, 2)), feature('facility', 'f2', g.block(1, 1, 2, 2)), feature('reserve', 'r', g.block(3, 0, 4, 1)));
    expect(issuesOf(two, RULE)).toMatchObject([{ features: ['f1', 'f2'], message: { key: 'rules.facility-farmland-on-pbf.message' } }]);
  });
});
