/** Find and history tools: search features (Ctrl+F), go to coordinates (Ctrl+G), the undo history list. */
import type { ToolPanel } from '../../store/ui.store.ts';
import type { Action } from './action.ts';

/**
 * Opens the tool's panel; pressed again while it is open, the shortcut puts the cursor back in its field
 * (as Ctrl+F does in a browser), while the history list closes. The toolbar buttons toggle.
 */
const panelAction = (id: string, panel: ToolPanel, labelKey: string, shortcuts: Action['shortcuts']): Action => ({
  id,
  labelKey,
  shortcuts,
  active: ({ editor }) => editor.ui.getState().toolPanel === panel,
  run: ({ editor }) => {
    if (editor.ui.getState().toolPanel !== panel) return editor.ui.setToolPanel(panel);
    const field = document.querySelector<HTMLInputElement>(`[data-tool-panel="${panel}"] input`);
    if (field) {
      field.focus();
      field.select();
    } else editor.ui.setToolPanel(null);
  },
});

export const searchAction = panelAction('search', 'search', 'actions.search', [{ key: 'f', ctrl: true }]);
export const goToAction = panelAction('goTo', 'goTo', 'actions.goTo', [{ key: 'g', ctrl: true }]);
export const historyAction = panelAction('history', 'history', 'actions.history', [{ key: 'h', ctrl: true, shift: true }]);
