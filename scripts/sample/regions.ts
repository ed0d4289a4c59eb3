/**
 * What a painted region is: its kind (why it exists), the planning class and survey code it carries, and
 * where it sits in the settlement pattern. Every later step (ownership, zones, farmland, changes) reads
 * these facts rather than guessing from the class code.
 */
import type { LandClassCode } from '../../src/profiles/zhejiang-2017/land-classes.ts';

export type RegionKind =
  | 'strip' // a paddy or dry-land field strip
  | 'farmRoad'
  | 'ditch'
  | 'bridge'
  | 'river'
  | 'bank'
  | 'countyRoad'
  | 'pond'
  | 'orchard'
  | 'greenhouse'
  | 'facilityPlot' // the small plot beside a greenhouse farm, later its auxiliary facility
  | 'grove'
  | 'wasteland'
  | 'waterWorks'
  | 'scatteredLot' // an isolated homestead out in the fields
  | 'lot'
  | 'villageRoad'
  | 'committee'
  | 'culturalHall'
  | 'school'
  | 'green'
  | 'sewage'
  | 'shop'
  | 'villagePond'
  | 'fringe' // gardens, orchards and bamboo around a hamlet: the expansion ring
  | 'workshop';

/** core = built-up settlement (control zone 010); fringe = its expansion ring (020); river = 040. */
export type RegionZone = 'core' | 'fringe' | 'river' | 'open';

export interface Region {
  readonly kind: RegionKind;
  readonly classCode: LandClassCode;
  readonly surveyCode: string;
  readonly zone: RegionZone;
  /** Settlement index (hamlet or industrial patch) or -1. */
  readonly settlement: number;
  /** Groups regions made together: a scattered homestead site, a greenhouse farm, a pond group. */
  readonly site: number;
  /** 地类备注 DLBZ. */
  readonly landNote: '20' | '30' | null;
  /** Whether the absorbed line cells next to it may join it (field-like land only). */
  readonly absorbs: boolean;
}

interface KindDefaults {
  readonly classCode: LandClassCode;
  readonly surveyCode: string;
  readonly zone: RegionZone;
  readonly absorbs: boolean;
}

/** Survey codes are GB/T 21010-2017 (the 2017 → planning mapping of domain.md §3.1). */
const DEFAULTS: Readonly<Record<RegionKind, KindDefaults>> = {
  strip: { classCode: '111', surveyCode: '0101', zone: 'open', absorbs: true },
  farmRoad: { classCode: '152', surveyCode: '1006', zone: 'open', absorbs: false },
  ditch: { classCode: '154', surveyCode: '1107', zone: 'open', absorbs: false },
  bridge: { classCode: '152', surveyCode: '1006', zone: 'open', absorbs: false },
  river: { classCode: '31', surveyCode: '1101', zone: 'river', absorbs: false },
  bank: { classCode: '131', surveyCode: '0301', zone: 'river', absorbs: false },
  countyRoad: { classCode: '221', surveyCode: '1003', zone: 'open', absorbs: false },
  pond: { classCode: '153', surveyCode: '1104', zone: 'open', absorbs: false },
  orchard: { classCode: '12', surveyCode: '0201', zone: 'open', absorbs: true },
  greenhouse: { classCode: '151', surveyCode: '1202', zone: 'open', absorbs: true },
  facilityPlot: { classCode: '113', surveyCode: '0103', zone: 'open', absorbs: false },
  grove: { classCode: '132', surveyCode: '0302', zone: 'open', absorbs: false },
  wasteland: { classCode: '32', surveyCode: '0404', zone: 'open', absorbs: false },
  waterWorks: { classCode: '226', surveyCode: '1109', zone: 'open', absorbs: false },
  scatteredLot: { classCode: '2121', surveyCode: '0702', zone: 'open', absorbs: false },
  lot: { classCode: '2121', surveyCode: '0702', zone: 'core', absorbs: false },
  villageRoad: { classCode: '2126', surveyCode: '1004', zone: 'core', absorbs: false },
  committee: { classCode: '2122', surveyCode: '08H1', zone: 'core', absorbs: false },
  culturalHall: { classCode: '2122', surveyCode: '08H2', zone: 'core', absorbs: false },
  school: { classCode: '2122', surveyCode: '08H2', zone: 'core', absorbs: false },
  green: { classCode: '2125', surveyCode: '0810', zone: 'core', absorbs: false },
  sewage: { classCode: '2123', surveyCode: '0809', zone: 'core', absorbs: false },
  shop: { classCode: '2124', surveyCode: '0601', zone: 'core', absorbs: false },
  villagePond: { classCode: '153', surveyCode: '1104', zone: 'core', absorbs: false },
  fringe: { classCode: '113', surveyCode: '0103', zone: 'fringe', absorbs: true },
  workshop: { classCode: '2124', surveyCode: '0601', zone: 'core', absorbs: false },
};

export type RegionOverrides = Partial<Omit<Region, 'kind'>>;

export function makeRegion(kind: RegionKind, overrides: RegionOverrides = {}): Region {
  return { kind, settlement: -1, site: -1, landNote: null, ...DEFAULTS[kind], ...overrides };
}

/** Survey code of a class on field-like land, where the same kind can carry several classes. */
export const FIELD_SURVEY_CODE: Readonly<Partial<Record<LandClassCode, string>>> = {
  '111': '0101',
  '113': '0103',
  '12': '0201',
  '131': '0301',
  '132': '0302',
  '151': '1202',
  '32': '0404',
};

export function fieldSurveyCode(code: LandClassCode): string {
  const survey = FIELD_SURVEY_CODE[code];
  if (!survey) throw new Error(`no field survey code for class ${code}`);
  return survey;
}

/** Smallest parcel the survey keeps per class (rule min-parcel-area, profile zhejiang-2017). */
export function minimumArea(code: LandClassCode, minimums: {
  readonly construction: number;
  readonly facilityFarmland: number;
  readonly farmland: number;
  readonly forestWaterReserve: number;
}): number {
  if (code.startsWith('2')) return minimums.construction;
  if (code === '151') return minimums.facilityFarmland;
  if (code === '131' || code === '31' || code === '32') return minimums.forestWaterReserve;
  return minimums.farmland;
}
