/** The village information and the 上级下达 allocations a planner enters in the 2026 view (`set-village-info.command.ts`, `VillageInfoPanel.tsx`). */
import type { Texts } from './text.ts';

export const databaseInfoText: Texts = {
  'database.tab.info': { zh: '村庄信息', en: 'Village' },
  'database.info.title': { zh: '村庄信息与上级下达指标', en: 'Village information and allocations from above' },
  'database.info.hint': {
    zh: '留空表示未填写。人口、遗产处数填不小于 0 的整数；上级下达指标以公顷计，规划值须满足所示方向（≤ 不超过，≥ 不低于）。',
    en: 'Leave blank for not given. Population and heritage sites are whole numbers, 0 or more; allocations are in hectares, and the plan must keep the direction shown (≤ at most, ≥ at least).',
  },
  'database.info.allocations': { zh: '上级下达指标（约束性）', en: 'Allocations from above (binding)' },
  'database.info.allocationLabel': { zh: '{{indicator}}（公顷，规划值 {{direction}} 下达值）', en: '{{indicator}} (ha, plan {{direction}} allocation)' },
  'database.info.default': { zh: '默认值', en: 'default' },
  'database.info.defaultHint': { zh: '指标及其约束方向为默认值，尚无浙江官方依据。', en: 'The indicator and its direction are defaults, not yet confirmed for Zhejiang.' },
  'database.info.typeNone': { zh: '（未填写）', en: '(not given)' },
  'database.info.typeKept': { zh: '{{type}}（原值，不在国家四类中）', en: '{{type}} (as read; not one of the four national types)' },
  'database.info.apply': { zh: '应用', en: 'Apply' },
  'database.info.label': { zh: '修改村庄信息与上级下达指标（{{count}} 项）', en: 'Change the village information and allocations ({{count}})' },
  'database.info.unchanged': { zh: '没有改动。', en: 'Nothing changed.' },
  'database.info.error.count': { zh: '“{{field}}”应填不小于 0 的整数，或留空。', en: '“{{field}}” takes a whole number, 0 or more, or blank.' },
  'database.info.error.villageType': {
    zh: '村庄类型“{{given}}”不可识别，应为 {{types}} 之一（也接受 CCTool 的写法，如“{{alias}}”）。',
    en: 'Village type “{{given}}” is not recognised: choose one of {{types}} (CCTool’s wordings such as {{alias}} are accepted too).',
  },
  'database.info.error.planPeriod': {
    zh: '规划期限“{{given}}”应写作“起始年-目标年”，如 2021-2035（目标年晚于起始年）。',
    en: 'Plan period “{{given}}” should read “start year-target year”, e.g. 2021-2035 (the target year after the start).',
  },
  'database.info.error.allocation': { zh: '“{{indicator}}”的上级下达指标应填不小于 0 的数（公顷），或留空。', en: 'The allocation for “{{indicator}}” takes a number of hectares, 0 or more, or blank.' },
  'database.info.error.notAllocated': { zh: '第 {{number}} 项指标没有上级下达值（只有约束性指标 {{numbers}} 有）。', en: 'Indicator {{number}} takes no allocation from above (only the binding indicators {{numbers}} do).' },
};
