import { describe, expect, it } from 'vitest';
import { rect } from '../domain/test-support.ts';
import { feature, issuesOf, village, withFeatures } from './test-support.ts';

const RULE = 'inside-village';

describe(RULE, () => {
  it('passes features inside the village', () => {
    const { plan, g } = village();
    expect(issuesOf(withFeatures(plan, feature('newBuild', 'nb', g.block(1, 1, 2, 2))), RULE)).toEqual([]);
  });

  it('shows the part beyond the boundary', () => {
    const { plan, g } = village();
    const over = feature('newBuild', 'nb', rect(g.at(3, 0)[0]!, g.at(3, 0)[1]!, g.at(4.5, 1)[0]!, g.at(4.5, 1)[1]!));
    const issues = issuesOf(withFeatures(plan, over), RULE);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message.params.areaM2 as number).toBeGreaterThan(5000);
    expect(issues[0]!.geometry?.type).toBe('Polygon');
  });

  it('lets an overhang within the 0.05 m tolerance pass and reports one beyond it', () => {
    const { plan, g } = village();
    const [x, y0] = g.at(4, 0) as [number, number];
    const y1 = g.at(4, 1)[1]!;
    const metrePerDegree = 96_486; // longitude at 30°N
    const slab = (metres: number) => feature('newBuild', 'nb', rect(x - 0.0002, y0, x + metres / metrePerDegree, y1));
    expect(issuesOf(withFeatures(plan, slab(0.03)), RULE)).toEqual([]);
    expect(issuesOf(withFeatures(plan, slab(0.2)), RULE)).toHaveLength(1);
  });

  it('says "not checked" without a village boundary', () => {
    const { plan } = village();
    const noBoundary = { ...plan, layers: { ...plan.layers, boundary: {} } };
    expect(issuesOf(noBoundary, RULE)).toMatchObject([{ severity: 'notChecked' }]);
  });
});
