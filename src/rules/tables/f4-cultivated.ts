/**
 * F4 耕地调整表 (domain.md §5): base-year cultivated land, decreases (生态退耕: to forest, water or natural
 * land; 建设占用: to construction land; other), increases (农用地整理: from other farmland; 宜耕后备资源开发:
 * from water and natural land; 建设用地复垦: from construction land), and the target year.
 */
import { isConstructionLand, isCultivatedLand, type LandClassCode } from '../../domain/land-classes.ts';
import type { DerivedPlan, PieceKind } from '../derive/derived-plan.ts';
import { balanceRounding, roundingFootnote, type Column, type Footnote, type Row, type Table } from './table.ts';

const ECOLOGICAL = new Set<LandClassCode>(['131', '132', '31', '32']);
const RESERVE_LAND = new Set<LandClassCode>(['31', '32']);

const lost = (k: PieceKind) => isCultivatedLand(k.baseClass) && !isCultivatedLand(k.targetClass);
const gained = (k: PieceKind) => !isCultivatedLand(k.baseClass) && isCultivatedLand(k.targetClass);

const PARTS = [
  { key: 'ecological', sign: -1, keep: (k: PieceKind) => lost(k) && ECOLOGICAL.has(k.targetClass) },
  { key: 'construction', sign: -1, keep: (k: PieceKind) => lost(k) && isConstructionLand(k.targetClass) },
  { key: 'otherLoss', sign: -1, keep: (k: PieceKind) => lost(k) && !ECOLOGICAL.has(k.targetClass) && !isConstructionLand(k.targetClass) },
  { key: 'consolidation', sign: 1, keep: (k: PieceKind) => gained(k) && !isConstructionLand(k.baseClass) && !RESERVE_LAND.has(k.baseClass) },
  { key: 'development', sign: 1, keep: (k: PieceKind) => gained(k) && RESERVE_LAND.has(k.baseClass) },
  { key: 'reclamation', sign: 1, keep: (k: PieceKind) => gained(k) && isConstructionLand(k.baseClass) },
] as const;

const COLUMNS: readonly Column[] = [{ key: 'area', labelKey: 'tables.col.areaHa', unit: 'ha' }];

export function f4Cultivated(derived: DerivedPlan): Table {
  const base = derived.sum((k) => isCultivatedLand(k.baseClass));
  const target = derived.sum((k) => isCultivatedLand(k.targetClass));
  const parts = PARTS.map((p) => derived.sum(p.keep));
  const balanced = balanceRounding(target, [base, ...parts], [1, ...PARTS.map((p) => p.sign)]);
  const footnotes: Footnote[] = [];
  const labelOf = (i: number) => (i === 0 ? 'tables.F4.base' : `tables.F4.${PARTS[i - 1]!.key}`);
  if (balanced.adjusted) footnotes.push(roundingFootnote(labelOf(balanced.adjusted.index), COLUMNS[0]!.labelKey, balanced.adjusted.by));
  const cents = balanced.parts;
  const cell = (c: number, m2: number) => ({ area: { value: c / 100, m2 } });
  const decrease = cents.slice(1, 4).reduce((s, c) => s + c, 0);
  const increase = cents.slice(4).reduce((s, c) => s + c, 0);
  const rows: Row[] = [
    { key: 'base', labelKey: 'tables.F4.base', level: 0, cells: cell(cents[0]!, base) },
    { key: 'decrease', labelKey: 'tables.F4.decrease', level: 0, cells: cell(decrease, parts[0]! + parts[1]! + parts[2]!) },
    ...PARTS.slice(0, 3).map((p, i) => ({ key: p.key, labelKey: `tables.F4.${p.key}`, level: 1, cells: cell(cents[i + 1]!, parts[i]!) })),
    { key: 'increase', labelKey: 'tables.F4.increase', level: 0, cells: cell(increase, parts[3]! + parts[4]! + parts[5]!) },
    ...PARTS.slice(3).map((p, i) => ({ key: p.key, labelKey: `tables.F4.${p.key}`, level: 1, cells: cell(cents[i + 4]!, parts[i + 3]!) })),
    { key: 'target', labelKey: 'tables.F4.target', level: 0, cells: cell(balanced.total, target) },
  ];
  return { id: 'F4', titleKey: 'tables.F4.title', columns: COLUMNS, rows, footnotes };
}
