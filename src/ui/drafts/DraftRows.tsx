/** One line per draft on the start page, and one per draft in the trash. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftRecord } from '../../persist/schema.ts';
import { TRASH_MS } from '../../persist/schema.ts';
import { formatBytes, formatDateTime } from './format.ts';
import { draftUrl } from './start-route.ts';

export interface DraftRowActions {
  rename(draft: DraftRecord, name: string): void;
  duplicate(draft: DraftRecord): void;
  backup(draft: DraftRecord): void;
  trash(draft: DraftRecord): void;
}

export function DraftRow({ draft, actions }: { draft: DraftRecord; actions: DraftRowActions }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(draft.name);
  const finish = () => {
    setEditing(false);
    if (name.trim() && name.trim() !== draft.name) actions.rename(draft, name);
    else setName(draft.name);
  };
  return (
    <tr data-draft={draft.id}>
      <td>
        {editing ? (
          <input
            autoFocus
            aria-label={t('drafts.home.renamePrompt')}
            className="rename"
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
            onBlur={finish}
            onKeyDown={(e) => {
              if (e.key === 'Enter') finish();
              if (e.key === 'Escape') {
                setName(draft.name);
                setEditing(false);
              }
            }}
          />
        ) : (
          <a className="draft-name" href={draftUrl(draft.id)}>
            {draft.name || t('drafts.home.untitled')}
          </a>
        )}
        <div className="hint">{originText(t, draft)}</div>
      </td>
      <td>{draft.villageName}</td>
      <td>{formatDateTime(draft.updatedAt)}</td>
      <td>
        {formatBytes(draft.bytes)}
        <div className="hint">{t('drafts.home.features', { count: draft.featureCount })}</div>
      </td>
      <td className="row-actions">
        <a className="mini-button" data-action="open-draft" href={draftUrl(draft.id)}>
          {t('drafts.home.open')}
        </a>
        <button type="button" className="mini-button" data-action="rename-draft" onClick={() => setEditing(true)}>
          {t('drafts.home.rename')}
        </button>
        <button type="button" className="mini-button" data-action="duplicate-draft" title={t('drafts.home.duplicateHint')} onClick={() => actions.duplicate(draft)}>
          {t('drafts.home.duplicate')}
        </button>
        <button type="button" className="mini-button" data-action="backup-draft" title={t('drafts.home.backupHint')} onClick={() => actions.backup(draft)}>
          {t('drafts.save.exportNow')}
        </button>
        <button type="button" className="mini-button" data-action="trash-draft" onClick={() => actions.trash(draft)}>
          {t('drafts.home.delete')}
        </button>
      </td>
    </tr>
  );
}

export function TrashRow({ draft, now, restore, destroy }: { draft: DraftRecord; now: number; restore(d: DraftRecord): void; destroy(d: DraftRecord): void }) {
  const { t } = useTranslation();
  const days = Math.max(0, Math.ceil(((draft.deletedAt ?? now) + TRASH_MS - now) / 86_400_000));
  return (
    <tr data-draft={draft.id}>
      <td>{draft.name || t('drafts.home.untitled')}</td>
      <td>{draft.villageName}</td>
      <td>{t('drafts.home.daysLeft', { days })}</td>
      <td className="row-actions">
        <button type="button" className="mini-button" data-action="restore-draft" onClick={() => restore(draft)}>
          {t('drafts.home.restore')}
        </button>
        <button type="button" className="mini-button danger" data-action="destroy-draft" onClick={() => destroy(draft)}>
          {t('drafts.home.deleteForever')}
        </button>
      </td>
    </tr>
  );
}

function originText(t: (key: string, params?: Record<string, string>) => string, draft: DraftRecord): string {
  const origin = draft.origin;
  switch (origin.kind) {
    case 'sample':
      return t('drafts.home.origin.sample');
    case 'file':
      return t('drafts.home.origin.file', { name: origin.name });
    case 'backup':
      return t('drafts.home.origin.backup', { name: origin.name });
    case 'duplicate':
      return t('drafts.home.origin.duplicate', { of: origin.of });
    case 'version':
      return t('drafts.home.origin.version', { versionName: origin.versionName });
  }
}
