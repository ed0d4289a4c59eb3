/**
 * Plan meta: names, years, people, and the township's quotas (乡级规划下达, m²) set from the generated
 * areas so that the sample's own changes meet them with a little room: cultivated land and basic
 * farmland kept at 99.7 % / 99.8 % of what the plan keeps, construction capped at the base-year total.
 * Cultivated land and basic farmland are net of 田坎 (area × (1 − TKXS)), as a township states its tasks
 * and as the rules count them (src/rules/farmland-area.ts).
 */
import type { FeatureOf } from '../../src/domain/features.ts';
import { isConstructionLand, isCultivatedLand, isVillageConstructionLand } from '../../src/profiles/zhejiang-2017/land-classes.ts';
import type { PlanMeta, TownshipQuotas } from '../../src/domain/plan.ts';
import { ellipsoidalArea } from '../../src/geo/area.ts';
import type { BaseParcel } from './base-parcels.ts';
import type { PlanChanges } from './changes.ts';
import type { VillageNames } from './names.ts';
import type { Rng } from './prng.ts';

const floorTo100 = (m2: number) => Math.floor(m2 / 100) * 100;
const ceilTo100 = (m2: number) => Math.ceil(m2 / 100) * 100;

/** F5 规划保障措施表 of the sample: the usual three measures, fictional bodies. */
const SAFEGUARDS = [
  { measure: '组织保障', content: '成立村土地利用规划实施工作小组，村两委负责日常管理', responsible: '安澜镇人民政府、沈家埭村村民委员会' },
  { measure: '资金保障', content: '拆旧复垦与农田整治资金纳入增减挂钩项目统筹安排', responsible: '秀塘县自然资源和规划局' },
  { measure: '公众参与', content: '规划草案在村务公开栏公告 30 日，召开村民代表大会听取意见', responsible: '沈家埭村村民委员会' },
];

export function buildMeta(
  rng: Rng,
  names: VillageNames,
  bases: readonly BaseParcel[],
  changes: PlanChanges,
  protectedParcels: ReadonlySet<number>,
): PlanMeta {
  const sum = (keep: (b: BaseParcel) => boolean) => bases.reduce((s, b) => s + (keep(b) ? b.area : 0), 0);
  const code = (b: BaseParcel) => b.feature.properties.classCode;
  const areaOf = (fs: readonly { geometry: FeatureOf<'base'>['geometry'] }[]) => fs.reduce((s, f) => s + ellipsoidalArea(f.geometry), 0);

  // 耕地 net of 田坎: a parcel's area less its ridge coefficient's share (the survey's TBDLMJ).
  const net = (b: BaseParcel) => b.area * (1 - (b.feature.properties.ridgeCoefficient ?? 0));
  const cultivated = bases.reduce((s, b) => s + (isCultivatedLand(code(b)) ? net(b) : 0), 0);
  const restoredToCropland = areaOf(changes.demolition.filter((d) => ['111', '113'].includes(d.properties.restorationUse)));
  // New homes go on fringe gardens (旱地), so they take cultivated land (counted whole, ridges too: a little
  // room); the new paddy from wasteland adds some (new farmland has no ridges by default).
  const cultivatedAtTarget = cultivated + restoredToCropland + areaOf(changes.useChange) - areaOf(changes.newBuild);
  // Basic farmland is the protected paddies, whole parcels (farmland.ts), net of their ridges.
  const protectedArea = bases.reduce((s, b) => s + (protectedParcels.has(b.parcel) ? net(b) : 0), 0);
  const construction = sum((b) => isConstructionLand(code(b)));
  const urbanRural = sum((b) => ['211', '213'].includes(code(b)) || isVillageConstructionLand(code(b)));
  const village = sum((b) => isVillageConstructionLand(code(b)));

  const quotas: TownshipQuotas = {
    cultivatedLand: floorTo100(Math.min(cultivated, cultivatedAtTarget) * 0.997),
    permanentBasicFarmland: floorTo100(protectedArea * 0.998),
    constructionTotal: ceilTo100(construction),
    urbanRuralConstruction: ceilTo100(urbanRural),
    villageConstruction: ceilTo100(village),
    // The township's 基本农田储备库 task: the reserve areas the sample draws meet it with a little room.
    pbfReserve: floorTo100(areaOf(changes.reserve)),
  };
  const homesteads = bases.filter((b) => code(b) === '2121').length;
  const households = Math.round(homesteads * rng.float(1.02, 1.12));
  return {
    villageName: names.village,
    villageCode: names.villageCode,
    township: names.township,
    county: names.county,
    baseYear: 2017,
    targetYear: 2020,
    population: Math.round(households * rng.float(2.9, 3.3)),
    households,
    quotas,
    // A tenth of what demolition returns to farmland is kept back for the village reserve (seed §八 allows 20 %);
    // new homes use at most 90 % of it (changes.ts), so the linkage ledger balances.
    reserveQuotaKeptM2: Math.floor((restoredToCropland * 0.1) / 10) * 10,
    safeguards: SAFEGUARDS,
    justifications: {},
    profileId: 'zhejiang-2017',
    profileOverrides: {},
    datumParameters: [],
  };
}
