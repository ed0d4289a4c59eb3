/**
 * `area-attribute-consistent` (zj-qc): an imported area field (TBMJ of base parcels and basic-farmland
 * patches) agrees with the ellipsoidal area computed here, within the profile's absolute or relative
 * tolerance (whichever is larger). Features without a recorded area are not judged.
 */
import { m2, makeIssue } from './issue.ts';
import type { FeatureRule } from './rule.ts';

export const areaAttributeConsistentRule: FeatureRule = {
  id: 'area-attribute-consistent',
  kind: 'feature',
  severity: 'error',
  layers: ['base', 'pbf'],
  reads: [],
  profileKeys: ['areaAttributeTolerance'],
  source: 'zj-qc',
  seedDifference: '',
  check(state, feature) {
    if (feature.layer !== 'base' && feature.layer !== 'pbf') return [];
    const recorded = feature.properties.recordedArea;
    if (recorded === null) return [];
    const computed = state.area(feature);
    const { absoluteM2, relative } = state.profile.areaAttributeTolerance;
    const allowed = Math.max(absoluteM2, relative * computed);
    const difference = Math.abs(recorded - computed);
    if (difference <= allowed) return [];
    return [
      makeIssue(this.id, this.severity, {
        layer: feature.layer,
        features: [feature.id],
        key: 'rules.area-attribute-consistent.message',
        params: { layerKey: `layer.${feature.layer}`, recordedM2: m2(recorded), computedM2: m2(computed), differenceM2: m2(difference), allowedM2: m2(allowed) },
      }),
    ];
  },
};
