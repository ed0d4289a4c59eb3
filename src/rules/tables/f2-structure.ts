/**
 * F2 土地利用结构调整表 (domain.md §5): area and share of each class group at base and target year, and the
 * change. Groups: 生态用地 131+31+32; 农业用地 耕地+12+132+15x; 农村居民点 2121–2126 but 2124; 经营性建设用地
 * 2124; 交通水利及其他 221+226+213+231+232; 城镇建设用地 211. Rounded top-down so every group is the sum of
 * its rows and the groups add up to the total.
 */
import type { LandClassCode } from '../../domain/land-classes.ts';
import type { DerivedPlan } from '../derive/derived-plan.ts';
import { balanceRounding, roundingFootnote, type Column, type Footnote, type Row, type Table } from './table.ts';

interface GroupNode {
  readonly key: string;
  readonly labelKey: string;
  readonly codes?: readonly LandClassCode[];
  readonly children?: readonly GroupNode[];
}

const leaf = (code: LandClassCode): GroupNode => ({ key: code, labelKey: `landClass.${code}`, codes: [code] });
const group = (key: string, children: readonly GroupNode[]): GroupNode => ({ key, labelKey: `tables.F2.${key}`, children });

export const F2_GROUPS: readonly GroupNode[] = [
  group('ecological', [leaf('131'), leaf('31'), leaf('32')]),
  group('agricultural', [group('cultivated', [leaf('111'), leaf('112'), leaf('113')]), leaf('12'), leaf('132'), leaf('151'), group('otherFarm', [leaf('152'), leaf('153'), leaf('154'), leaf('155')])]),
  group('settlement', [leaf('2121'), leaf('2122'), leaf('2123'), leaf('2125'), leaf('2126')]),
  group('business', [leaf('2124')]),
  group('transportWater', [leaf('221'), leaf('226'), leaf('213'), leaf('231'), leaf('232')]),
  group('urban', [leaf('211')]),
];

const COLUMNS: readonly Column[] = [
  { key: 'base', labelKey: 'tables.col.baseHa', unit: 'ha' },
  { key: 'baseShare', labelKey: 'tables.col.baseShare', unit: 'percent' },
  { key: 'target', labelKey: 'tables.col.targetHa', unit: 'ha' },
  { key: 'targetShare', labelKey: 'tables.col.targetShare', unit: 'percent' },
  { key: 'change', labelKey: 'tables.col.change', unit: 'ha' },
];

function codesOf(node: GroupNode): LandClassCode[] {
  return node.codes ? [...node.codes] : (node.children ?? []).flatMap(codesOf);
}

export function f2Structure(derived: DerivedPlan): Table {
  const byClass = { base: new Map<string, number>(), target: new Map<string, number>() };
  for (const { kind, areaM2 } of derived.kindTotals()) {
    byClass.base.set(kind.baseClass, (byClass.base.get(kind.baseClass) ?? 0) + areaM2);
    byClass.target.set(kind.targetClass, (byClass.target.get(kind.targetClass) ?? 0) + areaM2);
  }
  const footnotes: Footnote[] = [];
  const cents = { base: new Map<string, number>(), target: new Map<string, number>() };
  const areaOf = (column: 'base' | 'target', node: GroupNode) => codesOf(node).reduce((s, c) => s + (byClass[column].get(c) ?? 0), 0);
  const total = { base: [...byClass.base.values()].reduce((s, v) => s + v, 0), target: [...byClass.target.values()].reduce((s, v) => s + v, 0) };

  // Top-down: each node's rounded value is fixed first, then its children are made to add up to it.
  const distribute = (column: 'base' | 'target', nodes: readonly GroupNode[], parentM2: number, parentCents?: number) => {
    const areas = nodes.map((n) => areaOf(column, n));
    const balanced = balanceRounding(parentM2, areas, areas.map(() => 1), parentCents);
    if (balanced.adjusted) footnotes.push(roundingFootnote(nodes[balanced.adjusted.index]!.labelKey, COLUMNS.find((c) => c.key === column)!.labelKey, balanced.adjusted.by));
    nodes.forEach((n, i) => {
      cents[column].set(n.key, balanced.parts[i]!);
      if (n.children) distribute(column, n.children, areas[i]!, balanced.parts[i]!);
    });
  };
  for (const column of ['base', 'target'] as const) distribute(column, F2_GROUPS, total[column]);

  const totalCents = { base: balanceRounding(total.base, []).total, target: balanceRounding(total.target, []).total };
  const rows: Row[] = [];
  const share = (c: number, of: number) => (of === 0 ? null : { value: Math.round((10_000 * c) / of) / 100 });
  const visit = (node: GroupNode, level: number) => {
    const b = cents.base.get(node.key) ?? 0;
    const t = cents.target.get(node.key) ?? 0;
    rows.push({
      key: node.key,
      labelKey: node.labelKey,
      level,
      cells: { base: { value: b / 100, m2: areaOf('base', node) }, baseShare: share(b, totalCents.base), target: { value: t / 100, m2: areaOf('target', node) }, targetShare: share(t, totalCents.target), change: { value: (t - b) / 100 } },
    });
    for (const child of node.children ?? []) visit(child, level + 1);
  };
  for (const node of F2_GROUPS) visit(node, 0);
  rows.push({ key: 'total', labelKey: 'tables.F2.total', level: 0, cells: { base: { value: totalCents.base / 100, m2: total.base }, baseShare: share(totalCents.base, totalCents.base), target: { value: totalCents.target / 100, m2: total.target }, targetShare: share(totalCents.target, totalCents.target), change: { value: (totalCents.target - totalCents.base) / 100 } } });
  return { id: 'F2', titleKey: 'tables.F2.title', columns: COLUMNS, rows, footnotes };
}
