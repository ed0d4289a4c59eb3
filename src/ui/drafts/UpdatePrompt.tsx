/** "新版本可用": a new build of the app is installed; reloading into it keeps every saved change. */
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { applyAppUpdate, appUpdate } from './app-worker.ts';

export function UpdatePrompt() {
  const { t } = useTranslation();
  const ready = useStore(appUpdate, (s) => s.ready);
  if (!ready) return null;
  return (
    <div className="update-prompt" role="status" data-testid="update-prompt">
      <span>{t('drafts.update.ready')}</span>
      <button type="button" className="primary" data-action="apply-update" onClick={() => void applyAppUpdate()}>
        {t('drafts.update.reload')}
      </button>
    </div>
  );
}
