/** The attribute table (属性表) of the current layer, in a drawer under the map: T opens and closes it. */
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
