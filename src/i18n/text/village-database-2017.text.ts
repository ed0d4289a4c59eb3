/** From a 2017 village plan to a 2026 village planning database (`io/village-database/from-2017-plan.ts`). */
import type { Texts } from './text.ts';

export const villageDatabase2017Text: Texts = {
  'villageDb.from2017.restAfterSurvey': {
    zh: '另有 {{decided}} 个图斑已按其基期三调地类确定 2023 代码，此处只列其余图斑',
    en: '{{decided}} more parcels took their 2023 code from their 三调 survey class; only the rest are listed here',
  },
  'villageDb.from2017.keptInBz': {
    zh: '用地用海 2023 分类不区分“{{name}}”：已写入这些图斑的备注 BZ（本软件的做法，默认值）',
    en: 'The 2023 用地用海 classification does not say “{{name}}”: it is kept in these parcels’ BZ (remarks), our practice (a default)',
  },
  'villageDb.from2017.notSaid': {
    zh: '2023 代码无法完整表达 2017 地类“{{name}}”的含义（如城镇属性只能由浙江结构调整表按代码体现），请按实际用途选择',
    en: 'No 2023 code says all that the 2017 class “{{name}}” does (a town attribute shows only through the codes the Zhejiang structure table counts as town): choose by actual use',
  },
  'villageDb.from2017.invalidDecisions': {
    zh: '以下选择不是该地类可选的 2023 代码，或该地类不在审核清单中：{{decisions}}。请重新选择',
    en: 'These choices are not 2023 codes offered for their class, or the class is not in the review list: {{decisions}}. Choose again',
  },
  'villageDb.from2017.undecided': {
    zh: '还有 {{count}} 类 2017 地类没有选定 2023 代码：{{groups}}。请在审核清单中逐类选择后再转换',
    en: '{{count}} 2017 classes have no 2023 code chosen yet: {{groups}}. Choose one for each in the review list, then convert',
  },
  'villageDb.from2017.noVillageCode': {
    zh: '规划的村代码“{{code}}”不是 12 位行政区代码，无法编制数据库的标识码 BSM。请在规划信息中填写村代码',
    en: 'The plan’s village code “{{code}}” is not a 12-digit XZQDM, so no BSM can be made for the database. Fill in the village code in the plan’s details',
  },
  'villageDb.from2017.notDissolved': {
    zh: '无法合并 {{what}} 的图形（{{reason}}）。请检查并修复该处图斑的几何后再转换',
    en: 'Could not merge the shapes of {{what}} ({{reason}}). Check and repair the parcels’ geometry there, then convert again',
  },
};
