/** A new 2026 village plan from a 三调 DLTB: its review list and the database (`io/village-database/from-survey.ts`). */
import type { Texts } from './text.ts';

export const villageDatabaseSurveyText: Texts = {
  'villageDb.survey.noCodeField': {
    zh: '“{{file}}”没有地类编码字段 DLBM，不是三调地类图斑（DLTB）图层；现有字段：{{fields}}',
    en: '“{{file}}” has no land-class code field DLBM, so it is not a land-survey parcel layer (DLTB); its fields: {{fields}}',
  },
  'villageDb.survey.noPolygons': {
    zh: '“{{file}}”中没有面图形，无法使用；现有字段：{{fields}}',
    en: '“{{file}}” has no polygon and cannot be used; its fields: {{fields}}',
  },
  'villageDb.survey.withoutPolygon': {
    zh: '“{{file}}”中 {{count}} 条记录没有面图形，未转入：第 {{records}} 条',
    en: '{{count}} record(s) of “{{file}}” have no polygon and were not taken: records {{records}}',
  },
  'villageDb.survey.notNumber': {
    zh: '“{{file}}”中 {{count}} 条记录的 {{field}} 不是数值，已留空：第 {{records}} 条',
    en: '{{field}} is not a number in {{count}} record(s) of “{{file}}” and was left empty: records {{records}}',
  },
  'villageDb.survey.group.refine': {
    zh: '三调 {{from}} {{fromName}} 在用地用海 2023 中需细分（待细分），请从可选地类中选择一个',
    en: 'Land survey {{from}} {{fromName}} must be refined in 用地用海 2023 (待细分): choose one of the candidates',
  },
  'villageDb.survey.group.unconfirmed': {
    zh: '三调 {{from}} {{fromName}} 的可选地类为本软件整理，未经资料确认（默认值）',
    en: 'The candidates for land survey {{from}} {{fromName}} are ours, not confirmed by a source (default)',
  },
  'villageDb.survey.group.tooCoarse': {
    zh: '用地用海 {{to}} 在浙江规划用地结构调整表中没有单独的行，需细分；暂按 {{suggested}} 转换（本软件的默认值，无资料依据），请核实',
    en: '用地用海 {{to}} has no row of its own in the Zhejiang structure table and must be refined; converted as {{suggested}} for now (our default, no source says which): please check',
  },
  'villageDb.survey.collision': {
    zh: '三调 {{from}} {{fromName}} 转为 {{to}}，编码未照搬：用地用海的 {{collides}} 是另一地类',
    en: 'Land survey {{from}} {{fromName}} becomes {{to}}; the code is not taken as it is: 用地用海 {{collides}} is another class',
  },
  'villageDb.survey.collisions': {
    zh: '以下三调编码在用地用海 2023 中表示另一地类，已按对照表转换，编码未照搬：{{codes}}',
    en: 'These land-survey codes mean another class in 用地用海 2023 and were converted by the table, not taken as they are: {{codes}}',
  },
  'villageDb.survey.unknownCode': {
    zh: '未知的三调地类编码“{{code}}”：{{count}} 个图斑，{{areaHa}} 公顷，无法转换：{{ids}}',
    en: 'Unknown land-survey code “{{code}}”: {{count}} parcel(s), {{areaHa}} ha, cannot be converted: {{ids}}',
  },
  'villageDb.survey.nameMismatch': {
    zh: '地类名称与编码不符：{{count}} 个编码为 {{from}}（{{expected}}）的图斑名称为“{{given}}”；按编码转换，请核实',
    en: 'Name and code disagree: {{count}} parcel(s) coded {{from}} ({{expected}}) are named “{{given}}”; converted by the code, please check',
  },
  'villageDb.survey.adjustable': {
    zh: '{{count}} 个图斑为可调整地类（编码带 K）：用地用海 2023 没有此标记，按其基础地类转换，三调编码保留在备注 BZ 中',
    en: '{{count}} parcel(s) are adjustable (code with K): 用地用海 2023 has no such flag, so they are converted as their base class and the land-survey code is kept in BZ',
  },
  'villageDb.survey.invalidDecisions': {
    zh: '无法生成规划：{{count}} 项选择不在可选地类中，或不属于待确认的地类：{{decisions}}',
    en: 'Cannot make the plan: {{count}} choice(s) name no candidate of their group, or no group to decide: {{decisions}}',
  },
  'villageDb.survey.undecided': {
    zh: '无法生成规划：还有 {{count}} 个待细分地类未选择：{{groups}}',
    en: 'Cannot make the plan: {{count}} class(es) to refine are not chosen yet: {{groups}}',
  },
  'villageDb.survey.unknownKept': {
    zh: '{{count}} 个图斑的三调编码未知，已转入基期和规划图斑但没有地类编码，请补填：{{ids}}',
    en: '{{count}} parcel(s) with an unknown land-survey code were taken into the base and plan parcels without a class code; please fill it in: {{ids}}',
  },
  'villageDb.survey.surveyCodeInBz': {
    zh: '基期地类图斑的三调地类编码保存在备注 BZ 中（数据库没有对应字段，本软件约定）',
    en: 'The land-survey code of each base parcel is kept in BZ (the database has no field for it; our convention)',
  },
  'villageDb.survey.czcsxmKept': {
    zh: '城镇村属性码 CZCSXM 保留在基期地类图斑中；数据库未定义此字段，导出成果时不写出',
    en: 'The town/village attribute CZCSXM is kept on the base parcels; the database declares no such field, so it is not exported',
  },
  'villageDb.survey.noBoundary': {
    zh: '未提供村界：没有村级调查区 CJDCQ，检查时以基期地类图斑的范围作为村庄范围',
    en: 'No village boundary given: there is no village survey area (CJDCQ), and the checks take the base parcels as the village',
  },
  'villageDb.survey.xzqdmFromOwner': {
    zh: '没有坐落单位代码 ZLDWDM：标识码 BSM 按权属单位代码 QSDWDM 最常见的前 12 位 {{xzqdm}} 编制',
    en: 'No ZLDWDM: the BSM are made from the most common first 12 digits of QSDWDM, {{xzqdm}}',
  },
  'villageDb.survey.noXzqdm': {
    zh: '坐落单位代码 ZLDWDM 和权属单位代码 QSDWDM 都不以 12 位行政区代码开头：标识码 BSM 留空，请补填 ZLDWDM',
    en: 'Neither ZLDWDM nor QSDWDM starts with a 12-digit XZQDM: the BSM are left empty; please fill in ZLDWDM',
  },
};
