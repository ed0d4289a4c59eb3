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
  'planFile.badFeatures': { zh: '{{count}} 个要素无效（{{list}}）。例如“{{layer}}”中的 {{id}}：{{problem}}。', en: '{{count}} feature(s) are not valid ({{list}}). For example {{id}} in “{{layer}}”: {{problem}}.' },
  'planFile.problem.badId': { zh: '编号不能用作要素编号', en: 'its id cannot be a feature id' },
  'planFile.problem.notObject': { zh: '不是要素记录', en: 'it is not a feature record' },
  'planFile.problem.idOrLayerMismatch': { zh: '记录中的编号或图层与所在位置不符', en: 'the id or layer it records is not where it is stored' },
  'planFile.problem.noGeometry': { zh: '没有图形', en: 'it has no geometry' },
  'planFile.problem.notPoint': { zh: '该图层应为点，图形却不是有效的点', en: 'the layer holds points, and this is not a valid point' },
  'planFile.problem.notPolygon': { zh: '图形类型为 {{type}}，该图层需要面', en: 'its geometry is a {{type}}, where the layer needs a polygon' },
  'planFile.problem.badCoordinates': { zh: '面的坐标不完整或不是数字（每个环至少 4 个点）', en: 'the polygon’s coordinates are incomplete or not numbers (at least 4 positions a ring)' },
  'planFile.problem.notLonLat': { zh: '坐标 {{x}}, {{y}} 不是经纬度（X、Y 对调，或写成了米？）', en: 'the coordinates {{x}}, {{y}} are not longitude/latitude (x and y swapped, or metres?)' },
  'planFile.problem.noProperties': { zh: '没有属性', en: 'it has no attributes' },
  'planFile.problem.badField': { zh: '字段 {{field}} 的值 {{value}} 无效', en: 'the field {{field}} has the value {{value}}, which is not valid' },
  'planFile.problem.idTaken': { zh: '编号已被“{{otherLayer}}”中的要素使用', en: 'its id is already used by a feature of “{{otherLayer}}”' },
  'planFile.metaFieldsReset': {
    zh: '规划文件基本信息（meta）中 {{fields}} 的值无法读取，已按未填写（年份按默认值）处理，请在村庄信息中重新填写；手工编辑文件时，数字不要加引号。',
    en: 'The values of {{fields}} in the plan file’s basic information (meta) could not be read and count as not entered (years take the default); enter them again in the village information. When editing the file by hand, write numbers without quotes.',
  },
  'planFile.unknownLayers': { zh: '已忽略不认识的图层：{{layers}}', en: 'Unknown layers ignored: {{layers}}' },
};
