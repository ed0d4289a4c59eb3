/**
 * The 2017 规划地类 that the 2017 rules, tables, maps and notice single out, named by what they stand for
 * (domain.md §3.1, §5, §6; seed §七, §八), so code reads its classes from the profile instead of naming codes.
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

/** 园地: hatched as orchard on the printed map. */
export const ORCHARD_CLASS: LandClassCode = '12';

/** 生态林, 商品林: hatched as forest on the printed map. */
export const FOREST_CLASSES: ReadonlySet<LandClassCode> = new Set<LandClassCode>(['131', '132']);

/**
 * 园地 and forest: a demolished plot amid them does not become cultivated land (`restoration-fits-surroundings`);
 * the notice shows a plot returned to them as returned to green.
 */
export const ORCHARD_FOREST_CLASSES: ReadonlySet<LandClassCode> = new Set<LandClassCode>([ORCHARD_CLASS, ...FOREST_CLASSES]);

/** 水域, 坑塘水面: open water, which a demolished plot may return to; the notice shows such a plot as returned to water. */
export const OPEN_WATER_CLASSES: ReadonlySet<LandClassCode> = new Set<LandClassCode>(['31', '153']);

/** Open water and 农田水利用地 (ditches and canals): hatched as water on the printed map. */
export const WATER_CLASSES: ReadonlySet<LandClassCode> = new Set<LandClassCode>([...OPEN_WATER_CLASSES, '154']);

/**
 * Village public space: what a demolished plot amid village land stays (`restoration-fits-surroundings`); the
 * notice says a plot returned to it becomes public space.
 */
export const VILLAGE_PUBLIC_SPACE_CLASSES: ReadonlySet<LandClassCode> = new Set<LandClassCode>(['2125', '2122']);

/** 田坎: the ridges deducted from 耕地 parcels are counted as this class (F2, as the land survey counts them). */
export const FIELD_RIDGE_CLASS: LandClassCode = '155';
