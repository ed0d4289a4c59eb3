/**
 * The start page: the plans on this machine (village, last change, size), new from the sample village or
 * from a file (plan file or backup), rename, duplicate, delete to the trash, restore, storage use. The
 * drafts and what can be done to them are the draft list service's (persist/session/draft-list-service.ts);
 * this page shows them and says how each operation went.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Message, Result } from '../../domain/message.ts';
import { looksLikeVillageDatabase } from '../../io/village-database/database-file.ts';
import type { DraftId, DraftRecord } from '../../persist/schema.ts';
import { TRASH_DAYS } from '../../persist/schema.ts';
import type { DraftListService } from '../../persist/session/draft-list-service.ts';
import type { UiStore } from '../../store/ui.store.ts';
import { formatMessage } from '../format.ts';
import { downloadText } from '../download.ts';
import { DraftRow, TrashRow, type DraftRowActions } from './DraftRows.tsx';
import { storageLines } from './SaveStatus.tsx';
import { DatabaseStart, type DatabaseOpenRequest } from '../database/DatabaseStart.tsx';
import { draftUrl } from './start-route.ts';

interface Notice {
  readonly id: number;
  readonly level: 'info' | 'error' | 'warning';
  readonly message: Message;
}

let noticeIds = 0;

export function StartPage({ ui, drafts, notice, openDatabase }: { ui: UiStore; drafts: DraftListService; notice?: Message; openDatabase: (request: DatabaseOpenRequest) => void }) {
  const { t, i18n } = useTranslation();
  const { ready, list, storage, failure, purged, busy } = useStore(drafts.store);
  const [notices, setNotices] = useState<readonly Notice[]>(notice ? [{ id: ++noticeIds, level: 'error', message: notice }] : []);
  const say = (level: Notice['level'], ...messages: Message[]) => setNotices((n) => [...n, ...messages.map((message) => ({ id: ++noticeIds, level, message }))].slice(-6));
  const text = (message: Message) => formatMessage(t, (k) => i18n.exists(k), message);
  const sayRefusal = (result: Result<unknown>) => {
    if (!result.ok) say('error', result.error);
  };
  /** A new draft is opened at once. */
  const open = (created: Result<DraftId>) => (created.ok ? window.location.assign(draftUrl(created.value)) : say('error', created.error));

  const actions: DraftRowActions = {
    rename: (draft, name) => void drafts.rename(draft.id, name).then(sayRefusal),
    duplicate: (draft) => void drafts.duplicate(draft.id, t('drafts.home.duplicateName', { name: draft.name })).then(sayRefusal),
    backup: (draft) =>
      void drafts.backup(draft.id).then((backup) => {
        if (!backup.ok) return say('error', backup.error);
        downloadText(backup.value.fileName, backup.value.text);
        if (backup.notes.length) say('warning', ...backup.notes);
      }),
    trash: (draft) =>
      void drafts.trash(draft).then((trashed) => {
        if (trashed.ok) say('info', { key: 'drafts.home.deleted', params: { name: draft.name } });
        // Open in another tab is a reason to wait, not an error.
        else say(trashed.error.key === 'drafts.home.openElsewhere' ? 'warning' : 'error', trashed.error);
      }),
  };
  const restore = (draft: DraftRecord) => void drafts.restore(draft.id).then(sayRefusal);
  const destroy = (draft: DraftRecord) => {
    if (window.confirm(t('drafts.home.deleteForeverConfirm', { name: draft.name }))) void drafts.destroy(draft.id).then(sayRefusal);
  };
  const newFromSample = () => void drafts.newFromSample().then(open);
  // A file names its plan type: a 2026 village database opens in its own view, as if chosen there.
  const importFile = (file: File) =>
    void file.text().then(async (text) => {
      if (looksLikeVillageDatabase(text)) return openDatabase({ kind: 'text', text, source: file.name });
      const imported = await drafts.importFile(file);
      // With notes (something left out), stay here so the planner reads them; else open the draft.
      if (!imported.ok || imported.notes.length === 0) return open(imported);
      say('warning', { key: 'drafts.home.imported', params: { name: file.name } }, ...imported.notes);
    });

  const language = ui.getState().language;
  return (
    <div className="start-page" data-testid="start-page" aria-busy={busy || (!list && !failure)}>
      <header className="start-head">
        <div>
          <h1>{t('app.title')}</h1>
          <h2>{t('drafts.home.title')}</h2>
        </div>
        <button type="button" className="tool-button" data-action="language" onClick={() => ui.setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')}>
          {language === 'zh-CN' ? 'English' : '中文'}
        </button>
      </header>
      <p className="hint">{t('drafts.home.intro')}</p>
      <div className="start-actions">
        <button type="button" className="primary" data-action="new-from-sample" disabled={!ready || busy} onClick={newFromSample}>
          {t('drafts.home.newFromSample')}
        </button>
        <label className={`file-button${!ready || busy ? ' disabled' : ''}`} title={t('drafts.home.importHint')}>
          {t('drafts.home.import')}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="import-file"
            disabled={!ready || busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) importFile(file);
            }}
          />
        </label>
      </div>
      <div className="notices" aria-live="polite">
        {failure ? <p className="notice error" role="alert">{text(failure)}</p> : null}
        {purged > 0 ? <p className="notice info">{t('drafts.home.purged', { count: purged })}</p> : null}
        {list && list.unreadable > 0 ? <p className="notice warning">{t('drafts.home.unreadable', { count: list.unreadable })}</p> : null}
        {notices.map((n) => (
          <p key={n.id} className={`notice ${n.level}`} role={n.level === 'error' ? 'alert' : 'status'}>
            {text(n.message)}
          </p>
        ))}
      </div>
      {!list && !failure ? <p className="hint">{t('drafts.home.loading')}</p> : null}
      {list && list.live.length === 0 ? <p className="hint">{t('drafts.home.empty')}</p> : null}
      {list && list.live.length > 0 ? (
        <table className="drafts-table" data-testid="drafts-table">
          <thead>
            <tr>
              <th>{t('drafts.home.name')}</th>
              <th>{t('drafts.home.village')}</th>
              <th>{t('drafts.home.updated')}</th>
              <th>{t('drafts.home.size')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.live.map((draft) => (
              <DraftRow key={`${draft.id}:${draft.name}`} draft={draft} actions={actions} />
            ))}
          </tbody>
        </table>
      ) : null}
      {list && list.trash.length > 0 ? (
        <details className="trash" data-testid="trash">
          <summary>
            {t('drafts.home.trash')} ({list.trash.length})
          </summary>
          <p className="hint">{t('drafts.home.trashHint', { days: TRASH_DAYS })}</p>
          <table className="drafts-table">
            <tbody>
              {list.trash.map((draft) => (
                <TrashRow key={draft.id} draft={draft} now={Date.now()} restore={restore} destroy={destroy} />
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
      <DatabaseStart onOpen={openDatabase} />
      <footer className="hint storage-usage" data-testid="storage-usage">
        {storageLines(t, storage).join(' ')}
      </footer>
    </div>
  );
}
