/**
 * The 2017 notice's legend and its tap sentences: what the plan changes on a plot, in villagers' words. The
 * village boundary's entry and the sentences both notices say (no plot here, outside the village) stay in
 * i18n/text/notice.text.ts.
 */
import type { Texts } from '../../wording.ts';

export const zhejiang2017NoticeText: Texts = {
  'notice.legend.hint': { zh: '点地图上的任意地块，就能看到那里的变化。', en: 'Tap any plot on the map to see what changes there.' },
  'notice.legend.demolitionToFarmland': { zh: '拆旧复垦为耕地', en: 'Old buildings removed, land back to farmland' },
  'notice.legend.demolitionToGreen': { zh: '拆旧复垦为园地或林地', en: 'Old buildings removed, land back to orchard or forest' },
  'notice.legend.demolitionToWater': { zh: '拆旧复垦为水面', en: 'Old buildings removed, land back to water' },
  'notice.legend.demolitionToPublic': { zh: '拆旧后作村庄公共空间', en: 'Old buildings removed for village public space' },
  'notice.legend.newHomes': { zh: '新建农房', en: 'New village homes' },
  'notice.legend.newBuild': { zh: '新建公共设施或其他建设', en: 'New public facilities or other buildings' },
  'notice.legend.newFarmland': { zh: '整治新增耕地', en: 'New farmland from land consolidation' },
  'notice.legend.useChange': { zh: '其他用途调整', en: 'Other change of use' },
  'notice.legend.facility': { zh: '设施农用地（大棚、养殖等）', en: 'Farm facilities (greenhouses, livestock…)' },
  'notice.legend.pbf': { zh: '永久基本农田（不能建房）', en: 'Permanent basic farmland (no building)' },
  'notice.legend.reserve': { zh: '基本农田整备区', en: 'Basic farmland reserve' },

  'notice.tap.unknownLand': { zh: '未登记用地', en: 'unrecorded land' },
  'notice.tap.unchanged': { zh: '这块地现在是{{from}}（图斑 {{no}}，约 {{m2}} 平方米，合 {{mu}} 亩），规划不变。', en: 'This plot is {{from}} today (plot {{no}}, about {{m2}} m², {{mu}} mu) and stays as it is.' },
  'notice.tap.pbf': { zh: '这块地是永久基本农田（{{from}}，图斑 {{no}}，约 {{mu}} 亩），规划不变，不能建房。', en: 'This plot is permanent basic farmland ({{from}}, plot {{no}}, about {{mu}} mu): it stays farmland and no building is allowed.' },
  'notice.tap.demolition': { zh: '这里的{{from}}（{{no}}，约 {{m2}} 平方米）将拆除，复垦为{{to}}。', en: 'The {{from}} here ({{no}}, about {{m2}} m²) will be removed and the land returned to {{to}}.' },
  'notice.tap.demolitionToPublic': { zh: '这里的{{from}}（{{no}}，约 {{m2}} 平方米）将拆除，留作村庄公共空间（{{to}}）。', en: 'The {{from}} here ({{no}}, about {{m2}} m²) will be removed and kept as village public space ({{to}}).' },
  'notice.tap.newHomesUncounted': { zh: '这里规划新建农房（{{no}}，约 {{m2}} 平方米），现在是{{from}}。', en: 'New village homes are planned here ({{no}}, about {{m2}} m²); today it is {{from}}.' },
  'notice.tap.newHomes': { zh: '这里规划新建农房（{{no}}，约 {{households}} 户，约 {{m2}} 平方米），现在是{{from}}。', en: 'New village homes are planned here ({{no}}, about {{households}} households, about {{m2}} m²); today it is {{from}}.' },
  'notice.tap.newBuild': { zh: '这里规划新建{{to}}（{{no}}，约 {{m2}} 平方米），现在是{{from}}。', en: 'New {{to}} is planned here ({{no}}, about {{m2}} m²); today it is {{from}}.' },
  'notice.tap.newFarmland': { zh: '这里将由{{from}}整治为{{to}}，新增耕地约 {{mu}} 亩（{{no}}）。', en: 'This {{from}} will be consolidated into {{to}}, about {{mu}} mu of new farmland ({{no}}).' },
  'notice.tap.useChange': { zh: '这里将由{{from}}调整为{{to}}（{{no}}，约 {{m2}} 平方米）。', en: 'This {{from}} will become {{to}} ({{no}}, about {{m2}} m²).' },
  'notice.tap.facility': { zh: '这里规划为设施农用地（{{type}}，约 {{m2}} 平方米），现在是{{from}}。', en: 'Farm facilities ({{type}}, about {{m2}} m²) are planned here; today it is {{from}}.' },
  'notice.tap.reserve': { zh: '这里划入基本农田整备区：仍是{{from}}，今后可补划为永久基本农田。', en: 'This is in the basic farmland reserve: it stays {{from}} and may later become permanent basic farmland.' },
};
