/** Toasts: what a command did or why it was refused. Errors, and warnings of a loss, stay until dismissed. */
import { useTranslation } from 'react-i18next';
import { formatMessage } from '../format.ts';
import { useMessages, useServices } from '../services.tsx';

export function Toasts() {
  const { t, i18n } = useTranslation();
  const { editor } = useServices();
  const toasts = useMessages((s) => s.toasts);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast ${toast.level}`} role={toast.level === 'error' ? 'alert' : 'status'} data-level={toast.level}>
          <span>{formatMessage(t, (k) => i18n.exists(k), toast.message)}</span>
          <button type="button" className="mini" aria-label={t('messages.dismiss')} onClick={() => editor.messages.dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
