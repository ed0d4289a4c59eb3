/**
 * Two groupings of the 用地用海 (2023) codes (domain-2026.md §1.1, §1.3), kept apart on purpose: the Zhejiang
 * structure table's subtotals decide the plan's tables, the 三大类 the quota statistics, and they disagree
 * (06 is 非建设用地 in the table, 农用地 in the 三大类).
 */
import { groupOf, type Grouping } from '../classification.ts';
import { YDYH_2023_INDEX } from './classes-2023.ts';
import { ZJ_STRUCTURE_TABLE, type ZjSubtotal } from './zj-structure-table.ts';

/** The table's own subtotals that parcels fall in (城乡建设用地 and 建设用地 are sums of these). */
export type ZjTableGroup = Exclude<ZjSubtotal, 'urbanRural' | 'construction'>;

/**
 * The subtotals of the Zhejiang 规划用地结构调整表 as a grouping, so indicators and rules ask a code's group
 * the way they ask any grouping. Derived from the table's layout (`zj-structure-table.ts`: each detail row's
 * subtotal, and the codes above the rows' level that sheet 2 still groups [cct:zj-gn]), never listed a
 * second time; a code takes its nearest listed ancestor's group.
 *
 * ⚠ In no subtotal at all, so only in 总计 (§1.3): 0802 科研, 0804 教育 with 080401 高等教育 and 080402 中等职业教育,
 * 0902 商务金融, 1203 机场, 1502 使领馆, and the sea classes 18–22 and 24; and 07–13 and 15 coded at the first
 * level alone, which the template leaves blank. They are absent from `assign`, so `groupOf` gives null; a
 * plan may put the land codes below the first level among them into a subtotal (`tableGroupOf`).
 */
export const ZJ_TABLE_GROUPS: Grouping<ZjTableGroup> = {
  id: 'zj-table-2023',
  zh: '浙江省村庄规划用地结构调整表分组',
  en: 'Zhejiang land-use structure table groups',
  groups: {
    nonConstruction: { zh: '非建设用地', en: 'Non-construction land' },
    village: { zh: '村庄建设用地', en: 'Village construction land' },
    urban: { zh: '城镇建设用地', en: 'Town construction land' },
    regional: { zh: '区域基础设施用地', en: 'Regional infrastructure land' },
    otherConstruction: { zh: '其他建设用地', en: 'Other construction land' },
  },
  assign: tableAssignments(),
  unconfirmed: ZJ_STRUCTURE_TABLE.unconfirmed,
};

function tableAssignments(): Record<string, ZjTableGroup> {
  const assign: Record<string, ZjTableGroup> = {};
  const leaf = (subtotal: ZjSubtotal): ZjTableGroup => {
    if (subtotal === 'urbanRural' || subtotal === 'construction') throw new Error(`zj table: a row directly in ${subtotal}`);
    return subtotal;
  };
  for (const row of ZJ_STRUCTURE_TABLE.rows) if (row.kind === 'detail') assign[row.code] = leaf(row.within);
  for (const [code, subtotal] of Object.entries(ZJ_STRUCTURE_TABLE.coarse)) assign[code] = leaf(subtotal);
  return assign;
}

/** A plan's own subtotals for codes the table puts in none (plan-defaults.ts `tableGroups`), by code. */
export type PlanTableGroups = Readonly<Record<string, ZjTableGroup>>;

/**
 * Whether a plan may put a code in a subtotal: a 2023 land class below the first level that the table puts in
 * none (0802, 0804 with 080401/080402, 0902, 1203, 1502). Sea classes are never planned; a first-level code
 * (07 …) is left out because its rows fall in several subtotals, and the answer is a finer code.
 */
export function isPlanGroupableCode(code: string): boolean {
  const entry = YDYH_2023_INDEX.get(code);
  return entry !== undefined && entry.realm === 'land' && entry.parent !== null && groupOf(ZJ_TABLE_GROUPS, YDYH_2023_INDEX, code) === null;
}

/**
 * The table's subtotal of a code in this plan: the template's where it has one (its rows are fixed), else the
 * plan's for the code or its nearest ancestor; null when neither gives one.
 */
export function tableGroupOf(code: string, planGroups: PlanTableGroups = {}): ZjTableGroup | null {
  return groupOf(ZJ_TABLE_GROUPS, YDYH_2023_INDEX, code) ?? groupOf({ ...ZJ_TABLE_GROUPS, assign: planGroups }, YDYH_2023_INDEX, code);
}

export type ThreeCategory = 'agricultural' | 'construction' | 'unused';

/**
 * 三大类 under the Land Administration Law [std ⚠]: every assignment is unconfirmed. 04, 05, 17 and 23 split by
 * sub-class, so their level-1 codes are not listed: a parcel coded only at that level is in no category until
 * refined. 2302 后备耕地 is "unknown" in §1.1; we count it 未利用地 [ours]: it is land not yet reclaimed, and its
 * siblings 2304–2307 are 未利用地.
 */
const THREE_CATEGORY_ASSIGN: Readonly<Record<string, ThreeCategory>> = {
  '01': 'agricultural',
  '02': 'agricultural',
  '03': 'agricultural',
  '0401': 'agricultural',
  '0402': 'agricultural',
  '0403': 'unused',
  '0501': 'agricultural',
  '0502': 'agricultural',
  '0503': 'agricultural',
  '0507': 'agricultural',
  '0504': 'unused',
  '0505': 'unused',
  '0506': 'unused',
  // The 2020-era generic list [cct:jf] counts 06 as 建设用地; §1.1 gives 农用地.
  '06': 'agricultural',
  '07': 'construction',
  '08': 'construction',
  '09': 'construction',
  '10': 'construction',
  '11': 'construction',
  '12': 'construction',
  '13': 'construction',
  '14': 'construction',
  '15': 'construction',
  '16': 'construction',
  '1701': 'unused',
  '1702': 'unused',
  '1706': 'unused',
  '1703': 'construction',
  '1704': 'agricultural',
  '1705': 'agricultural',
  '2301': 'construction',
  '2302': 'unused',
  '2303': 'agricultural',
  '2304': 'unused',
  '2305': 'unused',
  '2306': 'unused',
  '2307': 'unused',
};

export const THREE_CATEGORIES: Grouping<ThreeCategory> = {
  id: 'three-categories-2023',
  zh: '三大类',
  en: 'Three land categories',
  groups: {
    agricultural: { zh: '农用地', en: 'Agricultural land' },
    construction: { zh: '建设用地', en: 'Construction land' },
    unused: { zh: '未利用地', en: 'Unused land' },
  },
  assign: THREE_CATEGORY_ASSIGN,
  unconfirmed: Object.keys(THREE_CATEGORY_ASSIGN),
};
