/** The plan's own values of the ⚠ defaults (plan-defaults.ts, `set-plan-defaults.command.ts`, `PlanDefaultsSection.tsx`, the plan file). */
import type { Text, Texts } from './text.ts';

/** A table's two plan-file notes, worded alike for every table. */
const fileTexts = (table: Text, key: Text, value: Text): { readonly notATable: Text; readonly dropped: Text } => ({
  notATable: {
    zh: `“{{file}}”中的${table.zh}应为“${key.zh}: ${value.zh}”的对照表，实为 {{found}}，已忽略，均按默认值。`,
    en: `The ${table.en} in “{{file}}” should map ${key.en} to ${value.en} but are {{found}}; ignored, every entry takes its default.`,
  },
  dropped: {
    zh: `“{{file}}”的${table.zh}中有 {{count}} 项不是“${key.zh} → ${value.zh}（{{types}}）”，已忽略，这些项按默认值：{{entries}}。`,
    en: `{{count}} entries of the ${table.en} in “{{file}}” are not “${key.en} → ${value.en} ({{types}})”; ignored, those take their defaults: {{entries}}.`,
  },
});

const BINDINGS = { zh: '指标约束方向', en: 'binding directions' };
const CATEGORIES = { zh: '三大类归属', en: '三大类 of classes' };
const COLOURS = { zh: '地类颜色', en: 'class colours' };
const CLASS_CODE = { zh: '用地用海（2023）地类代码', en: '用地用海 (2023) class codes' };
const bindingFile = fileTexts(BINDINGS, { zh: '指标序号', en: 'indicator numbers' }, { zh: '约束方向', en: 'directions' });
const categoryFile = fileTexts(CATEGORIES, CLASS_CODE, { zh: '三大类', en: '三大类' });
const colourFile = fileTexts(COLOURS, CLASS_CODE, { zh: '颜色', en: 'colours' });
const tableGroupFile = fileTexts({ zh: '结构调整表小计归属', en: 'structure table subtotals of classes' }, CLASS_CODE, { zh: '小计', en: 'subtotals' });

export const databaseDefaultsText: Texts = {
  'database.defaults.title': { zh: '默认值', en: 'Defaults' },
  'database.defaults.hint': {
    zh: '以下各项尚无浙江官方依据，为默认值，可按本县要求修改，随规划保存；每次修改为一步，可撤销。',
    en: 'The items below are defaults not yet confirmed for Zhejiang: change them as your county requires; they are saved with the plan, and each change is one step you can undo.',
  },
  'database.defaults.default': { zh: '默认值', en: 'default' },
  'database.defaults.changed': { zh: '已修改', en: 'changed' },
  'database.defaults.reset': { zh: '恢复默认值', en: 'Back to the default' },
  'database.defaults.changedVia': { zh: '随上级 {{code}} 修改', en: 'changed with its parent {{code}}' },
  'database.defaults.resetVia': { zh: '恢复 {{code}} 的默认值', en: 'Set {{code}} back to the default' },
  'database.defaults.defaultOption': { zh: '{{value}}（默认值）', en: '{{value}} (default)' },
  'database.defaults.code': { zh: '地类代码', en: 'Code' },
  'database.defaults.name': { zh: '地类名称', en: 'Class' },
  'database.defaults.noParcels': { zh: '规划地类图斑（GHDLTB）与现状地类图斑（JQDLTB）中没有地类。', en: 'The planned and base-year parcels (GHDLTB, JQDLTB) have no class.' },

  'database.defaults.bindings.title': { zh: '约束性指标的约束方向', en: 'Directions of the binding indicators' },
  'database.defaults.bindings.number': { zh: '序号', en: 'No.' },
  'database.defaults.bindings.indicator': { zh: '指标', en: 'Indicator' },
  'database.defaults.bindings.direction': { zh: '规划值与上级下达值', en: 'Plan value against the allocation' },
  'database.defaults.bindings.atMost': { zh: '≤ 不超过下达值', en: '≤ at most the allocation' },
  'database.defaults.bindings.atLeast': { zh: '≥ 不低于下达值', en: '≥ at least the allocation' },
  'database.defaults.bindings.none': { zh: '不约束', en: 'not bound' },
  'database.defaults.bindings.notBound': { zh: '（不约束）', en: ' (not bound)' },
  'database.defaults.bindings.label': { zh: '修改指标约束方向（{{count}} 项）', en: 'Change the binding directions ({{count}})' },
  'database.defaults.bindings.unchanged': { zh: '指标约束方向没有改动。', en: 'The binding directions are unchanged.' },
  'database.defaults.bindings.error.unknownKey': {
    zh: '指标 {{code}} 不是约束方向可改的约束性指标。',
    en: 'Indicator {{code}} is no binding indicator whose direction can be set.',
  },
  'database.defaults.bindings.error.unknownValue': {
    zh: '指标 {{code}} 的约束方向“{{type}}”不存在，应为 {{types}} 之一。',
    en: 'Direction “{{type}}” for indicator {{code}} does not exist: choose one of {{types}}.',
  },
  'database.defaults.bindings.file.notATable': bindingFile.notATable,
  'database.defaults.bindings.file.dropped': bindingFile.dropped,

  'database.defaults.threeCategories.title': { zh: '三大类归属', en: '三大类 (land law categories) of classes' },
  'database.defaults.threeCategories.hint': {
    zh: '三大类用于用地统计，与规划用地结构调整表的建设用地分组不同；06、1703、2301、2302 及湿地的归属尤待确认。',
    en: 'The 三大类 serve the land statistics and differ from the structure table’s construction groups; 06, 1703, 2301, 2302 and the wetland split are the least certain.',
  },
  'database.defaults.threeCategories.area': { zh: '规划面积（公顷）', en: 'Planned area (ha)' },
  'database.defaults.threeCategories.category': { zh: '三大类', en: 'Category' },
  'database.defaults.threeCategories.unassigned': { zh: '未归类', en: 'none' },
  'database.defaults.threeCategories.totals': { zh: '三大类面积（公顷）', en: 'Area by category (ha)' },
  'database.defaults.threeCategories.base': { zh: '现状', en: 'Base year' },
  'database.defaults.threeCategories.target': { zh: '规划', en: 'Target year' },
  'database.defaults.threeCategories.label': { zh: '修改三大类归属（{{count}} 个地类）', en: 'Change the 三大类 of classes ({{count}})' },
  'database.defaults.threeCategories.unchanged': { zh: '三大类归属没有改动。', en: 'The 三大类 of classes are unchanged.' },
  'database.defaults.threeCategories.error.unknownKey': {
    zh: '“{{code}}”不是用地用海分类（2023）的地类代码，不能设置其三大类。',
    en: '“{{code}}” is no class code of the 用地用海 classification (2023): its category cannot be set.',
  },
  'database.defaults.threeCategories.error.unknownValue': {
    zh: '地类 {{code}} 的三大类“{{type}}”不存在，应为 {{types}} 之一。',
    en: 'Category “{{type}}” for class {{code}} does not exist: choose one of {{types}}.',
  },
  'database.defaults.threeCategories.file.notATable': categoryFile.notATable,
  'database.defaults.threeCategories.file.dropped': categoryFile.dropped,

  'database.defaults.classColours.title': { zh: '地类颜色', en: 'Class colours' },
  'database.defaults.classColours.hint': { zh: '地图与图例中规划、现状地类图斑的填充色（浙江符号库颜色，非官方）。', en: 'The fill of planned and base-year parcels on the map and in the legend (the Zhejiang symbology’s colours, not official).' },
  'database.defaults.classColours.colour': { zh: '颜色', en: 'Colour' },
  'database.defaults.classColours.label': { zh: '修改地类颜色（{{count}} 个地类）', en: 'Change the class colours ({{count}})' },
  'database.defaults.classColours.unchanged': { zh: '地类颜色没有改动。', en: 'The class colours are unchanged.' },
  'database.defaults.classColours.error.unknownKey': {
    zh: '“{{code}}”不是用地用海分类（2023）的地类代码，不能设置其颜色。',
    en: '“{{code}}” is no class code of the 用地用海 classification (2023): its colour cannot be set.',
  },
  'database.defaults.classColours.error.unknownValue': {
    zh: '地类 {{code}} 的颜色“{{type}}”应写作 {{types}}（六位十六进制）。',
    en: 'Colour “{{type}}” for class {{code}} should be written {{types}} (six hex digits).',
  },
  'database.defaults.classColours.file.notATable': colourFile.notATable,
  'database.defaults.classColours.file.dropped': colourFile.dropped,

  'database.defaults.tableGroups.title': { zh: '结构调整表未列入小计的地类', en: 'Classes in no subtotal of the structure table' },
  'database.defaults.tableGroups.hint': {
    zh: '浙江规划用地结构调整表模板没有这些地类的行，默认不计入任何小计、只计入总计（是否如此尚待确认）。计入某一小计后，其面积计入该小计及城乡建设用地、建设用地合计，但表中仍无其单独一行（表下注明）。',
    en: 'The Zhejiang structure table template has no row for these classes: by default they count in no subtotal, only in the total (not yet confirmed). Put in a subtotal, their area counts in it and in the 城乡建设用地 and 建设用地 sums, still without a row of their own (a note under the table says so).',
  },
  'database.defaults.tableGroups.none': { zh: '规划与现状图斑中没有这些地类（{{codes}}）。', en: 'The plan’s parcels use none of these classes ({{codes}}).' },
  'database.defaults.tableGroups.area': { zh: '现状 / 规划面积（公顷）', en: 'Base / target area (ha)' },
  'database.defaults.tableGroups.group': { zh: '计入小计', en: 'Counts in' },
  'database.defaults.tableGroups.ungrouped': { zh: '不计入小计', en: 'no subtotal' },
  'database.defaults.tableGroups.note': {
    zh: '{{code}} {{nameZh}} 在模板中没有单独的行：按本规划的设置，现状 {{baseHa}} 公顷、规划 {{targetHa}} 公顷计入“{{subtotal}}”。',
    en: '{{code}} {{nameEn}} has no row of its own in the template: as this plan sets it, base {{baseHa}} ha, target {{targetHa}} ha count in “{{subtotal}}”.',
  },
  'database.defaults.tableGroups.label': { zh: '修改结构调整表小计归属（{{count}} 个地类）', en: 'Change the structure table subtotals of classes ({{count}})' },
  'database.defaults.tableGroups.unchanged': { zh: '结构调整表小计归属没有改动。', en: 'The structure table subtotals of classes are unchanged.' },
  'database.defaults.tableGroups.error.unknownKey': {
    zh: '“{{code}}”不是结构调整表未列入小计的用地地类，不能设置其小计。',
    en: '“{{code}}” is no land class the structure table leaves out of its subtotals: its subtotal cannot be set.',
  },
  'database.defaults.tableGroups.error.unknownValue': {
    zh: '地类 {{code}} 的小计“{{type}}”不存在，应为 {{types}} 之一。',
    en: 'Subtotal “{{type}}” for class {{code}} does not exist: choose one of {{types}}.',
  },
  'database.defaults.tableGroups.file.notATable': tableGroupFile.notATable,
  'database.defaults.tableGroups.file.dropped': tableGroupFile.dropped,
};
