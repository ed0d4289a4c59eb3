/**
 * 发布公示: choose the frozen version, enter the notice dates (the end 30 days after the start by default,
 * never sooner), the issuing body, the contact and how to object, and get the single-file notice. A
 * version not yet marked as the published one is marked when its notice is made (it then stays frozen).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirmSetAside } from '../drafts/use-confirm-set-aside.ts';
import type { VersionRecord } from '../../persist/schema.ts';
import { useDrafts } from '../drafts/drafts-context.tsx';
import { useServices } from '../services.tsx';
import { publishFromVersion } from './publish-version.ts';
import { Dialog } from '../dialog/Dialog.tsx';
import { NoticeDetailsFields, PublishStatusLine, useNoticeDetails, usePublishStatus, withRuleNames } from './PublishPieces.tsx';

export function PublishNoticeDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const confirmSetAside = useConfirmSetAside();
  const { editor } = useServices();
  const { versions, controller } = useDrafts();
  const meta = editor.plan.getState().plan.meta;
  const [list, setList] = useState<readonly VersionRecord[]>([]);
  const [versionId, setVersionId] = useState('');
  const form = useNoticeDetails(meta.township ? t('notice.ui.defaultIssuer', { township: meta.township }) : '');
  const { checked } = form;
  const { status, setStatus, delivered } = usePublishStatus();

  useEffect(() => {
    void versions.list().then((listed) => {
      if (!listed.ok) return setStatus({ kind: 'failed', message: listed.error });
      setList(listed.value);
      const preferred = listed.value.find((v) => v.publishedAt !== null) ?? listed.value[listed.value.length - 1];
      if (preferred) setVersionId(preferred.id);
    });
  }, [versions, setStatus]);

  const version = list.find((v) => v.id === versionId);

  const publish = async () => {
    if (!version) return;
    if (!checked.ok) return setStatus({ kind: 'failed', message: checked.error });
    if (!confirmSetAside('publishNotice')) return;
    const db = await controller.database();
    if (!db) return setStatus({ kind: 'failed', message: { key: 'drafts.versions.notStored' } });
    setStatus({ kind: 'working' });
    const published = await publishFromVersion(db, version, checked.value, new Date().toISOString());
    if (!published.ok) return setStatus({ kind: 'failed', message: withRuleNames(published.error, (id) => t(`rules.${id}.name`)) });
    if (version.publishedAt === null) await versions.publish(version.id);
    delivered(published.value.fileName, published.value.bytes);
  };

  return (
    <Dialog
      title={t('notice.ui.publishTitle')}
      className="notice-dialog"
      onClose={onClose}
      footer={
        <button type="button" className="primary" data-action="publish-notice" disabled={!version || !checked.ok || status.kind === 'working'} onClick={() => void publish()}>
          {t('notice.ui.publish')}
        </button>
      }
    >
      <p className="hint">{t('notice.ui.publishHint')}</p>
      {list.length === 0 ? <p className="field-error">{t('notice.ui.noVersion')}</p> : null}
      <label className="notice-field">
        <span>{t('notice.ui.version')}</span>
        <select value={versionId} data-field="version" onChange={(e) => setVersionId(e.target.value)}>
          {list.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
              {v.publishedAt !== null ? ` 🔒 ${t('drafts.versions.published')}` : ''}
            </option>
          ))}
        </select>
      </label>
      <NoticeDetailsFields form={form} />
      <PublishStatusLine status={status} />
    </Dialog>
  );
}
