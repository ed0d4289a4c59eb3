/**
 * The notice work in one place for the editor's toolbar: 发布公示, 公示意见 and 输出规划图, each opening its
 * dialog. Mount `<NoticeMenu />` inside the editor's ServicesContext and DraftsContext.
 */
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

// Loaded when first opened: publishing, feedback and printing bring their own code (the notice template,
// exceljs, pdf-lib) that the editor's start does not need.
const PublishNoticeDialog = lazy(() => import('./PublishNoticeDialog.tsx').then((m) => ({ default: m.PublishNoticeDialog })));
const FeedbackPanel = lazy(() => import('./FeedbackPanel.tsx').then((m) => ({ default: m.FeedbackPanel })));
const PrintMapDialog = lazy(() => import('./PrintMapDialog.tsx').then((m) => ({ default: m.PrintMapDialog })));

type Open = 'publish' | 'feedback' | 'print' | null;

export function NoticeMenu() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  return (
    <>
      <span className="notice-menu" role="group" aria-label={t('notice.ui.menu')}>
        <button type="button" className="tool-button" data-action="open-publish-notice" onClick={() => setOpen('publish')}>
          {t('notice.ui.publishTitle')}
        </button>
        <button type="button" className="tool-button" data-action="open-feedback" onClick={() => setOpen('feedback')}>
          {t('notice.ui.feedbackTitle')}
        </button>
        <button type="button" className="tool-button" data-action="open-print" onClick={() => setOpen('print')}>
          {t('notice.ui.printTitle')}
        </button>
      </span>
      <Suspense fallback={null}>
        {open === 'publish' ? <PublishNoticeDialog onClose={close} /> : null}
        {open === 'feedback' ? <FeedbackPanel onClose={close} /> : null}
        {open === 'print' ? <PrintMapDialog onClose={close} /> : null}
      </Suspense>
    </>
  );
}
