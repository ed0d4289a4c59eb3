/**
 * The 2026 village database view (村庄规划数据库, profile zhejiang-2026): for a county reviewer checking a
 * database a township hands in, or a planner making one. The layers in the profile's style, the findings
 * of the 2026 checks with each one located on the map, the three tables, the picked features' fields and,
 * for a plan kept on this computer, its edits with undo. Nothing here changes the files it was opened from.
 */
import { useEffect, useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { DatabaseSession } from '../../app/database-session.ts';
import { createI18n } from '../../i18n/index.ts';
import type { UiStore } from '../../store/ui.store.ts';
import { formatMessage } from '../format.ts';
import { DatabaseExport, type ExportSaid } from './DatabaseExport.tsx';
import { DatabaseWorkspace } from './DatabaseWorkspace.tsx';
import { KeepStatus } from './KeepStatus.tsx';
import { PublishDatabaseNotice } from './PublishDatabaseNotice.tsx';
import { ReviewList } from './ReviewList.tsx';
import { useWarnBeforeLeaving } from './use-warn-before-leaving.ts';

export function DatabaseApp({ ui, session, onHome }: { ui: UiStore; session: DatabaseSession; onHome: () => void }) {
  const language = useStore(ui.store, (s) => s.language);
  const i18n = useMemo(() => createI18n(ui.getState().language), [ui]);
  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);
  return (
    <I18nextProvider i18n={i18n}>
      <DatabaseFrame ui={ui} session={session} onHome={onHome} />
    </I18nextProvider>
  );
}

function DatabaseFrame({ ui, session, onHome }: { ui: UiStore; session: DatabaseSession; onHome: () => void }) {
  const { t, i18n } = useTranslation();
  const state = useStore(session.store);
  const language = useStore(ui.store, (s) => s.language);
  const name = state.database?.info.villageName ?? state.source;
  useEffect(() => {
    document.title = `${name} · ${t('database.title')}`;
  }, [name, t]);
  useWarnBeforeLeaving(state.unsaved);
  const [exportSaid, setExportSaid] = useState<ExportSaid | null>(null);
  const text = (message: Parameters<typeof formatMessage>[2]) => formatMessage(t, (k) => i18n.exists(k), message);
  return (
    <div className="database-app" data-testid="database-app" data-phase={state.phase} data-checked={state.check ? 'true' : 'false'} data-tabulated={state.tables ? 'true' : 'false'}>
      <header className="database-head">
        <button type="button" className="tool-button" data-action="home" onClick={onHome}>
          {t('database.home')}
        </button>
        <h1>
          {name} <span className="muted">{t('database.title')}</span>
        </h1>
        {state.database ? <span className="edition">{t(`rules.db.edition.${state.database.edition}`)}</span> : null}
        {state.database ? <KeepStatus session={session} /> : null}
        {state.database ? <DatabaseExport session={session} name={name} onSaid={setExportSaid} /> : null}
        {state.database ? <PublishDatabaseNotice session={session} name={name} /> : null}
        <button type="button" className="tool-button" data-action="language" onClick={() => ui.setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')}>
          {language === 'zh-CN' ? 'English' : '中文'}
        </button>
      </header>
      {exportSaid ? (
        <div className={`notice export-said ${exportSaid.level}`} role={exportSaid.level === 'error' ? 'alert' : 'status'} data-testid="export-said">
          {exportSaid.messages.map((message, i) => (
            <p key={i}>{text(message)}</p>
          ))}
          <button type="button" className="link" onClick={() => setExportSaid(null)}>
            {t('database.export.dismiss')}
          </button>
        </div>
      ) : null}
      {state.phase === 'opening' ? <p className="hint" role="status">{t('database.opening', { source: state.source })}</p> : null}
      {state.phase === 'reviewing' && state.review ? (
        <>
          {state.error ? <p className="notice error" role="alert" data-testid="review-refused">{text(state.error)}</p> : null}
          <ReviewList
            title={t(state.conversion === 'survey' ? 'database.review.surveyTitle' : 'database.review.planTitle', { source: state.source })}
            groups={state.review.groups}
            notes={state.notes}
            parcels={state.review.parcels}
            confirm={(decisions) => void session.confirmReview(decisions)}
            cancel={onHome}
          />
        </>
      ) : null}
      {state.phase === 'failed' && state.error ? (
        <div className="notice error" role="alert" data-testid="database-error">
          <p>{t('database.openFailed', { source: state.source })}</p>
          <p>{text(state.error)}</p>
        </div>
      ) : null}
      {state.workFailed ? <p className="notice error" role="alert">{text(state.workFailed)}</p> : null}
      {state.notes.length > 0 && state.phase !== 'reviewing' ? (
        <details className="notice warning" data-testid="database-notes">
          <summary>{t('database.notes', { count: state.notes.length })}</summary>
          <ul>{state.notes.map((note, i) => <li key={i}>{text(note)}</li>)}</ul>
        </details>
      ) : null}
      {state.database ? <DatabaseWorkspace key={state.opened} db={state.database} session={session} /> : null}
    </div>
  );
}
