/**
 * The status bar's drafts corner: "已保存 12:03:41" / "保存中…" (a new plan not stored yet: "正在存为本机草稿…")
 * / what went wrong (with "导出备份" at once),
 * storage use in the tooltip, and the way to the drafts list and the versions panel.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SaveStatus as Status } from '../../persist/session/drafts-state.ts';
import type { StorageInfo } from '../../persist/storage-info.ts';
import { formatMessage } from '../format.ts';
import { useDrafts, useDraftsState } from './drafts-context.tsx';
import { formatBytes, formatClock } from './format.ts';
import { homeUrl } from './start-route.ts';
import { useExportBackup } from './use-export-backup.ts';
import { useShownAfter } from '../use-shown-after.ts';

/** A save shorter than this never shows "保存中…". */
const BUSY_HINT_MS = 400;

export function SaveStatus() {
  const { t, i18n } = useTranslation();
  const { controller } = useDrafts();
  const save = useDraftsState((s) => s.save);
  const role = useDraftsState((s) => s.role);
  const storage = useDraftsState((s) => s.storage);
  const stored = useDraftsState((s) => s.draft !== null);
  const revision = useDraftsState((s) => s.draft?.revision ?? 0);
  const exportBackup = useExportBackup();
  const problem = save.kind === 'failed' || save.kind === 'unavailable';

  // The text keeps the last "已保存" time through a quick save; `data-save-state` always tells the truth.
  const busy = save.kind === 'saving' || save.kind === 'pending';
  const showBusy = useShownAfter(busy, BUSY_HINT_MS);
  const [lastSaved, setLastSaved] = useState<Status | null>(null);
  useEffect(() => {
    if (save.kind === 'saved') setLastSaved(save);
  }, [save]);
  const shownSave = busy && !showBusy && lastSaved ? lastSaved : save;
  // A new plan (the sample, a file) being stored for the first time: nothing the planner did is being saved.
  let text = busy && !stored ? t('drafts.save.creating') : statusText(t, shownSave, (m) => formatMessage(t, (k) => i18n.exists(k), m));
  if (role === 'elsewhere' || role === 'takingOver') text = `${t('drafts.tabs.elsewhere')} · ${text}`;

  const goHome = async () => {
    await controller.flush();
    window.location.assign(homeUrl());
  };

  return (
    <span className={`save-status${problem ? ' problem' : ''}`}>
      <span
        className="save-text"
        data-testid="save-status"
        data-save-state={save.kind}
        data-revision={revision}
        role={problem ? 'alert' : 'status'}
        title={[t('drafts.save.hint'), ...storageLines(t, storage)].join('\n')}
      >
        {text}
      </span>
      {problem ? (
        <button type="button" className="mini-button danger" data-action="export-backup" onClick={() => void exportBackup()}>
          {t('drafts.save.exportNow')}
        </button>
      ) : null}
      <button type="button" className="mini-button" data-action="drafts-home" title={t('drafts.button.draftsHint')} onClick={() => void goHome()}>
        {t('drafts.button.drafts')}
      </button>
      <button type="button" className="mini-button" data-action="versions" disabled={!stored} onClick={() => controller.setVersionsOpen(true)}>
        {t('drafts.button.versions')}
      </button>
    </span>
  );
}

function statusText(t: TFunction, save: Status, message: (m: { key: string; params?: Record<string, string | number> }) => string): string {
  switch (save.kind) {
    case 'saved':
      return t('drafts.save.saved', { time: formatClock(save.at) });
    case 'saving':
    case 'pending':
      return t('drafts.save.saving');
    case 'failed':
      return t(`drafts.save.failed.${save.reason}`, { detail: save.detail });
    case 'unavailable':
      return `${t('drafts.save.notStored')}: ${message(save.error)}`;
  }
}

export function storageLines(t: TFunction, storage: StorageInfo | null): string[] {
  if (!storage) return [];
  const lines = [storage.persisted ? t('drafts.storage.persisted') : t('drafts.storage.notPersisted')];
  if (storage.usage !== null && storage.quota !== null) lines.unshift(t('drafts.storage.usage', { used: formatBytes(storage.usage), quota: formatBytes(storage.quota) }));
  return lines;
}
