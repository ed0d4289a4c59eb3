/**
 * 导出成果包 and 导出 DXF (the 文件 menu): start the export, or cancel it while it runs (ui/io/exports.ts).
 * No shortcut: a planner exports now and then, from the menu.
 */
import type { ExportKind } from '../../store/ui.store.ts';
import type { Action } from './action.ts';

const exportAction = (id: string, kind: ExportKind, labelKey: string): Action => ({
  id,
  labelKey,
  shortcuts: [],
  run: ({ exports }) => void exports.toggle(kind),
});

export const exportPackageAction = exportAction('export-package', 'package', 'io.ui.exportButton');
export const exportDxfAction = exportAction('export-dxf', 'dxf', 'io.ui.exportDxfButton');
