/** Undo and redo: every command is one step; a drag is one step however many moves it had. */
import type { Action } from './action.ts';

export const undoAction: Action = {
  id: 'undo',
  labelKey: 'actions.undo',
  shortcuts: [{ key: 'z', ctrl: true }],
  enabled: ({ editor }) => editor.plan.getState().history.undo.length > 0,
  run: ({ editor }) => {
    const label = editor.plan.undo();
    if (label) editor.messages.toast('info', { key: 'messages.undone', params: { step: label } });
  },
};

export const redoAction: Action = {
  id: 'redo',
  labelKey: 'actions.redo',
  shortcuts: [{ key: 'z', ctrl: true, shift: true }, { key: 'y', ctrl: true }],
  enabled: ({ editor }) => editor.plan.getState().history.redo.length > 0,
  run: ({ editor }) => {
    const label = editor.plan.redo();
    if (label) editor.messages.toast('info', { key: 'messages.redone', params: { step: label } });
  },
};
