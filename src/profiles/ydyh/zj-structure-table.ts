/**
 * The Zhejiang 规划用地结构调整表 (domain-2026.md §4.1) as data: its title, unit line, two-row header and
 * rows 6–88 of the template's `Sheet1`, in order [cct:zj-tzb]. `fill-structure-table.ts` fills it from
 * parcels; a table view, the CLI and an xlsx writer read the same layout.
 *
 * The layout types are general (any structure table with levelled names, a code column and computed
 * subtotals); the 2017 tables (`rules/tables/table.ts`) sit on a floor above profiles/ and carry i18n keys
 * and rounded cells, so they cannot be reused here.
 *
 * Each row names its cells B–G as the template writes them: a name that spans several levels is repeated
 * in each, and the template merges equal neighbouring cells under the same parent cell. Subtotals are
 * never typed: a detail row says which subtotal it is `within`, a subtotal row which subtotal it
 * `computes` and which one it is itself within; the total is every parcel.
 *
 * 城镇 versus 村庄 is decided here by code, as the template does; Fujian's tools decide it by the
 * parcel's 城镇村属性码 instead, and which one Zhejiang requires no source confirms (§1.3 ⚠).
 */

/** The figures a filled row carries, keyed as the 2017 tables key the same columns. */
export type ValueKey = 'base' | 'baseShare' | 'target' | 'targetShare' | 'change';

export interface HeaderColumn {
  readonly zh: string;
  readonly en: string;
  /** What the column shows: the row's names over `levels` columns, its code, or one of its figures. */
  readonly content: { readonly kind: 'names'; readonly levels: number } | { readonly kind: 'code' } | { readonly kind: 'value'; readonly key: ValueKey; readonly unit: 'area' | 'percent' };
}

/** A header cell over several columns (现状基期年 over 面积 and 比重); a lone column spans both header rows. */
export interface HeaderGroup {
  readonly zh: string;
  readonly en: string;
  readonly columns: readonly HeaderColumn[];
}

export type StructureRow<S extends string = string> =
  | { readonly kind: 'detail'; readonly key: string; readonly names: readonly string[]; readonly code: string; readonly within: S }
  | { readonly kind: 'subtotal'; readonly key: S; readonly names: readonly string[]; readonly code: null; readonly computes: S; readonly within: S | null }
  | { readonly kind: 'total'; readonly key: 'total'; readonly names: readonly string[]; readonly code: null };

export interface StructureTableLayout<S extends string = string> {
  readonly id: string;
  readonly title: { readonly zh: string; readonly en: string };
  /** The line under the title; the display rewrites it when the planner picks another area unit. */
  readonly unitLine: { readonly zh: string; readonly en: string };
  readonly header: readonly (HeaderColumn | HeaderGroup)[];
  readonly rows: readonly StructureRow<S>[];
  /**
   * Codes a parcel may carry above the level of the detail rows (no row of its own), and the subtotal
   * they count in all the same. A detail row takes its code and every code below it by prefix.
   */
  readonly coarse: Readonly<Record<string, S>>;
  /** Codes (and the codes below them) the template puts in no subtotal: they count in the total only. */
  readonly ungrouped: readonly string[];
  /** Codes whose place in the table no source confirms (⚠): the UI labels it 默认值. */
  readonly unconfirmed: readonly string[];
  /**
   * Rows (detail keys, subtotal keys) whose figure another table shows too: printed at their own rounding so
   * both tables read the same, their siblings taking the 尾数平差 (fill-structure-table.ts `printedFigures`).
   */
  readonly sharedFigures?: readonly string[];
}

export type ZjSubtotal = 'nonConstruction' | 'village' | 'urban' | 'urbanRural' | 'regional' | 'otherConstruction' | 'construction';

const LEVELS = 6;

/** A row's names B–G from its cells: a string fills one level, `[name, n]` fills n levels. */
function names(...cells: readonly (string | readonly [string, number])[]): readonly string[] {
  const out = cells.flatMap((cell) => (typeof cell === 'string' ? [cell] : Array<string>(cell[1]).fill(cell[0])));
  if (out.length !== LEVELS) throw new Error(`zj-structure-table: ${out.join('/')} fills ${out.length} levels, not ${LEVELS}`);
  return out;
}

const detail = (code: string, within: ZjSubtotal, rowNames: readonly string[]): StructureRow<ZjSubtotal> => ({ kind: 'detail', key: code, names: rowNames, code, within });
const subtotal = (computes: ZjSubtotal, within: ZjSubtotal | null, rowNames: readonly string[]): StructureRow<ZjSubtotal> => ({ kind: 'subtotal', key: computes, names: rowNames, code: null, computes, within });

const NON = '非建设用地';
const AG = '农业设施建设用地';
const BUILT = '建设用地';
const UR = '城乡建设用地';
const VIL = '村庄建设用地';
const URB = '城镇建设用地';
const REG = '区域基础设施用地';
const OTH = '其他建设用地';

/** A detail of 非建设用地 named once across levels C–G (耕地, 园地…). */
const nonConstruction = (code: string, name: string) => detail(code, 'nonConstruction', names(NON, [name, 5]));
/** A detail of 村庄建设用地: levels B–D are fixed, E–G given. */
const village = (code: string, ...cells: readonly (string | readonly [string, number])[]) => detail(code, 'village', names(BUILT, UR, VIL, ...cells));
const urban = (code: string, ...cells: readonly (string | readonly [string, number])[]) => detail(code, 'urban', names(BUILT, UR, URB, ...cells));
const regional = (code: string, name: string) => detail(code, 'regional', names(BUILT, REG, [name, 4]));
const other = (code: string, ...cells: readonly (string | readonly [string, number])[]) => detail(code, 'otherConstruction', names(BUILT, OTH, ...cells));

// Rows 6–88 of Sheet1, in order; names, codes and merges as the template has them [cct:zj-tzb].
const ROWS: readonly StructureRow<ZjSubtotal>[] = [
  nonConstruction('01', '耕地'),
  nonConstruction('02', '园地'),
  nonConstruction('03', '林地'),
  nonConstruction('04', '草地'),
  nonConstruction('05', '湿地'),
  detail('060101', 'nonConstruction', names(NON, [AG, 2], ['农村道路', 2], '村道用地')),
  detail('060102', 'nonConstruction', names(NON, [AG, 2], ['农村道路', 2], '田间道')),
  detail('060201', 'nonConstruction', names(NON, [AG, 2], ['设施农用地', 2], '种植设施建设用地')),
  detail('060202', 'nonConstruction', names(NON, [AG, 2], ['设施农用地', 2], '畜禽养殖设施建设用地')),
  detail('060203', 'nonConstruction', names(NON, [AG, 2], ['设施农用地', 2], '水产养殖设施建设用地')),
  nonConstruction('17', '陆地水域'),
  nonConstruction('23', '其他土地'),
  subtotal('nonConstruction', null, names(NON, ['非建设用地小计', 5])),

  village('070301', '居住用地', '农村宅基地', '一类农村宅基地'),
  village('070302', '居住用地', '农村宅基地', '二类农村宅基地'),
  village('0704', '居住用地', ['农村社区服务设施用地', 2]),
  village('0801', '公共管理与公共服务用地', ['机关团体用地', 2]),
  village('0803', '公共管理与公共服务用地', ['文化用地', 2]),
  village('080404', '公共管理与公共服务用地', '教育用地', '幼儿园用地'),
  village('080405', '公共管理与公共服务用地', '教育用地', '其他教育用地'),
  village('0805', '公共管理与公共服务用地', ['体育用地', 2]),
  village('0806', '公共管理与公共服务用地', ['医疗卫生用地', 2]),
  village('0807', '公共管理与公共服务用地', ['社会福利用地', 2]),
  village('090101', '商业服务业用地', '商业用地', '零售商业用地'),
  village('090102', '商业服务业用地', '商业用地', '批发市场用地'),
  village('090103', '商业服务业用地', '商业用地', '餐饮用地'),
  village('090104', '商业服务业用地', '商业用地', '旅馆用地'),
  village('090105', '商业服务业用地', '商业用地', '公用设施营业网点用地'),
  village('0903', '商业服务业用地', ['娱乐用地', 2]),
  village('0904', '商业服务业用地', ['其他商业服务业用地', 2]),
  village('100101', '工业用地', ['一类工业用地', 2]),
  village('100102', '工业用地', ['二类工业用地', 2]),
  village('100103', '工业用地', ['三类工业用地', 2]),
  village('110101', '物流仓储用地', ['一类物流仓储用地', 2]),
  village('110102', '物流仓储用地', ['二类物流仓储用地', 2]),
  village('110103', '物流仓储用地', ['三类物流仓储用地', 2]),
  village('1207', ['城镇村道路用地', 3]),
  village('120801', '交通场站用地', ['对外交通场站用地', 2]),
  village('120802', '交通场站用地', ['公共交通场站用地', 2]),
  village('120803', '交通场站用地', ['社会停车场用地', 2]),
  village('1209', ['其他交通设施用地', 3]),
  village('1301', '公用设施用地', ['供水用地', 2]),
  village('1302', '公用设施用地', ['排水用地', 2]),
  village('1303', '公用设施用地', ['供电用地', 2]),
  village('1304', '公用设施用地', ['供燃气用地', 2]),
  village('1305', '公用设施用地', ['供热用地', 2]),
  village('1306', '公用设施用地', ['通信用地', 2]),
  village('1307', '公用设施用地', ['邮政用地', 2]),
  village('1308', '公用设施用地', ['广播电视设施用地', 2]),
  village('1309', '公用设施用地', ['环卫用地', 2]),
  village('1310', '公用设施用地', ['消防用地', 2]),
  village('1312', '公用设施用地', ['其他公用设施用地', 2]),
  village('1401', '绿地与开敞空间用地', ['公园绿地', 2]),
  village('1402', '绿地与开敞空间用地', ['防护绿地', 2]),
  village('1403', '绿地与开敞空间用地', ['广场用地', 2]),
  village('16', ['留白用地', 3]),
  subtotal('village', 'urbanRural', names(BUILT, UR, VIL, ['村庄建设用地小计', 3])),

  urban('070101', '居住用地', '城镇住宅用地', '一类城镇住宅用地'),
  urban('070102', '居住用地', '城镇住宅用地', '二类城镇住宅用地'),
  urban('070103', '居住用地', '城镇住宅用地', '三类城镇住宅用地'),
  urban('0702', '居住用地', ['城镇社区服务设施用地', 2]),
  urban('080403', ['中小学用地', 3]),
  urban('1102', ['储备库用地', 3]),
  subtotal('urban', 'urbanRural', names(BUILT, UR, URB, ['城镇建设用地小计', 3])),
  subtotal('urbanRural', 'construction', names(BUILT, UR, ['城乡建设用地小计', 4])),

  regional('1201', '铁路用地'),
  regional('1202', '公路用地'),
  regional('1204', '港口码头用地'),
  regional('1205', '管道运输用地'),
  regional('1206', '城市轨道交通用地'),
  regional('1311', '水工设施用地'),
  subtotal('regional', 'construction', names(BUILT, REG, ['区域基础设施用地小计', 4])),

  other('1501', ['特殊用地', 3], '军事设施用地'),
  other('1503', ['特殊用地', 3], '宗教用地'),
  other('1504', ['特殊用地', 3], '文物古迹用地'),
  other('1505', ['特殊用地', 3], '监教场所用地'),
  other('1506', ['特殊用地', 3], '殡葬用地'),
  other('1507', ['特殊用地', 3], '其他特殊用地'),
  other('1002', ['采矿用地', 4]),
  other('1003', ['盐田', 4]),
  subtotal('otherConstruction', 'construction', names(BUILT, OTH, ['其他建设用地小计', 4])),
  subtotal('construction', null, names(BUILT, ['建设用地小计', 5])),

  { kind: 'total', key: 'total', names: names(['总计', 6]), code: null },
];

export const ZJ_STRUCTURE_TABLE: StructureTableLayout<ZjSubtotal> = {
  id: 'zj-structure-2023',
  // Title row 2, unit row 3 [cct:zj-tzb]; CCTool rewrites the unit to 平方米/公顷/平方公里/亩 [cct:zj-tzb tool].
  title: { zh: '规划用地结构调整表', en: 'Land use structure adjustment table' },
  unitLine: { zh: '单位：公顷、%', en: 'Unit: ha, %' },
  // Header rows 4–5 [cct:zj-tzb]: 类别名称 merged over B4:G5, 代码 H4:H5, the years over I–J and K–L, 面积变化 M4:M5.
  header: [
    { zh: '类别名称', en: 'Class', content: { kind: 'names', levels: LEVELS } },
    { zh: '代码', en: 'Code', content: { kind: 'code' } },
    {
      zh: '现状基期年',
      en: 'Base year',
      columns: [
        { zh: '面积', en: 'Area', content: { kind: 'value', key: 'base', unit: 'area' } },
        { zh: '比重', en: 'Share', content: { kind: 'value', key: 'baseShare', unit: 'percent' } },
      ],
    },
    {
      zh: '规划目标年',
      en: 'Target year',
      columns: [
        { zh: '面积', en: 'Area', content: { kind: 'value', key: 'target', unit: 'area' } },
        { zh: '比重', en: 'Share', content: { kind: 'value', key: 'targetShare', unit: 'percent' } },
      ],
    },
    { zh: '面积变化', en: 'Change', content: { kind: 'value', key: 'change', unit: 'area' } },
  ],
  rows: ROWS,
  // Sheet 2 of the mapping gives these codes a subtotal, sheet 1 no row of their own [cct:zj-gn].
  coarse: {
    '06': 'nonConstruction',
    '0601': 'nonConstruction',
    '0602': 'nonConstruction',
    '0701': 'urban',
    '0703': 'village',
    '0901': 'village',
    '1001': 'village',
    '1101': 'village',
    '1208': 'village',
    '14': 'village',
  },
  ungrouped: [
    // Named in no subtotal by sheet 2, listed as a gap of the template (domain-2026.md §1.3 ⚠) [cct:zj-gn].
    '0802', '0804', '0902', '1203', '1502', '18', '19', '20', '21', '22', '24',
    // First-level codes whose rows fall in several subtotals: sheet 2 leaves them blank [cct:zj-gn].
    '07', '08', '09', '10', '11', '12', '13', '15',
  ],
  unconfirmed: [
    // §1.3 ⚠: whether Zhejiang means these to fall out of every subtotal.
    '0802', '0804', '0902', '1203', '1502',
    // §1.2 ⚠: zj-gn lists 0201–0204 only; 0205 其他园地 (2023) takes the 园地 row by its prefix [ours].
    '0205',
  ],
  // The 规划指标一览表 shows these (zhejiang-2026/indicators.ts #1, #2, #3, #9, #10, #11), rounded on their own.
  sharedFigures: ['construction', 'urbanRural', 'village', '01', '03', '05'],
};
