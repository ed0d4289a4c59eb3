/**
 * The default table from land-survey codes to planning classes (domain.md §3.1). Data, not code: the
 * planner confirms or overrides it before import (domain.md §8), and the import takes whatever table it
 * is given. Rows marked `profile` are ours, for codes §3.1 does not list (shown as defaults to change).
 *
 * Codes: GB/T 21010-2017 as the third national survey (三调) writes them (`0101`, `05H1`, `1104A`, `09`),
 * and GB/T 21010-2007 / TD/T 1016-2007 as the second survey (二调) wrote them (`011`, `203`). The two never
 * share a code of the same length, so one table holds both. A `*` at the end matches by prefix; the most
 * specific row wins: an exact code over a prefix, a longer prefix over a shorter, a row for the parcel's
 * town/village attribute (城镇村属性码 CZCSXM: 201/202 town, 203 village) over a row for any.
 */
import type { LandClassCode } from './land-classes.ts';

export interface MappingRow {
  /** Survey code, or a prefix ending in `*`. */
  readonly survey: string;
  /** Applies only to parcels inside a town (CZCSXM 201/202) or a village (203); any parcel when absent. */
  readonly where?: 'town' | 'village';
  /** Planning classes: the first is the default, further ones are what the planner may choose instead. */
  readonly classes: readonly LandClassCode[];
  readonly standard: '2017' | '2007';
  /**
   * `domain`: domain.md §3.1; `profile`: our default for a code §3.1 does not list; `planner`: chosen in the
   * import preview (wins over every other row for its code, see `withChoices`).
   */
  readonly source: 'domain' | 'profile' | 'planner';
}

/** The planner's decision for one row of the import preview: a class, or null to leave those parcels out. */
export interface MappingChoice {
  readonly surveyCode: string;
  /** The preview row's condition (town/village), so a town-only choice stays town-only. */
  readonly where: 'town' | 'village' | null;
  readonly classCode: LandClassCode | null;
}

/**
 * The table with the planner's choices in front. A choice is an exact row marked `planner`, which
 * `matchRow` ranks above any default row; a choice of null becomes a row without classes: its parcels are
 * left out on purpose (and said so), not listed as unmapped.
 */
export function withChoices(table: readonly MappingRow[], choices: readonly MappingChoice[]): MappingRow[] {
  const rows = choices.map((c): MappingRow => ({
    survey: c.surveyCode.trim().toUpperCase(),
    classes: c.classCode ? [c.classCode] : [],
    // The two standards never share a code of the same length (see above): 3-digit codes are 2007's.
    standard: /^\d{3}$/.test(c.surveyCode.trim()) ? '2007' : '2017',
    source: 'planner',
    ...(c.where ? { where: c.where } : {}),
  }));
  return [...rows, ...table];
}

const row = (survey: string, classes: readonly LandClassCode[], standard: '2017' | '2007', source: 'domain' | 'profile' = 'domain', where?: 'town' | 'village'): MappingRow => ({
  survey,
  classes,
  standard,
  source,
  ...(where ? { where } : {}),
});

const VILLAGE_CLASSES: readonly LandClassCode[] = ['2121', '2122', '2123', '2124', '2125', '2126'];

export const DEFAULT_SURVEY_MAPPING: readonly MappingRow[] = [
  // GB/T 21010-2017 (三调)
  row('0101', ['111'], '2017'),
  row('0102', ['112'], '2017'),
  row('0103', ['113'], '2017'),
  row('02*', ['12'], '2017'),
  row('03*', ['131', '132'], '2017'),
  row('04*', ['32'], '2017'),
  row('05*', ['2124'], '2017'),
  row('05*', ['211'], '2017', 'domain', 'town'),
  row('0601', ['2124'], '2017'),
  row('0601', ['211'], '2017', 'domain', 'town'),
  row('0602', ['213'], '2017'),
  row('0603', ['213'], '2017', 'profile'),
  row('0604', ['2124'], '2017'),
  row('0604', ['211'], '2017', 'domain', 'town'),
  row('0701', ['211'], '2017', 'profile'),
  row('0702', ['2121'], '2017'),
  row('0702', ['211'], '2017', 'domain', 'town'),
  row('08*', ['2122'], '2017'),
  row('08*', ['211'], '2017', 'domain', 'town'),
  row('0809', ['2123'], '2017'),
  row('0809', ['211'], '2017', 'domain', 'town'),
  row('0810*', ['2125'], '2017'),
  row('0810*', ['211'], '2017', 'domain', 'town'),
  row('09', ['232', '231'], '2017'),
  row('0901', ['232'], '2017'),
  row('0902', ['232'], '2017'),
  row('0903', ['232'], '2017'),
  row('0904', ['232'], '2017'),
  row('0905', ['232'], '2017'),
  row('0906', ['231'], '2017'),
  row('1001', ['221'], '2017'),
  row('1002', ['221'], '2017'),
  row('1003', ['221'], '2017'),
  row('1004', ['2126'], '2017'),
  row('1004', ['211'], '2017', 'domain', 'town'),
  row('1005', ['2123'], '2017'),
  row('1005', ['211'], '2017', 'domain', 'town'),
  row('1006', ['152'], '2017'),
  row('1007', ['221'], '2017'),
  row('1008', ['221'], '2017'),
  row('1009', ['221'], '2017'),
  row('1101', ['31'], '2017'),
  row('1102', ['31'], '2017'),
  row('1103', ['226'], '2017'),
  row('1104*', ['153'], '2017'),
  row('1105', ['31'], '2017', 'profile'),
  row('1106', ['31'], '2017', 'profile'),
  row('1107*', ['154'], '2017'),
  row('1108', ['32'], '2017', 'profile'),
  row('1109', ['226'], '2017'),
  row('1110', ['31'], '2017'),
  row('1201', ['32'], '2017'),
  row('1202', ['151'], '2017'),
  row('1203', ['155'], '2017'),
  row('1204', ['32'], '2017'),
  row('1205', ['32'], '2017'),
  row('1206', ['32'], '2017'),
  row('1207', ['32'], '2017'),
  // GB/T 21010-2007 with the TD/T 1016-2007 城镇村及工矿用地 codes (二调)
  row('011', ['111'], '2007'),
  row('012', ['112'], '2007'),
  row('013', ['113'], '2007'),
  row('021', ['12'], '2007'),
  row('022', ['12'], '2007'),
  row('023', ['12'], '2007'),
  row('031', ['131', '132'], '2007'),
  row('032', ['131', '132'], '2007'),
  row('033', ['131', '132'], '2007'),
  row('041', ['32'], '2007'),
  row('042', ['32'], '2007'),
  row('043', ['32'], '2007'),
  // 051–054 and 081–085 are matched by the prefix rows above (the same classes).
  row('061', ['2124'], '2007'),
  row('062', ['213'], '2007'),
  row('063', ['2124'], '2007'),
  row('071', ['211'], '2007', 'profile'),
  row('072', ['2121'], '2007'),
  row('086', ['2123'], '2007'),
  row('087', ['2125'], '2007'),
  row('088', ['231'], '2007'),
  row('091', ['232'], '2007'),
  row('092', ['232'], '2007'),
  row('093', ['232'], '2007'),
  row('094', ['232'], '2007'),
  row('095', ['232'], '2007'),
  row('101', ['221'], '2007'),
  row('102', ['221'], '2007'),
  row('103', ['2126'], '2007', 'profile'),
  row('104', ['152'], '2007'),
  row('105', ['221'], '2007'),
  row('106', ['221'], '2007'),
  row('107', ['221'], '2007'),
  row('111', ['31'], '2007'),
  row('112', ['31'], '2007'),
  row('113', ['226'], '2007'),
  row('114', ['153'], '2007'),
  row('115', ['31'], '2007', 'profile'),
  row('116', ['31'], '2007', 'profile'),
  row('117', ['154'], '2007'),
  row('118', ['226'], '2007'),
  row('119', ['31'], '2007'),
  row('121', ['32'], '2007'),
  row('122', ['151'], '2007'),
  row('123', ['155'], '2007'),
  row('124', ['32'], '2007'),
  row('125', ['32'], '2007'),
  row('126', ['32'], '2007'),
  row('127', ['32'], '2007'),
  row('201', ['211'], '2007'),
  row('202', ['211'], '2007'),
  // 村庄 as one code: what it was used for is not in the survey, so the planner chooses (宅基地 by default).
  row('203', VILLAGE_CLASSES, '2007'),
  row('204', ['213'], '2007'),
  row('205', ['232', '231'], '2007'),
];
