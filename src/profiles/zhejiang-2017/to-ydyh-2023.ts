/**
 * A 2017 规划地类 (domain.md §3.1) → 用地用海 2023 suggestion, for turning a 2017 plan into a 2026 one
 * (domain-2026.md §2.2). No source gives this mapping: every row is our reading [ours ⚠], so it is only
 * ever a suggestion the planner confirms, parcel group by parcel group, in a review list; nothing here
 * is applied without that.
 *
 * Where the 2017 class is coarser than 2023 and the survey knows better (园地, 林地), the base parcel's
 * own 2023 code (its 三调 code through sandiao/to-ydyh-2023.ts) decides among the candidates.
 */
import { LAND_CLASSES, type LandClassCode } from './land-classes.ts';

export interface Suggestion2017Row {
  readonly from: LandClassCode;
  /** The 2023 codes the class may become; the first is the suggestion unless `choose`. */
  readonly to: readonly string[];
  /** No default: the planner picks among `to` (待细分). */
  readonly choose: boolean;
  /** The base parcel's 2023 code picks among `to` when it is one of them (or below one). */
  readonly byBase?: boolean;
  /** What the 2023 code cannot say that the 2017 one did (kept as an attribute, never silently dropped). */
  readonly lost?: string;
  readonly note?: string;
}

const range = (prefix: string, from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(2, '0')}`);

const one = (from: LandClassCode, to: string, note?: string): Suggestion2017Row => ({ from, to: [to], choose: false, ...(note ? { note } : {}) });
const usually = (from: LandClassCode, to: readonly string[], note: string): Suggestion2017Row => ({ from, to, choose: false, note });
const choose = (from: LandClassCode, to: readonly string[], extra: Partial<Suggestion2017Row> = {}): Suggestion2017Row => ({ from, to, choose: true, ...extra });

/** domain-2026.md §2.2, row by row [ours ⚠]. */
export const ZHEJIANG_2017_TO_YDYH_2023: readonly Suggestion2017Row[] = [
  one('111', '0101'),
  one('112', '0102'),
  one('113', '0103'),
  choose('12', range('02', 1, 5), { byBase: true }),
  choose('131', range('03', 1, 4), { byBase: true, lost: '生态林' }),
  choose('132', range('03', 1, 4), { byBase: true, lost: '商品林' }),
  choose('151', range('0602', 1, 3)),
  choose('152', range('0601', 1, 2)),
  one('153', '1704'),
  usually('154', ['1705', '1311'], '沟渠 1705; structures (闸、泵站) 1311'),
  one('155', '2303'),
  // 城镇用地 has no single 2023 code: the Zhejiang table's town codes are offered.
  choose('211', ['0701', '0702', '080403', '1102'], { lost: '城镇 attribute (by code only in the ZJ table)' }),
  choose('2121', range('0703', 1, 2)),
  choose('2122', ['0704', '0801', '0803', '080404', '080405', '0805', '0806', '0807']),
  choose('2123', [...range('13', 1, 10), '1312', ...range('1208', 1, 3), '1209'], { note: '1208/1209 for stations and parking' }),
  choose('2124', [...range('0901', 1, 5), '0902', '0903', '0904', ...range('1001', 1, 3), ...range('1101', 1, 3)]),
  choose('2125', range('14', 1, 3)),
  one('2126', '1207', 'Zhejiang: 村庄道路用地'),
  one('213', '1002'),
  usually('221', ['1202', ...['1201', '1203', '1204', '1205', '1206']], '1202 公路 usual'),
  usually('226', ['1311', '1703'], 'a reservoir\'s water surface is 1703'),
  choose('231', ['0904', '1504', '1507'], { note: 'no 2023 class: by use' }),
  choose('232', range('15', 1, 7)),
  choose('31', ['1701', '1702', '1703', '1705', '0505', '0506']),
  choose('32', ['0403', '0504', ...range('23', 4, 7)]),
];

const ROWS = new Map(ZHEJIANG_2017_TO_YDYH_2023.map((row) => [row.from, row]));

export type Suggestion2023 =
  /** One code to confirm: the row's default, or the one the base parcel's code picked. */
  | { readonly kind: 'suggested'; readonly code: string; readonly row: Suggestion2017Row; readonly fromBase: boolean }
  /** The planner chooses among the candidates. */
  | { readonly kind: 'choose'; readonly candidates: readonly string[]; readonly row: Suggestion2017Row };

/**
 * The 2023 suggestion for a parcel of 2017 class `code`; `baseCode` is the 2023 code of the base parcel
 * under it (from its 三调 code), when known.
 */
export function suggest2023(code: LandClassCode, baseCode?: string): Suggestion2023 {
  const row = ROWS.get(code);
  // Every 2017 class has a row (a test checks it); the fallback keeps a typed code from ever throwing.
  if (!row) return { kind: 'choose', candidates: [], row: { from: code, to: [], choose: true } };
  if (row.byBase && baseCode) {
    const picked = row.to.find((candidate) => baseCode.startsWith(candidate));
    if (picked) return { kind: 'suggested', code: picked, row, fromBase: true };
  }
  const [first] = row.to;
  return row.choose || first === undefined ? { kind: 'choose', candidates: row.to, row } : { kind: 'suggested', code: first, row, fromBase: false };
}

/** 2017 classes without a row: empty unless the 2017 classification grew (a test keeps it empty). */
export const UNMAPPED_2017_CLASSES: readonly string[] = LAND_CLASSES.map((c) => c.code).filter((c) => !ROWS.has(c));

/**
 * The 2017 class whose largest parcel stands in for the 生态保护红线 of a 2017 plan that drew none (生态林): a
 * 2026 database must have the layer for its checks and GKBJ 0102 [ours ⚠].
 */
export const RED_LINE_STAND_IN_CLASS: LandClassCode = '131';
