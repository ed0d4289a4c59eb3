/**
 * `area-attribute-consistent` (zj-qc): an imported area field (TBMJ of base parcels and basic-farmland
 * patches) agrees with the ellipsoidal area computed here. "20 m² 或 2 %" is read as a reviewer reads it:
 * the difference is within 20 m² and within 2 % of the area (each is a limit: a 5 公顷 parcel is not let off
 * 1,000 m²); the profile can ask for the looser reading (`withinBoth: 0`). Features without a recorded area
 * are not judged. A recorded area is never held closer than its own rounding: TBMJ is kept to 0.01 m²
 * (domain.md §4, the survey's two decimals), so a 0.3 m² sliver that a 三调 export clipped off at the village
 * boundary, recorded as 0.30, is not 2 % off a computed 0.296 m².
 */
import { m2, makeIssue } from './issue.ts';
import type { FeatureRule } from './rule.ts';

/** Half of TBMJ's last decimal (0.01 m²): how far rounding alone can put a recorded area from the true one. */
const RECORDED_ROUNDING_M2 = 0.005;

export const areaAttributeConsistentRule: FeatureRule = {
  id: 'area-attribute-consistent',
  kind: 'feature',
  severity: 'error',
  layers: ['base', 'pbf'],
  reads: [],
  profileKeys: ['areaAttributeTolerance'],
  source: 'zj-qc',
  seedDifference: 'domain.md says "within 20 m² or 2 %" without saying which of the two governs; read as both limits (the tighter one applies), so a large parcel cannot be 2 % off; the profile key withinBoth = 0 gives the looser reading.',
  check(state, feature) {
    if (feature.layer !== 'base' && feature.layer !== 'pbf') return [];
    const recorded = feature.properties.recordedArea;
    if (recorded === null) return [];
    // A self-intersecting outline is measured as its repair, as the tables count it (its lobes would cancel out).
    const usable = state.usable(feature.geometry);
    const computed = usable ? state.area({ geometry: usable }) : 0;
    const { absoluteM2, relative, withinBoth } = state.profile.areaAttributeTolerance;
    const allowed = Math.max(RECORDED_ROUNDING_M2, withinBoth ? Math.min(absoluteM2, relative * computed) : Math.max(absoluteM2, relative * computed));
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
