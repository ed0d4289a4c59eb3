/**
 * Cultivated land net and gross of 田坎 (field ridges), as the land survey counts it. A survey parcel of
 * 耕地 has a polygon area (图斑面积 TBMJ) and a ridge coefficient (田坎系数 TKXS); the ridges in it
 * (应扣田坎面积 KKSM = TBMJ × TKXS) are 田坎 (155), and its 耕地 is the rest (图斑地类面积 TBDLMJ =
 * TBMJ − KKSM). Every 耕地 figure the survey, the township plan and the provincial package state is that
 * net figure (zj-qc: JQDLTB TBDLMJ and KKSM; GHYT JMJ = MJ × (1 − TKXS) on basic farmland), so the
 * tables and the quota rules count it too; the gross polygon area is shown beside it where a table has
 * room (docs/rules.md, "Net and gross").
 *
 * Which coefficient a piece takes: land that is 耕地 at the base year keeps its parcel's TKXS at both
 * years; land the plan turns into 耕地 (demolition restored to 耕地, a use change to 耕地) has no survey
 * coefficient and takes the profile's `newFarmlandRidgeCoefficient` (default 0).
 */
import { isCultivatedLand } from '../profiles/zhejiang-2017/land-classes.ts';
import type { RuleProfile } from '../profiles/zhejiang-2017/rule-profile.ts';
import type { DerivedPlan, KindTotal, PieceKind } from './derive/derived-plan.ts';
import { clampRidge, type Piece } from './derive/pieces.ts';

export type PlanYear = 'base' | 'target';

/** An area of 耕地: the polygons (gross), the 田坎 in them, and the 耕地 itself (net = gross − ridge). */
export interface FarmlandArea {
  readonly grossM2: number;
  readonly ridgeM2: number;
  readonly netM2: number;
}

const NO_FARMLAND: FarmlandArea = { grossM2: 0, ridgeM2: 0, netM2: 0 };

type Profile = Pick<RuleProfile, 'newFarmlandRidgeCoefficient'>;

/** The class of a kind at a year. */
export function classAt(kind: PieceKind, year: PlanYear) {
  return year === 'base' ? kind.baseClass : kind.targetClass;
}

/**
 * The 田坎 the survey would deduct from these pieces at a year: 0 where they are not 耕地 then; the
 * base parcels' ridges where the land was 耕地 at the base year already; the profile's coefficient where
 * the plan makes it 耕地.
 */
export function ridgeAt(total: Pick<KindTotal, 'kind' | 'areaM2' | 'ridgeM2'>, year: PlanYear, profile: Profile): number {
  if (!isCultivatedLand(classAt(total.kind, year))) return 0;
  if (isCultivatedLand(total.kind.baseClass)) return total.ridgeM2;
  return total.areaM2 * clampRidge(profile.newFarmlandRidgeCoefficient);
}

/** One piece's 耕地 at a year (NO_FARMLAND where it is not 耕地 then). */
export function pieceFarmland(piece: Piece, year: PlanYear, profile: Profile): FarmlandArea {
  if (!isCultivatedLand(year === 'base' ? piece.baseClass : piece.targetClass)) return NO_FARMLAND;
  const ridgeM2 = piece.areaM2 * (isCultivatedLand(piece.baseClass) ? piece.ridgeCoefficient : clampRidge(profile.newFarmlandRidgeCoefficient));
  return { grossM2: piece.areaM2, ridgeM2, netM2: piece.areaM2 - ridgeM2 };
}

/** 耕地 at a year of the pieces whose kind `keep` accepts (all by default), from the running totals. */
export function farmlandAt(derived: DerivedPlan, profile: Profile, year: PlanYear, keep: (kind: PieceKind) => boolean = () => true): FarmlandArea {
  let grossM2 = 0;
  let ridgeM2 = 0;
  for (const total of derived.kindTotals()) {
    if (!isCultivatedLand(classAt(total.kind, year)) || !keep(total.kind)) continue;
    grossM2 += total.areaM2;
    ridgeM2 += ridgeAt(total, year, profile);
  }
  return { grossM2, ridgeM2, netM2: grossM2 - ridgeM2 };
}

/** 永久基本农田 at a year: 耕地 on the township's delineation (net and gross of 田坎). */
export function pbfFarmlandAt(derived: DerivedPlan, profile: Profile, year: PlanYear): FarmlandArea {
  return farmlandAt(derived, profile, year, (k) => k.pbf !== null);
}
