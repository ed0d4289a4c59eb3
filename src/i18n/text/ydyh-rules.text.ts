/**
 * The village database checks of the `zhejiang-2026` profile (src/rules/ydyh/): rule names, issue messages
 * and the names they take as parameters (layers, editions, table rows, indicators). Keys `rules.db.*`, so a
 * 2017 rule of the same id never shares a text.
 */
import { INDICATORS } from '../../profiles/zhejiang-2026/indicators.ts';
import { DATABASE_LAYERS } from '../../profiles/zhejiang-2026/layers.ts';
import type { Text, Texts } from './text.ts';

const layerNames: Record<string, Text> = Object.fromEntries(DATABASE_LAYERS.map((l) => [`rules.db.layer.${l.name}`, { zh: `${l.zh}（${l.name}）`, en: `${l.en} (${l.name})` }]));
const indicatorNames: Record<string, Text> = Object.fromEntries(INDICATORS.map((i) => [`rules.db.indicator.${i.number}`, { zh: `${i.number}. ${i.zh}`, en: `${i.number}. ${i.en}` }]));

export const ydyhRulesText: Texts = {
  'rules.db.notChecked': { zh: '未检查：缺少{{missing}}。', en: 'Not checked: missing {{missing}}.' },
  'rules.db.missing.parcelLayers': { zh: '基期地类图斑（JQDLTB）或规划地类图斑（GHDLTB）', en: 'the base-year parcels (JQDLTB) or the planned parcels (GHDLTB)' },
  'rules.db.missing.region': { zh: '村级调查区（CJDCQ），无法检查基期地类图斑的缝隙与重叠', en: 'the village survey area (CJDCQ), so the base parcels cannot be checked for gaps and overlaps' },
  'rules.db.missing.regionOutside': { zh: '村级调查区（CJDCQ），无法检查基期地类图斑是否超出村域', en: 'the village survey area (CJDCQ), so the base parcels cannot be checked for land outside the village' },
  'rules.db.missing.pbfLayer': { zh: '永久基本农田图层（YJJBNT）', en: 'the permanent basic farmland layer (YJJBNT)' },
  'rules.db.missing.redLineLayer': { zh: '生态保护红线图层（STBHHX）', en: 'the ecological red line layer (STBHHX)' },
  'rules.db.missing.gkbj': { zh: '管控边界（GKBJ）', en: 'the control boundaries (GKBJ)' },
  'rules.db.missing.gkbjPolygons': { zh: '管控边界（GKBJ）的图形：{{file}} 中没有带面图形的要素（空图层）', en: 'the control boundaries (GKBJ) as drawn: {{file}} has no feature with a polygon (an empty layer)' },
  'rules.db.missing.villageInfo': { zh: '村庄基本信息表（村庄名称、类型、规划期限、人口等）', en: 'the village information sheet (name, type, plan period, population …)' },
  'rules.db.missing.allocation': { zh: '“{{indicator}}”的上级下达指标', en: 'the allocation from above for “{{indicator}}”' },
  'rules.db.missing.reference.STBHHX': { zh: '生态保护红线图层（STBHHX），无法核算“{{indicator}}”', en: 'the ecological red line layer (STBHHX), so “{{indicator}}” cannot be computed' },
  'rules.db.missing.reference.YJJBNT': { zh: '永久基本农田图层（YJJBNT），无法核算“{{indicator}}”', en: 'the permanent basic farmland layer (YJJBNT), so “{{indicator}}” cannot be computed' },

  ...layerNames,
  'rules.db.layer.YJJBNT': { zh: '永久基本农田（YJJBNT）', en: 'Permanent basic farmland (YJJBNT)' },
  'rules.db.layer.STBHHX': { zh: '生态保护红线（STBHHX）', en: 'Ecological protection red line (STBHHX)' },
  'rules.db.layer.CZKFBJ': { zh: '城镇开发边界（CZKFBJ）', en: 'Urban development boundary (CZKFBJ)' },
  'rules.db.edition.ydyh-2020': { zh: '用地用海分类 2020 试行版', en: 'the 2020 trial edition of the land and sea use classification' },
  'rules.db.edition.ydyh-2023': { zh: '用地用海分类 2023 版', en: 'the 2023 edition of the land and sea use classification' },
  'rules.db.subtotal.nonConstruction': { zh: '非建设用地小计', en: 'Non-construction land subtotal' },
  'rules.db.subtotal.village': { zh: '村庄建设用地小计', en: 'Village construction land subtotal' },
  'rules.db.subtotal.urban': { zh: '城镇建设用地小计', en: 'Town construction land subtotal' },
  'rules.db.subtotal.urbanRural': { zh: '城乡建设用地小计', en: 'Urban and rural construction land subtotal' },
  'rules.db.subtotal.regional': { zh: '区域基础设施用地小计', en: 'Regional infrastructure land subtotal' },
  'rules.db.subtotal.otherConstruction': { zh: '其他建设用地小计', en: 'Other construction land subtotal' },
  'rules.db.subtotal.construction': { zh: '建设用地小计', en: 'Construction land subtotal' },
  'rules.db.subtotal.total': { zh: '总计', en: 'Total' },
  'rules.db.year.base': { zh: '现状基期年', en: 'base year' },
  'rules.db.year.target': { zh: '规划目标年', en: 'target year' },
  'rules.db.info.villageName': { zh: '村庄名称', en: 'village name' },
  'rules.db.info.villageType': { zh: '村庄类型', en: 'village type' },
  'rules.db.info.planPeriod': { zh: '规划期限', en: 'plan period' },
  'rules.db.info.basePopulation': { zh: '现状人口', en: 'base-year population' },
  'rules.db.info.targetPopulation': { zh: '规划人口', en: 'target-year population' },
  'rules.db.info.baseHeritage': { zh: '现状自然和文化遗产', en: 'natural and cultural heritage sites (base year)' },
  'rules.db.info.targetHeritage': { zh: '规划自然和文化遗产', en: 'natural and cultural heritage sites (target year)' },
  ...indicatorNames,

  'rules.db.inputs-complete.name': { zh: '输入数据齐全', en: 'Inputs complete' },
  'rules.db.inputs-complete.layerMissing': { zh: '缺少图层“{{layer}}”，无法编制规划用地结构调整表。', en: 'The layer “{{layer}}” is missing, so the land-use structure table cannot be made.' },
  'rules.db.inputs-complete.layerEmpty': { zh: '图层“{{layer}}”（{{file}}）没有要素。', en: 'The layer “{{layer}}” ({{file}}) has no features.' },
  'rules.db.inputs-complete.fieldMissing': { zh: '图层“{{layer}}”（{{file}}）缺少字段 {{field}}。', en: 'The layer “{{layer}}” ({{file}}) has no field {{field}}.' },
  'rules.db.inputs-complete.referenceEmptyAllocated': { zh: '“{{layer}}”（{{file}}）中没有带面图形的要素，而上级下达了 {{allocationHa}} 公顷：相关指标按 0 计，相关检查无可检查。请补齐该图层。', en: '“{{layer}}” ({{file}}) has no feature with a polygon, while the township allocates {{allocationHa}} ha: its indicator counts as 0 and the checks that need it find nothing. Fill the layer.' },
  'rules.db.inputs-complete.referenceEmptyDrawn': { zh: '“{{layer}}”（{{file}}）中没有带面图形的要素，而管控边界（GKBJ）画有此类用地（{{gkbjType}}）：相关指标按 0 计，相关检查无可检查。请补齐该图层。', en: '“{{layer}}” ({{file}}) has no feature with a polygon, while the control boundaries (GKBJ) draw such land ({{gkbjType}}): its indicator counts as 0 and the checks that need it find nothing. Fill the layer.' },
  'rules.db.inputs-complete.referenceMissing': { zh: '未提供“{{layer}}”：相关指标按 0 计，相关检查无法进行。', en: '“{{layer}}” was not given: its indicators count as 0 and the checks that need it cannot run.' },

  'rules.db.geometry-valid.name': { zh: '图形有效', en: 'Geometry valid' },
  'rules.db.geometry-valid.message': { zh: '“{{layer}}”中 {{ref}} 的图形无效：{{problem}}（共 {{count}} 处）。缝隙与重叠检查按其修复后的图形计算。', en: 'The shape of {{ref}} in “{{layer}}” is invalid: {{problem}} ({{count}} place(s)). The gap and overlap checks count it as repaired.' },
  'rules.db.geometry-valid.noShape': { zh: '“{{layer}}”中 {{ref}} 没有图形（只有属性记录）：它不在图上，也不计入任何面积与检查。请补画图形或删除该记录。', en: '{{ref}} in “{{layer}}” has no shape (an attribute record only): it is not on the map and counts in no area or check. Draw its shape or delete the record.' },

  'rules.db.no-overlap.name': { zh: '图斑无重叠', en: 'No overlaps' },
  'rules.db.no-overlap.message': { zh: '“{{layer}}”中 {{a}} 与 {{b}} 重叠 {{areaM2}} m²（平均宽 {{widthM}} m）。', en: '{{a}} and {{b}} of “{{layer}}” overlap by {{areaM2}} m² (mean width {{widthM}} m).' },
  'rules.db.no-overlap.overlayFailed': { zh: '图形运算失败，无法检查“{{layer}}”此处的重叠：{{detail}}', en: 'A geometry operation failed, so overlaps of “{{layer}}” could not be checked here: {{detail}}' },

  'rules.db.inside-village.name': { zh: '图斑不超出村域', en: 'Inside the village' },
  'rules.db.inside-village.message': { zh: '“{{layer}}”有一处 {{areaM2}} m² 超出村域（村级调查区，或其所据图层）（平均宽 {{widthM}} m）。', en: '“{{layer}}” reaches {{areaM2}} m² outside the village (the survey area, or the layer it was made from) (mean width {{widthM}} m).' },
  'rules.db.inside-village.misaligned': {
    zh: '“{{region}}”与“{{layer}}”整体错位：{{count}} 个要素沿其界线超出，合计 {{areaM2}} m²，平均宽 {{minWidthM}}–{{maxWidthM}} m，所沿界线长 {{alongM}} m。“{{region}}”可能来自另一次测量或不同的坐标转换参数，请先核对其来源，而不是逐个修改图斑。',
    en: '“{{region}}” is off “{{layer}}” all along: {{count}} features reach out along {{alongM}} m of its edge, {{areaM2}} m² in all, mean width {{minWidthM}}–{{maxWidthM}} m. “{{region}}” may come from another survey or other transformation parameters: check where it came from before editing features one by one.',
  },
  'rules.db.inside-village.overlayFailed': { zh: '图形运算失败，无法检查“{{layer}}”此处是否超出村域：{{detail}}', en: 'A geometry operation failed, so “{{layer}}” could not be checked here for land outside the village: {{detail}}' },
  'rules.db.no-gap.name': { zh: '图斑无缝隙', en: 'No gaps' },
  'rules.db.no-gap.message': { zh: '“{{layer}}”有一处 {{areaM2}} m² 的缝隙（平均宽 {{widthM}} m），未被任何图斑覆盖。', en: '“{{layer}}” leaves a gap of {{areaM2}} m² (mean width {{widthM}} m) that no feature covers.' },
  'rules.db.no-gap.widenedTolerance': {
    zh: '“{{layer}}”的{{grid}}：图斑相接处的顶点因取整最多偏离 {{roundingM}} m，大于缝隙、重叠检查的容差 {{surveyToleranceM}} m。为不把取整报成缝隙和重叠，本图层按 {{toleranceM}} m 的容差检查，更窄的缝隙和重叠不会报出；如需按 {{surveyToleranceM}} m 检查，请对方按原精度重新导出。',
    en: '“{{layer}}” {{grid}}: rounding moves a vertex where features meet by up to {{roundingM}} m, more than the {{surveyToleranceM}} m tolerance of the gap and overlap checks. So that the rounding is not reported as gaps and overlaps, the layer is checked at {{toleranceM}} m, and narrower gaps and overlaps are not reported; to check it at {{surveyToleranceM}} m, ask for an export at full precision.',
  },
  'rules.db.coverageGrid.lonLat': { zh: '经纬度只保留了 {{decimals}} 位小数', en: 'keeps its longitudes and latitudes to {{decimals}} decimals' },
  'rules.db.coverageGrid.gk': { zh: '高斯-克吕格坐标只保留到 {{stepM}} m', en: 'keeps its Gauss-Krüger coordinates to {{stepM}} m' },
  'rules.db.no-gap.overlayFailed': { zh: '图形运算失败，无法检查“{{layer}}”此处的缝隙：{{detail}}', en: 'A geometry operation failed, so gaps of “{{layer}}” could not be checked here: {{detail}}' },

  'rules.db.ydyh-code-valid.name': { zh: '用地用海编码正确', en: 'Land use codes valid' },
  'rules.db.ydyh-code-valid.codeMissing': { zh: 'BM错误：“{{layer}}”中 {{count}} 个图斑没有地类编码（{{refs}}）。', en: 'Code missing: {{count}} parcel(s) of “{{layer}}” have no land code ({{refs}}).' },
  'rules.db.ydyh-code-valid.codeInvalid': { zh: 'BM错误：“{{layer}}”中 {{count}} 个图斑的编码 {{code}} 不是用地用海分类编码（{{refs}}）。', en: 'Wrong code: {{code}} on {{count}} parcel(s) of “{{layer}}” is no land and sea use code ({{refs}}).' },
  'rules.db.ydyh-code-valid.codeLostZero': {
    zh: 'BM错误：“{{layer}}”中 {{count}} 个图斑的编码 {{code}} 不是用地用海分类编码，应是丢了开头“0”的 {{expected}}：编码字段存成了数值型，请改为文本型并补回“0”（{{refs}}）。',
    en: 'Wrong code: {{code}} on {{count}} parcel(s) of “{{layer}}” is no land and sea use code; it is {{expected}} without its leading “0”: the code field was stored as a number; make it text and put the “0” back ({{refs}}).',
  },
  'rules.db.ydyh-code-valid.seaCode': { zh: '“{{layer}}”中 {{count}} 个图斑的编码 {{code}} 为用海分类，村庄规划的陆域图斑不应使用（{{refs}}）。', en: '{{code}} on {{count}} parcel(s) of “{{layer}}” is a sea-use class, not for land parcels of a village plan ({{refs}}).' },
  'rules.db.ydyh-code-valid.nameInvalid': { zh: 'MC错误：“{{layer}}”中 {{count}} 个图斑的地类名称“{{name}}”不是用地用海分类名称，编码 {{code}} 应为“{{expected}}”（{{refs}}）。', en: 'Wrong name: “{{name}}” on {{count}} parcel(s) of “{{layer}}” is no class name; code {{code}} is “{{expected}}” ({{refs}}).' },
  'rules.db.ydyh-code-valid.mismatch': { zh: 'BM和MC不匹配：“{{layer}}”中 {{count}} 个图斑编码为 {{code}}（{{expected}}），名称却是“{{name}}”（{{refs}}）。', en: 'Code and name disagree: {{count}} parcel(s) of “{{layer}}” are coded {{code}} ({{expected}}) but named “{{name}}” ({{refs}}).' },

  'rules.db.ydyh-edition-declared.name': { zh: '编码版本与声明一致', en: 'Code edition as declared' },
  'rules.db.ydyh-edition-declared.otherEdition': {
    zh: '数据声明为{{declared}}，但“{{layer}}”中 {{count}} 个图斑使用了只在{{other}}中存在的编码 {{codes}}（{{refs}}）：请核对数据所用版本，可能应声明为{{other}}。',
    en: 'The data are declared as {{declared}}, but {{count}} parcel(s) of “{{layer}}” use codes that exist only in {{other}}: {{codes}} ({{refs}}). Check which edition the data use; they may need declaring as {{other}}.',
  },
  'rules.db.ydyh-edition-declared.sandiaoCodes': {
    zh: '“{{layer}}”中有三调工作分类才有的编码 {{codes}}：该图层似乎直接沿用了三调地类编码，未转换为用地用海编码。三调与用地用海许多编码相同而含义不同，其中 {{movedCount}} 个图斑的编码（{{movedCodes}}）按用地用海读取会计入其他地类（如三调 0702 农村宅基地在用地用海中是城镇社区服务设施用地，应为 0703）。请按三调→用地用海对照表转换整个图层后再检查（{{refs}}）。',
    en: '“{{layer}}” holds codes only the 三调 survey classification has: {{codes}}. The layer seems to keep its 三调 codes unconverted to 用地用海. Many codes mean different classes in the two schemes: {{movedCount}} parcel(s) coded {{movedCodes}} are counted in another class when read as 用地用海 (三调 0702 农村宅基地 is 用地用海 0702 城镇社区服务设施用地; it should be 0703). Convert the whole layer through the 三调 → 用地用海 table and check again ({{refs}}).',
  },
  'rules.db.ydyh-edition-declared.collision': {
    zh: '“{{layer}}”中 {{count}} 个图斑使用编码 {{code}}，其含义两版不同：2023 版为“{{name2023}}”，2020 试行版为“{{name2020}}”。当前按{{declared}}读取，请确认版本声明无误。',
    en: '{{count}} parcel(s) of “{{layer}}” use code {{code}}, which means “{{name2023}}” in 2023 and “{{name2020}}” in the 2020 trial edition. They are read as {{declared}}: confirm the declared edition.',
  },

  'rules.db.ydyh-table-level.name': { zh: '编码细到结构调整表行', en: 'Codes detailed enough for the table' },
  'rules.db.ydyh-table-level.tooCoarse': {
    zh: '编码 {{code}}（{{name}}）比规划用地结构调整表的行粗：只计入“{{subtotal}}”，不计入任何明细行（基期 {{baseHa}} 公顷，规划 {{targetHa}} 公顷）。请细分到表中的三级地类。',
    en: 'Code {{code}} ({{name}}) is coarser than the rows of the structure table: it counts in “{{subtotal}}” but in no row (base {{baseHa}} ha, plan {{targetHa}} ha). Refine it to the table’s level.',
  },
  'rules.db.ydyh-table-level.ungrouped': {
    zh: '编码 {{code}}（{{name}}）不属于规划用地结构调整表的任何小计，只计入总计（基期 {{baseHa}} 公顷，规划 {{targetHa}} 公顷）。',
    en: 'Code {{code}} ({{name}}) is in no subtotal of the structure table and counts in the total only (base {{baseHa}} ha, plan {{targetHa}} ha).',
  },
  'rules.db.ydyh-table-level.partsDoNotSum': {
    zh: '{{year}}“{{row}}”为 {{valueHa}} 公顷，其分项合计 {{partsHa}} 公顷（差 {{differenceHa}} 公顷）。',
    en: '“{{row}}” at the {{year}} is {{valueHa}} ha, its parts add up to {{partsHa}} ha (difference {{differenceHa}} ha).',
  },

  'rules.db.totals-equal.name': { zh: '基期与规划总面积一致', en: 'Base and plan totals equal' },
  'rules.db.totals-equal.message': { zh: '规划用地总面积 {{targetHa}} 公顷与基期 {{baseHa}} 公顷不等（差 {{differenceHa}} 公顷）。', en: 'The planned land totals {{targetHa}} ha, the base year {{baseHa}} ha (difference {{differenceHa}} ha).' },
  'rules.db.totals-equal.withVillage': {
    zh: '规划用地总面积 {{targetHa}} 公顷、基期 {{baseHa}} 公顷与村级调查区面积 {{villageHa}} 公顷不全相等（规划与基期差 {{differenceHa}} 公顷，基期与调查区差 {{villageDifferenceHa}} 公顷）。',
    en: 'The planned land ({{targetHa}} ha), the base year ({{baseHa}} ha) and the village survey area ({{villageHa}} ha) differ (plan − base {{differenceHa}} ha, base − survey area {{villageDifferenceHa}} ha).',
  },

  'rules.db.jzq-not-above-village-land.name': { zh: '集中建设区不超过村庄建设用地', en: 'Concentrated construction area within village land' },
  'rules.db.jzq-not-above-village-land.message': {
    zh: '村庄集中建设区 {{jzqHa}} 公顷，大于规划村庄建设用地 {{villageHa}} 公顷（超出 {{overHa}} 公顷）。',
    en: 'The village concentrated construction area, {{jzqHa}} ha, is larger than the planned village construction land, {{villageHa}} ha (by {{overHa}} ha).',
  },

  'rules.db.bsm-format.name': { zh: '标识码格式', en: 'Identifier format' },
  'rules.db.bsm-format.missing': { zh: '“{{layer}}”中 {{count}} 个要素没有标识码（{{refs}}）。', en: '{{count}} feature(s) of “{{layer}}” have no identifier (BSM) ({{refs}}).' },
  'rules.db.bsm-format.malformed': { zh: '“{{layer}}”中 {{count}} 个要素的标识码不是 20 位数字（{{refs}}）。', en: 'The identifier (BSM) of {{count}} feature(s) of “{{layer}}” is not 20 digits ({{refs}}).' },
  'rules.db.bsm-format.wrongPrefix': { zh: '“{{layer}}”中 {{count}} 个要素的标识码不以本村行政区代码 {{xzqdm}} 开头（{{refs}}）。', en: 'The identifier (BSM) of {{count}} feature(s) of “{{layer}}” does not start with the village code {{xzqdm}} ({{refs}}).' },
  'rules.db.bsm-format.duplicate': { zh: '“{{layer}}”中 {{count}} 个要素的标识码与本层其他要素重复（{{refs}}）。', en: 'The identifier (BSM) of {{count}} feature(s) of “{{layer}}” repeats another in the layer ({{refs}}).' },

  'rules.db.codes-in-lists.name': { zh: '代码在代码表内', en: 'Codes in their lists' },
  'rules.db.codes-in-lists.notInList': { zh: '“{{layer}}”中 {{count}} 个要素的 {{field}} 为 {{value}}，不在代码表内（应为 {{allowed}}）（{{refs}}）。', en: '{{field}} of {{count}} feature(s) of “{{layer}}” is {{value}}, not in its list ({{allowed}}) ({{refs}}).' },
  'rules.db.codes-in-lists.lostZero': {
    zh: '“{{layer}}”中 {{count}} 个要素的 {{field}} 为 {{value}}，不在代码表内，应是丢了开头“0”的 {{expected}}：该字段存成了数值型，请改为文本型并补回“0”（{{refs}}）。',
    en: '{{field}} of {{count}} feature(s) of “{{layer}}” is {{value}}, not in its list; it is {{expected}} without its leading “0”: the field was stored as a number; make it text and put the “0” back ({{refs}}).',
  },
  'rules.db.codes-in-lists.blank': { zh: '“{{layer}}”中 {{count}} 个要素的 {{field}} 为空（应为 {{allowed}}）（{{refs}}）。', en: '{{field}} of {{count}} feature(s) of “{{layer}}” is empty (one of {{allowed}}) ({{refs}}).' },

  'rules.db.village-info-complete.name': { zh: '村庄基本信息齐全', en: 'Village information complete' },
  'rules.db.village-info-complete.missing': { zh: '村庄基本信息缺少“{{field}}”。', en: 'The village information has no {{field}}.' },
  'rules.db.village-info-complete.nameWithoutCounty': { zh: '村庄名称“{{name}}”未含所在市、县（区）名称，图件标题将不完整。', en: 'The village name “{{name}}” does not name its city or county, so the map titles will be incomplete.' },

  'rules.db.binding-indicators.name': { zh: '约束性指标落实', en: 'Binding indicators met' },
  'rules.db.binding-indicators.atMost': { zh: '“{{indicator}}”规划 {{valueHa}} 公顷，超过上级下达 {{allocationHa}} 公顷（超出 {{differenceHa}} 公顷）。', en: '“{{indicator}}” is {{valueHa}} ha in the plan, above the allocation of {{allocationHa}} ha (by {{differenceHa}} ha).' },
  'rules.db.binding-indicators.atLeast': { zh: '“{{indicator}}”规划 {{valueHa}} 公顷，低于上级下达 {{allocationHa}} 公顷（差 {{differenceHa}} 公顷）。', en: '“{{indicator}}” is {{valueHa}} ha in the plan, below the allocation of {{allocationHa}} ha (short by {{differenceHa}} ha).' },
  'rules.db.binding-indicators.overlayFailed': { zh: '图形运算失败，未能核算“{{indicator}}”：{{detail}}', en: 'A geometry operation failed, so “{{indicator}}” could not be computed: {{detail}}' },

  'rules.db.pbf-kept.name': { zh: '永久基本农田不被占用', en: 'Permanent basic farmland kept' },
  'rules.db.pbf-kept.message': { zh: '“{{layer}}”中 {{ref}}（{{code}}）是建设用地，有 {{areaM2}} m² 规划在永久基本农田上。', en: '{{ref}} ({{code}}) of “{{layer}}” is construction land, {{areaM2}} m² of it on permanent basic farmland.' },
  'rules.db.pbf-kept.overlayFailed': { zh: '图形运算失败，未能检查永久基本农田：{{detail}}', en: 'A geometry operation failed, so the permanent basic farmland could not be checked: {{detail}}' },

  'rules.db.redline-kept.name': { zh: '生态保护红线内不新增建设', en: 'Nothing new inside the ecological red line' },
  'rules.db.redline-kept.message': { zh: '“{{layer}}”中 {{ref}}（{{code}}）在生态保护红线内新增建设用地 {{areaM2}} m²（基期此处不是建设用地）。', en: '{{ref}} ({{code}}) of “{{layer}}” adds {{areaM2}} m² of construction land inside the ecological red line (no construction land there in the base year).' },
  'rules.db.redline-kept.overlayFailed': { zh: '图形运算失败，未能检查生态保护红线：{{detail}}', en: 'A geometry operation failed, so the ecological red line could not be checked: {{detail}}' },

  'rules.db.village-land-in-boundary.name': { zh: '村庄建设用地在村庄建设边界内', en: 'Village land inside the village construction boundary' },
  'rules.db.village-land-in-boundary.message': {
    zh: '“{{layer}}”中 {{ref}}（{{code}}）有 {{outsideM2}} m² 位于村庄建设边界（集中建设区与弹性发展区）之外。',
    en: '{{ref}} ({{code}}) of “{{layer}}” lies {{outsideM2}} m² outside the village construction boundary (concentrated construction and flexible development areas).',
  },
  'rules.db.village-land-in-boundary.overlayFailed': { zh: '图形运算失败，无法检查此处：{{detail}}', en: 'A geometry operation failed, so this place could not be checked: {{detail}}' },
};
