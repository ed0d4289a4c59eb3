/**
 * Where the open plan lives, in the header: kept on this computer (saved, saving, or why a save failed),
 * with undo and redo; or only in this page, with 保存到本机以编辑 (a plan opened from files or the sample).
 */
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { DatabaseSession } from '../../app/database-session.ts';
import { formatMessage } from '../format.ts';

export function KeepStatus({ session }: { session: DatabaseSession }) {
  const { t, i18n } = useTranslation();
  const { draft, saving, saveError, unsaved, history, source, conversion, database } = useStore(session.store);
  if (!draft) {
    return (
      <span className="keep-status">
        {unsaved ? (
          <span className="unsaved" role="status" data-testid="unsaved">
            {t('database.unsaved')}
          </span>
        ) : null}
        {saveError ? <span className="save-error" role="alert">{formatMessage(t, (k) => i18n.exists(k), saveError)}</span> : null}
        <button type="button" className="tool-button" data-action="keep" onClick={() => void session.keep(database?.info.villageName ?? source, conversion ?? 'file')} title={t('database.keep.hint')}>
          {t('database.keep.button')}
        </button>
      </span>
    );
  }
  const label = saving === 'failed' ? 'database.keep.failed' : saving === 'idle' ? 'database.keep.saved' : 'database.keep.saving';
  return (
    <span className="keep-status" data-testid="keep-status" data-saving={saving}>
      <button type="button" className="tool-button" data-action="undo" disabled={history.done.length === 0} onClick={() => session.undo()} title={t('database.edit.undoHint')}>
        {t('database.edit.undo')}
      </button>
      <button type="button" className="tool-button" data-action="redo" disabled={history.undone.length === 0} onClick={() => session.redo()} title={t('database.edit.redoHint')}>
        {t('database.edit.redo')}
      </button>
      <span className={`saved ${saving}`} role="status">
        {t(label)}
        {saving === 'failed' && saveError ? `：${formatMessage(t, (k) => i18n.exists(k), saveError)}` : ''}
      </span>
    </span>
  );
}
