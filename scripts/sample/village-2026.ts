/**
 * The 2026 sample village (docs/sample-village.md): the 2017 sample plan's village as a `zhejiang-2026`
 * village planning database, so both samples come from the same seeded generator. The conversion is the
 * editor's (io/village-database/from-2017-plan.ts); the sample adds only the planner's decisions on its
 * review list.
 */
import { basename } from 'node:path';
import type { Plan } from '../../src/domain/plan.ts';
import { databaseFrom2017Plan } from '../../src/io/village-database/from-2017-plan.ts';
import type { ReviewDecisions } from '../../src/io/village-database/review-groups.ts';
import type { VillageDatabase } from '../../src/profiles/zhejiang-2026/village-database.ts';

export const SAMPLE_2026_OUT = 'samples/sample-village-2026.database.json';

/**
 * The planner's choice for each 2017 class of the sample where the 2017 → 2023 suggestion offers
 * candidates without a default, for the sample's land as docs/sample-village.md describes it [ours ⚠].
 * 12, 131 and 132 follow the base parcel's 三调 code (0201, 0301, 0302); 154 → 1705, 221 → 1202 and
 * 226 → 1311 are the suggestion's defaults.
 */
export const SAMPLE_2026_DECISIONS: ReviewDecisions = {
  // Greenhouses.
  '151': '060201',
  // Farm roads between the fields: 060101 村道用地 would be the village roads, here 2126 → 1207.
  '152': '060102',
  '2121': '070301',
  // 村委会, 文化礼堂 and the school: a real plan would code the school 080403, which the Zhejiang table counts as 城镇.
  '2122': '0704',
  // Each hamlet's 2123 is its sewage terminal (三调 0809).
  '2123': '1303',
  // The 2124 parcels are workshops (三调 0601 工业用地).
  '2124': '100101',
  '2125': '1401',
  // The river.
  '31': '1701',
  // 三调 0404.
  '32': '0403',
};

/** The sample plan converted with the sample's decisions, its layers naming the sample's file as a database opened from it does. */
export function villageDatabaseFromPlan(plan: Plan): VillageDatabase {
  const converted = databaseFrom2017Plan(plan, SAMPLE_2026_DECISIONS);
  if (!converted.ok) throw new Error(`${converted.error.key} ${JSON.stringify(converted.error.params)}`);
  const file = basename(SAMPLE_2026_OUT);
  const layers = Object.fromEntries(Object.entries(converted.value.layers).map(([name, layer]) => [name, { ...layer, file }]));
  return { ...converted.value, layers };
}
