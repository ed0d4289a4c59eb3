import { describe, expect, it } from 'vitest';
import { feature, issuesOf, village, withFeatures } from './test-support.ts';

const RULE = 'reserve-area-eligible';
const setup = () => {
  const { plan, g } = village({ classOf: (i) => (i === 3 ? '2121' : '111') });
  return { plan: withFeatures(plan, feature('pbf', 'pbf', g.block(0, 0, 1, 3))), g };
};

describe(RULE, () => {
  it('passes farmland next to basic farmland', () => {
    const { plan, g } = setup();
    expect(issuesOf(withFeatures(plan, feature('reserve', 'r', g.block(1, 0, 2, 3), { kind: 'nearPbf' })), RULE)).toEqual([]);
  });

  it('reports a reserve on construction land, and "next to basic farmland" that is not', () => {
    const { plan, g } = setup();
    expect(issuesOf(withFeatures(plan, feature('reserve', 'r', g.block(3, 0, 4, 1), { kind: 'scattered' })), RULE)).toMatchObject([{ message: { key: 'rules.reserve-area-eligible.message' } }]);
    expect(issuesOf(withFeatures(plan, feature('reserve', 'r', g.block(2, 0, 3, 1), { kind: 'nearPbf' })), RULE)).toMatchObject([{ message: { key: 'rules.reserve-area-eligible.notTouching' } }]);
  });

  it('counts a gap within the 1 m touch tolerance as touching, and reclaimable demolished land as fit', () => {
    const { plan, g } = setup();
    const [x0, y0] = g.at(1, 0) as [number, number];
    const [x1, y1] = g.at(2, 1) as [number, number];
    const near = feature('reserve', 'r', { type: 'Polygon', coordinates: [[[x0 + 5e-6, y0], [x1, y0], [x1, y1], [x0 + 5e-6, y1], [x0 + 5e-6, y0]]] }, { kind: 'nearPbf' });
    expect(issuesOf(withFeatures(plan, near), RULE)).toEqual([]);
    const reclaimed = withFeatures(plan, feature('demolition', 'd', g.block(3, 0, 4, 1)), feature('reserve', 'r', g.block(3, 0, 4, 1), { kind: 'reclaimable' }));
    expect(issuesOf(reclaimed, RULE)).toEqual([]);
  });

  it('reports the part of a reserve that lies on existing basic farmland; its twin beside it passes', () => {
    const { plan, g } = setup();
    const onPbf = issuesOf(withFeatures(plan, feature('reserve', 'r', g.block(0, 0, 2, 1), { kind: 'nearPbf' })), RULE);
    expect(onPbf).toMatchObject([{ severity: 'error', message: { key: 'rules.reserve-area-eligible.onPbf' } }]);
    expect(onPbf[0]!.geometry).toBeDefined();
    expect(issuesOf(withFeatures(plan, feature('reserve', 'r', g.block(1, 0, 2, 1), { kind: 'nearPbf' })), RULE)).toEqual([]);
  });
});

