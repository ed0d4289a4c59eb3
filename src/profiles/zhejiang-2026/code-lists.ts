/**
 * The code lists of the village planning database (domain-2026.md §3), as data for pick-lists, legends,
 * import checks (rule `codes-in-lists`) and export. English names are ours.
 */
import type { CodeEntry } from '../../domain/code-entry.ts';

/** 管控边界类型 GKBJLXDM [cct:gkbj]. */
export const GKBJ_TYPES = [
  { code: '0101', zh: '一般生态空间', en: 'General ecological space' },
  { code: '0102', zh: '生态保护红线', en: 'Ecological protection red line' },
  { code: '0201', zh: '一般农业空间', en: 'General agricultural space' },
  { code: '0202', zh: '永久基本农田', en: 'Permanent basic farmland' },
  { code: '0301', zh: '村庄集中建设区', en: 'Village concentrated construction area' },
  { code: '0302', zh: '村庄弹性发展区', en: 'Village flexible development area' },
  { code: '0400', zh: '城镇空间', en: 'Urban space' },
  { code: '0900', zh: '其他', en: 'Other' },
] as const satisfies readonly CodeEntry[];
export type GkbjTypeCode = (typeof GKBJ_TYPES)[number]['code'];

/** The 管控边界 type drawing the same land as each reference layer: the PBF (YJJBNT) and the red line (STBHHX). */
export const GKBJ_TYPE_OF_REFERENCE: Readonly<Record<'YJJBNT' | 'STBHHX', GkbjTypeCode>> = { YJJBNT: '0202', STBHHX: '0102' };

/**
 * The GKBJ types the control zones give a parcel inside them, whatever its class: CCTool lays the PBF over the
 * red line over the plan parcels [cct:vg `CreateGKBJ`].
 */
export const ZONE_CONTROL_TYPES = { pbf: '0202', redLine: '0102' } as const satisfies Readonly<Record<string, GkbjTypeCode>>;

/** 村庄集中建设区: the type whose area the 村庄建设用地 of the plan bounds (rule `jzq-not-above-village-land`). */
export const CONCENTRATED_CONSTRUCTION_TYPE: GkbjTypeCode = '0301';

/** 村庄弹性发展区: what SSBJLX `T` makes a parcel, and what a planner most often draws by hand. */
export const FLEXIBLE_DEVELOPMENT_TYPE: GkbjTypeCode = '0302';

/** The 村庄建设边界 is the union of these GKBJ types; it has no layer of its own [cct-new]. */
export const VILLAGE_CONSTRUCTION_BOUNDARY_TYPES: readonly GkbjTypeCode[] = [CONCENTRATED_CONSTRUCTION_TYPE, FLEXIBLE_DEVELOPMENT_TYPE];

/** 公共服务设施和基础设施类型 SSLXDM (现状) and GHSSLXDM (规划), one list for both [cct:gf]. */
export const FACILITY_POINT_TYPES = [
  { code: '01', zh: '村委会', en: 'Village committee' },
  { code: '02', zh: '综合服务中心', en: 'Service centre' },
  { code: '03', zh: '基层综合性文化服务中心', en: 'Community cultural centre' },
  { code: '04', zh: '文化活动场所', en: 'Cultural activity venue' },
  { code: '05', zh: '健身场地', en: 'Fitness ground' },
  { code: '06', zh: '运动场地', en: 'Sports ground' },
  { code: '07', zh: '中学', en: 'Secondary school' },
  { code: '08', zh: '小学', en: 'Primary school' },
  { code: '09', zh: '托儿所、幼儿园', en: 'Nursery and kindergarten' },
  { code: '10', zh: '幸福院', en: 'Elderly day centre' },
  { code: '11', zh: '村卫生所', en: 'Village clinic' },
  { code: '12', zh: '集贸市场', en: 'Market' },
  { code: '13', zh: '村邮站', en: 'Village post station' },
  { code: '14', zh: '公共厕所', en: 'Public toilet' },
  { code: '15', zh: '供水设施', en: 'Water supply facility' },
  { code: '16', zh: '城乡公交停靠点', en: 'Bus stop' },
  { code: '17', zh: '停车场', en: 'Car park' },
  { code: '18', zh: '垃圾转运站', en: 'Waste transfer station' },
  { code: '19', zh: '垃圾收集点', en: 'Waste collection point' },
  { code: '20', zh: '污水处理设施', en: 'Sewage treatment facility' },
  { code: '21', zh: '农村避灾点', en: 'Disaster shelter' },
  { code: '22', zh: '电力设施', en: 'Power facility' },
  { code: '23', zh: '古街古巷', en: 'Historic street or lane' },
  { code: '24', zh: '古民居', en: 'Historic dwelling' },
  { code: '25', zh: '宗祠、寺庙', en: 'Ancestral hall or temple' },
  { code: '26', zh: '古树', en: 'Ancient tree' },
  { code: '27', zh: '古井', en: 'Ancient well' },
  { code: '28', zh: '古桥', en: 'Ancient bridge' },
  { code: '99', zh: '其他', en: 'Other' },
] as const satisfies readonly CodeEntry[];
export type FacilityPointCode = (typeof FACILITY_POINT_TYPES)[number]['code'];

/** 历史文化保护区类型 LSWHLXDM [cct:vg `CreateLSWHBHQ`]. */
export const HERITAGE_AREA_TYPES = [
  { code: '01', zh: '历史文化核心保护范围', en: 'Core heritage protection area' },
  { code: '02', zh: '历史文化建设控制地带范围', en: 'Heritage construction control zone' },
  { code: '03', zh: '其他', en: 'Other' },
] as const satisfies readonly CodeEntry[];
export type HeritageAreaCode = (typeof HERITAGE_AREA_TYPES)[number]['code'];

/** 级别代码 JBDM of a heritage area [cct:vg `CreateLSWHBHQ`]. */
export const HERITAGE_LEVELS = [
  { code: '10', zh: '国家级', en: 'National' },
  { code: '20', zh: '省级', en: 'Provincial' },
  { code: '30', zh: '市级', en: 'Municipal' },
  { code: '40', zh: '县级', en: 'County' },
  { code: '50', zh: '其他', en: 'Other' },
] as const satisfies readonly CodeEntry[];
export type HeritageLevelCode = (typeof HERITAGE_LEVELS)[number]['code'];

export interface VillageTypeEntry extends CodeEntry {
  /** Other wordings an import accepts for this type and stores as `code`. */
  readonly aliases: readonly string[];
  /** The stored wording is the national one, which no source confirms for the database (⚠). */
  readonly unconfirmed: readonly 'code'[];
}

const villageType = (code: string, en: string, cctoolWording: string): VillageTypeEntry => ({ code, zh: code, en, aliases: [cctoolWording], unconfirmed: ['code'] });

/**
 * 村庄类型 CZLX: the field holds the name itself, so `code` is the stored text. We store the national four
 * types [std ⚠]; CCTool writes its own wordings, found by keyword in the planner's entry [cct:vg
 * `UpdataVillageType`], and an import accepts them as aliases. The whole list is unconfirmed (§6).
 */
export const VILLAGE_TYPES: readonly VillageTypeEntry[] = [
  villageType('集聚提升类', 'Agglomeration and upgrading', '集聚提升中心'),
  villageType('城郊融合类', 'Suburban integration', '转型融合城郊'),
  villageType('特色保护类', 'Characteristic protection', '保护开发特色'),
  villageType('搬迁撤并类', 'Relocation and merger', '搬迁撤并衰退'),
];
