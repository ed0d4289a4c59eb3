/**
 * The start page: the plans on this machine (village, last change, size), new from the sample village or
 * from a file (plan file or backup), rename, duplicate, delete to the trash, restore, storage use.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../domain/message.ts';
import { parsePlanText } from '../../domain/plan-file.ts';
import { createDraft, deleteDraftForever, duplicateDraft, renameDraft, restoreDraft, trashDraft } from '../../persist/draft-store.ts';
import type { DraftRecord } from '../../persist/schema.ts';
import { TRASH_DAYS } from '../../persist/schema.ts';
import { exportStoredDraft, importDraftFile } from '../../persist/session/backup-service.ts';
import { isDraftLocked } from '../../persist/tabs/draft-lock.ts';
import { openDraftChannel } from '../../persist/tabs/draft-channel.ts';
import type { UiStore } from '../../store/ui.store.ts';
import { formatMessage } from '../format.ts';
import { downloadText } from '../download.ts';
import { DraftRow, TrashRow, type DraftRowActions } from './DraftRows.tsx';
import { storageLines } from './SaveStatus.tsx';
import { draftUrl } from './start-route.ts';
import { useDraftList } from './use-draft-list.ts';

interface Notice {
  readonly id: number;
  readonly level: 'info' | 'error' | 'warning';
  readonly message: Message;
}

let noticeIds = 0;

export function StartPage({ ui, sampleUrl, notice }: { ui: UiStore; sampleUrl: string; notice?: Message }) {
  const { t, i18n } = useTranslation();
  const { db, list, storage, failure, purged, refresh } = useDraftList();
  const [notices, setNotices] = useState<readonly Notice[]>(notice ? [{ id: ++noticeIds, level: 'error', message: notice }] : []);
  const [busy, setBusy] = useState(false);
  const say = (level: Notice['level'], ...messages: Message[]) => setNotices((n) => [...n, ...messages.map((message) => ({ id: ++noticeIds, level, message }))].slice(-6));
  const text = (message: Message) => formatMessage(t, (k) => i18n.exists(k), message);
  const announce = () => {
    const channel = openDraftChannel(() => undefined);
    channel.post({ kind: 'listChanged' });
    channel.close();
  };
  const changed = async () => {
    announce();
    await refresh();
  };

  /** Runs one operation at a time, with its failure shown instead of thrown. */
  const run = async (operation: () => Promise<void>) => {
    setBusy(true);
    try {
      await operation();
    } catch (error) {
      say('error', { key: 'drafts.save.failed.other', params: { detail: String(error) } });
    } finally {
      setBusy(false);
    }
  };

  const actions: DraftRowActions = {
    rename: (draft, name) =>
      void run(async () => {
        if (!db) return;
        const renamed = await renameDraft(db, draft.id, name);
        if (!renamed.ok) say('error', renamed.error);
        await changed();
      }),
    duplicate: (draft) =>
      void run(async () => {
        if (!db) return;
        const copy = await duplicateDraft(db, draft.id, t('drafts.home.duplicateName', { name: draft.name }));
        if (!copy.ok) say('error', copy.error);
        await changed();
      }),
    backup: (draft) =>
      void run(async () => {
        if (!db) return;
        const backup = await exportStoredDraft(db, draft.id);
        if (!backup.ok) return say('error', backup.error);
        downloadText(backup.value.fileName, backup.value.text);
        if (backup.notes.length) say('warning', ...backup.notes);
      }),
    trash: (draft) =>
      void run(async () => {
        if (!db) return;
        if (await isDraftLocked(draft.id)) {
          say('warning', { key: 'drafts.home.openElsewhere', params: { name: draft.name } });
          return;
        }
        await trashDraft(db, draft.id);
        say('info', { key: 'drafts.home.deleted', params: { name: draft.name } });
        await changed();
      }),
  };
  const restore = (draft: DraftRecord) =>
    void run(async () => {
      if (db) await restoreDraft(db, draft.id);
      await changed();
    });
  const destroy = (draft: DraftRecord) =>
    void run(async () => {
      if (!db || !window.confirm(t('drafts.home.deleteForeverConfirm', { name: draft.name }))) return;
      await deleteDraftForever(db, draft.id);
      await changed();
    });

  const newFromSample = () =>
    void run(async () => {
      if (!db) return;
      const plan = parsePlanText(await (await fetch(sampleUrl)).text());
      if (!plan.ok) return say('error', plan.error);
      const { info } = await createDraft(db, { plan: plan.value, origin: { kind: 'sample' } });
      announce();
      window.location.assign(draftUrl(info.id));
    });
  const importFile = (file: File) =>
    void run(async () => {
      if (!db) return;
      const imported = await importDraftFile(db, await file.text(), file.name);
      if (!imported.ok) return say('error', imported.error);
      announce();
      // With notes (something left out), stay here so the planner reads them; else open the draft.
      if (imported.notes.length === 0) return window.location.assign(draftUrl(imported.value));
      say('warning', { key: 'drafts.home.imported', params: { name: file.name } }, ...imported.notes);
      await refresh();
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
        <button type="button" className="primary" data-action="new-from-sample" disabled={!db || busy} onClick={newFromSample}>
          {t('drafts.home.newFromSample')}
        </button>
        <label className={`file-button${!db || busy ? ' disabled' : ''}`} title={t('drafts.home.importHint')}>
          {t('drafts.home.import')}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="import-file"
            disabled={!db || busy}
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
      <footer className="hint storage-usage" data-testid="storage-usage">
        {storageLines(t, storage).join(' ')}
      </footer>
    </div>
  );
}
