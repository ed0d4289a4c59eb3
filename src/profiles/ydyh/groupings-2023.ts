/**
 * Two groupings of the 用地用海 (2023) codes (domain-2026.md §1.1, §1.3), kept apart on purpose: the Zhejiang
 * structure table's subtotals decide the plan's tables, the 三大类 the quota statistics, and they disagree
 * (06 is 非建设用地 in the table, 农用地 in the 三大类).
 */
import type { Grouping } from '../classification.ts';

export type ZjTableGroup = 'nonConstruction' | 'village' | 'town' | 'regionalInfrastructure' | 'otherConstruction';

/**
 * The subtotals of the Zhejiang 规划用地结构调整表, code by code as the template's sheet 2 has them [cct:zj-gn,
 * cct:zj-tzb]. 城乡建设用地 (village + town) and 建设用地 (every group but nonConstruction) are sums of these
 * groups, computed by the table, not assigned here.
 *
 * A level-1 class is listed only where the template gives the level-1 code itself a group (01–06, 14, 16, 17,
 * 23); 07–13 and 15 are blank there, so their level-2/3 codes are listed one by one and a parcel coded at one of
 * those level-1 codes alone is in no subtotal.
 *
 * ⚠ In no subtotal at all, so only in 总计 (§1.3): 0802 科研, 0804 教育 with 080401 高等教育 and 080402 中等职业教育,
 * 0902 商务金融, 1203 机场, 1502 使领馆, and the sea classes 18–22 and 24. They are absent from `assign`, so
 * `groupOf` gives null; the land ones are marked unconfirmed.
 */
export const ZJ_TABLE_GROUPS: Grouping<ZjTableGroup> = {
  id: 'zj-table-2023',
  zh: '浙江省村庄规划用地结构调整表分组',
  en: 'Zhejiang land-use structure table groups',
  groups: {
    nonConstruction: { zh: '非建设用地', en: 'Non-construction land' },
    village: { zh: '村庄建设用地', en: 'Village construction land' },
    town: { zh: '城镇建设用地', en: 'Town construction land' },
    regionalInfrastructure: { zh: '区域基础设施用地', en: 'Regional infrastructure land' },
    otherConstruction: { zh: '其他建设用地', en: 'Other construction land' },
  },
  assign: {
    '01': 'nonConstruction',
    '02': 'nonConstruction',
    '03': 'nonConstruction',
    '04': 'nonConstruction',
    '05': 'nonConstruction',
    '06': 'nonConstruction',
    '17': 'nonConstruction',
    '23': 'nonConstruction',
    '0703': 'village',
    '0704': 'village',
    '0801': 'village',
    '0803': 'village',
    '080404': 'village',
    '080405': 'village',
    '0805': 'village',
    '0806': 'village',
    '0807': 'village',
    '0901': 'village',
    '0903': 'village',
    '0904': 'village',
    '1001': 'village',
    '1101': 'village',
    '1207': 'village',
    '1208': 'village',
    '1209': 'village',
    '1301': 'village',
    '1302': 'village',
    '1303': 'village',
    '1304': 'village',
    '1305': 'village',
    '1306': 'village',
    '1307': 'village',
    '1308': 'village',
    '1309': 'village',
    '1310': 'village',
    '1312': 'village',
    '14': 'village',
    '16': 'village',
    '0701': 'town',
    '0702': 'town',
    '080403': 'town',
    '1102': 'town',
    '1201': 'regionalInfrastructure',
    '1202': 'regionalInfrastructure',
    '1204': 'regionalInfrastructure',
    '1205': 'regionalInfrastructure',
    '1206': 'regionalInfrastructure',
    '1311': 'regionalInfrastructure',
    '1002': 'otherConstruction',
    '1003': 'otherConstruction',
    '1501': 'otherConstruction',
    '1503': 'otherConstruction',
    '1504': 'otherConstruction',
    '1505': 'otherConstruction',
    '1506': 'otherConstruction',
    '1507': 'otherConstruction',
  },
  // The ungrouped land codes above, and 0205, which the template does not list and which takes 02's group [ours].
  unconfirmed: ['0802', '0804', '080401', '080402', '0902', '1203', '1502', '0205'],
};

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
