/**
 * Versions of the open draft: save the plan as a named version (方案一, 公示稿, 报批稿), mark the one for the
 * public notice (frozen for good), delete others, restore one as a new draft, and compare any two.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../domain/message.ts';
import type { VersionRecord } from '../../persist/schema.ts';
import { MAX_VERSION_NAME } from '../../persist/versions.ts';
import { useServices } from '../services.tsx';
import { useDrafts, useDraftsState } from './drafts-context.tsx';
import { formatDateTime } from './format.ts';
import { draftUrl } from './start-route.ts';
import { useConfirmSetAside } from './use-confirm-set-aside.ts';
import { useExportBackup } from './use-export-backup.ts';
import { VersionCompare } from './VersionCompare.tsx';
import { Dialog } from '../dialog/Dialog.tsx';
import { formatMessage } from '../format.ts';

const SUGGESTIONS = ['drafts.versions.suggest.option', 'drafts.versions.suggest.notice', 'drafts.versions.suggest.approval'] as const;

export function VersionsPanel() {
  const { t, i18n } = useTranslation();
  const { editor } = useServices();
  const { controller, versions } = useDrafts();
  const open = useDraftsState((s) => s.versionsOpen);
  const stamp = useDraftsState((s) => s.versionsStamp);
  const [list, setList] = useState<readonly VersionRecord[]>([]);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<Message | null>(null);
  const exportBackup = useExportBackup();
  const confirmSetAside = useConfirmSetAside();

  useEffect(() => {
    if (!open) return;
    let current = true;
    void versions.list().then((listed) => {
      if (!current) return;
      if (listed.ok) setList(listed.value);
      else setProblem(listed.error);
    });
    return () => {
      current = false;
    };
  }, [open, stamp, versions]);

  if (!open) return null;
  const close = () => controller.setVersionsOpen(false);
  const report = (outcome: { ok: boolean; error?: Message }) => setProblem(outcome.ok ? null : (outcome.error ?? null));

  const create = async () => {
    if (!confirmSetAside('createVersion')) return;
    const created = await versions.create(name);
    report(created);
    if (!created.ok) return;
    setName('');
    editor.messages.toast('success', { key: 'drafts.versions.created', params: { name: created.value.name } });
  };
  const publish = async (version: VersionRecord) => {
    if (window.confirm(t('drafts.versions.publishConfirm', { name: version.name }))) report(await versions.publish(version.id));
  };
  const remove = async (version: VersionRecord) => {
    if (window.confirm(t('drafts.versions.deleteConfirm', { name: version.name }))) report(await versions.remove(version.id));
  };
  const restore = async (version: VersionRecord) => {
    const restored = await versions.restoreAsDraft(version);
    report(restored);
    if (restored.ok) {
      await controller.flush();
      window.location.assign(draftUrl(restored.value));
    }
  };

  return (
    <Dialog
      title={t('drafts.versions.title')}
      className="versions"
      onClose={close}
      footer={
        <button type="button" data-action="export-backup" title={t('drafts.home.backupHint')} onClick={() => void exportBackup()}>
          {t('drafts.save.exportNow')}
        </button>
      }
    >
      <p className="hint">{t('drafts.versions.hint')}</p>
      <form
        className="version-form"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <input aria-label={t('drafts.versions.name')} placeholder={t('drafts.versions.name')} list="version-names" value={name} maxLength={MAX_VERSION_NAME} onChange={(e) => setName(e.target.value)} />
        <datalist id="version-names">
          {SUGGESTIONS.map((key) => (
            <option key={key} value={t(key)} />
          ))}
        </datalist>
        <button type="submit" className="primary" data-action="create-version">
          {t('drafts.versions.create')}
        </button>
      </form>
      {problem ? <p className="field-error" role="alert">{formatMessage(t, (k) => i18n.exists(k), problem)}</p> : null}
      {list.length === 0 ? <p className="hint">{t('drafts.versions.empty')}</p> : null}
      <ul className="version-list">
        {list.map((version) => (
          <li key={version.id} className={version.publishedAt !== null ? 'published' : ''} data-version={version.name}>
            <div className="version-name">
              <strong>{version.name}</strong>
              {version.publishedAt !== null ? <span className="published-mark">🔒 {t('drafts.versions.published')}</span> : null}
            </div>
            <div className="hint">
              {formatDateTime(version.createdAt)} · {t('drafts.versions.features', { count: version.featureCount })}
              {version.publishedAt !== null ? ` · ${t('drafts.versions.publishedAt', { time: formatDateTime(version.publishedAt) })}` : ''}
            </div>
            <div className="version-actions">
              <button type="button" className="mini-button" data-action="restore-version" onClick={() => void restore(version)}>
                {t('drafts.versions.restore')}
              </button>
              {version.publishedAt === null ? (
                <>
                  <button type="button" className="mini-button" data-action="publish-version" onClick={() => void publish(version)}>
                    {t('drafts.versions.publish')}
                  </button>
                  <button type="button" className="mini-button" data-action="delete-version" onClick={() => void remove(version)}>
                    {t('drafts.versions.delete')}
                  </button>
                </>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {list.length > 0 ? <VersionCompare versions={list} /> : null}
    </Dialog>
  );
}
