/**
 * F3 建设用地调整表 (domain.md §5): base-year construction land, minus demolition, plus new build, plus other
 * changes (use changes), equals the target year; for all construction land and for village construction
 * land (212x). Demolition here is land actually leaving construction use (restored to farm, forest or
 * water); demolition kept as public space stays construction land. Base and target are the figures F1
 * shows (建设用地总规模, 村庄建设用地规模); where the rounded rows do not add up, one of the change rows takes
 * the difference and is footnoted (table.ts `roundTree`).
 */
import { isConstructionLand, isVillageConstructionLand, type LandClassCode } from '../../profiles/zhejiang-2017/land-classes.ts';
import type { DerivedPlan } from '../derive/derived-plan.ts';
import { roundingFootnote, roundTree, type Column, type Footnote, type Row, type Table } from './table.ts';

const COLUMNS: readonly Column[] = [
  { key: 'construction', labelKey: 'tables.F3.col.construction', unit: 'ha' },
  { key: 'village', labelKey: 'tables.F3.col.village', unit: 'ha' },
];
const ROWS = ['base', 'demolition', 'newBuild', 'other', 'target'] as const;

export function f3Construction(derived: DerivedPlan): Table {
  const footnotes: Footnote[] = [];
  const columnValues = (inClass: (c: LandClassCode) => boolean) => {
    const base = derived.sum((k) => inClass(k.baseClass));
    const target = derived.sum((k) => inClass(k.targetClass));
    const demolition = derived.sum((k) => k.change === 'demolition' && inClass(k.baseClass) && !inClass(k.targetClass));
    const newBuild = derived.sum((k) => k.change === 'newBuild' && !inClass(k.baseClass) && inClass(k.targetClass));
    const other = target - base + demolition - newBuild;
    return { base, demolition, newBuild, other, target };
  };
  const cents: Record<string, Record<string, { value: number; m2: number }>> = {};
  for (const column of COLUMNS) {
    const v = columnValues(column.key === 'construction' ? isConstructionLand : isVillageConstructionLand);
    const rounded = roundTree({
      key: 'target',
      m2: v.target,
      fixed: true,
      children: [
        { key: 'base', m2: v.base, fixed: true },
        { key: 'demolition', m2: v.demolition, sign: -1 },
        { key: 'newBuild', m2: v.newBuild },
        { key: 'other', m2: v.other },
      ],
    });
    for (const a of rounded.adjusted) footnotes.push(roundingFootnote(`tables.F3.${a.key}`, column.labelKey, a.by));
    for (const row of ROWS) cents[row] = { ...cents[row], [column.key]: { value: rounded.cents.get(row)! / 100, m2: v[row] } };
  }
  const rows: Row[] = ROWS.map((row) => ({ key: row, labelKey: `tables.F3.${row}`, level: row === 'base' || row === 'target' ? 0 : 1, cells: cents[row]! }));
  return { id: 'F3', titleKey: 'tables.F3.title', columns: COLUMNS, rows, footnotes };
}
