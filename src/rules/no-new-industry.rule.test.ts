import { describe, expect, it } from 'vitest';
import { feature, issuesOf, village, withFeatures } from './test-support.ts';

const RULE = 'no-new-industry';
const build = (industryPurpose: string | null) => {
  const { plan, g } = village();
  return withFeatures(plan, feature('newBuild', 'nb', g.block(0, 0, 1, 1), { parcelNo: 'JX1', useCode: '2124', industryPurpose }));
};

describe(RULE, () => {
  it('passes new business land for farm-produce processing or farm tourism', () => {
    expect(issuesOf(build('agriProcessing'), RULE)).toEqual([]);
    expect(issuesOf(build('agriNewBusiness'), RULE)).toEqual([]);
  });

  it('warns of other new industry, and of business land made by a use change', () => {
    expect(issuesOf(build('otherIndustry'), RULE)).toMatchObject([{ severity: 'warning', message: { key: 'rules.no-new-industry.message' } }]);
    const { plan, g } = village();
    expect(issuesOf(withFeatures(plan, feature('useChange', 'u', g.block(0, 0, 1, 1), { targetCode: '2124' })), RULE)).toMatchObject([{ message: { key: 'rules.no-new-industry.useChange' } }]);
  });

  it('says "not checked" when the purpose is not stated', () => {
    expect(issuesOf(build(null), RULE)).toMatchObject([{ severity: 'notChecked' }]);
  });
});
