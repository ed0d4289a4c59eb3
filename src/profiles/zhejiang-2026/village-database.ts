/**
 * A village planning database as read (a CCTool-made or hand-made 村庄规划数据库 submitted for review, or,
 * later, the editor's own 2026 plan): layers by name, each feature's geometry in CGCS2000 longitude and
 * latitude (readers reproject from Gauss-Krüger) and its attributes as the file has them. Layers and
 * fields come from the profile's data (`layers.ts`), not from types in code: this is the generic shape a
 * profile's plan takes, and what the `zhejiang-2026` checks and tables read.
 */
import type { Geometry } from 'geojson';
import type { DatabaseLayerName } from './layers.ts';
import type { PlanDefaults } from './plan-defaults.ts';

/**
 * Reference layers a village plan is checked against, by the names our reader gives them [ours ⚠]: CCTool
 * takes 永久基本农田 and 生态保护红线 as inputs (domain-2026.md §3), the 城镇开发边界 comes from the township.
 */
export const REFERENCE_LAYER_NAMES = ['YJJBNT', 'STBHHX', 'CZKFBJ'] as const;
export type ReferenceLayerName = (typeof REFERENCE_LAYER_NAMES)[number];
export type VillageLayerName = DatabaseLayerName | ReferenceLayerName;

export type FieldValue = string | number | null;

export interface VillageFeature {
  /** How reports name it: `GHDLTB#<BSM>`, or `GHDLTB#<n>` (1-based record number) without a BSM. */
  readonly ref: string;
  /** Null for a record without a shape (a report names it; it counts in no area). */
  readonly geometry: Geometry | null;
  readonly properties: Readonly<Record<string, FieldValue>>;
}

export interface VillageLayer {
  readonly name: VillageLayerName;
  /** The file it was read from, for messages. */
  readonly file: string;
  readonly fieldNames: readonly string[];
  readonly features: readonly VillageFeature[];
}

/** sheet1 `指标 | 值` of CCTool's village workbook (domain-2026.md §3 inputs); null where not given. */
export interface VillageInfo {
  readonly villageName: string | null;
  readonly villageType: string | null;
  readonly planPeriod: string | null;
  readonly basePopulation: number | null;
  readonly targetPopulation: number | null;
  readonly baseHeritage: number | null;
  readonly targetHeritage: number | null;
}

/** A village whose workbook gave nothing (or that has none). */
export const NO_VILLAGE_INFO: VillageInfo = {
  villageName: null,
  villageType: null,
  planPeriod: null,
  basePopulation: null,
  targetPopulation: null,
  baseHeritage: null,
  targetHeritage: null,
};

/**
 * The plan's own values of the ⚠ defaults (plan-defaults.ts: `controlTypes`, `bindings`, `threeCategories`,
 * `classColours`, `tableGroups`), each absent where the planner changed nothing.
 */
export interface VillageDatabase extends PlanDefaults {
  readonly layers: Readonly<Partial<Record<VillageLayerName, VillageLayer>>>;
  /**
   * The 用地用海 edition the JQDLBM/GHDLBM codes are written in, as the planner declared it: never guessed
   * per parcel (0602, 060102, 1311 … mean other classes in 2020 and 2023). The attributes keep the codes
   * as written; whoever counts them converts once (`rules/ydyh/database-parcels.ts` `codedParcels`), and a
   * code of the other edition is a finding of `ydyh-edition-declared`.
   */
  readonly edition: 'ydyh-2020' | 'ydyh-2023';
  readonly info: VillageInfo;
  /** 上级下达 by indicator number (indicators.ts), for `binding-indicators`; absent = not entered. */
  readonly allocations: Readonly<Partial<Record<number, number>>>;
}
