/**
 * The 国土空间管控表 (domain-2026.md §4.3): the GKBJ layer's area per 管控边界 type. Its layout is Fujian's
 * template [cct:gkb]; Zhejiang's was not found, so the rows are unconfirmed (§6) and labelled 默认值.
 */
import { roundBalanced, type RoundingNode } from '../../domain/balanced-rounding.ts';
import { GKBJ_TYPES, type GkbjTypeCode } from './code-lists.ts';

export interface ControlTableLayout {
  /** Title over B2:D2. */
  readonly title: string;
  readonly columns: readonly [string, string, string];
  /** Type rows in the template's order, each named by its GKBJLXMC; the 合计 row follows them. */
  readonly rows: readonly GkbjTypeCode[];
  readonly totalLabel: string;
  readonly unconfirmed: readonly 'rows'[];
}

/** [cct:gkb] title, columns and rows B4–B12. */
export const CONTROL_TABLE: ControlTableLayout = {
  title: '国土空间管控表',
  columns: ['管控边界类型名称', '面积（公顷）', '占比（%）'],
  rows: ['0400', '0301', '0302', '0201', '0101', '0202', '0102', '0900'],
  totalLabel: '合计',
  unconfirmed: ['rows'],
};

export interface ControlTableRow {
  /** The type of the row, or `total` for 合计. */
  readonly key: GkbjTypeCode | 'total';
  readonly name: string;
  /** 面积（公顷）, unrounded. */
  readonly areaHa: number;
  /** 占比（%） = 面积 / 合计 × 100; null when 合计 is 0 (the template shows #DIV/0!). */
  readonly sharePercent: number | null;
  /**
   * Both as printed, to two decimals with 尾数平差 (domain/balanced-rounding.ts): the type rows add up to 合计 and
   * their shares to 100.00, as the template's SUM over them would give. `areaHa` and `sharePercent` stay unrounded for checks.
   */
  readonly printed: { readonly areaHa: number; readonly sharePercent: number | null };
}

const M2_PER_HA = 10_000;

/**
 * The table's rows from the GKBJ area of each type in m² (a type with no area is 0). 合计 = the sum of the
 * type rows, as the template's `SUM(C4:C11)`, and its 占比 is 100.
 */
export function fillControlTable(areasByType: Readonly<Partial<Record<GkbjTypeCode, number>>>, layout: ControlTableLayout = CONTROL_TABLE): readonly ControlTableRow[] {
  const totalM2 = layout.rows.reduce((sum, type) => sum + (areasByType[type] ?? 0), 0);
  const tree = (valueOf: (m2: number) => number): RoundingNode => ({ key: 'total', value: valueOf(totalM2), children: layout.rows.map((type) => ({ key: type, value: valueOf(areasByType[type] ?? 0) })) });
  const printedArea = roundBalanced(tree((m2) => m2 / M2_PER_HA));
  const printedShare = totalM2 === 0 ? null : roundBalanced(tree((m2) => (m2 / totalM2) * 100));
  const row = (key: ControlTableRow['key'], name: string, m2: number): ControlTableRow => ({
    key,
    name,
    areaHa: m2 / M2_PER_HA,
    sharePercent: totalM2 === 0 ? null : (m2 / totalM2) * 100,
    printed: { areaHa: printedArea.get(key) ?? 0, sharePercent: printedShare ? (printedShare.get(key) ?? 0) : null },
  });
  const nameOf = (type: GkbjTypeCode) => GKBJ_TYPES.find((t) => t.code === type)?.zh ?? type;
  return [...layout.rows.map((type) => row(type, nameOf(type), areasByType[type] ?? 0)), row('total', layout.totalLabel, totalM2)];
}
