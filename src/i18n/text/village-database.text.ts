/** Opening a village planning database saved as one file (`io/village-database/database-file.ts`). */
import type { Texts } from './text.ts';

export const villageDatabaseText: Texts = {
  'villageDb.file.notJson': { zh: '“{{file}}”不是有效的 JSON，无法打开：{{detail}}', en: '“{{file}}” is not valid JSON and cannot be opened: {{detail}}' },
  'villageDb.file.plan2017': { zh: '“{{file}}”是 2017 村土地利用规划文件，不是 2026 村庄规划数据库：请在起始页用“从文件导入…”打开它，再用“转为 2026 村庄规划…”转换。', en: '“{{file}}” is a 2017 village land-use plan file, not a 2026 village planning database: open it with “Import from a file…” on the start page, then use “Turn into a 2026 village plan …”.' },
  'villageDb.file.notADatabase': { zh: '“{{file}}”不是本程序保存的村庄规划数据库文件（缺少 "format": "village-database"）。', en: '“{{file}}” is not a village planning database file saved by this program (no "format": "village-database").' },
  'villageDb.file.badSchemaVersion': { zh: '“{{file}}”的文件版本 {{version}} 无效，无法打开。', en: 'The file version {{version}} of “{{file}}” is not valid; it cannot be opened.' },
  'villageDb.file.tooNew': { zh: '“{{file}}”由更新版本的程序保存（文件版本 {{version}}，本程序支持 {{supported}}），请更新程序后再打开。', en: '“{{file}}” was saved by a newer version of the program (file version {{version}}; this one reads {{supported}}). Update the program to open it.' },
  'villageDb.file.wrongProfile': { zh: '“{{file}}”的规划类型为 {{profile}}，此处只能打开 {{expected}}（2026 村庄规划）的数据库。', en: '“{{file}}” is a plan of type {{profile}}; only {{expected}} (2026 village plan) databases open here.' },
  'villageDb.file.badEdition': { zh: '“{{file}}”没有写明地类编码采用的用地用海分类版本（edition 为 {{edition}}），应为 {{editions}} 之一。版本不能猜测，请在文件中写明。', en: '“{{file}}” does not say which 用地用海 edition its land-use codes are in (edition is {{edition}}); it must be one of {{editions}}. The edition is never guessed: write it in the file.' },
  'villageDb.file.noLayers': { zh: '“{{file}}”没有图层（layers 为 {{found}}），无法打开。', en: '“{{file}}” has no layers (layers is {{found}}); it cannot be opened.' },
  'villageDb.file.unknownLayers': { zh: '“{{file}}”中不认识的图层已跳过：{{layers}}（可用图层：{{known}}）', en: 'Unknown layers in “{{file}}” were skipped: {{layers}} (known layers: {{known}})' },
  'villageDb.file.badLayer': { zh: '“{{file}}”的 {{layer}} 图层不是 GeoJSON 要素集合（FeatureCollection），已跳过。', en: 'The {{layer}} layer of “{{file}}” is not a GeoJSON FeatureCollection and was skipped.' },
  'villageDb.file.notFeatures': { zh: '“{{file}}”的 {{layer}} 图层中 {{count}} 条记录不是 GeoJSON 要素，已跳过：第 {{records}} 条', en: '{{count}} record(s) of the {{layer}} layer of “{{file}}” are not GeoJSON features and were skipped: record(s) {{records}}' },
  'villageDb.file.badGeometry': { zh: '“{{file}}”的 {{layer}} 图层中 {{count}} 个要素缺少图形或图形无效（坐标应为经纬度），已保留属性、不计面积：{{refs}}', en: '{{count}} feature(s) of the {{layer}} layer of “{{file}}” have a missing or broken shape (coordinates must be longitude and latitude); their attributes are kept and they count in no area: {{refs}}' },
  'villageDb.file.valuesAsText': { zh: '“{{file}}”的 {{layer}} 图层中以下字段有非文本、非数字的值，已按文本读取：{{fields}}', en: 'These fields of the {{layer}} layer of “{{file}}” hold values that are neither text nor numbers; they were read as text: {{fields}}' },
  'villageDb.file.badInfo': { zh: '“{{file}}”的村庄信息（info）应为对象，实为 {{found}}，已按未填写处理。', en: 'The village information (info) of “{{file}}” should be an object but is {{found}}; it is treated as not entered.' },
  'villageDb.file.badInfoField': { zh: '“{{file}}”的村庄信息 {{field}} 应为{{expected}}，实为 {{found}}，已按未填写处理。', en: 'Village information {{field}} of “{{file}}” should be {{expected}} but is {{found}}; it is treated as not entered.' },
  'villageDb.file.expected.text': { zh: '文本', en: 'text' },
  'villageDb.file.expected.number': { zh: '不小于 0 的数字', en: 'a number not below 0' },
  'villageDb.file.unknownInfoFields': { zh: '“{{file}}”的村庄信息中不认识的项已忽略：{{fields}}（可用项：{{known}}）', en: 'Unknown village information items in “{{file}}” were ignored: {{fields}} (known items: {{known}})' },
  'villageDb.file.badAllocations': { zh: '“{{file}}”的上级下达指标（allocations）应为对象，实为 {{found}}，已按未填写处理。', en: 'The 上级下达 allocations of “{{file}}” should be an object but are {{found}}; they are treated as not entered.' },
  'villageDb.file.unknownIndicator': { zh: '“{{file}}”的上级下达指标中没有序号为 {{indicator}} 的指标，已忽略。', en: 'The 上级下达 allocations of “{{file}}” name indicator {{indicator}}, which does not exist; ignored.' },
  'villageDb.file.badAllocation': { zh: '“{{file}}”中指标 {{indicator}}（{{name}}）的上级下达值应为数字，实为 {{found}}，已按未填写处理。', en: 'The 上级下达 allocation of indicator {{indicator}} ({{name}}) in “{{file}}” should be a number but is {{found}}; it is treated as not entered.' },
};
