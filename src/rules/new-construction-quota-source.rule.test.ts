import { describe, expect, it } from 'vitest';
import { feature, issuesOf, village, withFeatures } from './test-support.ts';

const RULE = 'new-construction-quota-source';
const { plan, g } = village();

describe(RULE, () => {
  it('passes new build on a quota a rule compares: E2 on the linkage, any on the reserve or the township', () => {
    const built = withFeatures(
      plan,
      feature('newBuild', 'a', g.block(0, 0, 1, 1), { parcelNo: 'JX1', linkage: 'E2', quotaSource: 'linkage' }),
      feature('newBuild', 'b', g.block(1, 0, 2, 1), { parcelNo: 'JX2', linkage: 'E1', quotaSource: 'reserve' }),
      feature('newBuild', 'c', g.block(2, 0, 3, 1), { parcelNo: 'JX3', linkage: 'E1', quotaSource: 'township' }),
      feature('useChange', 'u', g.block(3, 0, 4, 1), { parcelNo: 'TZ1', targetCode: '12' }),
    );
    expect(issuesOf(built, RULE)).toEqual([]);
  });

  it('reports a use change that makes construction land, which has no quota source', () => {
    const changed = withFeatures(plan, feature('useChange', 'u', g.block(3, 0, 4, 1), { parcelNo: 'TZ1', targetCode: '2123' }));
    expect(issuesOf(changed, RULE)).toMatchObject([{ severity: 'error', features: ['u'], message: { key: 'rules.new-construction-quota-source.useChange', params: { parcelNo: 'TZ1' } } }]);
  });

  it('reports an E1 parcel on the linkage quota, which the linkage ledger does not count; not one on existing construction land', () => {
    const virtual = withFeatures(plan, feature('newBuild', 'v', g.block(0, 1, 1, 2), { parcelNo: 'JX9', linkage: 'E1', quotaSource: 'linkage' }));
    expect(issuesOf(virtual, RULE)).toMatchObject([{ features: ['v'], message: { key: 'rules.new-construction-quota-source.virtualOnLinkage' } }]);
    const onHomesteads = village({ classOf: () => '2121' });
    const rebuilt = withFeatures(onHomesteads.plan, feature('newBuild', 'v', onHomesteads.g.block(0, 1, 1, 2), { parcelNo: 'JX9', linkage: 'E1', quotaSource: 'linkage' }));
    expect(issuesOf(rebuilt, RULE)).toEqual([]);
  });
});
