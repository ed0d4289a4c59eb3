/**
 * The toolbar's 文件 menu (导入…, 导出成果包, 导出 DXF), and files dropped on the map (they open the import
 * dialog). Each item is an action: 导入… (Ctrl+O) opens the ui store's `dialog`; an export (io/exports.ts)
 * writes the delivery package (one zip) or the CAD drawing in the io worker and downloads it; while it runs,
 * its progress and 取消 stay on the toolbar beside the menu.
 */
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportKind } from '../../store/ui.store.ts';
import { actionById } from '../actions/index.ts';
import { useServices, useUi } from '../services.tsx';
import { CadIcon, ExportPackageIcon, ImportIcon } from '../tool-menu/tool-icons.tsx';
import { ActionMenuItem } from '../toolbar/ActionButton.tsx';
import { MenuButton } from '../toolbar/MenuButton.tsx';

// Loaded when first opened: the dialog brings the format layer's labels and checks (and proj4 with them),
// which the editor's start does not need; the reading itself runs in the io worker.
const ImportDialog = lazy(() => import('./ImportDialog.tsx').then((m) => ({ default: m.ImportDialog })));

const EXPORTS: readonly { kind: ExportKind; action: string; labelKey: string; progressKey: string }[] = [
  { kind: 'package', action: 'export-package', labelKey: 'io.ui.exportButton', progressKey: 'io.ui.exporting' },
  { kind: 'dxf', action: 'export-dxf', labelKey: 'io.ui.exportDxfButton', progressKey: 'io.ui.exportingDxf' },
];

export function FileMenu() {
  const { t } = useTranslation();
  const services = useServices();
  const { editor } = services;
  const dialog = useUi((s) => s.dialog);
  const exporting = useUi((s) => s.exporting);

  useEffect(() => {
    const map = document.querySelector('[data-testid="map"]');
    if (!map) return;
    const over = (e: Event) => e.preventDefault();
    const drop = (e: Event) => {
      const files = (e as DragEvent).dataTransfer?.files;
      if (!files?.length) return;
      e.preventDefault();
      editor.ui.setDialog({ kind: 'import', files: [...files] });
    };
    map.addEventListener('dragover', over);
    map.addEventListener('drop', drop);
    return () => {
      map.removeEventListener('dragover', over);
      map.removeEventListener('drop', drop);
    };
  }, [editor]);

  const percent = (share: number) => `${t('io.ui.cancel')} (${Math.round(share * 100)}%)`;
  const icons: Record<ExportKind, ReactNode> = { package: <ExportPackageIcon />, dxf: <CadIcon /> };

  return (
    <>
      <MenuButton label={t('io.ui.fileMenu')} name={t('io.ui.fileMenuHint')} action="file-menu">
        <ActionMenuItem action={actionById('import')} icon={<ImportIcon />} />
        {EXPORTS.map(({ kind, action }) => {
          const share = exporting[kind];
          return (
            <ActionMenuItem
              key={kind}
              action={actionById(action)}
              icon={icons[kind]}
              busy={share !== undefined}
              text={share === undefined ? undefined : percent(share)}
            />
          );
        })}
        <ActionMenuItem action={actionById('convert-2026')} />
      </MenuButton>
      {EXPORTS.filter(({ kind }) => exporting[kind] !== undefined).map(({ kind, action, labelKey, progressKey }) => (
        <button
          key={action}
          type="button"
          className="tool-button export-running"
          data-action={`cancel-${action}`}
          title={t('io.ui.cancelExport', { export: t(labelKey) })}
          onClick={() => actionById(action).run(services)}
        >
          <progress value={exporting[kind] ?? 0} max={1} aria-label={t(progressKey)} />
          {percent(exporting[kind] ?? 0)}
        </button>
      ))}
      <Suspense fallback={null}>{dialog?.kind === 'import' ? <ImportDialog files={dialog.files} onClose={() => editor.ui.setDialog(null)} /> : null}</Suspense>
    </>
  );
}
