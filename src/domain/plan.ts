/**
 * The plan: base + changes (domain.md §2). Plain data only, so the same object travels to the worker, to
 * IndexedDB, into a plan file and to `window.villagePlan.plan()` unchanged.
 */
import type { FeatureOf, PlanFeature } from './features.ts';
import { type FeatureId, newPlanId, type PlanId } from './ids.ts';
import { LAYER_IDS, type LayerId } from '../profiles/zhejiang-2017/layers.ts';
import type { DatumParameters } from './datum-parameters.ts';
import type { ProfileOverrides } from '../profiles/zhejiang-2017/rule-profile.ts';

export const PLAN_SCHEMA_VERSION = 1;

/** Township-plan tasks for this village (乡级规划下达), m²; null = not entered, rules then say so. */
export interface TownshipQuotas {
  readonly cultivatedLand: number | null;
  readonly permanentBasicFarmland: number | null;
  readonly constructionTotal: number | null;
  readonly urbanRuralConstruction: number | null;
  readonly villageConstruction: number | null;
  /** 基本农田储备库任务: the total 整备区 (reserve area) the township asks of the village. */
  readonly pbfReserve: number | null;
}

/** 规划说明: the planner's written reason that lets a warning pass (an error can never be waived). */
export interface Justification {
  readonly text: string;
  /** ISO 8601 time it was written. */
  readonly at: string;
}

/** One row of F5 规划保障措施表: free text the planner writes. */
export interface SafeguardMeasure {
  readonly measure: string;
  readonly content: string;
  readonly responsible: string;
}

export interface PlanMeta {
  readonly villageName: string;
  /** 行政区代码 XZQDM (12 digits). */
  readonly villageCode: string;
  readonly township: string;
  readonly county: string;
  readonly baseYear: number;
  readonly targetYear: number;
  readonly population: number | null;
  readonly households: number | null;
  readonly quotas: TownshipQuotas;
  /**
   * 规划预留新增建设用地指标 kept back from the linkage quota that demolition earns (m², seed §八: at most
   * 20 %); null = not entered, and rule `reserve-quota-max` says so.
   */
  readonly reserveQuotaKeptM2: number | null;
  /** F5 规划保障措施表 rows. */
  readonly safeguards: readonly SafeguardMeasure[];
  /** Justifications of warnings, by the stable key (rules/issue.ts `issueKey`). */
  readonly justifications: Readonly<Record<string, Justification>>;
  readonly profileId: string;
  readonly profileOverrides: ProfileOverrides;
  /** The county's parameters from Beijing 1954 / Xian 1980 to CGCS2000, as entered at an import. */
  readonly datumParameters: readonly DatumParameters[];
}

export type LayerFeatures<L extends LayerId> = Readonly<Record<FeatureId, FeatureOf<L>>>;

export interface Plan {
  readonly format: 'village-plan';
  readonly schemaVersion: typeof PLAN_SCHEMA_VERSION;
  readonly id: PlanId;
  readonly meta: PlanMeta;
  readonly layers: { readonly [L in LayerId]: LayerFeatures<L> };
}

export const EMPTY_QUOTAS: TownshipQuotas = {
  cultivatedLand: null,
  permanentBasicFarmland: null,
  constructionTotal: null,
  urbanRuralConstruction: null,
  villageConstruction: null,
  pbfReserve: null,
};

export function emptyLayers(): Plan['layers'] {
  return Object.fromEntries(LAYER_IDS.map((id) => [id, {}])) as Plan['layers'];
}

export function emptyPlan(meta: Partial<PlanMeta> = {}): Plan {
  return {
    format: 'village-plan',
    schemaVersion: PLAN_SCHEMA_VERSION,
    id: newPlanId(),
    meta: {
      villageName: '',
      villageCode: '',
      township: '',
      county: '',
      baseYear: 2017,
      targetYear: 2020,
      population: null,
      households: null,
      quotas: EMPTY_QUOTAS,
      reserveQuotaKeptM2: null,
      safeguards: [],
      justifications: {},
      profileId: 'zhejiang-2017',
      profileOverrides: {},
      datumParameters: [],
      ...meta,
    },
    layers: emptyLayers(),
  };
}

export function getFeature(plan: Plan, layer: LayerId, id: FeatureId): PlanFeature | undefined {
  return (plan.layers[layer] as Readonly<Record<FeatureId, PlanFeature>>)[id];
}

/** Finds a feature by id alone, for callers (selection, automation handle) that do not carry the layer. */
export function findFeature(plan: Plan, id: FeatureId): PlanFeature | undefined {
  for (const layer of LAYER_IDS) {
    const found = getFeature(plan, layer, id);
    if (found) return found;
  }
  return undefined;
}

/**
 * The features of one layer as a list, cached per layer record like `layerCount`: the rules, tables and
 * package writers ask for the same 20,000-feature layer many times per check, and each `Object.values`
 * of it was a new list to build and collect. Read-only because it is shared: sort a copy.
 */
const lists = new WeakMap<object, readonly PlanFeature[]>();
export function layerFeatures<L extends LayerId>(plan: Plan, layer: L): readonly FeatureOf<L>[] {
  const record = plan.layers[layer];
  let list = lists.get(record);
  if (list === undefined) {
    list = Object.values(record) as PlanFeature[];
    lists.set(record, list);
  }
  return list as readonly FeatureOf<L>[];
}

/**
 * Number of features in one layer record. Records are shared between plan versions until a patch touches
 * them, so the count is cached per record: panels re-render on every edit, and counting 20,000 keys each
 * time would make the cost of an edit follow the size of the plan.
 */
const counts = new WeakMap<object, number>();
export function layerCount(features: Readonly<Record<string, unknown>>): number {
  let n = counts.get(features);
  if (n === undefined) {
    n = Object.keys(features).length;
    counts.set(features, n);
  }
  return n;
}

/**
 * Layer records are never changed once a plan holds them (domain/patch.ts copies the record it touches),
 * which is what makes the caches above sound. The one exception, the checker's private copy that takes
 * 20,000-feature layers edit by edit in place (rules/context.ts), calls this after each change.
 */
export function layerRecordChanged(record: object): void {
  lists.delete(record);
  counts.delete(record);
}

export function featureCount(plan: Plan): number {
  return LAYER_IDS.reduce((n, id) => n + layerCount(plan.layers[id]), 0);
}
