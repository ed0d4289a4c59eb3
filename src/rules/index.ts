/** The rule catalog: one explicit array, in the order of domain.md §6 (no registration by import side effect). */
import { areaAttributeConsistentRule } from './area-attribute-consistent.rule.ts';
import { constructionTotalNotIncreasedRule } from './construction-total-not-increased.rule.ts';
import { cultivatedLandKeptRule } from './cultivated-land-kept.rule.ts';
import { demolitionCoversNewBuildRule } from './demolition-covers-new-build.rule.ts';
import { demolitionOnConstructionLandRule } from './demolition-on-construction-land.rule.ts';
import { facilityFarmlandCapsRule } from './facility-farmland-caps.rule.ts';
import { facilityFarmlandOnPbfRule } from './facility-farmland-on-pbf.rule.ts';
import { geometryValidRule } from './geometry-valid.rule.ts';
import { homesteadPerHouseholdRule } from './homestead-per-household.rule.ts';
import { illegalLandNotLinkedRule } from './illegal-land-not-linked.rule.ts';
import { insideVillageRule } from './inside-village.rule.ts';
import { minParcelAreaRule } from './min-parcel-area.rule.ts';
import { newBuildInExpansionBoundaryRule } from './new-build-in-expansion-boundary.rule.ts';
import { noGapRule } from './no-gap.rule.ts';
import { noNewIndustryRule } from './no-new-industry.rule.ts';
import { noOverlapRule } from './no-overlap.rule.ts';
import { nothingNewInRedlineRule } from './nothing-new-in-redline.rule.ts';
import { pbfKeptRule } from './pbf-kept.rule.ts';
import { reserveAreaEligibleRule } from './reserve-area-eligible.rule.ts';
import { reserveQuotaMaxRule } from './reserve-quota-max.rule.ts';
import { restorationFitsSurroundingsRule } from './restoration-fits-surroundings.rule.ts';
import { constructionTotalWithinTaskRule } from './construction-total-within-task.rule.ts';
import { urbanRuralConstructionWithinTaskRule } from './urban-rural-construction-within-task.rule.ts';
import { villageConstructionWithinTaskRule } from './village-construction-within-task.rule.ts';
import { newConstructionQuotaSourceRule } from './new-construction-quota-source.rule.ts';
import { reserveQuotaCoversNewBuildRule } from './reserve-quota-covers-new-build.rule.ts';
import { pbfReserveTaskMetRule } from './pbf-reserve-task-met.rule.ts';
import type { Rule } from './rule.ts';
import { tablesConsistentRule } from './tables-consistent.rule.ts';
import { villageLandPerCapitaRule } from './village-land-per-capita.rule.ts';
import { zonesMatchTownshipRule } from './zones-match-township.rule.ts';

export const RULES: readonly Rule[] = [
  geometryValidRule,
  insideVillageRule,
  noOverlapRule,
  noGapRule,
  minParcelAreaRule,
  areaAttributeConsistentRule,
  constructionTotalNotIncreasedRule,
  constructionTotalWithinTaskRule,
  urbanRuralConstructionWithinTaskRule,
  villageConstructionWithinTaskRule,
  demolitionCoversNewBuildRule,
  newConstructionQuotaSourceRule,
  reserveQuotaMaxRule,
  reserveQuotaCoversNewBuildRule,
  illegalLandNotLinkedRule,
  demolitionOnConstructionLandRule,
  newBuildInExpansionBoundaryRule,
  restorationFitsSurroundingsRule,
  noNewIndustryRule,
  pbfKeptRule,
  pbfReserveTaskMetRule,
  cultivatedLandKeptRule,
  facilityFarmlandOnPbfRule,
  facilityFarmlandCapsRule,
  nothingNewInRedlineRule,
  reserveAreaEligibleRule,
  homesteadPerHouseholdRule,
  villageLandPerCapitaRule,
  zonesMatchTownshipRule,
  tablesConsistentRule,
];
