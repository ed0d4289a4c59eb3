/** F1 主要指标表 (domain.md §5): the main indicators at base and target year, the change and the township's task. */
import { isConstructionLand, isCultivatedLand, isVillageConstructionLand, type LandClassCode } from '../../domain/land-classes.ts';
import type { Plan, TownshipQuotas } from '../../domain/plan.ts';
import type { DerivedPlan, PieceKind } from '../derive/derived-plan.ts';
import { haCell, hectareCents, numberCell, type Column, type Row, type Table } from './table.ts';

const COLUMNS: readonly Column[] = [
  { key: 'base', labelKey: 'tables.col.base', unit: 'ha' },
  { key: 'target', labelKey: 'tables.col.target', unit: 'ha' },
  { key: 'change', labelKey: 'tables.col.change', unit: 'ha' },
  { key: 'task', labelKey: 'tables.col.townshipTask', unit: 'ha' },
];

const isUrbanRural = (c: LandClassCode) => c === '211' || c === '213' || isVillageConstructionLand(c);

export function f1Indicators(plan: Plan, derived: DerivedPlan): Table {
  const at = (keep: (k: PieceKind, cls: LandClassCode) => boolean) => ({
    base: derived.sum((k) => keep(k, k.baseClass)),
    target: derived.sum((k) => keep(k, k.targetClass)),
  });
  const quotas = plan.meta.quotas;
  const areaRow = (key: string, values: { base: number; target: number }, quota: keyof TownshipQuotas): Row => {
    const base = hectareCents(values.base);
    const target = hectareCents(values.target);
    const task = quotas[quota];
    return { key, labelKey: `tables.F1.${key}`, level: 0, cells: { base: haCell(values.base, base), target: haCell(values.target, target), change: { value: (target - base) / 100 }, task: task === null ? null : haCell(task) } };
  };
  const pbf = { base: derived.sum((k) => k.pbf !== null && isCultivatedLand(k.baseClass)), target: derived.sum((k) => k.pbf !== null && isCultivatedLand(k.targetClass)) };
  const village = at((_, c) => isVillageConstructionLand(c));
  const homestead = at((_, c) => c === '2121');
  const perHead = (m2: number, count: number | null) => (count && count > 0 ? m2 / count : null);
  const ratioRow = (key: string, values: { base: number; target: number }, count: number | null): Row => {
    const base = perHead(values.base, count);
    const target = perHead(values.target, count);
    return { key, labelKey: `tables.F1.${key}`, level: 0, cells: { base: numberCell(base), target: numberCell(target), change: base === null || target === null ? null : numberCell(target - base), task: null } };
  };
  return {
    id: 'F1',
    titleKey: 'tables.F1.title',
    columns: COLUMNS,
    rows: [
      areaRow('cultivated', at((_, c) => isCultivatedLand(c)), 'cultivatedLand'),
      areaRow('pbf', pbf, 'permanentBasicFarmland'),
      areaRow('construction', at((_, c) => isConstructionLand(c)), 'constructionTotal'),
      areaRow('urbanRural', at((_, c) => isUrbanRural(c)), 'urbanRuralConstruction'),
      areaRow('village', village, 'villageConstruction'),
      ratioRow('villagePerCapita', village, plan.meta.population),
      ratioRow('homesteadPerHousehold', homestead, plan.meta.households),
    ],
    footnotes: [{ key: 'tables.F1.units', params: {} }],
  };
}
