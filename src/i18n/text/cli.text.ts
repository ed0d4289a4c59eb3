/** The command-line checker (src/cli). */
import type { Texts } from './text.ts';

export const cliText: Texts = {
  'cli.usage': {
    zh: '用法：village-plan check <规划文件或成果包文件夹> [--format text|json] [--strict] [--township <乡级规划文件>] [--profile zhejiang-2017] [--lang zh|en]\n      village-plan tables <规划文件或成果包文件夹> [--format csv|json] [--township <乡级规划文件>] [--lang zh|en]\n      village-plan export <规划文件或成果包文件夹> --out <文件夹|文件.zip> [--encoding gbk|utf-8] [--no-images] [--township <乡级规划文件>] [--lang zh|en]\n      乡级规划文件：.json、.xlsx（“乡级任务”工作表）或管制区 .geojson/.shp\n      --no-images：成果包的 4.图像文件 不生成现状图、规划图 JPG（每张需数秒）',
    en: 'Usage: village-plan check <plan file or package folder> [--format text|json] [--strict] [--township <township file>] [--profile zhejiang-2017] [--lang zh|en]\n       village-plan tables <plan file or package folder> [--format csv|json] [--township <township file>] [--lang zh|en]\n       village-plan export <plan file or package folder> --out <folder|file.zip> [--encoding gbk|utf-8] [--no-images] [--township <township file>] [--lang zh|en]\n       township file: .json, .xlsx (sheet “乡级任务”) or zones as .geojson/.shp\n       --no-images: leave the current and plan map JPGs out of 4.图像文件 (seconds each)',
  },
  'cli.badArguments': { zh: '参数错误：{{detail}}', en: 'Bad arguments: {{detail}}' },
  'cli.unknownProfile': { zh: '未知的规则配置“{{profile}}”，可用：{{known}}', en: 'Unknown profile “{{profile}}”; known: {{known}}' },
  'cli.unreadable': { zh: '无法读取 {{file}}：{{reason}}', en: 'Cannot read {{file}}: {{reason}}' },
  'cli.badTownship': { zh: '乡级规划文件 {{file}} 无法使用：{{reason}}', en: 'Cannot use the township file {{file}}: {{reason}}' },
  'cli.notFound': { zh: '文件或文件夹不存在', en: 'no such file or folder' },
  'cli.tooLarge': { zh: '文件过大（{{sizeMiB}} MiB，上限 {{limitMiB}} MiB）', en: 'the file is too large ({{sizeMiB}} MiB, limit {{limitMiB}} MiB)' },
  'cli.notUtf8': { zh: '文件不是 UTF-8 文本', en: 'the file is not UTF-8 text' },
  'cli.header': { zh: '{{village}}：{{errors}} 个错误，{{warnings}} 个警告，{{justified}} 个已说明，{{notChecked}} 项未检查', en: '{{village}}: {{errors}} error(s), {{warnings}} warning(s), {{justified}} justified, {{notChecked}} not checked' },
  'cli.noIssues': { zh: '未发现问题。', en: 'No issues found.' },
  'cli.notCheckedSummary': { zh: '未检查 {{count}} 项：{{missing}}。', en: '{{count}} not checked: {{missing}}.' },
  'cli.listSeparator': { zh: '；', en: '; ' },
  'cli.missingInput': { zh: '缺少{{what}}', en: 'missing {{what}}' },
  'cli.features': { zh: '要素', en: 'features' },
  'cli.justification': { zh: '规划说明', en: 'justification' },
  'cli.note': { zh: '提示', en: 'Note' },
  'cli.exported': { zh: '已写出{{village}}的成果包：{{count}} 个文件 → {{out}}（{{crs}}，Shapefile 编码 {{encoding}}）', en: 'Wrote the delivery package of {{village}}: {{count}} files → {{out}} ({{crs}}, Shapefile encoding {{encoding}})' },
  'cli.exportFailed': { zh: '无法由 {{file}} 生成成果包：{{reason}}', en: 'Cannot make a delivery package from {{file}}: {{reason}}' },
  'cli.cannotWrite': { zh: '无法写入 {{file}}：{{reason}}。请检查路径和写入权限。', en: 'Cannot write {{file}}: {{reason}}. Check the path and the permissions.' },
};
