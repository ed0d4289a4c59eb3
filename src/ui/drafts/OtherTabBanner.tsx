/** "已在其他标签页打开": this tab shows another tab's saves; the planner can take over editing here. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../services.tsx';
import { useDrafts, useDraftsState } from './drafts-context.tsx';

export function OtherTabBanner() {
  const { t } = useTranslation();
  const { editor } = useServices();
  const { controller } = useDrafts();
  const role = useDraftsState((s) => s.role);
  const [busy, setBusy] = useState(false);
  if (role !== 'elsewhere' && role !== 'takingOver') return null;

  const takeOver = async () => {
    setBusy(true);
    const taken = await controller.takeOver();
    setBusy(false);
    if (!taken.ok) {
      editor.messages.toast('error', taken.error);
      return;
    }
    taken.notes.forEach((note) => editor.messages.toast('warning', note, { untilDismissed: true }));
    editor.messages.toast('success', { key: 'drafts.tabs.tookOver' });
  };

  return (
    <div className="other-tab-banner" role="alert" data-testid="other-tab-banner">
      <strong>{t('drafts.tabs.elsewhere')}</strong>
      <span>{t('drafts.tabs.elsewhereHint')}</span>
      <button type="button" className="primary" data-action="take-over" disabled={busy || role === 'takingOver'} onClick={() => void takeOver()}>
        {role === 'takingOver' ? t('drafts.tabs.takingOver') : t('drafts.tabs.takeOver')}
      </button>
    </div>
  );
}
