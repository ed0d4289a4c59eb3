import { describe, expect, it } from 'vitest';
import { feature, issuesOf, village, withFeatures } from './test-support.ts';

const RULE = 'zones-match-township';
const ZONES = [{ code: '010', block: [0, 0, 1, 3] }, { code: '020', block: [1, 0, 2, 3] }, { code: '030', block: [2, 0, 3, 3] }, { code: '040', block: [3, 0, 4, 3] }] as const;

function setup(township: readonly { code: string; block: readonly [number, number, number, number] }[]) {
  const { plan, g } = village({ zones: ZONES.map((z) => ({ code: z.code, block: [...z.block] as [number, number, number, number] })) });
  return withFeatures(plan, ...township.map((z, k) => feature('townshipZones', `t${k}`, g.block(...z.block), { zoneCode: z.code })));
}

describe(RULE, () => {
  it('passes zones equal to the township’s, compared without clipping', () => {
    expect(issuesOf(setup(ZONES), RULE)).toEqual([]);
  });

  it('reports 020 beyond the township 020, and township 040 not carried over', () => {
    const issues = issuesOf(setup([{ code: '010', block: [0, 0, 1, 3] }, { code: '020', block: [1, 0, 2, 2] }, { code: '030', block: [1, 2, 2, 3] }, { code: '040', block: [2, 0, 4, 3] }]), RULE);
    expect(issues.map((i) => i.message.key).sort()).toEqual(['rules.zones-match-township.conditionalOutside', 'rules.zones-match-township.forbiddenNotCarried']);
  });

  it('says "not checked" without township zones', () => {
    expect(issuesOf(setup([]), RULE)).toMatchObject([{ severity: 'notChecked' }]);
  });
});
