/** Edits of a 2026 village plan: reclassifying planned parcels, drawing a change over them, setting 管控边界 types (`commands/village-database/`). */
import type { Texts } from './text.ts';

export const databaseEditText: Texts = {
  'databaseEdit.reclassify.label': {
    zh: '改为“{{name}}”（{{count}} 个图斑）',
    en: 'Reclassify as “{{name}}” ({{count}} parcel(s))',
  },
  'databaseEdit.setControlType.label': {
    zh: '管控边界改为“{{name}}”（{{count}} 个）',
    en: 'Set the control boundary type to “{{name}}” ({{count}})',
  },
  'databaseEdit.noSelection': {
    zh: '请先在{{layer}}中选择要修改的要素',
    en: 'Select the features of {{layer}} to change first',
  },
  'databaseEdit.noLayer': {
    zh: '本规划没有{{layer}}图层，无法修改',
    en: 'This plan has no {{layer}} layer, so nothing can be changed there',
  },
  'databaseEdit.unknownFeatures': {
    zh: '{{layer}}中找不到所选的 {{count}} 个要素：{{refs}}；请重新选择',
    en: '{{count}} selected feature(s) are not in {{layer}}: {{refs}}; please select again',
  },
  'databaseEdit.ambiguousFeatures': {
    zh: '{{layer}}中有多个要素共用标识 {{refs}}（标识码 BSM 重复），无法确定修改哪一个；请先修正重复的标识码',
    en: 'Several features of {{layer}} share the identifier {{refs}} (a duplicated BSM), so which one to change cannot be told; correct the duplicated BSM first',
  },
  'databaseEdit.nothingChanged': {
    zh: '{{layer}}中所选的 {{count}} 个要素已是“{{name}}”，未作修改',
    en: 'The {{count}} selected feature(s) of {{layer}} already are “{{name}}”: nothing changed',
  },
  'databaseEdit.someUnchanged': {
    zh: '{{layer}}中有 {{count}} 个所选要素已是“{{name}}”，未改动',
    en: '{{count}} selected feature(s) of {{layer}} already are “{{name}}” and were left as they are',
  },
  'databaseEdit.reclassify.edition2020': {
    zh: '本规划的地类编码为用地用海 2020 试行版，新选的 {{code}} 是 2023 版编码，不能混写；请先将规划转换为 2023 版，再修改地类',
    en: 'This plan’s land-use codes are in the 2020 trial edition and {{code}} is a 2023 code; the two cannot be mixed: convert the plan to the 2023 edition first, then reclassify',
  },
  'databaseEdit.reclassify.unknownCode': {
    zh: '“{{code}}”不是用地用海 2023 分类中的编码',
    en: '“{{code}}” is not a code of the 2023 land and sea use classification',
  },
  'databaseEdit.reclassify.seaCode': {
    zh: '{{code}} {{name}} 是用海分类，不能用于村庄规划的陆域图斑',
    en: '{{code}} {{name}} is a sea class and cannot be given to a land parcel of a village plan',
  },
  'databaseEdit.reclassify.tooCoarse': {
    zh: '{{code}} {{name}} 在浙江规划用地结构调整表中有更细的行，该表只在“{{subtotal}}”中计入这些图斑，不计入任何一行；如能确定，请选用更细的地类',
    en: '{{code}} {{name}} has finer rows in the Zhejiang structure table: the table counts these parcels only in “{{subtotal}}”, in no row; choose a finer class where you can',
  },
  'databaseEdit.reclassify.ungrouped': {
    zh: '{{code}} {{name}} 在浙江规划用地结构调整表中不属于任何小计，该表只在合计中计入这些图斑',
    en: '{{code}} {{name}} is in no subtotal of the Zhejiang structure table: the table counts these parcels in the total only',
  },
  'databaseEdit.drawOverPlan.label': {
    zh: '绘制“{{name}}”（{{count}} 个图斑）',
    en: 'Draw “{{name}}” ({{count}} parcel(s))',
  },
  'databaseEdit.drawOverPlan.outsideVillage': {
    zh: '所绘范围在村域之外，没有压到任何规划地类图斑，未作修改',
    en: 'The drawing lies outside the village and covers no planned parcel: nothing changed',
  },
  'databaseEdit.drawOverPlan.onlySlivers': {
    zh: '所绘范围只压到规划地类图斑边缘不足 {{minM2}} m² 的碎片，未作修改；请沿图斑画得更大一些',
    en: 'The drawing covers only slivers under {{minM2}} m² at the edges of planned parcels: nothing changed; draw further into the parcels',
  },
  'databaseEdit.drawOverPlan.clipped': {
    zh: '所绘范围超出村域的 {{areaM2}} m² 已裁去',
    en: '{{areaM2}} m² of the drawing outside the village was cut off',
  },
  'databaseEdit.drawOverPlan.cut': {
    zh: '{{count}} 个图斑被分割：范围外的部分保留原标识码和属性，范围内的部分成为新图斑（新标识码、新图斑编号）',
    en: '{{count}} parcel(s) were cut: the parts outside keep their BSM and attributes, the parts inside are new parcels (new BSM and parcel number)',
  },
  'databaseEdit.drawOverPlan.slivers': {
    zh: '{{count}} 块不足 {{minM2}} m² 的碎片（共 {{areaM2}} m²）未单独成图斑，已并入所在图斑的相邻部分',
    en: '{{count}} sliver(s) under {{minM2}} m² ({{areaM2}} m² in all) were not made parcels but kept with the adjoining part of their parcel',
  },
  'databaseEdit.drawOverPlan.noXzqdm': {
    zh: '本规划没有村级行政区代码（村级调查区或基期地类图斑的坐落单位代码），无法给分割出的新图斑编标识码；请先补充坐落单位代码',
    en: 'This plan has no village code (ZLDWDM of the village survey area or the base parcels), so the new parcels cannot be given a BSM; fill in ZLDWDM first',
  },
  'databaseEdit.drawOverPlan.bsmUsedUp': {
    zh: '行政区代码 {{xzqdm}} 下的 8 位标识码序号已用完，无法再增加图斑',
    en: 'The 8-digit BSM sequence of {{xzqdm}} is used up: no parcel can be added',
  },
  'databaseEdit.setControlType.unknownType': {
    zh: '“{{code}}”不是管控边界类型代码表中的代码',
    en: '“{{code}}” is not a code of the control boundary type list',
  },
  'databaseEdit.deriveControl.label': {
    zh: '由规划地类图斑重新生成管控边界（{{count}} 类）',
    en: 'Regenerate the control boundaries from the planned parcels ({{count}} type(s))',
  },
  'databaseEdit.deriveControl.edition2020': {
    zh: '本规划的地类编码为用地用海 2020 试行版，管控边界按 2023 版编码划分，不能据此生成；请先将规划转换为 2023 版',
    en: 'This plan’s land-use codes are in the 2020 trial edition, and the control boundary types follow the 2023 codes: convert the plan to the 2023 edition first',
  },
  'databaseEdit.deriveControl.noParcels': {
    zh: '本规划的{{layer}}中没有图斑，无法生成管控边界',
    en: '{{layer}} of this plan has no parcels, so no control boundary can be derived',
  },
  'databaseEdit.deriveControl.noXzqdm': {
    zh: '本规划没有有效的村级行政区代码（村级调查区或基期地类图斑的坐落单位代码），无法给管控边界编标识码；请先补充坐落单位代码',
    en: 'This plan has no valid village code (ZLDWDM of the village survey area or the base parcels), so the control boundaries cannot be given a BSM; fill in ZLDWDM first',
  },
  'databaseEdit.deriveControl.notDissolved': {
    zh: '{{what}} 的图斑无法合并（{{reason}}）；请先修正这些图斑的几何错误',
    en: 'The parcels of {{what}} could not be merged ({{reason}}); correct their geometry first',
  },
  'databaseEdit.deriveControl.unchanged': {
    zh: '管控边界已与规划地类图斑一致，未作修改',
    en: 'The control boundaries already match the planned parcels: nothing changed',
  },
  'databaseEdit.deriveControl.untyped': {
    zh: '{{count}} 个规划地类图斑的地类没有对应的管控边界类型，未计入管控边界：{{refs}}；请检查其地类编码',
    en: '{{count}} planned parcel(s) have a class with no control boundary type and are in no control boundary: {{refs}}; check their codes',
  },
};
