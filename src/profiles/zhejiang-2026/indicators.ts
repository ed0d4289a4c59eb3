/**
 * The 规划指标一览表 (domain-2026.md §4.2): its 13 indicators as data and a pure computation of both years'
 * values. The list, its 属性 and its definitions are Fujian's [cct:zbb, cct:vg `CreateGHZBB`]: Zhejiang's own
 * list was not found, so every indicator is unconfirmed (§6) and the UI labels it 默认值.
 *
 * Land groups are the Zhejiang table's (ZJ_TABLE_GROUPS, decided by code, with the plan's own subtotals of
 * the codes it leaves out: `tableGroupOf`), so the 村庄建设用地 here is the structure table's 村庄建设用地小计. Values are unrounded: rounding is the display's job.
 */
import { YDYH_2023_INDEX } from '../ydyh/classes-2023.ts';
import type { ParcelArea, Year } from '../ydyh/fill-structure-table.ts';
import { tableGroupOf, type PlanTableGroups, type ZjTableGroup } from '../ydyh/groupings-2023.ts';

export type IndicatorSection = 'development' | 'protection';

export const INDICATOR_SECTIONS: readonly { readonly id: IndicatorSection; readonly zh: string; readonly en: string }[] = [
  { id: 'development', zh: '一、村庄发展性指标', en: 'I. Village development indicators' },
  { id: 'protection', zh: '二、村庄保护性指标', en: 'II. Village protection indicators' },
];

export type IndicatorUnit = '公顷' | '平方米/人' | '%' | '处';

export interface IndicatorSpec {
  /** 序号 in the template. */
  readonly number: number;
  readonly section: IndicatorSection;
  readonly zh: string;
  readonly en: string;
  /** 属性: 约束性 (binding) or 预期性 (expected). */
  readonly attribute: '约束性' | '预期性';
  readonly unit: IndicatorUnit;
  /** How the value is computed [cct:vg `CreateGHZBB`], in a few words. */
  readonly computedAs: string;
  /**
   * For the rule `binding-indicators`: the value must be at most (≤) or at least (≥) the 上级下达 allocation;
   * null for an expected indicator. The direction is ours [ours ⚠].
   */
  readonly binding: 'atMost' | 'atLeast' | null;
  /** The indicator is Fujian's (⚠), and so is its binding direction where it has one. */
  readonly unconfirmed: readonly ('indicator' | 'binding')[];
}

const indicator = (
  number: number,
  section: IndicatorSection,
  zh: string,
  en: string,
  attribute: IndicatorSpec['attribute'],
  unit: IndicatorUnit,
  computedAs: string,
  binding: IndicatorSpec['binding'] = null,
): IndicatorSpec => ({ number, section, zh, en, attribute, unit, computedAs, binding, unconfirmed: binding === null ? ['indicator'] : ['indicator', 'binding'] });

/** [cct:zbb] numbers, names, 属性 and units; [cct:vg `CreateGHZBB`] definitions; binding directions [ours ⚠]. */
export const INDICATORS: readonly IndicatorSpec[] = [
  indicator(1, 'development', '村域建设用地总面积', 'Total construction land of the village area', '约束性', '公顷', '村庄建设用地 + 城镇建设用地 + 区域基础设施用地 + 其他建设用地', 'atMost'),
  indicator(2, 'development', '村域城乡建设用地面积', 'Urban and rural construction land of the village area', '约束性', '公顷', '村庄建设用地 + 城镇建设用地', 'atMost'),
  indicator(3, 'development', '村庄建设用地规模', 'Village construction land', '预期性', '公顷', '村庄建设用地 (the Zhejiang table group)'),
  indicator(4, 'development', '公共管理与公共服务用地规模', 'Public administration and service land', '预期性', '公顷', '08 + 0704, each parcel once'),
  indicator(5, 'development', '公用设施用地规模', 'Public utility land', '预期性', '公顷', '13 within 村庄建设用地'),
  indicator(6, 'development', '人均村庄建设用地面积', 'Village construction land per capita', '预期性', '平方米/人', '村庄建设用地 (m²) / the year\'s population'),
  indicator(7, 'protection', '生态保护红线面积', 'Ecological protection red line', '约束性', '公顷', 'red line clipped to the village; same both years', 'atLeast'),
  indicator(8, 'protection', '永久基本农田保护面积', 'Permanent basic farmland', '约束性', '公顷', 'PBF clipped to the village; same both years', 'atLeast'),
  indicator(9, 'protection', '耕地保有量', 'Cultivated land retained', '约束性', '公顷', 'Σ 01', 'atLeast'),
  indicator(10, 'protection', '林地保有量', 'Forest land retained', '约束性', '公顷', 'Σ 03', 'atLeast'),
  indicator(11, 'protection', '湿地面积', 'Wetland', '约束性', '公顷', 'Σ 05', 'atLeast'),
  // 约束性 in the template, but `binding-indicators` names #7–#11 only, and nothing is computed to compare.
  indicator(12, 'protection', '大陆自然海岸线保有率', 'Natural mainland coastline retained', '约束性', '%', 'not computed (coastal villages only)'),
  indicator(13, 'protection', '自然和文化遗产', 'Natural and cultural heritage sites', '预期性', '处', 'entered by the planner (现状/规划自然和文化遗产)'),
];

/** The indicator each reference layer gives, clipped to the village: the red line #7, the PBF #8. */
export const INDICATOR_OF_REFERENCE = { STBHHX: 7, YJJBNT: 8 } as const;

/** An indicator's direction as a plan sets it (plan-defaults.ts): `none` = 不约束. */
export type PlanBinding = 'atMost' | 'atLeast' | 'none';

/** A plan's own directions by indicator number. */
export type PlanBindings = Readonly<Record<string, PlanBinding>>;

/** The direction the plan binds the indicator in (null: not bound): its own where it set one, else the profile's. */
export function bindingOf(indicator: IndicatorSpec, bindings: PlanBindings = {}): IndicatorSpec['binding'] {
  const own = Object.hasOwn(bindings, String(indicator.number)) ? bindings[String(indicator.number)] : undefined;
  if (own === undefined) return indicator.binding;
  return own === 'none' ? null : own;
}

/** How a direction is written beside an indicator (the 上级下达 entry, the 指标表's 属性). */
export const BINDING_SYMBOLS: Readonly<Record<'atMost' | 'atLeast', string>> = { atMost: '≤', atLeast: '≥' };

/** The profile's direction as a plan would write it, for the 默认值 mark. */
export const defaultBindingOf = (indicator: IndicatorSpec): PlanBinding => indicator.binding ?? 'none';

export interface IndicatorInput {
  /** Each year's parcels, 用地用海 (2023) codes, areas in m². */
  readonly parcels: Readonly<Record<Year, readonly ParcelArea[]>>;
  /** 现状人口 and 规划人口; null when not entered. */
  readonly population: Readonly<Record<Year, number | null>>;
  /** The red line and the PBF, each already clipped to the village (m²). */
  readonly redLineM2: number;
  readonly pbfM2: number;
  /** 现状/规划自然和文化遗产 as entered (处); null when not entered. */
  readonly heritageSites: Readonly<Record<Year, number | null>>;
  /** The plan's own binding directions by indicator number (plan-defaults.ts `bindings`); absent = the profile's. */
  readonly bindings?: PlanBindings;
  /** The plan's own subtotals of codes the table puts in none (plan-defaults.ts `tableGroups`); absent = none. */
  readonly tableGroups?: PlanTableGroups;
}

/**
 * The plan's own choices the indicators follow (its directions and subtotals), as IndicatorInput takes them:
 * the 指标表 and `binding-indicators` both build their input with it, so the two never count differently.
 */
export function planIndicatorChoices(plan: { readonly bindings?: PlanBindings; readonly tableGroups?: PlanTableGroups }): Pick<IndicatorInput, 'bindings' | 'tableGroups'> {
  return { ...(plan.bindings ? { bindings: plan.bindings } : {}), ...(plan.tableGroups ? { tableGroups: plan.tableGroups } : {}) };
}

export type IndicatorFigure =
  | { readonly value: number }
  | { readonly value: null; readonly reason: 'notComputed' | 'noPopulation' | 'notEntered' };

export interface IndicatorResult {
  readonly indicator: IndicatorSpec;
  /** The direction this plan binds it in (its own where it set one, else `indicator.binding`); null: not bound. */
  readonly binding: IndicatorSpec['binding'];
  readonly base: IndicatorFigure;
  readonly target: IndicatorFigure;
}

const M2_PER_HA = 10_000;

const isUnder = (code: string, ancestors: readonly string[]): boolean => YDYH_2023_INDEX.lineage(code).some((at) => ancestors.includes(at));

/**
 * Area (m²) of the parcels each predicate picks, each parcel counted once per predicate, in the parcels'
 * order. A predicate is asked once per distinct code, not once per parcel: twenty thousand parcels carry a
 * few dozen codes, and this runs at every check of an edit.
 */
function sumsWhere(parcels: readonly ParcelArea[], picks: readonly ((code: string) => boolean)[]): number[] {
  const sums = picks.map(() => 0);
  const verdicts = new Map<string, readonly boolean[]>();
  for (const parcel of parcels) {
    let picked = verdicts.get(parcel.code);
    if (!picked) verdicts.set(parcel.code, (picked = picks.map((pick) => pick(parcel.code))));
    for (let k = 0; k < picks.length; k++) if (picked[k]) sums[k] = (sums[k] as number) + parcel.areaM2;
  }
  return sums;
}

const inGroups = (groups: readonly ZjTableGroup[], planGroups: PlanTableGroups | undefined) => (code: string): boolean => {
  const group = tableGroupOf(code, planGroups);
  return group !== null && groups.includes(group);
};

const hectares = (m2: number): IndicatorFigure => ({ value: m2 / M2_PER_HA });

/** One year's figures, by indicator number. */
function figuresOf(input: IndicatorInput, year: Year): ReadonlyMap<number, IndicatorFigure> {
  const village = inGroups(['village'], input.tableGroups);
  const [constructionM2, villageUrbanM2, villageM2, publicServiceM2, utilityM2, cultivatedM2, forestM2, wetlandM2] = sumsWhere(input.parcels[year], [
    inGroups(['village', 'urban', 'regional', 'otherConstruction'], input.tableGroups),
    inGroups(['village', 'urban'], input.tableGroups),
    village,
    // CCTool adds 08 twice in one branch (08 + 0704 + 08, §4.2): here a parcel counts once.
    (code) => isUnder(code, ['08', '0704']),
    (code) => isUnder(code, ['13']) && village(code),
    (code) => isUnder(code, ['01']),
    (code) => isUnder(code, ['03']),
    (code) => isUnder(code, ['05']),
  ]) as [number, number, number, number, number, number, number, number];
  const population = input.population[year];
  const heritage = input.heritageSites[year];
  return new Map<number, IndicatorFigure>([
    [1, hectares(constructionM2)],
    [2, hectares(villageUrbanM2)],
    [3, hectares(villageM2)],
    [4, hectares(publicServiceM2)],
    [5, hectares(utilityM2)],
    [6, population !== null && population > 0 ? { value: villageM2 / population } : { value: null, reason: 'noPopulation' }],
    [7, hectares(input.redLineM2)],
    [8, hectares(input.pbfM2)],
    [9, hectares(cultivatedM2)],
    [10, hectares(forestM2)],
    [11, hectares(wetlandM2)],
    [12, { value: null, reason: 'notComputed' }],
    [13, heritage !== null ? { value: heritage } : { value: null, reason: 'notEntered' }],
  ]);
}

/** Both years' values of every indicator, in the template's order. */
export function computeIndicators(input: IndicatorInput): readonly IndicatorResult[] {
  const base = figuresOf(input, 'base');
  const target = figuresOf(input, 'target');
  const figure = (figures: ReadonlyMap<number, IndicatorFigure>, n: number): IndicatorFigure => figures.get(n) ?? { value: null, reason: 'notComputed' };
  return INDICATORS.map((indicator) => ({ indicator, binding: bindingOf(indicator, input.bindings), base: figure(base, indicator.number), target: figure(target, indicator.number) }));
}
