/**
 * The notice work in one place for the editor's toolbar: 发布规划公示, 公示意见 and 输出规划图, each an action
 * opening its dialog (ui store `dialog`); as the 公示 menu, or as items of 更多 when the row is too narrow.
 * The dialogs are mounted by the toolbar (`NoticeDialogs`), so one stays open while its items move. Mount
 * inside the editor's ServicesContext and DraftsContext.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { actionById } from '../actions/index.ts';
import { useServices, useUi } from '../services.tsx';
import { FeedbackIcon, NoticeIcon, PrintIcon } from '../tool-menu/tool-icons.tsx';
import { ActionMenuItem } from '../toolbar/ActionButton.tsx';
import { MenuButton } from '../toolbar/MenuButton.tsx';

// Loaded when first opened: publishing, feedback and printing bring their own code (the notice template,
// exceljs, pdf-lib) that the editor's start does not need.
const PublishNoticeDialog = lazy(() => import('./PublishNoticeDialog.tsx').then((m) => ({ default: m.PublishNoticeDialog })));
const FeedbackPanel = lazy(() => import('./FeedbackPanel.tsx').then((m) => ({ default: m.FeedbackPanel })));
const PrintMapDialog = lazy(() => import('./PrintMapDialog.tsx').then((m) => ({ default: m.PrintMapDialog })));

export function NoticeItems() {
  return (
    <>
      <ActionMenuItem action={actionById('open-publish-notice')} icon={<NoticeIcon />} />
      <ActionMenuItem action={actionById('open-feedback')} icon={<FeedbackIcon />} />
      <ActionMenuItem action={actionById('open-print')} icon={<PrintIcon />} />
    </>
  );
}

export function NoticeMenu() {
  const { t } = useTranslation();
  return (
    <div className="group" data-group="notice">
      <MenuButton label={t('notice.ui.menuButton')} name={t('notice.ui.menu')} action="notice-menu">
        <NoticeItems />
      </MenuButton>
    </div>
  );
}

export function NoticeDialogs() {
  const { editor } = useServices();
  const open = useUi((s) => s.dialog?.kind);
  const onClose = () => editor.ui.setDialog(null);
  return (
    <Suspense fallback={null}>
      {open === 'publish' ? <PublishNoticeDialog onClose={onClose} /> : null}
      {open === 'feedback' ? <FeedbackPanel onClose={onClose} /> : null}
      {open === 'print' ? <PrintMapDialog onClose={onClose} /> : null}
    </Suspense>
  );
}
