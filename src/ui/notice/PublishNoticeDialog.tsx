/**
 * 发布公示: choose the frozen version, enter the notice dates (the end 30 days after the start by default,
 * never sooner), the issuing body, the contact and how to object, and get the single-file notice. A
 * version not yet marked as the published one is marked when its notice is made (it then stays frozen).
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirmSetAside } from '../drafts/use-confirm-set-aside.ts';
import type { Message } from '../../domain/message.ts';
import type { VersionRecord } from '../../persist/schema.ts';
import { renderMessage } from '../../rules/render.ts';
import { localDate } from '../../domain/calendar.ts';
import { checkNoticeDetails, defaultEndDate, type NoticeDetails } from '../../viewer/publish/notice-details.ts';
import { useDrafts } from '../drafts/drafts-context.tsx';
import { useServices } from '../services.tsx';
import { downloadBytes } from '../download.ts';
import { publishFromVersion } from './publish-version.ts';
import { Dialog } from '../dialog/Dialog.tsx';

type Status = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; fileName: string; bytes: number; url: string } | { kind: 'failed'; message: Message };

/** Rule ids in a refusal become their names, so the planner reads "无重叠 (3)", not "no-overlap (3)". */
function withRuleNames(message: Message, t: (key: string) => string): Message {
  if (message.key !== 'notice.publish.planHasErrors' || typeof message.params?.rules !== 'string') return message;
  const rules = message.params.rules.replace(/([a-z-]+) \((\d+)\)/g, (_, id: string, n: string) => `${t(`rules.${id}.name`)}（${id}）× ${n}`);
  return { ...message, params: { ...message.params, rules } };
}

export function PublishNoticeDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const confirmSetAside = useConfirmSetAside();
  const { editor } = useServices();
  const { versions, controller } = useDrafts();
  const meta = editor.plan.getState().plan.meta;
  const [list, setList] = useState<readonly VersionRecord[]>([]);
  const [versionId, setVersionId] = useState('');
  const today = useMemo(() => localDate(new Date()), []);
  const [details, setDetails] = useState<NoticeDetails>({ startDate: today, endDate: defaultEndDate(today), issuer: meta.township ? t('notice.ui.defaultIssuer', { township: meta.township }) : '', contact: '', howToObject: '' });
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    void versions.list().then((listed) => {
      if (!listed.ok) return setStatus({ kind: 'failed', message: listed.error });
      setList(listed.value);
      const preferred = listed.value.find((v) => v.publishedAt !== null) ?? listed.value[listed.value.length - 1];
      if (preferred) setVersionId(preferred.id);
    });
  }, [versions]);
  useEffect(() => () => (status.kind === 'done' ? URL.revokeObjectURL(status.url) : undefined), [status]);

  const set = (field: keyof NoticeDetails) => (value: string) =>
    setDetails((d) => (field === 'startDate' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? { ...d, startDate: value, endDate: defaultEndDate(value) } : { ...d, [field]: value }));
  const checked = checkNoticeDetails(details);
  const version = list.find((v) => v.id === versionId);

  const publish = async () => {
    if (!version) return;
    if (!checked.ok) return setStatus({ kind: 'failed', message: checked.error });
    if (!confirmSetAside('publishNotice')) return;
    const db = await controller.database();
    if (!db) return setStatus({ kind: 'failed', message: { key: 'drafts.versions.notStored' } });
    setStatus({ kind: 'working' });
    const published = await publishFromVersion(db, version, checked.value, new Date().toISOString());
    if (!published.ok) return setStatus({ kind: 'failed', message: withRuleNames(published.error, t) });
    if (version.publishedAt === null) await versions.publish(version.id);
    downloadBytes(published.value.fileName, published.value.bytes, 'text/html');
    const url = URL.createObjectURL(new Blob([published.value.bytes as Uint8Array<ArrayBuffer>], { type: 'text/html' }));
    setStatus({ kind: 'done', fileName: published.value.fileName, bytes: published.value.bytes.length, url });
  };

  const field = (key: keyof NoticeDetails, kind: 'date' | 'text' | 'area') => (
    <label className="notice-field">
      <span>{t(`notice.field.${key}`)}</span>
      {kind === 'area' ? (
        <textarea rows={2} maxLength={500} value={details[key]} data-field={key} onChange={(e) => set(key)(e.target.value)} />
      ) : (
        <input type={kind} value={details[key]} data-field={key} maxLength={500} onChange={(e) => set(key)(e.target.value)} />
      )}
    </label>
  );

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
      <div className="notice-dates">
        {field('startDate', 'date')}
        {field('endDate', 'date')}
      </div>
      {field('issuer', 'text')}
      {field('contact', 'text')}
      {field('howToObject', 'area')}
      {!checked.ok ? <p className="field-error" data-testid="notice-details-problem">{renderMessage(t, checked.error)}</p> : null}
      {status.kind === 'failed' ? <p className="field-error" role="alert" data-testid="publish-problem">{renderMessage(t, status.message)}</p> : null}
      {status.kind === 'working' ? <p className="hint" role="status">{t('notice.ui.publishing')}</p> : null}
      {status.kind === 'done' ? (
        <p className="hint" role="status" data-testid="publish-done">
          {t('notice.ui.published', { file: status.fileName, size: (status.bytes / 1_048_576).toFixed(2) })}{' '}
          <a href={status.url} target="_blank" rel="noreferrer">
            {t('notice.ui.preview')}
          </a>
        </p>
      ) : null}
    </Dialog>
  );
}
