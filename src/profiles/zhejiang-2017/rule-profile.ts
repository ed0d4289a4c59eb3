/**
 * The rule profile: every number a rule or a dictionary reads (domain.md §6, §8). `zhejiang-2017` holds our
 * defaults; a plan may override any of them per county. Values that no source confirms are listed in
 * `UNCONFIRMED_PROFILE_KEYS` so the UI can label them "默认值，可按本县标准修改".
 */
import type { FacilityType } from './codes.ts';
import type { CodeEntry } from '../../domain/code-entry.ts';

export interface FacilityCap {
  /** Largest auxiliary-facility share of the project area, 0..1. */
  readonly maxShare: number;
  /** Largest auxiliary-facility area in 亩. */
  readonly maxMu: number;
}

export interface RuleProfile {
  readonly id: string;
  readonly insideVillageToleranceM: number;
  /**
   * Linear tolerance of the coverage checks (no-gap, no-overlap, inside-village along shared edges), metres:
   * vertices this close to a neighbour's edge count as on it, and gaps or overlaps thinner than this are
   * not reported. 1 mm: the survey's working tolerance (ArcGIS: 0.0001 m grid, 0.001 m tolerance).
   */
  readonly coverageToleranceM: number;
  readonly overlapReportM2: number;
  readonly gapReportM2: number;
  readonly minParcelAreaM2: {
    readonly construction: number;
    readonly facilityFarmland: number;
    readonly farmland: number;
    readonly forestWaterReserve: number;
    readonly controlZone: number;
  };
  /**
   * How far a recorded area (TBMJ) may be from the computed one. `withinBoth` 1 (default): within
   * `absoluteM2` and within `relative` of the area, as a reviewer reads "20 m² 或 2 %" (each is a limit, so
   * a large parcel is not let off by its 2 %); 0: within either, the looser of the two.
   */
  readonly areaAttributeTolerance: { readonly absoluteM2: number; readonly relative: number; readonly withinBoth: number };
  readonly reserveQuotaMaxShare: number;
  readonly reserveTouchToleranceM: number;
  readonly homesteadPerHouseholdM2: {
    readonly cultivated: number;
    readonly other: number;
    readonly hillWasteland: number;
  };
  readonly villageLandPerCapitaM2: number;
  readonly steepSlopeGrade: number;
  /** Share of a demolition plot's outline that makes its surroundings "mainly" one kind of land (seed §八). */
  readonly surroundingsMajorityShare: number;
  readonly facilityCaps: Readonly<Record<FacilityType, FacilityCap>>;
  readonly tablesToleranceHa: number;
  /**
   * Largest residual at a control point (metres) that datum parameters may leave when checked at an
   * import: 0.1 m, what a 1:2000 map can show (0.05 mm on paper is 0.1 m).
   */
  readonly controlPointToleranceM: number;
  /**
   * 田坎系数 (TKXS, 0..1) of cultivated land the plan creates (demolition restored to 耕地, a use change to
   * 耕地), which has no survey coefficient of its own: its 田坎 is deducted as the base parcels' is.
   */
  readonly newFarmlandRidgeCoefficient: number;
  readonly functionalZoneTypes: readonly CodeEntry[];
  readonly consolidationZoneTypes: readonly CodeEntry[];
}

export const ZHEJIANG_2017: RuleProfile = {
  id: 'zhejiang-2017',
  insideVillageToleranceM: 0.05,
  coverageToleranceM: 0.001,
  overlapReportM2: 0.01,
  gapReportM2: 0.01,
  minParcelAreaM2: {
    construction: 100,
    facilityFarmland: 200,
    farmland: 400,
    forestWaterReserve: 600,
    controlZone: 10_000,
  },
  areaAttributeTolerance: { absoluteM2: 20, relative: 0.02, withinBoth: 1 },
  reserveQuotaMaxShare: 0.2,
  reserveTouchToleranceM: 1,
  homesteadPerHouseholdM2: { cultivated: 125, other: 140, hillWasteland: 160 },
  villageLandPerCapitaM2: 150,
  steepSlopeGrade: 4,
  surroundingsMajorityShare: 0.5,
  facilityCaps: {
    cultivation: { maxShare: 0.05, maxMu: 10 },
    livestock: { maxShare: 0.07, maxMu: 15 },
    aquaculture: { maxShare: 0.07, maxMu: 10 },
  },
  tablesToleranceHa: 0.01,
  controlPointToleranceM: 0.1,
  newFarmlandRidgeCoefficient: 0,
  functionalZoneTypes: [
    { code: 'agriculture', zh: '农业生产区', en: 'Agricultural production' },
    { code: 'village', zh: '村庄建设区', en: 'Village construction' },
    { code: 'industry', zh: '产业发展区', en: 'Industrial development' },
    { code: 'ecology', zh: '生态保护区', en: 'Ecological protection' },
    { code: 'other', zh: '其他用地区', en: 'Other land' },
  ],
  consolidationZoneTypes: [
    { code: 'farmland', zh: '农用地整理区', en: 'Farmland consolidation' },
    { code: 'reclamation', zh: '建设用地复垦区', en: 'Construction land reclamation' },
    { code: 'development', zh: '宜耕后备资源开发区', en: 'Arable reserve development' },
    { code: 'restoration', zh: '生态修复区', en: 'Ecological restoration' },
  ],
};

/** Profile keys whose default value no source confirms (domain.md §8). */
export const UNCONFIRMED_PROFILE_KEYS: readonly (keyof RuleProfile)[] = [
  'homesteadPerHouseholdM2',
  'villageLandPerCapitaM2',
  'facilityCaps',
  'surroundingsMajorityShare',
  'newFarmlandRidgeCoefficient',
  'functionalZoneTypes',
  'consolidationZoneTypes',
];

export const PROFILES: Readonly<Record<string, RuleProfile>> = { [ZHEJIANG_2017.id]: ZHEJIANG_2017 };

export type ProfileOverrides = Partial<{ -readonly [K in keyof RuleProfile]: RuleProfile[K] }>;

export function resolveProfile(profileId: string, overrides: ProfileOverrides): RuleProfile {
  const base = PROFILES[profileId] ?? ZHEJIANG_2017;
  return { ...base, ...overrides, id: base.id };
}

/**
 * Keeps only overrides that have the shape of the default they replace, so a hand-edited or damaged plan
 * file cannot hand a rule a string where it expects a number.
 */
export function sanitiseOverrides(raw: unknown): ProfileOverrides {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'id' || !(key in ZHEJIANG_2017)) continue;
    const reference = (ZHEJIANG_2017 as unknown as Record<string, unknown>)[key];
    const completed = withNewKeys(reference, value);
    if (sameShape(reference, completed)) clean[key] = completed;
  }
  return clean as ProfileOverrides;
}

/**
 * An override saved before its entry gained a number (e.g. `areaAttributeTolerance.withinBoth`) takes the
 * default for it, instead of being dropped whole with the numbers the planner did change.
 */
function withNewKeys(reference: unknown, value: unknown): unknown {
  if (!isPlainObject(reference) || !isPlainObject(value)) return value;
  return Object.fromEntries(Object.keys(reference).map((k) => [k, k in value ? withNewKeys(reference[k], value[k]) : reference[k]]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameShape(reference: unknown, value: unknown): boolean {
  if (typeof reference === 'number') return typeof value === 'number' && Number.isFinite(value) && value >= 0;
  if (Array.isArray(reference)) {
    return Array.isArray(value) && value.length > 0 && value.every((e) => typeof e === 'object' && e !== null && ['code', 'zh', 'en'].every((k) => typeof (e as Record<string, unknown>)[k] === 'string'));
  }
  if (typeof reference === 'object' && reference !== null) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    return Object.keys(reference).every((k) => sameShape((reference as Record<string, unknown>)[k], (value as Record<string, unknown>)[k]));
  }
  return false;
}
