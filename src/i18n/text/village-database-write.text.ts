/** Writing a 2026 village planning database as Shapefiles or GeoJSON (`io/village-database/write-village-database.ts`). */
import type { Texts } from './text.ts';

export const villageDatabaseWriteText: Texts = {
  'villageDb.write.noLayers': {
    zh: '没有可导出的数据库图层：村庄规划数据库至少需要 CJDCQ、JQDLTB、GHDLTB 等图层之一',
    en: 'No database layer to export: the village planning database needs at least one of CJDCQ, JQDLTB, GHDLTB and the other database layers',
  },
  'villageDb.write.noXzqdm': {
    zh: '无法为 {{layer}} 的要素 {{feature}} 编制标识码 BSM：CJDCQ 和 JQDLTB 中没有以 12 位行政区代码开头的坐落单位代码 ZLDWDM。请填写 ZLDWDM，或为该要素填写 20 位 BSM',
    en: 'Cannot make a BSM for feature {{feature}} of {{layer}}: no ZLDWDM in CJDCQ or JQDLTB starts with a 12-digit XZQDM. Fill in ZLDWDM, or give the feature a 20-digit BSM',
  },
  'villageDb.write.bsmNotMade': {
    zh: '无法为 {{layer}} 的要素 {{feature}} 编制标识码 BSM：顺序号已超过 8 位',
    en: 'Cannot make a BSM for feature {{feature}} of {{layer}}: the sequence number would exceed 8 digits',
  },
  'villageDb.write.madeBsm': {
    zh: '{{layer}}：{{count}} 个要素没有有效且不重复的 20 位标识码 BSM，已按 行政区代码 {{xzqdm}} + 8 位顺序号 编制：{{features}}',
    en: '{{layer}}: {{count}} features had no valid, unique 20-digit BSM; made as XZQDM {{xzqdm}} + an 8-digit number: {{features}}',
  },
  'villageDb.write.filledYsdm': {
    zh: '{{layer}}：{{count}} 个要素的要素代码 YSDM 已填写为 {{value}}',
    en: '{{layer}}: YSDM set to {{value}} in {{count}} features',
  },
  'villageDb.write.filledConstant': {
    zh: '{{layer}}：{{count}} 个要素的字段 {{field}} 为空，已填写默认值 {{value}}',
    en: '{{layer}}: field {{field}} was empty in {{count}} features and was filled with the default {{value}}',
  },
  'villageDb.write.blanked': {
    zh: '{{layer}}：{{count}} 个要素的字段 {{field}} 值为 {{values}}，按成果要求导出为空值',
    en: '{{layer}}: field {{field}} was {{values}} in {{count}} features and is exported empty, as the deliverable requires',
  },
  'villageDb.write.areaFromShape': {
    zh: '{{layer}}：{{count}} 个要素的面积字段 {{field}} 为空或与图形面积不符（如以公顷、亩为单位，或为修改前的面积），已按图形的椭球面积（平方米，保留 2 位小数）填写',
    en: '{{layer}}: area field {{field}} was empty or did not match the shape in {{count}} features (in 公顷 or 亩, say, or the area before an edit) and was written as the shape’s ellipsoidal area (m², 2 decimals)',
  },
  'villageDb.write.undeclaredFields': {
    zh: '{{layer}}：以下字段不属于数据库图层结构，未导出：{{fields}}',
    en: '{{layer}}: these fields are not in the database layer and were not exported: {{fields}}',
  },
  'villageDb.write.textTooLong': {
    zh: '{{layer}} 的要素 {{feature}} 的字段 {{field}} 过长（{{size}}，上限 {{limit}}；Shapefile 按字节计，GBK 中一个汉字占 2 字节、UTF-8 中占 3 字节；GeoJSON 按字符计）。请缩短该值后再导出，未导出任何文件',
    en: 'Field {{field}} of feature {{feature}} in {{layer}} is too long ({{size}}, at most {{limit}}; Shapefiles count bytes, a Chinese character taking 2 in GBK and 3 in UTF-8; GeoJSON counts characters). Shorten the value and export again; nothing was exported',
  },
  'villageDb.write.notANumber': {
    zh: '{{layer}} 的要素 {{feature}} 的字段 {{field}} 应为数值，但值为“{{value}}”。请改正后再导出，未导出任何文件',
    en: 'Field {{field}} of feature {{feature}} in {{layer}} must be a number but is “{{value}}”. Correct it and export again; nothing was exported',
  },
  'villageDb.write.derivedBoundaryLines': {
    zh: '{{layer}}（村级调查区界线）：数据库中没有该图层，已由 {{from}} 的边界生成 {{count}} 条界线（相邻调查区的共用边界只保留一条）；界线类型 JXLX、界线性质 JXXZ 按默认值填写（含义待确认），界线说明 JXSM 和备注 BZ 留空，请核对后修改',
    en: '{{layer}} (village survey area boundary lines): not in the database, so {{count}} lines were made from the boundaries of {{from}} (a boundary shared by two survey areas once); JXLX and JXXZ hold the defaults (meanings unconfirmed), JXSM and BZ are left empty: check and edit them',
  },
  'villageDb.write.referenceLayersLeftOut': {
    zh: '参考图层 {{layers}} 是规划的依据而非村庄规划数据库的图层，未导出',
    en: 'Reference layers {{layers}} are inputs to the plan, not layers of the village planning database, and were not exported',
  },
};
