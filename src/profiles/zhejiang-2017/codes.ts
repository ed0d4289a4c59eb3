/**
 * The 2017 plan's code lists of domain.md §3.3 (and the survey's own lists), as data: a pick-list in the
 * attribute panel, a legend, an import check and an export all read these, so an unknown code can never be
 * entered.
 */
import type { CodeEntry } from '../../domain/code-entry.ts';

/** 拆旧建新 CJJX. The meaning of C1 vs C2 is not documented (domain.md §8): both are offered, C1 by default. */
export const DEMOLITION_LINKAGE = [
  { code: 'C1', zh: '拆旧（C1）', en: 'Demolition (C1)' },
  { code: 'C2', zh: '拆旧（C2）', en: 'Demolition (C2)' },
] as const satisfies readonly CodeEntry[];

export const NEW_BUILD_LINKAGE = [
  { code: 'E2', zh: '拟新增', en: 'Planned new build (E2)' },
  { code: 'E1', zh: '虚拟新增', en: 'Virtual new build (E1)' },
] as const satisfies readonly CodeEntry[];

/** 建设用地管制区 GZQLXDM. Some data use `021` for 020: read both, write `020`. */
export const CONTROL_ZONE_CODES = [
  { code: '010', zh: '允许建设区', en: 'Construction allowed' },
  { code: '020', zh: '有条件建设区', en: 'Conditional construction' },
  { code: '030', zh: '限制建设区', en: 'Construction restricted' },
  { code: '040', zh: '禁止建设区', en: 'Construction forbidden' },
  { code: '041', zh: '禁止建设区（自然保护区核心区）', en: 'Forbidden: nature reserve core' },
  { code: '042', zh: '禁止建设区（森林公园）', en: 'Forbidden: forest park' },
  { code: '043', zh: '禁止建设区（地质公园）', en: 'Forbidden: geopark' },
  { code: '044', zh: '禁止建设区（野生动植物栖息地）', en: 'Forbidden: listed wildlife habitat' },
  { code: '045', zh: '禁止建设区（水源保护核心区）', en: 'Forbidden: water source core' },
  { code: '046', zh: '禁止建设区（蓄滞洪区）', en: 'Forbidden: flood detention area' },
  { code: '047', zh: '禁止建设区（地质灾害高危险区）', en: 'Forbidden: geohazard area' },
  { code: '048', zh: '禁止建设区（永久基本农田示范区）', en: 'Forbidden: model basic farmland' },
  { code: '049', zh: '禁止建设区（其他保护区）', en: 'Forbidden: other protected area' },
] as const satisfies readonly CodeEntry[];
export type ControlZoneCode = (typeof CONTROL_ZONE_CODES)[number]['code'];

/** `021` is an older spelling of `020` seen in real data. */
export function normaliseControlZoneCode(raw: string): string {
  return raw === '021' ? '020' : raw;
}

export function isForbiddenZone(code: ControlZoneCode): boolean {
  return code.startsWith('04');
}

/** 地类备注 DLBZ. */
export const LAND_NOTE_CODES = [
  { code: '10', zh: '批而未用', en: 'Approved, unused' },
  { code: '20', zh: '违法用地', en: 'Illegal land use' },
  { code: '30', zh: '可调整耕地', en: 'Adjustable cultivated land' },
  { code: '99', zh: '其他', en: 'Other' },
] as const satisfies readonly CodeEntry[];

/** 权属性质 QSXZ. */
export const TENURE_CODES = [
  { code: '10', zh: '国有土地所有权', en: 'State ownership' },
  { code: '20', zh: '国有土地使用权', en: 'State land use right' },
  { code: '30', zh: '集体土地所有权', en: 'Collective ownership' },
  { code: '31', zh: '村民小组', en: 'Villagers’ group' },
  { code: '32', zh: '村集体经济组织', en: 'Village collective' },
  { code: '33', zh: '乡集体经济组织', en: 'Township collective' },
  { code: '34', zh: '其他农民集体经济组织', en: 'Other farmers’ collective' },
  { code: '40', zh: '集体土地使用权', en: 'Collective land use right' },
] as const satisfies readonly CodeEntry[];

/** 坡度级别 PDJB. */
export const SLOPE_GRADES = [
  { code: '1', zh: '≤2°', en: '≤2°' },
  { code: '2', zh: '2°–6°', en: '2°–6°' },
  { code: '3', zh: '6°–15°', en: '6°–15°' },
  { code: '4', zh: '15°–25°', en: '15°–25°' },
  { code: '5', zh: '>25°', en: '>25°' },
] as const satisfies readonly CodeEntry[];

/** Where a new-build parcel's quota comes from. */
export const QUOTA_SOURCES = [
  { code: 'linkage', zh: '增减挂钩（拆旧指标）', en: 'Linkage (demolition quota)' },
  { code: 'reserve', zh: '规划预留指标', en: 'Reserve quota' },
  { code: 'township', zh: '乡镇下达指标', en: 'Township allocation' },
] as const satisfies readonly CodeEntry[];
export type QuotaSource = (typeof QUOTA_SOURCES)[number]['code'];

/**
 * What a new 经营性建设用地 (2124) is for (seed §七, §十): new industry is only for farm-produce processing
 * (农产品生产加工); farm-tourism and "农业+" businesses are not industry; other industry is the exception the
 * seed allows where the village has an industrial advantage (小微企业园区), so it needs a written reason.
 */
export const INDUSTRY_PURPOSES = [
  { code: 'agriProcessing', zh: '农产品生产加工', en: 'Farm-produce processing' },
  { code: 'agriNewBusiness', zh: '农事、农旅、“农业+”新业态', en: 'Farm tourism and "agriculture+" business' },
  { code: 'otherIndustry', zh: '其他工业', en: 'Other industry' },
] as const satisfies readonly CodeEntry[];
export type IndustryPurpose = (typeof INDUSTRY_PURPOSES)[number]['code'];

/** 基本农田整备区 kinds named by seed §六. */
export const RESERVE_KINDS = [
  { code: 'scattered', zh: '零星耕地', en: 'Scattered cultivated land' },
  { code: 'nearPbf', zh: '永久基本农田周边农用地', en: 'Farmland next to basic farmland' },
  { code: 'reclaimable', zh: '可整理复垦新增耕地', en: 'Land reclaimable to farmland' },
] as const satisfies readonly CodeEntry[];
export type ReserveKind = (typeof RESERVE_KINDS)[number]['code'];

/** Facility farmland types with their own caps (seed §九; 2014 national caps as defaults). */
export const FACILITY_TYPES = [
  { code: 'cultivation', zh: '种植设施', en: 'Cultivation' },
  { code: 'livestock', zh: '畜禽养殖设施', en: 'Livestock' },
  { code: 'aquaculture', zh: '水产养殖设施', en: 'Aquaculture' },
] as const satisfies readonly CodeEntry[];
export type FacilityType = (typeof FACILITY_TYPES)[number]['code'];

/** 新增农田类型 XZNTLX: 01–04, meanings unconfirmed (domain.md §8). */
export const NEW_FARMLAND_TYPES = [
  { code: '01', zh: '新增农田类型01', en: 'New farmland type 01' },
  { code: '02', zh: '新增农田类型02', en: 'New farmland type 02' },
  { code: '03', zh: '新增农田类型03', en: 'New farmland type 03' },
  { code: '04', zh: '新增农田类型04', en: 'New farmland type 04' },
] as const satisfies readonly CodeEntry[];

/** 永久基本农田 type: 示范区 (G111) or 一般 (G112). */
export const PBF_TYPES = [
  { code: 'G111', zh: '示范区基本农田', en: 'Model basic farmland' },
  { code: 'G112', zh: '一般基本农田', en: 'Ordinary basic farmland' },
] as const satisfies readonly CodeEntry[];
export type PbfType = (typeof PBF_TYPES)[number]['code'];
