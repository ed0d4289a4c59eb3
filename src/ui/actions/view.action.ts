/** Map and app actions: scale, fit, the three views, snapping, language, help, Escape. */
import type { ViewMode } from '../../store/ui.store.ts';
import type { Action } from './action.ts';

export const zoomTo2000Action: Action = {
  id: 'zoom2000',
  labelKey: 'actions.zoom2000',
  shortcuts: [{ key: '0' }],
  run: ({ view }) => view?.zoomToScale(2000),
};

export const fitPlanAction: Action = {
  id: 'fitPlan',
  labelKey: 'actions.fitPlan',
  shortcuts: [{ key: 'f' }],
  run: ({ view }) => view?.fitPlan(),
};

const viewAction = (view: ViewMode, key: string): Action => ({
  id: `view.${view}`,
  labelKey: `view.${view}`,
  shortcuts: [{ key }],
  active: ({ editor }) => editor.ui.getState().view === view,
  run: ({ editor }) => editor.ui.setView(view),
});

export const viewActions: readonly Action[] = [viewAction('base', '1'), viewAction('plan', '2'), viewAction('change', '3')];

export const snappingAction: Action = {
  id: 'snapping',
  labelKey: 'actions.snapping',
  shortcuts: [{ key: 's' }],
  active: ({ editor }) => editor.tool.getState().snapping,
  run: ({ editor }) => editor.tool.setSnapping(!editor.tool.getState().snapping),
};

export const languageAction: Action = {
  id: 'language',
  labelKey: 'actions.language',
  shortcuts: [{ key: 'l', shift: true }],
  run: ({ editor }) => editor.ui.setLanguage(editor.ui.getState().language === 'zh-CN' ? 'en' : 'zh-CN'),
};

export const helpAction: Action = {
  id: 'help',
  labelKey: 'actions.help',
  shortcuts: [{ key: '?', shift: true }, { key: 'F1' }],
  active: ({ editor }) => editor.ui.getState().helpOpen,
  run: ({ editor }) => editor.ui.setHelpOpen(!editor.ui.getState().helpOpen),
};

/**
 * Escape cancels the gesture in progress (a measurement shown counts as one); with nothing in progress it
 * closes an open popover (search, go to, history) or the help, wherever the focus is, then drops the tool,
 * then the selection.
 */
export const escapeAction: Action = {
  id: 'escape',
  labelKey: 'actions.escape',
  shortcuts: [{ key: 'Escape' }],
  run: ({ editor, draw }) => {
    editor.messages.clearCursor();
    if (draw?.cancel()) return;
    if (editor.ui.getState().toolPanel) return editor.ui.setToolPanel(null);
    if (editor.ui.getState().helpOpen) return editor.ui.setHelpOpen(false);
    if (editor.tool.getState().tool.kind === 'measure' && editor.measure.clear()) return;
    if (editor.tool.getState().tool.kind !== 'select') return editor.tool.setTool({ kind: 'select' });
    editor.selection.clear();
  },
};
