/**
 * `min-parcel-area` (zj-qc): slivers. A base parcel or a drawn change smaller than the minimum for its land
 * class, or a control zone under its minimum, is most likely a digitising slip. A warning: a planner who
 * really means a small parcel writes why.
 */
import type { PlanFeature } from '../domain/features.ts';
import { isAreaFeature } from '../domain/features.ts';
import { isConstructionLand, type LandClassCode } from '../profiles/zhejiang-2017/land-classes.ts';
import type { LayerId } from '../profiles/zhejiang-2017/layers.ts';
import type { RuleProfile } from '../profiles/zhejiang-2017/rule-profile.ts';
import { FACILITY_FARMLAND_CLASS, FOREST_WATER_RESERVE_CLASSES } from '../profiles/zhejiang-2017/class-roles.ts';
import { changeTarget, type ChangeFeature } from './derive/pieces.ts';
import { m2, makeIssue } from './issue.ts';
import type { FeatureRule } from './rule.ts';

// Not demolition: a demolished plot is as large as what stood there, and its restored land joins its neighbours.
const LAYERS_CHECKED: readonly LayerId[] = ['base', 'newBuild', 'useChange', 'controlZone'];

/** The minimum area for a land class (domain.md §6). */
function minimumForClass(code: LandClassCode, min: RuleProfile['minParcelAreaM2']): number {
  if (isConstructionLand(code)) return min.construction;
  if (code === FACILITY_FARMLAND_CLASS) return min.facilityFarmland;
  if (FOREST_WATER_RESERVE_CLASSES.has(code)) return min.forestWaterReserve;
  // What is left: cultivated land and the other farmland.
  return min.farmland;
}

function classOf(feature: PlanFeature): LandClassCode | null {
  if (feature.layer === 'base') return feature.properties.classCode;
  if (feature.layer === 'newBuild' || feature.layer === 'useChange') return changeTarget(feature as ChangeFeature);
  return null;
}

export const minParcelAreaRule: FeatureRule = {
  id: 'min-parcel-area',
  kind: 'feature',
  severity: 'warning',
  layers: LAYERS_CHECKED,
  reads: [],
  profileKeys: ['minParcelAreaM2'],
  source: 'zj-qc',
  seedDifference: '',
  check(state, feature) {
    // An invalid outline has no meaningful area; geometry-valid reports it.
    if (!isAreaFeature(feature) || !state.isValid(feature.geometry)) return [];
    const min = state.profile.minParcelAreaM2;
    const code = classOf(feature);
    const minimum = feature.layer === 'controlZone' ? min.controlZone : code ? minimumForClass(code, min) : null;
    if (minimum === null) return [];
    const area = state.area(feature);
    if (area >= minimum) return [];
    return [
      makeIssue(this.id, this.severity, {
        layer: feature.layer,
        features: [feature.id],
        key: feature.layer === 'controlZone' ? 'rules.min-parcel-area.zone' : 'rules.min-parcel-area.message',
        params: { layerKey: `layer.${feature.layer}`, classKey: code ? `landClass.${code}` : '', areaM2: m2(area), minimumM2: minimum },
        geometry: feature.geometry,
      }),
    ];
  },
};
