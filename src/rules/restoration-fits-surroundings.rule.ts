/**
 * `restoration-fits-surroundings` (seed §八): a demolished plot returns to what suits its place. Amid mainly
 * orchard and forest, or on steep land (PDJB ≥ the profile's grade), it becomes orchard, forest or water,
 * not cultivated land; a plot mainly surrounded by village construction land stays village public space
 * (2125/2122). "Mainly" is the profile's share of the plot's outline. A warning: the planner may know
 * better and say why. Neighbours and their shared boundary are found within the coverage tolerance, as a
 * survey's parcels and a change drawn on them are misaligned by fractions of a millimetre: exactly, every
 * neighbour overlapped the plot by a sliver (counted as under it) and shared no boundary with it.
 */
import type { FeatureOf } from '../domain/features.ts';
import { isCultivatedLand, isVillageConstructionLand } from '../profiles/zhejiang-2017/land-classes.ts';
import { expandBBox, geometryBBox } from '../geo/bbox.ts';
import { toleranceDegrees } from '../geo/local-metric.ts';
import { tolerantRelate } from '../geo/tolerant-relate.ts';
import { sharedBoundaryLength } from '../geo/shared-boundary.ts';
import { ORCHARD_FOREST_CLASSES, VILLAGE_PUBLIC_SPACE_CLASSES } from '../profiles/zhejiang-2017/class-roles.ts';
import { makeIssue } from './issue.ts';
import { perimeterMetres } from './measure.ts';
import type { FeatureRule } from './rule.ts';

export const restorationFitsSurroundingsRule: FeatureRule = {
  id: 'restoration-fits-surroundings',
  kind: 'feature',
  severity: 'warning',
  layers: ['demolition'],
  reads: ['base'],
  profileKeys: ['steepSlopeGrade', 'surroundingsMajorityShare', 'coverageToleranceM'],
  source: 'seed §八',
  seedDifference: 'The seed also names broken plots (地块破碎) among those to restore as orchard, forest or water; "broken" has no measure in any source, so it is not checked.',
  check(state, feature) {
    if (feature.layer !== 'demolition') return [];
    const use = feature.properties.restorationUse;
    const box = geometryBBox(feature.geometry);
    const tolerance = state.profile.coverageToleranceM;
    const toleranceDeg = toleranceDegrees(tolerance, (box[1] + box[3]) / 2);
    const near = state.near('base', expandBBox(box, toleranceDeg)) as FeatureOf<'base'>[];
    const under: FeatureOf<'base'>[] = [];
    const lengthByKind = { orchardForest: 0, village: 0 };
    for (const base of near) {
      const relation = tolerantRelate(base.geometry, feature.geometry, tolerance);
      if (relation !== 'disjoint') {
        under.push(base);
        continue;
      }
      const shared = sharedBoundaryLength(base.geometry, feature.geometry, toleranceDeg);
      if (shared <= 0) continue;
      if (ORCHARD_FOREST_CLASSES.has(base.properties.classCode)) lengthByKind.orchardForest += shared;
      if (isVillageConstructionLand(base.properties.classCode)) lengthByKind.village += shared;
    }
    const perimeter = perimeterMetres(feature.geometry);
    const share = state.profile.surroundingsMajorityShare;
    const steep = under.some((b) => Number(b.properties.slopeGrade ?? 0) >= state.profile.steepSlopeGrade);
    const issue = (reason: string, params: Record<string, string | number> = {}) => [
      makeIssue(this.id, this.severity, { layer: 'demolition', features: [feature.id], key: `rules.restoration-fits-surroundings.${reason}`, params: { parcelNo: feature.properties.parcelNo, useKey: `landClass.${use}`, ...params }, geometry: feature.geometry, part: reason }),
    ];
    if (isCultivatedLand(use) && steep) return issue('steep', { grade: state.profile.steepSlopeGrade });
    if (isCultivatedLand(use) && perimeter > 0 && lengthByKind.orchardForest / perimeter >= share) return issue('amidOrchardForest', { percent: Math.round((100 * lengthByKind.orchardForest) / perimeter) });
    if (!VILLAGE_PUBLIC_SPACE_CLASSES.has(use) && perimeter > 0 && lengthByKind.village / perimeter >= share) return issue('insideVillage', { percent: Math.round((100 * lengthByKind.village) / perimeter) });
    return [];
  },
};
