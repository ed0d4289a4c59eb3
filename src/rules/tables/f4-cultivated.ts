/**
 * F4 耕地调整表 (domain.md §5): base-year cultivated land, decreases (生态退耕: to forest, water or natural
 * land; 建设占用: to construction land; other), increases (农用地整理: from other farmland; 宜耕后备资源开发:
 * from water and natural land; 建设用地复垦: from construction land), and the target year.
 *
 * Two columns: 耕地 net of 田坎, as the survey and F1 count it (a decrease takes the parcel's 耕地, not its
 * ridges; new 耕地 is net of the profile's coefficient for new farmland), and the gross polygon area.
 * Base and target are the figures F1 and F2 show; where the rows do not add up, one change row takes the
 * difference and is footnoted (table.ts `roundTree`).
 */
import { isConstructionLand, isCultivatedLand } from '../../profiles/zhejiang-2017/land-classes.ts';
import type { RuleProfile } from '../../profiles/zhejiang-2017/rule-profile.ts';
import { F4_ECOLOGICAL_CLASSES, F4_RESERVE_CLASSES } from '../../profiles/zhejiang-2017/table-rows.ts';
import type { DerivedPlan, PieceKind } from '../derive/derived-plan.ts';
import { farmlandAt, ridgeAt } from '../farmland-area.ts';
import { roundingFootnote, roundTree, type Column, type Footnote, type Row, type SumNode, type Table } from './table.ts';

const lost = (k: PieceKind) => isCultivatedLand(k.baseClass) && !isCultivatedLand(k.targetClass);
const gained = (k: PieceKind) => !isCultivatedLand(k.baseClass) && isCultivatedLand(k.targetClass);

const DECREASES = [
  { key: 'ecological', keep: (k: PieceKind) => lost(k) && F4_ECOLOGICAL_CLASSES.has(k.targetClass) },
  { key: 'construction', keep: (k: PieceKind) => lost(k) && isConstructionLand(k.targetClass) },
  { key: 'otherLoss', keep: (k: PieceKind) => lost(k) && !F4_ECOLOGICAL_CLASSES.has(k.targetClass) && !isConstructionLand(k.targetClass) },
] as const;
const INCREASES = [
  { key: 'consolidation', keep: (k: PieceKind) => gained(k) && !isConstructionLand(k.baseClass) && !F4_RESERVE_CLASSES.has(k.baseClass) },
  { key: 'development', keep: (k: PieceKind) => gained(k) && F4_RESERVE_CLASSES.has(k.baseClass) },
  { key: 'reclamation', keep: (k: PieceKind) => gained(k) && isConstructionLand(k.baseClass) },
] as const;

const COLUMNS: readonly Column[] = [
  { key: 'area', labelKey: 'tables.F4.col.net', unit: 'ha' },
  { key: 'gross', labelKey: 'tables.F4.col.gross', unit: 'ha' },
];

type Quantity = 'net' | 'gross';

export function f4Cultivated(derived: DerivedPlan, profile: Pick<RuleProfile, 'newFarmlandRidgeCoefficient'>): Table {
  const base = farmlandAt(derived, profile, 'base');
  const target = farmlandAt(derived, profile, 'target');
  /** A change row: its pieces' 耕地 at the year they are 耕地 (a decrease at the base, an increase at the target). */
  const part = (keep: (k: PieceKind) => boolean, year: 'base' | 'target') => {
    let gross = 0;
    let ridge = 0;
    for (const total of derived.kindTotals()) {
      if (!keep(total.kind)) continue;
      gross += total.areaM2;
      ridge += ridgeAt(total, year, profile);
    }
    return { net: gross - ridge, gross };
  };
  const decreases = DECREASES.map((p) => ({ key: p.key, ...part(p.keep, 'base') }));
  const increases = INCREASES.map((p) => ({ key: p.key, ...part(p.keep, 'target') }));
  const sum = (parts: readonly { net: number; gross: number }[], q: Quantity) => parts.reduce((s, p) => s + p[q], 0);

  const footnotes: Footnote[] = [];
  const cents = {} as Record<Quantity, ReadonlyMap<string, number>>;
  for (const [q, column] of [['net', COLUMNS[0]!], ['gross', COLUMNS[1]!]] as const) {
    const m2 = q === 'net' ? { base: base.netM2, target: target.netM2 } : { base: base.grossM2, target: target.grossM2 };
    const tree: SumNode = {
      key: 'target',
      m2: m2.target,
      fixed: true,
      children: [
        { key: 'base', m2: m2.base, fixed: true },
        { key: 'decrease', m2: sum(decreases, q), sign: -1, children: decreases.map((p) => ({ key: p.key, m2: p[q] })) },
        { key: 'increase', m2: sum(increases, q), children: increases.map((p) => ({ key: p.key, m2: p[q] })) },
      ],
    };
    const rounded = roundTree(tree);
    cents[q] = rounded.cents;
    for (const a of rounded.adjusted) footnotes.push(roundingFootnote(`tables.F4.${a.key}`, column.labelKey, a.by));
  }
  const row = (key: string, level: number, m2: { net: number; gross: number }): Row => ({
    key,
    labelKey: `tables.F4.${key}`,
    level,
    cells: { area: { value: cents.net.get(key)! / 100, m2: m2.net }, gross: { value: cents.gross.get(key)! / 100, m2: m2.gross } },
  });
  const rows: Row[] = [
    row('base', 0, { net: base.netM2, gross: base.grossM2 }),
    row('decrease', 0, { net: sum(decreases, 'net'), gross: sum(decreases, 'gross') }),
    ...decreases.map((p) => row(p.key, 1, p)),
    row('increase', 0, { net: sum(increases, 'net'), gross: sum(increases, 'gross') }),
    ...increases.map((p) => row(p.key, 1, p)),
    row('target', 0, { net: target.netM2, gross: target.grossM2 }),
  ];
  return { id: 'F4', titleKey: 'tables.F4.title', columns: COLUMNS, rows, footnotes: [{ key: 'tables.F4.net', params: {} }, ...footnotes] };
}
