import { describe, expect, it } from 'vitest';
import { linkageVillage } from './linkage-fixtures.ts';
import { issuesOf } from './test-support.ts';

const RULE = 'illegal-land-not-linked';

describe(RULE, () => {
  it('passes illegal-land demolition that no new build relies on', () => {
    expect(issuesOf(linkageVillage({ illegal: true, build: 0 }), RULE)).toEqual([]);
  });

  it('reports new build that relies on demolished illegal land, showing it', () => {
    const issues = issuesOf(linkageVillage({ illegal: true, build: 1 }), RULE);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.features).toEqual(['d0']);
    expect(issues[0]!.geometry?.type).toBe('Polygon');
  });

  it('leaves a shortfall beyond the illegal part to demolition-covers-new-build', () => {
    expect(issuesOf(linkageVillage({ illegal: true, build: 2 }), RULE)).toEqual([]);
    expect(issuesOf(linkageVillage({ illegal: true, build: 2 }), 'demolition-covers-new-build')).toHaveLength(1);
  });
});
