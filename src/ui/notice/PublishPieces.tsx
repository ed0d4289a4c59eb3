/**
 * The pieces both publish dialogs share (a 2017 plan's and a 2026 村庄规划's): the notice details form with
 * the 30-day rule (the end follows the start, 30 days on; a shorter notice is said at once), the refusal
 * listing with each rule's name beside its id, and the outcome: the file downloaded, with a preview link.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDate } from '../../domain/calendar.ts';
import type { Message, Result } from '../../domain/message.ts';
import { renderMessage } from '../../rules/render.ts';
import { downloadBytes } from '../download.ts';
import { checkNoticeDetails, defaultEndDate, type NoticeDetails } from '../../viewer/publish/notice-details.ts';

/** Rule ids in a refusal become their names, so the planner reads "无重叠（no-overlap）× 3", not "no-overlap (3)". */
export function withRuleNames(message: Message, ruleName: (id: string) => string): Message {
  if (message.key !== 'notice.publish.planHasErrors' || typeof message.params?.rules !== 'string') return message;
  const rules = message.params.rules.replace(/([a-z0-9-]+) \((\d+)\)/g, (_, id: string, n: string) => `${ruleName(id)}（${id}）× ${n}`);
  return { ...message, params: { ...message.params, rules } };
}

export interface NoticeDetailsForm {
  readonly details: NoticeDetails;
  readonly checked: Result<NoticeDetails>;
  set(field: keyof NoticeDetails): (value: string) => void;
}

/** The details being entered, starting today and ending 30 days later, and their check. */
export function useNoticeDetails(issuer: string): NoticeDetailsForm {
  const [details, setDetails] = useState<NoticeDetails>(() => {
    const today = localDate(new Date());
    return { startDate: today, endDate: defaultEndDate(today), issuer, contact: '', howToObject: '' };
  });
  const set = (field: keyof NoticeDetails) => (value: string) =>
    setDetails((d) => (field === 'startDate' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? { ...d, startDate: value, endDate: defaultEndDate(value) } : { ...d, [field]: value }));
  return { details, checked: checkNoticeDetails(details), set };
}

export function NoticeDetailsFields({ form }: { form: NoticeDetailsForm }) {
  const { t } = useTranslation();
  const { details, checked, set } = form;
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
    <>
      <div className="notice-dates">
        {field('startDate', 'date')}
        {field('endDate', 'date')}
      </div>
      {field('issuer', 'text')}
      {field('contact', 'text')}
      {field('howToObject', 'area')}
      {!checked.ok ? <p className="field-error" data-testid="notice-details-problem">{renderMessage(t, checked.error)}</p> : null}
    </>
  );
}

export type PublishStatus = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; fileName: string; bytes: number; url: string } | { kind: 'failed'; message: Message };

/** Where publishing stands; `delivered` downloads the notice and keeps a preview link until the next status. */
export function usePublishStatus(): { status: PublishStatus; setStatus: (status: PublishStatus) => void; delivered: (fileName: string, bytes: Uint8Array) => void } {
  const [status, setStatus] = useState<PublishStatus>({ kind: 'idle' });
  useEffect(() => () => (status.kind === 'done' ? URL.revokeObjectURL(status.url) : undefined), [status]);
  const delivered = (fileName: string, bytes: Uint8Array) => {
    downloadBytes(fileName, bytes, 'text/html');
    const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'text/html' }));
    setStatus({ kind: 'done', fileName, bytes: bytes.length, url });
  };
  return { status, setStatus, delivered };
}

export function PublishStatusLine({ status }: { status: PublishStatus }) {
  const { t } = useTranslation();
  if (status.kind === 'failed') return <p className="field-error" role="alert" data-testid="publish-problem">{renderMessage(t, status.message)}</p>;
  if (status.kind === 'working') return <p className="hint" role="status">{t('notice.ui.publishing')}</p>;
  if (status.kind !== 'done') return null;
  return (
    <p className="hint" role="status" data-testid="publish-done">
      {t('notice.ui.published', { file: status.fileName, size: (status.bytes / 1_048_576).toFixed(2) })}{' '}
      <a href={status.url} target="_blank" rel="noreferrer">
        {t('notice.ui.preview')}
      </a>
    </p>
  );
}
