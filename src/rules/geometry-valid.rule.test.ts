import { describe, expect, it } from 'vitest';
import { feature, issuesOf, village, withFeatures } from './test-support.ts';

const RULE = 'geometry-valid';

describe(RULE, () => {
  it('passes a plan of valid parcels', () => {
    expect(issuesOf(village().plan, RULE)).toEqual([]);
  });

  it('reports a bow-tie at its crossing and still checks the rest', () => {
    const { plan, g } = village();
    const [a, b, c, d] = [g.at(0, 0), g.at(1, 1), g.at(1, 0), g.at(0, 1)];
    const bowTie = feature('demolition', 'bow', { type: 'Polygon', coordinates: [[a!, b!, c!, d!, a!]] });
    const issues = issuesOf(withFeatures(plan, bowTie), RULE);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message.params.problemKey).toBe('geometry.invalid.selfIntersection');
    expect(issues[0]!.geometry).toMatchObject({ type: 'Point' });
  });

  it('accepts a hole touching its shell at one vertex, refuses a ring of three positions', () => {
    const { plan, g } = village();
    const touching = feature('reserve', 'hole', { type: 'Polygon', coordinates: [[g.at(0, 0), g.at(2, 0), g.at(2, 2), g.at(0, 2), g.at(0, 0)], [g.at(0, 0), g.at(1, 1.5), g.at(1.5, 1), g.at(0, 0)]] });
    expect(issuesOf(withFeatures(plan, touching), RULE)).toEqual([]);
    const short = feature('reserve', 'short', { type: 'Polygon', coordinates: [[g.at(0, 0), g.at(1, 0), g.at(0, 0)]] });
    expect(issuesOf(withFeatures(plan, short), RULE)[0]?.message.params.problemKey).toBe('geometry.invalid.tooFewPositions');
  });
});
