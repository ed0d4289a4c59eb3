import { describe, expect, it } from 'vitest';
import { feature, planWith, rect } from '../domain/test-support.ts';
import { ellipsoidalArea } from './area.ts';
import { expansionBoundary } from './expansion-boundary.ts';

describe('expansion boundary', () => {
  it('is the outline of the 010 and 020 zones together', () => {
    const plan = planWith([
      feature('controlZone', 'a', rect(120, 30, 120.001, 30.001), { zoneCode: '010' }),
      feature('controlZone', 'b', rect(120.001, 30, 120.002, 30.001), { zoneCode: '020' }),
      feature('controlZone', 'c', rect(120.002, 30, 120.003, 30.001), { zoneCode: '030' }),
    ]);
    const result = expansionBoundary(plan);
    expect(result.ok && result.value?.type).toBe('Polygon');
    if (result.ok && result.value) expect(ellipsoidalArea(result.value)).toBeCloseTo(ellipsoidalArea(rect(120, 30, 120.002, 30.001)), 3);
  });

  it('is empty without expansion zones', () => {
    const result = expansionBoundary(planWith([feature('controlZone', 'c', rect(120, 30, 120.001, 30.001), { zoneCode: '030' })]));
    expect(result).toEqual({ ok: true, value: null });
  });
});
