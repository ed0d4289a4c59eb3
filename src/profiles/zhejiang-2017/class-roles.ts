/**
 * The 2017 规划地类 that the 2017 rules and tables single out, named by what they stand for (domain.md §3.1,
 * §5, §6; seed §七, §八), so a rule reads its classes from the profile instead of naming codes itself.
 */
import type { LandClassCode } from './land-classes.ts';

/** 宅基地: what the per-household cap (`homestead-per-household`) and F1's 人均宅基地 count. */
export const HOMESTEAD_CLASS: LandClassCode = '2121';

/** 经营性建设用地: new land of this class states its business purpose (`no-new-industry`, `new-build-in-expansion-boundary`). */
export const BUSINESS_CLASS: LandClassCode = '2124';

/** 自然保留地: a homestead built on it takes the hill and waste land cap (`homestead-per-household`). */
export const HILL_WASTELAND_CLASS: LandClassCode = '32';

/** 设施农用地: has its own minimum parcel area (`min-parcel-area`); the facility layer is filled in its colour. */
export const FACILITY_FARMLAND_CLASS: LandClassCode = '151';

/** 生态林, 水域, 自然保留地: share one minimum parcel area (`min-parcel-area`). */
export const FOREST_WATER_RESERVE_CLASSES: ReadonlySet<LandClassCode> = new Set<LandClassCode>(['131', '31', '32']);

/** Rural infrastructure, which may go outside the expansion boundary on the reserve quota (seed §七). */
export const RESERVE_QUOTA_INFRASTRUCTURE_CLASSES: ReadonlySet<LandClassCode> = new Set<LandClassCode>(['2123', '2126', '221', '226']);

/** 园地 and forest: a demolished plot amid them does not become cultivated land (`restoration-fits-surroundings`). */
export const ORCHARD_FOREST_CLASSES: ReadonlySet<LandClassCode> = new Set<LandClassCode>(['12', '131', '132']);

/** Village public space: what a demolished plot amid village land stays (`restoration-fits-surroundings`). */
export const VILLAGE_PUBLIC_SPACE_CLASSES: ReadonlySet<LandClassCode> = new Set<LandClassCode>(['2125', '2122']);

/** 田坎: the ridges deducted from 耕地 parcels are counted as this class (F2, as the land survey counts them). */
export const FIELD_RIDGE_CLASS: LandClassCode = '155';
