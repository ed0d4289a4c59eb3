/**
 * The notice work in one place for the editor's toolbar: 发布公示, 公示意见 and 输出规划图, each opening its
 * dialog. Mount `<NoticeMenu />` inside the editor's ServicesContext and DraftsContext.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackPanel } from './FeedbackPanel.tsx';
import { PrintMapDialog } from './PrintMapDialog.tsx';
import { PublishNoticeDialog } from './PublishNoticeDialog.tsx';

type Open = 'publish' | 'feedback' | 'print' | null;

export function NoticeMenu() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  return (
    <>
      <span className="notice-menu" role="group" aria-label={t('notice.ui.menu')}>
        <button type="button" data-action="open-publish-notice" onClick={() => setOpen('publish')}>
          {t('notice.ui.publishTitle')}
        </button>
        <button type="button" data-action="open-feedback" onClick={() => setOpen('feedback')}>
          {t('notice.ui.feedbackTitle')}
        </button>
        <button type="button" data-action="open-print" onClick={() => setOpen('print')}>
          {t('notice.ui.printTitle')}
        </button>
      </span>
      {open === 'publish' ? <PublishNoticeDialog onClose={close} /> : null}
      {open === 'feedback' ? <FeedbackPanel onClose={close} /> : null}
      {open === 'print' ? <PrintMapDialog onClose={close} /> : null}
    </>
  );
}
