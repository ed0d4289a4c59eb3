/**
 * The toolbar's 文件 menu (导入…, 导出成果包, 导出 DXF), and files dropped on the map (they open the import
 * dialog). 导入… is the import action (Ctrl+O); the dialog open is the ui store's `dialog`. Export writes the delivery package (one zip) or the CAD drawing in the io worker and downloads it;
 * while it runs, its progress and 取消 stay on the toolbar beside the menu.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IoJob } from '../../app/io-client.ts';
import { useConfirmSetAside } from '../drafts/use-confirm-set-aside.ts';
import { formatMessage } from '../format.ts';
import { downloadBytes } from '../download.ts';
import { actionById } from '../actions/index.ts';
import { useServices, useUi } from '../services.tsx';
import { printFonts } from '../notice/print-fonts.ts';
import { CadIcon, ExportPackageIcon, ImportIcon } from '../tool-menu/tool-icons.tsx';
import { ActionMenuItem } from '../toolbar/ActionButton.tsx';
import { MenuButton, MenuItem } from '../toolbar/MenuButton.tsx';

// Loaded when first opened: the dialog brings the format layer's labels and checks (and proj4 with them),
// which the editor's start does not need; the reading itself runs in the io worker.
const ImportDialog = lazy(() => import('./ImportDialog.tsx').then((m) => ({ default: m.ImportDialog })));

export function FileMenu() {
  const { t, i18n } = useTranslation();
  const confirmSetAside = useConfirmSetAside();
  const { editor, io } = useServices();
  const dialog = useUi((s) => s.dialog);
  const [progress, setProgress] = useState<number | null>(null);
  const exportJob = useRef<IoJob<Uint8Array> | null>(null);
  const [dxfProgress, setDxfProgress] = useState<number | null>(null);
  const dxfJob = useRef<IoJob<Uint8Array> | null>(null);

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

  const exportPackage = async () => {
    if (exportJob.current) return exportJob.current.cancel();
    if (!confirmSetAside('exportPackage')) return;
    const plan = editor.plan.getState().plan;
    setProgress(0);
    // The maps of 4.图像文件 need the print font; without it (offline before it was ever cached) the
    // package is still written, its note saying how to add them.
    const fonts = await printFonts().catch(() => null);
    const job = io.exportPackage(plan, 'gbk', fonts, setProgress);
    exportJob.current = job;
    const result = await job.done;
    exportJob.current = null;
    setProgress(null);
    if ('cancelled' in result) return editor.messages.toast('info', { key: 'io.ui.exportCancelled' });
    if (!result.ok) return editor.messages.toast('error', { key: 'io.ui.exportFailed', params: { reason: formatMessage(t, (k) => i18n.exists(k), result.error) } });
    const name = `${plan.meta.villageName || 'village'}村土地利用规划成果包.zip`.replace(/村村/, '村');
    downloadBytes(name, result.value, 'application/zip');
    editor.messages.toast('success', { key: 'io.ui.exported', params: { file: name } });
  };

  // The plan as a CAD drawing (io/dxf/dxf-write.ts), for design institutes and township offices.
  const exportDxf = async () => {
    if (dxfJob.current) return dxfJob.current.cancel();
    if (!confirmSetAside('exportPackage')) return;
    const plan = editor.plan.getState().plan;
    setDxfProgress(0);
    const job = io.exportDxf(plan, setDxfProgress);
    dxfJob.current = job;
    const result = await job.done;
    dxfJob.current = null;
    setDxfProgress(null);
    if ('cancelled' in result) return editor.messages.toast('info', { key: 'io.ui.exportCancelled' });
    if (!result.ok) return editor.messages.toast('error', { key: 'io.ui.exportDxfFailed', params: { reason: formatMessage(t, (k) => i18n.exists(k), result.error) } });
    const name = `${plan.meta.villageName || 'village'}村土地利用规划.dxf`.replace(/村村/, '村');
    downloadBytes(name, result.value, 'application/dxf');
    editor.messages.toast('success', { key: 'io.ui.exportedDxf', params: { file: name } });
  };

  const percent = (share: number) => `${t('io.ui.cancel')} (${Math.round(share * 100)}%)`;
  const running = [
    { action: 'export-package', share: progress, labelKey: 'io.ui.exportButton', progressKey: 'io.ui.exporting', run: exportPackage },
    { action: 'export-dxf', share: dxfProgress, labelKey: 'io.ui.exportDxfButton', progressKey: 'io.ui.exportingDxf', run: exportDxf },
  ].filter((job) => job.share !== null);

  return (
    <>
      <MenuButton label={t('io.ui.fileMenu')} name={t('io.ui.fileMenuHint')} action="file-menu">
        <ActionMenuItem action={actionById('import')} icon={<ImportIcon />} />
        <MenuItem action="export-package" icon={<ExportPackageIcon />} busy={progress !== null} onSelect={() => void exportPackage()}>
          {progress === null ? t('io.ui.exportButton') : percent(progress)}
        </MenuItem>
        <MenuItem action="export-dxf" icon={<CadIcon />} busy={dxfProgress !== null} onSelect={() => void exportDxf()}>
          {dxfProgress === null ? t('io.ui.exportDxfButton') : percent(dxfProgress)}
        </MenuItem>
      </MenuButton>
      {running.map((job) => (
        <button
          key={job.action}
          type="button"
          className="tool-button export-running"
          data-action={`cancel-${job.action}`}
          title={t('io.ui.cancelExport', { export: t(job.labelKey) })}
          onClick={() => void job.run()}
        >
          <progress value={job.share ?? 0} max={1} aria-label={t(job.progressKey)} />
          {percent(job.share ?? 0)}
        </button>
      ))}
      <Suspense fallback={null}>{dialog?.kind === 'import' ? <ImportDialog files={dialog.files} onClose={() => editor.ui.setDialog(null)} /> : null}</Suspense>
    </>
  );
}
