/** Reading a plan file. */
import type { Texts } from './text.ts';

export const planFileText: Texts = {
  'planFile.notJson': { zh: '文件不是有效的 JSON：{{detail}}', en: 'The file is not valid JSON: {{detail}}' },
  'planFile.empty': {
    zh: '文件是空的（没有任何内容），可能没有保存或复制完整：请找回原文件，或打开备份。',
    en: 'The file is empty (it holds nothing); it may not have been saved or copied completely: find the original file, or open a backup.',
  },
  'planFile.notAPlan': { zh: '这不是本编辑器保存的规划文件。', en: 'This is not a plan file saved by this editor.' },
  'planFile.tooNew': { zh: '规划文件版本 {{version}} 比本程序支持的版本 {{supported}} 新，请更新程序。', en: 'Plan file version {{version}} is newer than the supported version {{supported}}; please update the editor.' },
  'planFile.badId': { zh: '规划文件的编号无效。', en: 'The plan file’s id is not valid.' },
  'planFile.badMeta': { zh: '规划文件的基本信息（{{field}}）无效。', en: 'The plan file’s basic information ({{field}}) is not valid.' },
  'planFile.badLayer': { zh: '图层“{{layer}}”的数据无效。', en: 'The data of layer “{{layer}}” is not valid.' },
  'planFile.badFeatures': { zh: '{{count}} 个要素无效，例如：{{list}}', en: '{{count}} feature(s) are not valid, for example: {{list}}' },
  'planFile.metaFieldsReset': {
    zh: '规划文件基本信息（meta）中 {{fields}} 的值无法读取，已按未填写（年份按默认值）处理，请在村庄信息中重新填写；手工编辑文件时，数字不要加引号。',
    en: 'The values of {{fields}} in the plan file’s basic information (meta) could not be read and count as not entered (years take the default); enter them again in the village information. When editing the file by hand, write numbers without quotes.',
  },
  'planFile.unknownLayers': { zh: '已忽略不认识的图层：{{layers}}', en: 'Unknown layers ignored: {{layers}}' },
};
