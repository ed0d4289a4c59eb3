/** 管控边界 by hand in a 2026 plan: drawing one (draw-control-boundary) and the planned parcels' 所属边界类型 SSBJLX (set-boundary-type). */
import type { Texts } from './text.ts';

export const databaseBoundaryText: Texts = {
  'database.boundary.draw.title': { zh: '绘制管控边界', en: 'Draw a control boundary' },
  'database.boundary.draw.typeLabel': { zh: '管控边界类型', en: 'Control boundary type' },
  'database.boundary.draw.start': { zh: '开始绘制管控边界', en: 'Draw the control boundary' },
  'database.boundary.draw.hint': {
    zh: '依次点击各拐点，点击起点闭合；范围内的管控边界沿边线切分，范围内部分改为所选类型，生态保护红线和永久基本农田保持不变。Esc 取消。',
    en: 'Click each corner and click the first again to close; the control boundaries under it are cut along the outline and the part inside takes the type chosen, the red line and the permanent basic farmland staying as they are. Esc cancels.',
  },
  'database.boundary.draw.label': {
    zh: '绘制管控边界“{{name}}”（{{count}} 个管控边界被改动）',
    en: 'Draw the control boundary “{{name}}” ({{count}} boundary feature(s) changed)',
  },
  'database.boundary.draw.fromReference': {
    zh: '“{{code}} {{name}}”由{{layer}}图层确定，不能手绘；请修改{{layer}}图层，再由规划用地生成管控边界',
    en: '“{{code}} {{name}}” follows the {{layer}} layer and cannot be drawn by hand: change the {{layer}} layer, then derive the control boundaries from the planned land use again',
  },
  'database.boundary.draw.deriveFirst': {
    zh: '本规划还没有管控边界；请先点击“由规划用地生成管控边界”，再手绘调整',
    en: 'This plan has no control boundaries yet: derive them from the planned land use first, then adjust them by hand',
  },
  'database.boundary.draw.outsideVillage': {
    zh: '所绘范围在村域之外，没有压到任何管控边界，未作修改',
    en: 'The drawing lies outside the village and covers no control boundary: nothing changed',
  },
  'database.boundary.draw.onlyReference': {
    zh: '所绘范围只压到生态保护红线或永久基本农田的管控边界，它们由各自图层确定，未作修改',
    en: 'The drawing covers only the ecological red line or permanent basic farmland boundaries, which follow their own layers: nothing changed',
  },
  'database.boundary.draw.onlySlivers': {
    zh: '所绘范围只压到管控边界边缘不足 {{minM2}} m² 的碎片，未作修改；请画得更大一些',
    en: 'The drawing covers only slivers under {{minM2}} m² at the edges of control boundaries: nothing changed; draw further into them',
  },
  'database.boundary.draw.alreadyType': {
    zh: '所绘范围内的管控边界已是“{{name}}”，未作修改',
    en: 'The control boundaries under the drawing already are “{{name}}”: nothing changed',
  },
  'database.boundary.draw.cut': {
    zh: '{{count}} 个管控边界被分割：范围外的部分保留原类型和标识码，范围内的部分改为“{{name}}”',
    en: '{{count}} control boundary feature(s) were cut: the parts outside keep their type and BSM, the parts inside become “{{name}}”',
  },
  'database.boundary.draw.joined': {
    zh: '范围内的部分并入已有的“{{name}}”管控边界（标识码 {{bsm}}）',
    en: 'The land inside joined the existing “{{name}}” boundary (BSM {{bsm}})',
  },
  'database.boundary.draw.added': {
    zh: '范围内的部分成为新的“{{name}}”管控边界（新标识码）',
    en: 'The land inside became a new “{{name}}” boundary (new BSM)',
  },
  'database.boundary.draw.slivers': {
    zh: '{{count}} 块不足 {{minM2}} m² 的碎片（共 {{areaM2}} m²）未单独划出，已留在所在管控边界的相邻部分',
    en: '{{count}} sliver(s) under {{minM2}} m² ({{areaM2}} m² in all) were not split off but kept with the adjoining part of their boundary',
  },
  'database.boundary.draw.referenceKept': {
    zh: '所绘范围中压在生态保护红线、永久基本农田管控边界上的 {{areaM2}} m² 保持原类型（由各自图层确定）',
    en: '{{areaM2}} m² of the drawing over the red line or permanent basic farmland boundaries kept their type (they follow their own layers)',
  },
  'database.boundary.ssbjlx.title': { zh: '所属边界类型（SSBJLX）', en: 'Boundary type (SSBJLX)' },
  'database.boundary.ssbjlx.none': { zh: '无', en: 'None' },
  'database.boundary.ssbjlx.T': { zh: 'T 弹性发展区', en: 'T flexible development area' },
  'database.boundary.ssbjlx.Z': { zh: 'Z 城镇开发边界', en: 'Z urban development boundary' },
  'database.boundary.ssbjlx.apply': { zh: '设置所属边界类型（{{count}} 个图斑）', en: 'Set the boundary type ({{count}} parcel(s))' },
  'database.boundary.ssbjlx.hint': {
    zh: '“由规划用地生成管控边界”时，T 的图斑成为村庄弹性发展区，Z 的图斑成为城镇空间；T 在导出时清空。',
    en: 'Deriving the control boundaries from the planned land use makes T parcels a village flexible development area and Z parcels urban space; T is blanked on export.',
  },
  'database.boundary.ssbjlx.label': {
    zh: '所属边界类型改为“{{name}}”（{{count}} 个图斑）',
    en: 'Set the boundary type to “{{name}}” ({{count}} parcel(s))',
  },
  'database.boundary.ssbjlx.unknown': {
    zh: '“{{value}}”不是所属边界类型的取值（T 弹性发展区、Z 城镇开发边界或空）',
    en: '“{{value}}” is not a boundary type (T flexible development area, Z urban development boundary, or blank)',
  },
};
