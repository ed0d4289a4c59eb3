/**
 * The 2017 plan's layers by name, wherever the editor names them: the layer panel and drawing tools
 * (`layer.*`), the editor's legend, the import dialog's targets, the delivery package's layers (their
 * database names) and the printed map's legend.
 */
import type { Texts } from '../../wording.ts';

export const zhejiang2017LayersText: Texts = {
  'layer.boundary': { zh: '村域界线', en: 'Village boundary' },
  'layer.base': { zh: '基期地类图斑', en: 'Base-year parcels' },
  'layer.pbf': { zh: '永久基本农田', en: 'Permanent basic farmland' },
  'layer.redline': { zh: '生态保护红线', en: 'Ecological red line' },
  'layer.townshipZones': { zh: '乡级规划管制区', en: 'Township control zones' },
  'layer.places': { zh: '地名', en: 'Place names' },
  'layer.demolition': { zh: '拆旧地块', en: 'Demolition parcels' },
  'layer.newBuild': { zh: '建新地块', en: 'New-build parcels' },
  'layer.useChange': { zh: '用途调整地块', en: 'Other use changes' },
  'layer.reserve': { zh: '基本农田整备区', en: 'Farmland reserve areas' },
  'layer.facility': { zh: '设施农用地', en: 'Facility farmland' },
  'layer.functionalZone': { zh: '功能分区', en: 'Functional zones' },
  'layer.consolidationZone': { zh: '整治分区', en: 'Consolidation zones' },
  'layer.controlZone': { zh: '建设用地管制区', en: 'Construction control zones' },
  'layer.feedback': { zh: '公示意见', en: 'Public feedback' },

  'legend.symbol.demolition': { zh: '拆旧地块（黑色交叉线）', en: 'Demolition parcel (black cross-hatch)' },
  'legend.symbol.newBuild': { zh: '建新地块（红色边框）', en: 'New-build parcel (red outline)' },
  'legend.symbol.useChange': { zh: '用途调整（蓝色虚线）', en: 'Other use change (blue dashes)' },
  'legend.symbol.reserve': { zh: '基本农田整备区（斜线）', en: 'Farmland reserve area (hatched)' },
  'legend.symbol.facility': { zh: '设施农用地', en: 'Facility farmland' },
  'legend.symbol.pbf': { zh: '永久基本农田（示范区加网格）', en: 'Permanent basic farmland (model area gridded)' },
  'legend.symbol.controlZone': { zh: '管制区：允许建设区红线、有条件建设区橙色虚线、禁止建设区绿色斜线', en: 'Control zones: allowed red, conditional orange dashes, forbidden green hatch' },
  'legend.symbol.expansionBoundary': { zh: '村庄建设用地扩展边界（允许建设区与有条件建设区的外轮廓）', en: 'Construction-land expansion boundary (outline of allowed and conditional zones)' },
  'legend.symbol.boundary': { zh: '村域界线', en: 'Village boundary' },

  'io.ui.target.base': { zh: '基期地类图斑（土地调查，替换现有图斑）', en: 'Base parcels (land survey; replaces the current ones)' },
  'io.ui.target.boundary': { zh: '村域界线', en: 'Village boundary' },
  'io.ui.target.pbf': { zh: '永久基本农田', en: 'Permanent basic farmland' },
  'io.ui.target.redline': { zh: '生态保护红线', en: 'Ecological red line' },
  'io.ui.target.townshipZones': { zh: '乡级规划管制区', en: 'Township control zones' },

  'package.delivery.layer.XZQ': { zh: '行政区', en: 'Administrative area' },
  'package.delivery.layer.JQDLTB': { zh: '基期地类图斑', en: 'Base-year parcels' },
  'package.delivery.layer.GHYT': { zh: '规划用途', en: 'Planned use' },
  'package.delivery.layer.TDGHDL': { zh: '土地规划地类', en: 'Planned land class' },
  'package.delivery.layer.JSYDGZQ': { zh: '建设用地管制区', en: 'Construction-land control zones' },
  'package.delivery.layer.JBNTBHTB': { zh: '永久基本农田保护图斑', en: 'Permanent basic farmland' },
  'package.delivery.layer.STBHHX': { zh: '生态保护红线', en: 'Ecological red line' },
  'package.delivery.layer.XJGZQ': { zh: '乡级规划管制区', en: 'Township control zones' },
  'package.delivery.layer.SSNYD': { zh: '设施农用地', en: 'Facility farmland' },
  'package.delivery.layer.GNFQ': { zh: '功能分区', en: 'Functional zones' },
  'package.delivery.layer.ZZFQ': { zh: '整治分区', en: 'Consolidation zones' },
  'package.delivery.layer.JBNTZBQ': { zh: '基本农田整备区', en: 'Farmland reserve areas' },
  'package.delivery.layer.GSYJ': { zh: '公示意见', en: 'Public feedback' },

  'print.legend.demolition': { zh: '拆旧地块', en: 'Demolition' },
  'print.legend.newBuild': { zh: '建新地块', en: 'New building' },
  'print.legend.useChange': { zh: '用途调整地块', en: 'Other change of use' },
  'print.legend.reserve': { zh: '基本农田整备区', en: 'Basic farmland reserve' },
  'print.legend.pbf': { zh: '永久基本农田', en: 'Permanent basic farmland' },
  'print.legend.boundary': { zh: '村界', en: 'Village boundary' },
};
