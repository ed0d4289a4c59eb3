/** Reshaping a shared boundary of the 2026 database's partition layers by dragging a vertex (`commands/village-database/reshape-boundary`). */
import type { Texts } from './text.ts';

export const databaseReshapeText: Texts = {
  'database.reshape.start': { zh: '调整边界', en: 'Reshape boundary' },
  'database.reshape.done': { zh: '完成', en: 'Done' },
  'database.reshape.hint': {
    zh: '拖动所选图斑的节点调整边界，共用该节点的相邻图斑随之移动；单击边的中点可在边界上加点再拖动；每次拖动可撤销（Ctrl+Z）；按 Esc 或单击“完成”结束',
    en: 'Drag a vertex of the picked parcel to reshape its boundary; the neighbours sharing the vertex move with it; click the middle of an edge to add a vertex there, then drag it; each drag can be undone (Ctrl+Z); Esc or Done ends reshaping',
  },
  'database.reshape.onlyPolygon': {
    zh: '该图斑的节点无法在地图上拖动（图斑由多个部分组成、没有面状图形，或相邻节点相距不足 0.1 mm）',
    en: 'The vertices of this parcel cannot be dragged on the map (it has several parts or no area shape, or two vertices lie closer than 0.1 mm)',
  },
  'database.reshape.label': {
    zh: '调整图斑 {{parcel}} 的边界（{{count}} 个图斑随之调整）',
    en: 'Reshape the boundary of {{parcel}} ({{count}} feature(s) moved)',
  },
  'database.reshape.notPartition': {
    zh: '{{layer}}不能拖动节点调整边界',
    en: 'The boundary of {{layer}} cannot be reshaped by dragging a vertex',
  },
  'database.reshape.noVertex': {
    zh: '此处没有可拖动的边界节点，未作调整',
    en: 'There is no boundary vertex here to drag, so nothing was changed',
  },
  'database.reshape.notOnParcel': {
    zh: '拖动的节点不在所选图斑 {{parcel}} 的边界上，未作调整',
    en: 'The dragged vertex is not on the boundary of the picked feature {{parcel}}, so nothing was changed',
  },
  'database.reshape.twinRef': {
    zh: '图斑 {{parcel}} 的标识码与其他图斑重复，无法调整其边界；请先修正标识码',
    en: 'Feature {{parcel}} shares its BSM with another feature, so its boundary cannot be reshaped; correct the BSM first',
  },
  'database.reshape.invalid': {
    zh: '这样拖动会使图斑 {{parcel}} 的边界自相交或无效，未作调整；请把节点拖到别处',
    en: 'This drag would make the outline of {{parcel}} cross itself or become invalid, so nothing was changed; drag the vertex elsewhere',
  },
  'database.reshape.crossesNeighbour': {
    zh: '这样拖动会使图斑 {{parcel}} 压盖不共用该节点的相邻图斑 {{neighbour}}，未作调整；请把节点拖到别处',
    en: 'This drag would push {{parcel}} over {{neighbour}}, a neighbour that does not share the vertex, so nothing was changed; drag the vertex elsewhere',
  },
  'database.reshape.offVillage': {
    zh: '该节点位于村级调查区（CJDCQ）边界上，这样拖动会使图斑 {{parcel}} 离开村界，未作调整；村界上的节点只能沿村界移动',
    en: 'This vertex lies on the village survey area (CJDCQ) boundary, and this drag would take {{parcel}} off it, so nothing was changed; a vertex on the village boundary can only move along it',
  },
};
