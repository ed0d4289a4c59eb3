/**
 * The attribute table (属性表) of the current layer, in a drawer under the map: T opens and closes it; and
 * the wide indicator tables in the same place.
 */
import type { Action } from './action.ts';

export const attributeTableAction: Action = {
  id: 'attributeTable',
  labelKey: 'actions.attributeTable',
  shortcuts: [{ key: 't' }],
  active: ({ editor }) => editor.ui.getState().tableLayer !== null,
  run: ({ editor }) => {
    const { tableLayer, activeLayer } = editor.ui.getState();
    editor.ui.setTableLayer(tableLayer === null ? activeLayer : null);
  },
};

/** The indicator tables across the window, in the same drawer (the attribute table closes): Shift+T. */
export const indicatorTablesAction: Action = {
  id: 'indicatorTables',
  labelKey: 'actions.indicatorTables',
  shortcuts: [{ key: 't', shift: true }],
  active: ({ editor }) => editor.ui.getState().indicatorTable !== null,
  run: ({ editor }) => editor.ui.setIndicatorTable(editor.ui.getState().indicatorTable === null ? 'F1' : null),
};
