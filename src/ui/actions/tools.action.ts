/** The tools: select, box select, draw on a layer, split by a line, cut a hole. */
import { DRAWN_LAYER_IDS, type DrawnLayerId } from '../../profiles/zhejiang-2017/layers.ts';
import type { Action } from './action.ts';

export const selectToolAction: Action = {
  id: 'tool.select',
  labelKey: 'actions.select',
  shortcuts: [{ key: 'v' }],
  active: ({ editor }) => editor.tool.getState().tool.kind === 'select',
  run: ({ editor }) => editor.tool.setTool({ kind: 'select' }),
};

export const boxSelectToolAction: Action = {
  id: 'tool.boxSelect',
  labelKey: 'actions.boxSelect',
  shortcuts: [{ key: 'b' }],
  active: ({ editor }) => editor.tool.getState().tool.kind === 'boxSelect',
  run: ({ editor }) => editor.tool.setTool({ kind: 'boxSelect' }),
};

/** Draws on the active layer when it is a drawn layer (P), or on a named layer from the toolbar menu. */
export const drawActiveLayerAction: Action = {
  id: 'tool.draw',
  labelKey: 'actions.draw',
  shortcuts: [{ key: 'p' }],
  enabled: ({ editor }) => (DRAWN_LAYER_IDS as readonly string[]).includes(editor.ui.getState().activeLayer),
  active: ({ editor }) => editor.tool.getState().tool.kind === 'draw',
  run: ({ editor }) => {
    const layer = editor.ui.getState().activeLayer as DrawnLayerId;
    editor.tool.setTool({ kind: 'draw', layer });
  },
};

export function startDrawing(editor: { tool: { setTool: (t: { kind: 'draw'; layer: DrawnLayerId }) => void }; ui: { setActiveLayer: (l: DrawnLayerId) => void } }, layer: DrawnLayerId): void {
  editor.ui.setActiveLayer(layer);
  editor.tool.setTool({ kind: 'draw', layer });
}

const oneSelected = ({ editor }: Parameters<NonNullable<Action['enabled']>>[0]) => editor.selection.getState().ids.length >= 1;

export const splitToolAction: Action = {
  id: 'tool.split',
  labelKey: 'actions.split',
  shortcuts: [{ key: 'k' }],
  enabled: oneSelected,
  active: ({ editor }) => editor.tool.getState().tool.kind === 'split',
  run: ({ editor }) => editor.tool.setTool({ kind: 'split' }),
};

export const cutHoleToolAction: Action = {
  id: 'tool.cutHole',
  labelKey: 'actions.cutHole',
  shortcuts: [{ key: 'h' }],
  enabled: ({ editor }) => editor.selection.getState().ids.length === 1,
  active: ({ editor }) => editor.tool.getState().tool.kind === 'cutHole',
  run: ({ editor }) => editor.tool.setTool({ kind: 'cutHole' }),
};
