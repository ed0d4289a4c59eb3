/**
 * `no-new-industry` (seed §七, §十): 一般不在农村地区安排除农产品生产加工外的其他新增工业项目用地. New
 * 经营性建设用地 (2124) says what it is for: farm-produce processing and farm-tourism / "农业+" businesses
 * pass; other industry is the seed's exception (具有产业优势、确需新增建设的, in a small-business park) and
 * needs a written reason. Unstated purpose: not checked. A use change to 2124 cannot state a purpose, so it is
 * reported as new business land to be drawn as a new-build parcel.
 */
import { ellipsoidalArea } from '../geo/area.ts';
import { BUSINESS_CLASS } from '../profiles/zhejiang-2017/class-roles.ts';
import { combine } from './clip.ts';
import { m2, makeIssue } from './issue.ts';
import type { FeatureRule } from './rule.ts';

export const noNewIndustryRule: FeatureRule = {
  id: 'no-new-industry',
  kind: 'feature',
  severity: 'warning',
  layers: ['newBuild', 'useChange'],
  reads: ['base', 'demolition', 'newBuild'],
  profileKeys: [],
  source: 'seed §七, §十',
  seedDifference: 'domain.md has no severity for it (an error by default); the seed allows new industry where the village has an industrial advantage (具有产业优势、确需新增建设的…按照小微企业园区模式), so it is a warning needing 规划说明, and farm-tourism / "农业+" business land (seed §十) is not industry.',
  check(state, feature) {
    if (feature.layer === 'newBuild') {
      const p = feature.properties;
      if (p.useCode !== BUSINESS_CLASS || p.industryPurpose === 'agriProcessing' || p.industryPurpose === 'agriNewBusiness') return [];
      const params = { parcelNo: p.parcelNo, areaM2: m2(state.area(feature)) };
      if (p.industryPurpose === null) {
        return [makeIssue(this.id, 'notChecked', { layer: 'newBuild', features: [feature.id], key: 'rules.no-new-industry.purposeMissing', params, geometry: feature.geometry })];
      }
      return [makeIssue(this.id, this.severity, { layer: 'newBuild', features: [feature.id], key: 'rules.no-new-industry.message', params, geometry: feature.geometry })];
    }
    if (feature.layer !== 'useChange' || feature.properties.targetCode !== BUSINESS_CLASS) return [];
    const pieces = state.derived.piecesOfChange(feature.id).filter((piece) => piece.baseClass !== BUSINESS_CLASS);
    const geometry = combine(pieces.map((piece) => piece.geometry));
    if (!geometry) return [];
    return [makeIssue(this.id, this.severity, { layer: 'useChange', features: [feature.id], key: 'rules.no-new-industry.useChange', params: { parcelNo: feature.properties.parcelNo, areaM2: m2(ellipsoidalArea(geometry)) }, geometry })];
  },
};
