/**
 * Facility farmland lying on permanent basic farmland, and the reserve area that can compensate for it
 * (seed §九 "先补后占": an equal area from the basic-farmland reserve first). Shared by
 * `facility-farmland-on-pbf` (is the compensation there?) and `pbf-reserve-task-met` (reserve area used as
 * compensation leaves the reserve).
 */
import type { AreaGeometry, FeatureOf } from '../domain/features.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { geometryBBox } from '../geo/bbox.ts';
import { partInside } from './clip.ts';
import type { CheckState } from './context.ts';

export interface FacilityOnPbf {
  readonly feature: FeatureOf<'facility'>;
  readonly areaM2: number;
  readonly geometry: AreaGeometry;
}

export interface FacilitiesOnPbf {
  readonly onPbf: readonly FacilityOnPbf[];
  /** Facilities whose overlay failed: reported by `facility-farmland-on-pbf`. */
  readonly failed: readonly { readonly feature: FeatureOf<'facility'>; readonly error: string }[];
}

export function facilitiesOnPbf(state: CheckState): FacilitiesOnPbf {
  const threshold = state.profile.overlapReportM2;
  const onPbf: FacilityOnPbf[] = [];
  const failed: { feature: FeatureOf<'facility'>; error: string }[] = [];
  for (const feature of state.features('facility')) {
    const geometry = state.usable(feature.geometry);
    if (!geometry) continue;
    const part = state.memo('facility-on-pbf', geometry, [state.version('pbf'), threshold, state.profile.coverageToleranceM], () =>
      partInside(geometry, state.outlines(state.near('pbf', geometryBBox(geometry)) as FeatureOf<'pbf'>[]), state.clipLimits(threshold)),
    );
    if (!part.ok) failed.push({ feature, error: part.error });
    else if (part.value) {
      const areaM2 = ellipsoidalArea(part.value);
      if (areaM2 >= threshold) onPbf.push({ feature, areaM2, geometry: part.value });
    }
  }
  return { onPbf, failed };
}

/** Reserve area that can compensate: the part of the reserve areas that is not already basic farmland. */
export function eligibleReserveM2(state: CheckState): number {
  return state.derived.sum((k) => k.reserve && k.pbf === null);
}

/** Cultivation facilities may use 先补后占; what they occupy of basic farmland is taken from the reserve. */
export function compensationNeededM2(facilities: FacilitiesOnPbf): number {
  return facilities.onPbf.filter((x) => x.feature.properties.facilityType === 'cultivation').reduce((s, x) => s + x.areaM2, 0);
}
