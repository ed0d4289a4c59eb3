/** The attribute table (属性表): the drawer under the map, its columns, filters and bulk edit. */
import type { Texts } from './text.ts';

export const attributeTableText: Texts = {
  'actions.attributeTable': { zh: '属性表', en: 'Attribute table' },
  'layers.openTable': { zh: '打开“{{layer}}”的属性表', en: 'Open the attribute table of “{{layer}}”' },

  'attributeTable.title': { zh: '{{layer}} · 属性表', en: '{{layer}} · attribute table' },
  'attributeTable.layer': { zh: '图层', en: 'Layer' },
  'attributeTable.close': { zh: '关闭属性表', en: 'Close the attribute table' },
  'attributeTable.resize': { zh: '拖动调整属性表高度', en: 'Drag to change the height of the table' },
  'attributeTable.filter': { zh: '筛选', en: 'Filter' },
  'attributeTable.filterPlaceholder': { zh: '编号、地类、权属单位、备注…', en: 'Number, class, owner, note…' },
  'attributeTable.onlySelected': { zh: '只显示所选', en: 'Selected only' },
  'attributeTable.count': { zh: '显示 {{shown}} / 共 {{total}} 条', en: 'Showing {{shown}} of {{total}}' },
  'attributeTable.selectedCount': { zh: '已选 {{count}} 条', en: '{{count}} selected' },
  'attributeTable.hint': {
    zh: '单击行选择（Shift 连选，Ctrl 多选），双击编号在地图上定位，双击单元格修改。',
    en: 'Click a row to select it (Shift for a range, Ctrl for several), double-click the number to show it on the map, double-click a cell to change it.',
  },
  'attributeTable.readOnlyLayer': { zh: '参考图层：属性只能查看，不能修改。', en: 'Reference layer: its attributes can be read, not changed.' },
  'attributeTable.noRows': { zh: '没有符合筛选条件的要素。', en: 'No feature matches the filter.' },
  'attributeTable.emptyLayer': { zh: '该图层还没有要素。', en: 'This layer has no features yet.' },
  'attributeTable.column.sequence': { zh: '序号', en: 'No.' },
  'attributeTable.column.area': { zh: '面积（m²）', en: 'Area (m²)' },
  'attributeTable.column.mu': { zh: '面积（亩）', en: 'Area (mu)' },
  'attributeTable.sortHint': { zh: '点击排序，再点一次倒序', en: 'Click to sort, again for descending' },
  'attributeTable.allValues': { zh: '（全部）', en: '(all)' },
  'attributeTable.filterColumn': { zh: '按“{{field}}”筛选', en: 'Filter by “{{field}}”' },
  'attributeTable.valueCount': { zh: '{{value}}（{{count}}）', en: '{{value}} ({{count}})' },

  'attributeTable.bulk': { zh: '批量赋值', en: 'Bulk set' },
  'attributeTable.bulk.field': { zh: '字段', en: 'Field' },
  'attributeTable.bulk.target': { zh: '赋值给', en: 'Apply to' },
  'attributeTable.bulk.selected': { zh: '所选要素（{{count}} 条）', en: 'Selected features ({{count}})' },
  'attributeTable.bulk.filtered': { zh: '筛选结果（{{count}} 条）', en: 'Filtered rows ({{count}})' },
  'attributeTable.bulk.apply': { zh: '赋值…', en: 'Apply…' },
  'attributeTable.bulk.confirm': {
    zh: '将 {{count}} 个要素的“{{field}}”设为“{{value}}”？作为一步操作，可一次撤销。',
    en: 'Set “{{field}}” to “{{value}}” on {{count}} features? It is one step: one undo reverts it.',
  },
  'attributeTable.bulk.yes': { zh: '确定', en: 'Apply' },
  'attributeTable.bulk.no': { zh: '取消', en: 'Cancel' },
  'attributeTable.bulk.none': { zh: '没有要赋值的要素：请先选择行或筛选。', en: 'No rows to set: select rows or filter first.' },
  'attributeTable.bulk.done': { zh: '已将 {{count}} 个要素的“{{field}}”设为“{{value}}”。', en: 'Set “{{field}}” to “{{value}}” on {{count}} features.' },
};
