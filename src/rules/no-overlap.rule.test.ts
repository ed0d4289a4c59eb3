import { describe, expect, it } from 'vitest';
import { rect } from '../domain/test-support.ts';
import { feature, issuesOf, village, withFeatures } from './test-support.ts';

const RULE = 'no-overlap';

/** Parcel 0-0 widened by `dx` degrees into its neighbour: an overlap of dx × 0.001° (≈ dx · 1.07e7 m²). */
function widened(dx: number) {
  const { plan, g } = village();
  const [x0, y0] = g.at(0, 0) as [number, number];
  const [x1, y1] = g.at(1, 1) as [number, number];
  return withFeatures(plan, feature('base', 'p0-0', rect(x0, y0, x1 + dx, y1), { classCode: '111' }));
}

describe(RULE, () => {
  it('passes an exact partition without clipping anything', () => {
    expect(issuesOf(village().plan, RULE)).toEqual([]);
  });

  it('reports the overlap itself with its area', () => {
    const issues = issuesOf(widened(1e-5), RULE);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.features).toEqual(['p0-0', 'p1-0']);
    expect(issues[0]!.message.params.areaM2 as number).toBeCloseTo(107, -1);
    expect(issues[0]!.geometry?.type).toBe('Polygon');
  });

  it('ignores an overlap under the 0.01 m² threshold', () => {
    expect(issuesOf(widened(4e-10), RULE)).toEqual([]);
  });
});
