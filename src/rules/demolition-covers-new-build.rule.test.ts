import { describe, expect, it } from 'vitest';
import { linkageVillage } from './linkage-fixtures.ts';
import { issuesOf } from './test-support.ts';

const RULE = 'demolition-covers-new-build';

describe(RULE, () => {
  it('passes when the demolition quota covers the new build (equal areas)', () => {
    expect(issuesOf(linkageVillage({ demolish: 1, build: 1 }), RULE)).toEqual([]);
  });

  it('reports new build beyond the quota with the figures', () => {
    const issues = issuesOf(linkageVillage({ demolish: 1, build: 2 }), RULE);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message.params.newBuildM2 as number).toBeCloseTo(2 * 10_710, -2);
  });

  it('counts the reserve kept back and ignores demolition kept as public space', () => {
    expect(issuesOf(linkageVillage({ demolish: 1, build: 1, keptM2: 100 }), RULE)).toHaveLength(1);
    expect(issuesOf(linkageVillage({ demolish: 1, build: 1, restoreTo: '2125' }), RULE)).toHaveLength(1);
  });
});
