/**
 * Leaving the page: pending changes are written when the tab is hidden or closed (IndexedDB usually
 * completes a transaction begun then), and the browser asks before closing a page whose changes could
 * not be saved at all.
 */
import type { DraftController } from '../../persist/session/draft-controller.ts';
import type { Editor } from '../../store/editor.ts';

export function saveOnLeave(drafts: DraftController, editor: Pick<Editor, 'plan'>): void {
  window.addEventListener('pagehide', () => void drafts.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void drafts.flush();
  });
  window.addEventListener('beforeunload', (event) => {
    const { save } = drafts.getState();
    const unsaved = (save.kind === 'failed' && drafts.hasUnsaved()) || (save.kind === 'unavailable' && editor.plan.getState().history.undo.length > 0);
    if (unsaved) event.preventDefault();
  });
}
