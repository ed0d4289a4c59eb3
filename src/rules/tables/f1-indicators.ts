/**
 * F1 主要指标表 (domain.md §5): the main indicators at base and target year, the change and the township's task.
 * 耕地保有量 and 永久基本农田保护面积 are net of 田坎, as the survey and the township's tasks state them
 * (rules/farmland-area.ts); the gross polygon areas follow as the last two rows, so the province's seven
 * rows keep their places. Every figure is its own m² (or m² per head) rounded once; the change is the target's
 * figure less the base's, so the row reads as it adds up.
 */
import { isConstructionLand, isUrbanRuralConstructionLand, isVillageConstructionLand, type LandClassCode } from '../../profiles/zhejiang-2017/land-classes.ts';
import type { Plan, TownshipQuotas } from '../../domain/plan.ts';
import type { RuleProfile } from '../../profiles/zhejiang-2017/rule-profile.ts';
import { HOMESTEAD_CLASS } from '../../profiles/zhejiang-2017/class-roles.ts';
import type { DerivedPlan, PieceKind } from '../derive/derived-plan.ts';
import { farmlandAt, pbfFarmlandAt } from '../farmland-area.ts';
import { haCell, hectareCents, numberCell, type Column, type Row, type Table } from './table.ts';

const COLUMNS: readonly Column[] = [
  { key: 'base', labelKey: 'tables.col.base', unit: 'ha' },
  { key: 'target', labelKey: 'tables.col.target', unit: 'ha' },
  { key: 'change', labelKey: 'tables.col.change', unit: 'ha' },
  { key: 'task', labelKey: 'tables.col.townshipTask', unit: 'ha' },
];

interface AtYears {
  readonly base: number;
  readonly target: number;
}

export function f1Indicators(plan: Plan, derived: DerivedPlan, profile: Pick<RuleProfile, 'newFarmlandRidgeCoefficient'>): Table {
  const at = (keep: (k: PieceKind, cls: LandClassCode) => boolean): AtYears => ({
    base: derived.sum((k) => keep(k, k.baseClass)),
    target: derived.sum((k) => keep(k, k.targetClass)),
  });
  const quotas = plan.meta.quotas;
  const areaRow = (key: string, values: AtYears, quota: keyof TownshipQuotas | null, level = 0): Row => {
    const base = hectareCents(values.base);
    const target = hectareCents(values.target);
    const task = quota === null ? null : quotas[quota];
    return { key, labelKey: `tables.F1.${key}`, level, cells: { base: haCell(values.base, base), target: haCell(values.target, target), change: { value: (target - base) / 100 }, task: task === null ? null : haCell(task) } };
  };
  const cultivated = { base: farmlandAt(derived, profile, 'base'), target: farmlandAt(derived, profile, 'target') };
  const pbf = { base: pbfFarmlandAt(derived, profile, 'base'), target: pbfFarmlandAt(derived, profile, 'target') };
  const village = at((_, c) => isVillageConstructionLand(c));
  const homestead = at((_, c) => c === HOMESTEAD_CLASS);
  const perHead = (m2: number, count: number | null) => (count && count > 0 ? m2 / count : null);
  const ratioRow = (key: string, values: AtYears, count: number | null): Row => {
    const base = numberCell(perHead(values.base, count));
    const target = numberCell(perHead(values.target, count));
    const change = base && target && 'value' in base && 'value' in target ? numberCell(target.value - base.value) : null;
    return { key, labelKey: `tables.F1.${key}`, level: 0, cells: { base, target, change, task: null } };
  };
  return {
    id: 'F1',
    titleKey: 'tables.F1.title',
    columns: COLUMNS,
    rows: [
      areaRow('cultivated', { base: cultivated.base.netM2, target: cultivated.target.netM2 }, 'cultivatedLand'),
      areaRow('pbf', { base: pbf.base.netM2, target: pbf.target.netM2 }, 'permanentBasicFarmland'),
      areaRow('construction', at((_, c) => isConstructionLand(c)), 'constructionTotal'),
      areaRow('urbanRural', at((_, c) => isUrbanRuralConstructionLand(c)), 'urbanRuralConstruction'),
      areaRow('village', village, 'villageConstruction'),
      ratioRow('villagePerCapita', village, plan.meta.population),
      ratioRow('homesteadPerHousehold', homestead, plan.meta.households),
      areaRow('cultivatedGross', { base: cultivated.base.grossM2, target: cultivated.target.grossM2 }, null),
      areaRow('pbfGross', { base: pbf.base.grossM2, target: pbf.target.grossM2 }, null),
    ],
    // The units last: the package's workbook keeps them as the table's closing line.
    footnotes: [
      { key: 'tables.F1.net', params: {} },
      { key: 'tables.F1.units', params: {} },
    ],
  };
}
