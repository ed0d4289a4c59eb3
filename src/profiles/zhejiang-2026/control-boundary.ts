/**
 * Which 管控边界 type (GKBJLXDM) each planned land class falls in (domain-2026.md §3, "GKBJ derivation"),
 * keyed by 2023 用地用海 codes, and the per-parcel type with the SSBJLX override. The GKBJ layer itself is
 * this type per plan parcel, overlaid with the red line and then the PBF (their pieces keep their own type:
 * CCTool applies SSBJLX after the overlay, to plan parcels only), dissolved by type; that overlay is
 * geometry's work, not this file's.
 */
import { groupOf, type Grouping } from '../classification.ts';
import { convert2020To2023 } from '../ydyh/edition-2020.ts';
import { YDYH_2023_INDEX } from '../ydyh/classes-2023.ts';
import { FLEXIBLE_DEVELOPMENT_TYPE, GKBJ_TYPES, type GkbjTypeCode } from './code-lists.ts';

/**
 * The source table as it is [cct:gkfq sheet1, rows 2–165], in the 2020 试行 edition: 0603/0604/090301/
 * 090302/1313 are there, 1207/0205 are not, and 060102, 1311, 1312, 2302, 2303 mean their 2020 classes.
 * Codes in the source's order within each type. It also gives 24 and its pseudo-code 城镇用地 the value
 * 待划定, which is no GKBJ type: such land gets no type here, and the planner decides.
 */
export const CONTROL_TYPES_2020: Readonly<Record<'0201' | '0101' | '0301' | '0900', readonly string[]>> = {
  // 一般农业空间
  '0201': ['01', '0101', '0102', '0103', '02', '0201', '0202', '0203', '0204', '06', '0601', '060101', '0602', '0603', '0604', '1704', '2302', '2303'],
  // 一般生态空间
  '0101': [
    '03', '0301', '0302', '0303', '0304', '04', '0401', '0402', '0403', '05', '0501', '0502', '0503', '0504', '0505', '0506', '0507',
    '17', '1701', '1702', '1703', '1705', '1706', '18', '1801', '1802', '1803', '19', '1901', '1902', '1903', '1904', '1905', '1906',
    '20', '2001', '2002', '2003', '21', '2101', '2102', '22', '2201', '2202', '23', '2301', '2304', '2305', '2306', '2307',
  ],
  // 村庄集中建设区
  '0301': [
    '060102', '07', '0703', '070301', '070302', '0704', '08', '0801', '0802', '0803', '080301', '080302', '0804', '080401', '080402',
    '080403', '080404', '080405', '0805', '080501', '080502', '0806', '080601', '080602', '080603', '0807', '080701', '080702', '080703',
    '080704', '09', '0901', '090101', '090102', '090103', '090104', '090105', '0902', '0903', '090301', '090302', '0904', '10', '1001',
    '100101', '100102', '100103', '11', '1101', '110101', '110102', '110103', '1102', '120801', '120802', '120803', '1209', '13', '1301',
    '1302', '1303', '1304', '1305', '1306', '1307', '1308', '1309', '1310', '1313', '14', '1401', '1402', '1403', '16',
  ],
  // 其他
  '0900': ['1002', '1003', '12', '1201', '1202', '1203', '1204', '1205', '1206', '1208', '1311', '1312', '15', '1501', '1502', '1503', '1504', '1505', '1506', '1507'],
};

/**
 * Each source code converted to its 2023 code [cct:old2new via convert2020To2023]. Where 2020 codes merge
 * into one 2023 code their types agree (1311 + 1312 → 1311 其他; 0903 + 090301 + 090302 → 0903 村庄集中建设区),
 * so the result is the source's meaning under 2023 codes: 0204 → 0205, 0602/0603/0604 → 060201/060202/
 * 060203 (一般农业空间), 060102 村庄内部道路 → 1207 and 1313 → 1312 (村庄集中建设区), 2302 田坎 → 2303 and
 * 2303 田间道 → 060102 (一般农业空间).
 */
function rekeyTo2023(table: typeof CONTROL_TYPES_2020): Record<string, GkbjTypeCode> {
  const assign: Record<string, GkbjTypeCode> = {};
  for (const [type, codes] of Object.entries(table) as [GkbjTypeCode, readonly string[]][]) {
    for (const code of codes) {
      const to = convert2020To2023(code).code;
      const earlier = assign[to];
      if (earlier !== undefined && earlier !== type) throw new Error(`gkfq: ${code} → ${to} is both ${earlier} and ${type}`);
      assign[to] = type;
    }
  }
  return assign;
}

export interface ControlTypeDecision {
  readonly code: string;
  readonly type: GkbjTypeCode;
  readonly why: string;
}

/**
 * 2023 codes the source does not decide for their 2023 meaning, and what we give them [ours ⚠]. Each is
 * unconfirmed: the UI labels it 默认值 and a planner can change it.
 */
export const CONTROL_TYPE_DECISIONS_2023: readonly ControlTypeDecision[] = [
  { code: '0204', type: '0201', why: '油料园地 is new in 2023 (2020 0204 其他园地 is 2023 0205); a garden like its siblings' },
  {
    code: '0701',
    type: '0400',
    why: 'absent from the source, which leaves 城镇 land 待划定; the Zhejiang table counts 城镇住宅 as 城镇建设用地 (code-based grouping, §1.3)',
  },
  { code: '0702', type: '0400', why: 'as 0701: 城镇社区服务设施 is 城镇建设用地 in the Zhejiang table' },
  { code: '1207', type: '0301', why: 'the source row of 2020 060102 村庄内部道路用地; 2023 1207 also covers 城镇道路, which the source never typed' },
  { code: '2302', type: '0201', why: '后备耕地 is new in 2023 (the source row 2302 is 2020 田坎): land kept to become farmland' },
];

const ASSIGN_2023: Readonly<Record<string, GkbjTypeCode>> = {
  ...rekeyTo2023(CONTROL_TYPES_2020),
  ...Object.fromEntries(CONTROL_TYPE_DECISIONS_2023.map((d) => [d.code, d.type])),
};

/**
 * The 管控边界 type of each 用地用海 (2023) code [cct:gkfq re-keyed, cct:gkbj names]. A code not listed
 * takes its nearest listed ancestor's type (`groupOf`); 24 and codes outside the classification have none.
 */
export const CONTROL_TYPES: Grouping<GkbjTypeCode> = {
  id: 'gkbj-2023',
  zh: '用地用海代码_管控分区',
  en: 'Land class to control boundary type',
  groups: Object.fromEntries(GKBJ_TYPES.map((t) => [t.code, { zh: t.zh, en: t.en }])) as Record<GkbjTypeCode, { zh: string; en: string }>,
  assign: ASSIGN_2023,
  unconfirmed: CONTROL_TYPE_DECISIONS_2023.map((d) => d.code),
};

/**
 * A plan's own 管控边界 type per 2023 class code, where the planner's county types a class otherwise than
 * `CONTROL_TYPES` (⚠ defaults); a code not listed takes its nearest listed ancestor's override, else the default.
 */
export type ControlTypeOverrides = Readonly<Record<string, GkbjTypeCode>>;

export const isControlType = (value: unknown): value is GkbjTypeCode => GKBJ_TYPES.some((type) => type.code === value);

/** Whether a plan may give the code a type of its own: any 用地用海 2023 class, as the default table is keyed. */
export const isTypableClass = (code: string): boolean => YDYH_2023_INDEX.get(code) !== undefined;

/** The type `CONTROL_TYPES` gives the code, before any plan's overrides; null when it gives none. */
export const defaultControlTypeOf = (code: string): GkbjTypeCode | null => groupOf(CONTROL_TYPES, YDYH_2023_INDEX, code);

/**
 * The GKBJ type of one plan parcel (GHDLTB): SSBJLX `Z` (in the 城镇开发边界) makes it 城镇空间 and `T`
 * 村庄弹性发展区, whatever its class, in either case as CCTool reads it [cct:vg `CreateGKBJ`]; otherwise the
 * plan's override of its code, else the type of its code, or null when its code has none (the planner decides).
 */
export function controlTypeOf(code: string, ssbjlx?: string | null, overrides: ControlTypeOverrides = {}): GkbjTypeCode | null {
  const boundary = ssbjlx?.trim().toUpperCase();
  if (boundary === 'Z') return '0400';
  if (boundary === 'T') return FLEXIBLE_DEVELOPMENT_TYPE;
  return groupOf({ ...CONTROL_TYPES, assign: overrides }, YDYH_2023_INDEX, code) ?? defaultControlTypeOf(code);
}
