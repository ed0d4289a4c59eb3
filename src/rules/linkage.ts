/**
 * The linkage ledger (增减挂钩台账, seed §八): the new-build quota that demolition earns, what new building
 * uses of it, and what is kept back for the village reserve. Read from the derived plan's running totals.
 * Only demolition of construction land restored to farm, forest or water use earns quota (现状建设用地拆除
 * 并复垦为农用地的，带规划空间规模增减挂钩); demolition kept as village public space does not, nor does
 * demolition of illegal land (违法用地拆除规模不得用于建设用地增减挂钩).
 */
import { isConstructionLand } from '../profiles/zhejiang-2017/land-classes.ts';
import type { PlanMeta } from '../domain/plan.ts';
import type { RuleProfile } from '../profiles/zhejiang-2017/rule-profile.ts';
import type { DerivedPlan, PieceKind } from './derive/derived-plan.ts';

export interface LinkageLedger {
  /** Quota earned: legal demolition of construction land restored to non-construction use (m²). */
  readonly earnedM2: number;
  /** Demolition of 违法用地 restored to non-construction use: earns nothing. */
  readonly illegalExcludedM2: number;
  /** Demolition kept as village public space (2125/2122): still construction land, earns nothing. */
  readonly publicSpaceM2: number;
  /** New construction land of E2 new-build parcels on the linkage quota. */
  readonly usedByNewBuildM2: number;
  /** New construction land of new-build parcels on the village reserve quota. */
  readonly reserveUsedM2: number;
  /** Kept back for the village reserve (规划预留新增建设用地指标); null = not entered. */
  readonly keptForReserveM2: number | null;
  /** The most that may be kept back: the profile's share of the earned quota. */
  readonly maxKeptM2: number;
  /** earned − kept − used: the surplus (节余, may be traded) or, negative, the shortfall. */
  readonly balanceM2: number;
}

const isDemolitionRestored = (k: PieceKind) => k.change === 'demolition' && isConstructionLand(k.baseClass) && !isConstructionLand(k.targetClass);

export function linkageLedger(derived: DerivedPlan, meta: PlanMeta, profile: RuleProfile): LinkageLedger {
  const earnedM2 = derived.sum((k) => isDemolitionRestored(k) && !k.illegal);
  const illegalExcludedM2 = derived.sum((k) => isDemolitionRestored(k) && k.illegal);
  const publicSpaceM2 = derived.sum((k) => k.change === 'demolition' && isConstructionLand(k.baseClass) && isConstructionLand(k.targetClass));
  const newConstruction = (k: PieceKind) => k.change === 'newBuild' && !isConstructionLand(k.baseClass) && isConstructionLand(k.targetClass);
  const usedByNewBuildM2 = derived.sum((k) => newConstruction(k) && k.cjjx === 'E2' && k.quotaSource === 'linkage');
  const reserveUsedM2 = derived.sum((k) => newConstruction(k) && k.quotaSource === 'reserve');
  const kept = meta.reserveQuotaKeptM2;
  return {
    earnedM2,
    illegalExcludedM2,
    publicSpaceM2,
    usedByNewBuildM2,
    reserveUsedM2,
    keptForReserveM2: kept,
    maxKeptM2: earnedM2 * profile.reserveQuotaMaxShare,
    balanceM2: earnedM2 - (kept ?? 0) - usedByNewBuildM2,
  };
}
