/**
 * 公示意见: import the villagers' feedback files (or pasted QR text) into the plan's GSYJ layer, answer each
 * comment (采纳 / 部分采纳 / 不采纳 with the reason) and export the 公示意见处理表 (.xlsx). Comments are
 * rendered as React text: whatever a villager typed is shown, never run.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { villageTime } from '../../domain/calendar.ts';
import type { FeatureOf } from '../../domain/features.ts';
import type { FeatureId } from '../../domain/ids.ts';
import type { Message } from '../../domain/message.ts';
import { ANSWER_STATUSES, answerFeedback, importFeedback, MAX_ANSWER, type FeedbackStatus } from '../../io/feedback/feedback-commands.ts';
import { renderMessage } from '../../rules/render.ts';
import { usePlanState, useServices } from '../services.tsx';
import { downloadBytes } from '../download.ts';
import { readFeedbackText } from './read-feedback.ts';
import { Dialog } from '../dialog/Dialog.tsx';

function CommentRow({ feature }: { feature: FeatureOf<'feedback'> }) {
  const { t } = useTranslation();
  const { editor } = useServices();
  const p = feature.properties;
  const [status, setStatus] = useState<FeedbackStatus>(p.status);
  const [answer, setAnswer] = useState(p.answer);
  const [problem, setProblem] = useState<Message | null>(null);
  const save = () => {
    const outcome = editor.plan.execute(answerFeedback(editor.plan.context(), feature.id as FeatureId, status, answer));
    setProblem(outcome.ok ? null : (outcome.message ?? null));
  };
  return (
    <li className={`feedback-row status-${p.status}`} data-feedback={feature.id}>
      <p className="feedback-comment" data-testid="feedback-comment">
        {p.comment}
      </p>
      <p className="hint">
        {villageTime(p.createdAt)}
        {p.author ? ` · ${p.author}` : ''}
        {p.phone ? ` · ${p.phone}` : ''}
        {` · ${t(`notice.status.${p.status}`)}`}
      </p>
      <div className="feedback-answer">
        <select value={status} aria-label={t('notice.register.status')} data-field="status" onChange={(e) => setStatus(e.target.value as FeedbackStatus)}>
          <option value="open">{t('notice.status.open')}</option>
          {ANSWER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`notice.status.${s}`)}
            </option>
          ))}
        </select>
        <input type="text" value={answer} maxLength={MAX_ANSWER} placeholder={t('notice.register.answer')} aria-label={t('notice.register.answer')} data-field="answer" onChange={(e) => setAnswer(e.target.value)} />
        <button type="button" className="mini-button" data-action="answer-feedback" onClick={save}>
          {t('notice.ui.saveAnswer')}
        </button>
      </div>
      {problem ? <p className="field-error" role="alert">{renderMessage(t, problem)}</p> : null}
    </li>
  );
}

export function FeedbackPanel({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { editor } = useServices();
  const feedbackLayer = usePlanState((s) => s.plan.layers.feedback);
  const comments = (Object.values(feedbackLayer) as FeatureOf<'feedback'>[]).sort((a, b) => a.properties.createdAt.localeCompare(b.properties.createdAt));
  const [pasted, setPasted] = useState('');
  const [messages, setMessages] = useState<{ level: 'ok' | 'error'; message: Message }[]>([]);

  const importText = (text: string, name: string) => {
    const read = readFeedbackText(text);
    if (!read.ok) return [{ level: 'error' as const, message: { key: 'notice.ui.fileProblem', params: { file: name, reason: renderMessage(t, read.error) } } }];
    const outcome = editor.plan.execute(importFeedback(editor.plan.context(), read.value));
    if (!outcome.ok) return [{ level: 'error' as const, message: { key: 'notice.ui.fileProblem', params: { file: name, reason: renderMessage(t, outcome.message ?? { key: 'notice.feedback.notFeedback' }) } } }];
    return (outcome.notes ?? []).map((message) => ({ level: 'ok' as const, message: { key: 'notice.ui.fileProblem', params: { file: name, reason: renderMessage(t, message) } } }));
  };
  const importFiles = async (files: FileList | null) => {
    const found: typeof messages = [];
    for (const file of files ? [...files] : []) found.push(...importText(await file.text(), file.name));
    setMessages(found);
  };
  const exportRegister = async () => {
    const { registerXlsx } = await import('../../io/feedback/register-xlsx.ts');
    // The register goes with the submission: Chinese whatever language the editor shows.
    const zh = i18n.getFixedT('zh-CN');
    const plan = editor.plan.getState().plan;
    const bytes = await registerXlsx(plan, (key, params) => zh(key, params ?? {}));
    downloadBytes(zh('notice.ui.registerFile', { village: plan.meta.villageName }), bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  };

  return (
    <Dialog
      title={t('notice.ui.feedbackTitle')}
      className="notice-dialog feedback-dialog"
      onClose={onClose}
      footer={
        <button type="button" className="primary" data-action="export-register" disabled={comments.length === 0} onClick={() => void exportRegister()}>
          {t('notice.ui.exportRegister')}
        </button>
      }
    >
      <p className="hint">{t('notice.ui.feedbackHint')}</p>
      <h3>{t('notice.ui.comments', { count: comments.length })}</h3>
      <ul className="feedback-list">
        {comments.map((f) => (
          <CommentRow key={`${f.id}:${f.properties.status}:${f.properties.answer}`} feature={f} />
        ))}
      </ul>
      {/* Below the comments: the big paste box never sits between a comment and its answer field. */}
      <h3>{t('notice.ui.importSection')}</h3>
      <label className="notice-field">
        <span>{t('notice.ui.importFiles')}</span>
        <input type="file" accept=".json,.txt,application/json,text/plain" multiple data-field="feedback-files" onChange={(e) => {
            const input = e.target;
            // Emptied after reading, so choosing the same file again (a re-sent file) reads it again.
            void importFiles(input.files).then(() => (input.value = ''));
          }} />
      </label>
      <label className="notice-field">
        <span>{t('notice.ui.pasteQr')}</span>
        <textarea rows={2} value={pasted} data-field="feedback-text" onChange={(e) => setPasted(e.target.value)} />
      </label>
      <div className="buttons">
        <button type="button" data-action="import-feedback-text" disabled={!pasted.trim()} onClick={() => (setMessages(importText(pasted, t('notice.ui.pastedText'))), setPasted(''))}>
          {t('notice.ui.importText')}
        </button>
      </div>
      <ul className="import-messages" data-testid="feedback-import-messages">
        {messages.map((m, i) => (
          <li key={i} className={m.level === 'error' ? 'field-error' : 'hint'}>
            {renderMessage(t, m.message)}
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
