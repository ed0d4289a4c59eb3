import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../domain/features.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { feature, issuesOf, village, withFeatures } from './test-support.ts';

const RULE = 'demolition-on-construction-land';
const setup = () => village({ classOf: (i) => (i < 2 ? '2121' : '111') });

describe(RULE, () => {
  it('passes demolition of construction land', () => {
    const { plan, g } = setup();
    expect(issuesOf(withFeatures(plan, feature('demolition', 'd', g.block(0, 0, 2, 1))), RULE)).toEqual([]);
  });

  it('reports demolition of farmland, showing the part', () => {
    const { plan, g } = setup();
    const issues = issuesOf(withFeatures(plan, feature('demolition', 'd', g.block(2, 0, 3, 1))), RULE);
    expect(issues[0]!.message.params.areaM2 as number).toBeCloseTo(10_710, -2);
  });

  it('reports only the part off construction land when a demolition straddles the edge', () => {
    const { plan, g } = setup();
    const issues = issuesOf(withFeatures(plan, feature('demolition', 'd', g.block(1, 0, 3, 1))), RULE);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message.params.areaM2 as number).toBeCloseTo(10_710, -2);
  });

  it('checks a self-intersecting demolition by the outline it plainly means, not "geometry operation failed"', () => {
    const { plan, g } = setup();
    // A bow tie over columns 1–2: its left lobe on construction land, its right lobe (a triangle) on farmland.
    const bowTie: AreaGeometry = { type: 'Polygon', coordinates: [[g.at(1, 0), g.at(3, 1), g.at(3, 0), g.at(1, 1), g.at(1, 0)]] };
    const [x0, y0] = g.at(2, 0) as [number, number];
    const rightLobe: AreaGeometry = { type: 'Polygon', coordinates: [[[x0, y0 + g.size / 2], g.at(3, 0), g.at(3, 1), [x0, y0 + g.size / 2]]] };
    const issues = issuesOf(withFeatures(plan, feature('demolition', 'd', bowTie)), RULE);
    expect(issues.map((i) => i.message.key)).toEqual(['rules.demolition-on-construction-land.message']);
    expect(issues[0]!.message.params.areaM2 as number).toBeCloseTo(ellipsoidalArea(rightLobe), 0);
  });
});
