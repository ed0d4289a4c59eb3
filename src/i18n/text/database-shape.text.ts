/** Changing planned parcels' shapes in the 2026 database view: splitting by a line, merging (`commands/village-database/split-parcels`, `merge-parcels`). */
import type { Texts } from './text.ts';

export const databaseShapeText: Texts = {
  'database.shape.merge': { zh: '合并', en: 'Merge' },
  'database.shape.mergeHint': {
    zh: '将所选的相邻同类图斑合并为一个，保留第一个所选图斑的标识码和编号（按住 Shift 单击可多选）',
    en: 'Merge the picked adjacent parcels of one class into one, keeping the first picked parcel’s BSM and number (Shift+click to pick several)',
  },
  'database.shape.split': { zh: '按线分割', en: 'Split by a line' },
  'database.shape.splitStop': { zh: '取消分割', en: 'Stop splitting' },
  'database.shape.splitHint': {
    zh: '在地图上画一条从边到边穿过所选图斑的线：单击加点，双击或再次单击最后一点结束；按 Esc 取消',
    en: 'Draw a line across the picked parcels, from edge to edge: click to add points, double-click or click the last point again to finish; Esc cancels',
  },
  'database.shape.split.label': {
    zh: '按线分割 {{count}} 个图斑（分为 {{pieces}} 块）',
    en: 'Split {{count}} parcel(s) by a line (into {{pieces}})',
  },
  'database.shape.split.lineTooShort': {
    zh: '分割线至少需要两个点',
    en: 'A splitting line needs at least two points',
  },
  'database.shape.split.notCrossed': {
    zh: '分割线没有从边到边穿过所选的 {{count}} 个图斑（图斑编号 {{parcels}}），未作分割；请画一条完整穿过图斑的线',
    en: 'The line does not cross {{count}} picked parcel(s) (numbers {{parcels}}) from edge to edge, so nothing was split; draw a line that runs right across the parcel',
  },
  'database.shape.split.crossesNone': {
    zh: '分割线没有从边到边穿过任何规划用地图斑，未作分割；请画一条完整穿过图斑的线',
    en: 'The line crosses no planned parcel from edge to edge, so nothing was split; draw a line that runs right across a parcel',
  },
  'database.shape.split.sliver': {
    zh: '分割线会从图斑 {{parcel}} 切出一块仅 {{areaM2}} m² 的碎片（小于 {{minM2}} m²），未作分割；请避开图斑的角和边，重新画线',
    en: 'The line would cut a sliver of only {{areaM2}} m² (under {{minM2}} m²) off parcel {{parcel}}, so nothing was split; draw the line again, clear of the parcel’s corners and edges',
  },
  'database.shape.merge.label': {
    zh: '合并 {{count}} 个图斑为图斑 {{tbbh}}',
    en: 'Merge {{count}} parcels into parcel {{tbbh}}',
  },
  'database.shape.merge.needTwo': {
    zh: '请至少选择两个相邻的规划用地图斑再合并（按住 Shift 单击可多选）',
    en: 'Pick at least two adjacent planned parcels to merge (Shift+click to pick several)',
  },
  'database.shape.merge.noShape': {
    zh: '所选图斑 {{refs}} 没有面状图形，无法合并',
    en: 'The picked parcel(s) {{refs}} have no area shape and cannot be merged',
  },
  'database.shape.merge.differentClasses': {
    zh: '所选图斑的规划地类不同（{{classes}}），未合并；如需合并，请先将它们改为同一地类，再合并',
    en: 'The picked parcels are of different planned classes ({{classes}}), so they were not merged; to merge them, reclassify them to one class first, then merge',
  },
  'database.shape.merge.notAdjacent': {
    zh: '所选的 {{count}} 个图斑不是连成一片的相邻图斑（合并后会成为多个部分），未合并；请只选择共用边界的图斑',
    en: 'The {{count}} picked parcels do not form one piece of land (merged they would be several parts), so they were not merged; pick only parcels that share a boundary',
  },
};
