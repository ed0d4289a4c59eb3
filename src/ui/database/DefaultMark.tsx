/** Beside a ⚠ default in the 默认值 section: 默认值 while the plan keeps it, else 已修改 with a way back. */
import { useTranslation } from 'react-i18next';

export function DefaultMark({ changed, reset }: { changed: boolean; reset: () => void }) {
  const { t } = useTranslation();
  if (!changed) return <span className="hint" data-testid="default-kept">{t('database.defaults.default')}</span>;
  return (
    <>
      <span className="badge warning" data-testid="default-changed">{t('database.defaults.changed')}</span>{' '}
      <button type="button" className="link" data-action="reset-default" onClick={reset}>
        {t('database.defaults.reset')}
      </button>
    </>
  );
}
