/**
 * The actions that open a dialog of the toolbar's menus: 导入… (文件), the three notice dialogs (公示) and
 * 底图 (app settings). The dialog open is the ui store's `dialog`; the toolbar mounts it from there, so it
 * stays open whether its menu item is on the row or in 更多.
 */
import type { AppDialog } from '../../store/ui.store.ts';
import type { Action } from './action.ts';

const openDialog = (id: string, labelKey: string, dialog: AppDialog, shortcuts: Action['shortcuts'] = []): Action => ({
  id,
  labelKey,
  shortcuts,
  run: ({ editor }) => editor.ui.setDialog(dialog),
});

// Ctrl+O, as in QGIS and ArcGIS; the browser's own "open file" gives way to it (unlike Ctrl+N/T/W).
export const importAction = openDialog('import', 'io.ui.importButton', { kind: 'import', files: null }, [{ key: 'o', ctrl: true }]);
export const publishNoticeAction = openDialog('open-publish-notice', 'notice.ui.publishTitle', { kind: 'publish' });
export const feedbackAction = openDialog('open-feedback', 'notice.ui.feedbackTitle', { kind: 'feedback' });
export const printMapAction = openDialog('open-print', 'notice.ui.printTitle', { kind: 'print' });
export const basemapAction = openDialog('basemap', 'basemap.menuItem', { kind: 'basemap' });
