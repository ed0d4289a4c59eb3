/** The planner's own 管控边界 type of each planned class (`set-control-types.command.ts`, `ControlTypeTable.tsx`, the plan file). */
import type { Texts } from './text.ts';

export const databaseControlTypesText: Texts = {
  'database.controlTypes.title': { zh: '管控类型对照（默认值）', en: 'Control types of classes (defaults)' },
  'database.controlTypes.hint': {
    zh: '各地类划入哪类管控边界的默认对照尚无浙江官方依据，可按本县要求修改，随规划保存。修改在下次“由规划用地生成管控边界”时生效；永久基本农田、生态保护红线及所属边界类型（SSBJLX）仍优先。',
    en: 'Which control boundary each class falls in is a default not yet confirmed for Zhejiang: change it as your county requires; it is saved with the plan. A change takes effect the next time the control boundaries are derived from planned land; the PBF, the red line and the boundary type (SSBJLX) still come first.',
  },
  'database.controlTypes.code': { zh: '地类代码', en: 'Code' },
  'database.controlTypes.name': { zh: '地类名称', en: 'Class' },
  'database.controlTypes.area': { zh: '面积（公顷）', en: 'Area (ha)' },
  'database.controlTypes.type': { zh: '管控边界类型', en: 'Control boundary type' },
  'database.controlTypes.none': { zh: '（不划入，由规划人员决定）', en: '(none: the planner decides)' },
  'database.controlTypes.default': { zh: '默认值', en: 'default' },
  'database.controlTypes.defaultOption': { zh: '{{type}}（默认值）', en: '{{type}} (default)' },
  'database.controlTypes.changed': { zh: '已修改', en: 'changed' },
  'database.controlTypes.reset': { zh: '恢复默认值', en: 'Back to the default' },
  'database.controlTypes.apply': { zh: '应用', en: 'Apply' },
  'database.controlTypes.noParcels': { zh: '规划地类图斑（GHDLTB）中没有可对照的地类。', en: 'The planned parcels (GHDLTB) have no class to type.' },
  'database.controlTypes.label': { zh: '修改管控类型对照（{{count}} 个地类）', en: 'Change the control types of classes ({{count}})' },
  'database.controlTypes.unchanged': { zh: '管控类型对照没有改动。', en: 'The control types of classes are unchanged.' },
  'database.controlTypes.error.unknownClass': {
    zh: '“{{code}}”不是用地用海分类（2023）的地类代码，不能设置其管控边界类型。',
    en: '“{{code}}” is no class code of the 用地用海 classification (2023): its control boundary type cannot be set.',
  },
  'database.controlTypes.error.unknownType': {
    zh: '地类 {{code}} 的管控边界类型“{{type}}”不存在，应为 {{types}} 之一。',
    en: 'Control boundary type “{{type}}” for class {{code}} does not exist: choose one of {{types}}.',
  },
  'database.controlTypes.file.notATable': {
    zh: '“{{file}}”中的管控类型对照（controlTypes）应为“地类代码: 管控边界类型”的对照表，实为 {{found}}，已忽略，各地类按默认值划定。',
    en: 'The control types of classes (controlTypes) in “{{file}}” should map class codes to control boundary types but are {{found}}; ignored, every class takes its default.',
  },
  'database.controlTypes.file.dropped': {
    zh: '“{{file}}”的管控类型对照中有 {{count}} 项不是“用地用海（2023）地类代码 → 管控边界类型（{{types}}）”，已忽略，这些地类按默认值划定：{{entries}}。',
    en: '{{count}} entries of the control types of classes in “{{file}}” are not “用地用海 (2023) class code → control boundary type ({{types}})”; ignored, those classes take their defaults: {{entries}}.',
  },
};
