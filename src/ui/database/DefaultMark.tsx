/**
 * Beside a ⚠ default in the 默认值 section: 默认值 while the plan keeps it, else 已修改 with a way back. A value
 * the plan changed on a parent code (0804 for 080401) says so, and its way back undoes the parent's entry.
 */
import { useTranslation } from 'react-i18next';

export function DefaultMark({ changed, via, reset }: { changed: boolean; via?: string | null; reset: () => void }) {
  const { t } = useTranslation();
  if (!changed) return <span className="hint" data-testid="default-kept">{t('database.defaults.default')}</span>;
  return (
    <>
      <span className="badge warning" data-testid="default-changed">{via ? t('database.defaults.changedVia', { code: via }) : t('database.defaults.changed')}</span>{' '}
      <button type="button" className="link" data-action="reset-default" onClick={reset}>
        {via ? t('database.defaults.resetVia', { code: via }) : t('database.defaults.reset')}
      </button>
    </>
  );
}
